import { accountsEntities, accountsMigrations } from '@crossroads/api-accounts';
import { qaEntities, qaMigrations } from '@crossroads/api-qa';
import { mentoringEntities, mentoringMigrations } from '@crossroads/api-mentoring';
import { moderationEntities, moderationMigrations } from '@crossroads/api-moderation';
import { importerEntities, importerMigrations } from '@crossroads/api-importer';
import { knowledgeBaseEntities, knowledgeBaseMigrations } from '@crossroads/api-knowledge-base';
import { notificationsEntities, notificationsMigrations } from '@crossroads/api-notifications';
import { insightsEntities, insightsMigrations } from '@crossroads/api-insights';
import { platformMigrations, type SchemaParts } from '@crossroads/api-platform';

/** Every context's tables: the entities the API maps and the migrations that create them. */
export const apiSchema: SchemaParts = {
  entities: [
    ...accountsEntities,
    ...qaEntities,
    ...mentoringEntities,
    ...moderationEntities,
    ...importerEntities,
    ...knowledgeBaseEntities,
    ...notificationsEntities,
    ...insightsEntities,
  ],
  migrations: [
    ...platformMigrations,
    ...accountsMigrations,
    ...qaMigrations,
    ...mentoringMigrations,
    ...moderationMigrations,
    ...importerMigrations,
    ...knowledgeBaseMigrations,
    ...notificationsMigrations,
    ...insightsMigrations,
  ],
};
