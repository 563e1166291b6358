import { rows, type Db } from './rows.js';

/** The older names of `Db` and `rows` (one reader for TypeORM and pg clients), kept for mentoring's bulk code until its owner moves it. */
export type BulkDb = Db;
export const bulkRows = rows;
