import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Migrations that were replaced by per-owner squashes (each replacement is idempotent, so a database
 * that ran these ran the replacements as no-ops). Kept here only to clear them from the history.
 */
export const SQUASHED_MIGRATIONS: readonly string[] = ['MentoringIndexesViews1795307497504', 'PostDeletionWords1795307769495', 'DropMentoringQaViews1796710000001'];

/**
 * Brings an upgraded database's history in line with a fresh one's: drops the squashed migrations'
 * rows (TypeORM's revert fails on a name it cannot find in the code) and numbers the rows in timestamp
 * order, because the replacements ran last there and revert goes by id. A no-op on a fresh database.
 */
export class SquashedMigrationHistory1796900000000 implements MigrationInterface {
  name = 'SquashedMigrationHistory1796900000000';

  async up(runner: QueryRunner): Promise<void> {
    const removed = (await runner.query(`DELETE FROM "migrations" WHERE "name" = ANY($1::varchar[]) RETURNING "id"`, [[...SQUASHED_MIGRATIONS]])) as unknown[];
    if (removed.length === 0) return;
    // Two passes through negative ids, so no step collides with the primary key.
    await runner.query(`UPDATE "migrations" m SET "id" = -o.n FROM (SELECT "id", row_number() OVER (ORDER BY "timestamp", "id") AS n FROM "migrations") o WHERE m."id" = o."id"`);
    await runner.query(`UPDATE "migrations" SET "id" = -"id"`);
    await runner.query(`SELECT setval(pg_get_serial_sequence('"migrations"', 'id'), (SELECT max("id") FROM "migrations"))`);
  }

  async down(): Promise<void> {
    // Nothing to undo: the rows it removed name migrations that no longer exist.
  }
}
