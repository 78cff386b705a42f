export * from './model';
export { buildLayout, LayoutMemo, sourceLines } from './build';
export { plainText, runsIn } from './runs';
