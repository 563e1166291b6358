import { accountsEntities, accountsMigrations } from '@crossroads/api-accounts';
import { qaEntities, qaMigrations } from '@crossroads/api-qa';
import { mentoringEntities, mentoringMigrations } from '@crossroads/api-mentoring';
import { moderationEntities, moderationMigrations } from '@crossroads/api-moderation';
import { platformMigrations, type SchemaParts } from '@crossroads/api-platform';

/** Every context's tables: the entities the API maps and the migrations that create them. */
export const apiSchema: SchemaParts = {
  entities: [...accountsEntities, ...qaEntities, ...mentoringEntities, ...moderationEntities],
  migrations: [...platformMigrations, ...accountsMigrations, ...qaMigrations, ...mentoringMigrations, ...moderationMigrations],
};
