export { ImporterModule } from './importer.module.js';
export { importerEntities, importerMigrations, importerResolvers } from './schema.js';
export { importerTables } from './tables.js';
export { PostSourceEntity, SOURCE_KINDS, type SourceKind } from './attribution/post-source.entity.js';
export { PostSourceModel } from './attribution/post-source.model.js';
export {
  importStackExchange,
  formatSummary,
  isImportError,
  type ImportOptions,
  type ImportProgress,
  type ImportSummary,
  type SkippedRow,
} from './stackexchange/import-stackexchange.js';
export { htmlToMarkdown, licenceFor, parseTags, handleCandidates } from './stackexchange/mapping.js';
export { generateData, type GenerateOptions, type GenerateSummary } from './generator/generate.js';
