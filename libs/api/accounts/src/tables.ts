import { usersTable } from './users/users.repository.js';

/** The row types accounts declares, checked against the migrated schema by apps/api/test/row-types.int-spec.ts. */
export const accountsTables = [usersTable];
