import { checkInsTable } from './check-ins/check-ins.repository.js';
import { conductIncidentsTable, mentorPausesTable, pauseAppealsTable } from './conduct/conduct.repository.js';

/** The row types mentoring declares (its newer tables), checked against the migrated schema by apps/api/test/row-types.int-spec.ts. */
export const mentoringTables = [checkInsTable, conductIncidentsTable, mentorPausesTable, pauseAppealsTable];
