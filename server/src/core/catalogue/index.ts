export { Catalogue, normaliseMarking } from './catalogue';
export { loadBuiltInCatalogue, loadCatalogue, type CatalogueProblem } from './load';
export type { Mention } from './matcher';
export {
  extraFileSchema,
  instrumentKinds,
  type Body,
  type CatalogueData,
  type Entry,
  type Instrument,
  type InstrumentKind,
  type Language,
  type Marking,
  type Presidency,
  type SubjectCode,
} from './schema';
