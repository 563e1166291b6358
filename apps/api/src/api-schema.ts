import { accountsEntities, accountsMigrations } from '@crossroads/api-accounts';
import { qaEntities, qaMigrations } from '@crossroads/api-qa';
import { platformMigrations, type SchemaParts } from '@crossroads/api-platform';

/** Every context's tables: the entities the API maps and the migrations that create them. */
export const apiSchema: SchemaParts = {
  entities: [...accountsEntities, ...qaEntities],
  migrations: [...platformMigrations, ...accountsMigrations, ...qaMigrations],
};
