import { accountsEntities, accountsMigrations } from '@crossroads/api-accounts';
import { platformMigrations, type SchemaParts } from '@crossroads/api-platform';

/** Every context's tables: the entities the API maps and the migrations that create them. */
export const apiSchema: SchemaParts = {
  entities: [...accountsEntities],
  migrations: [...platformMigrations, ...accountsMigrations],
};
