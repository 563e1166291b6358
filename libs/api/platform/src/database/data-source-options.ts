import type { DataSourceOptions, MixedList, EntitySchema } from 'typeorm';

export interface SchemaParts {
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  entities: MixedList<Function | string | EntitySchema>;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  migrations: MixedList<Function | string>;
}

/**
 * TypeORM options shared by the API, the CLI commands and the tests. Migrations only. With replicas,
 * TypeORM keeps a pool per server; everything uses the primary unless ReadReplicas routes a read.
 */
export function dataSourceOptions(
  url: string,
  parts: SchemaParts,
  poolSize = 20,
  replicaUrls: readonly string[] = [],
): DataSourceOptions {
  return {
    type: 'postgres',
    ...(replicaUrls.length
      ? {
          replication: {
            master: { url },
            slaves: replicaUrls.map((replica) => ({ url: replica })),
            defaultMode: 'master' as const,
          },
        }
      : { url }),
    entities: parts.entities,
    migrations: parts.migrations,
    synchronize: false,
    migrationsRun: false,
    migrationsTableName: 'migrations',
    // gen_random_uuid() is built into PostgreSQL 13+: no extension to install.
    uuidExtension: 'pgcrypto',
    installExtensions: false,
    extra: { max: poolSize, connectionTimeoutMillis: 5_000, application_name: 'crossroads' },
  };
}
