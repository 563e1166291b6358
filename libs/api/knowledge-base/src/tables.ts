import { articleRevisionsTable, articlesTable } from './articles/articles.repository.js';
import { articleFeedbackTable } from './feedback/feedback.repository.js';
import { kbSettingsTable } from './settings/settings.repository.js';
import { topicsTable } from './topics/topics.repository.js';

/** The row types the knowledge base declares, checked against the migrated schema by apps/api/test/row-types.int-spec.ts. */
export const knowledgeBaseTables = [
  topicsTable,
  articlesTable,
  articleRevisionsTable,
  articleFeedbackTable,
  kbSettingsTable,
];
