export * from './model';
export { buildLayout, sourceLines } from './build';
export { plainText, runsIn } from './runs';
