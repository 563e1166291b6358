import { postSourcesTable } from './attribution/post-sources.repository.js';

/** The row types the importer declares, checked against the migrated schema by apps/api/test/row-types.int-spec.ts. */
export const importerTables = [postSourcesTable];
