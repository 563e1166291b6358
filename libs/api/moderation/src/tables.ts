import { flaggedPostsTable, flagsTable } from './flags/flags.repository.js';
import { messageReportsTable } from './message-reports/message-reports.repository.js';
import { moderationLogTable } from './log/moderation-log.repository.js';
import { memberModerationTable, suspensionsTable } from './suspensions/suspensions.repository.js';
import { moderationWordsTable } from './words/moderation-words.repository.js';

/** The row types moderation declares, checked against the migrated schema by apps/api/test/row-types.int-spec.ts. */
export const moderationTables = [
  flagsTable,
  flaggedPostsTable,
  suspensionsTable,
  memberModerationTable,
  moderationLogTable,
  moderationWordsTable,
  messageReportsTable,
];
