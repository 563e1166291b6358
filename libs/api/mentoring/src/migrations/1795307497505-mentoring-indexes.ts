import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Hand-written: what TypeORM cannot express. GIN indexes for the directory filters and matching
 * (`expertise && question tags`), the directory's full-text index, the partial unique index behind
 * "one open request per member–mentor pair" and the expiry job's partial index.
 *
 * Squashes the former MentoringIndexesViews1795307497504 (these indexes, and views over qa's tables)
 * with DropMentoringQaViews1796710000001 (which dropped those views again): idempotent, so databases
 * that ran those run this as a no-op, and one that had the views still gets them dropped. Mentoring
 * reads qa's read models instead (apps/api/test/migration-squash.int-spec.ts proves the squash).
 */
export class MentoringIndexes1795307497505 implements MigrationInterface {
  name = 'MentoringIndexes1795307497505';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`CREATE INDEX IF NOT EXISTS "mentor_profiles_expertise_idx" ON "mentor_profiles" USING gin ("expertise")`);
    await runner.query(`CREATE INDEX IF NOT EXISTS "mentor_profiles_industries_idx" ON "mentor_profiles" USING gin ("industries")`);
    await runner.query(`CREATE INDEX IF NOT EXISTS "mentor_profiles_certifications_idx" ON "mentor_profiles" USING gin ("certifications")`);
    await runner.query(
      `CREATE INDEX IF NOT EXISTS "mentor_profiles_search_idx" ON "mentor_profiles" USING gin (to_tsvector('english', "headline" || ' ' || "bio"))`,
    );
    await runner.query(
      `CREATE UNIQUE INDEX IF NOT EXISTS "mentorship_requests_open_pair_idx" ON "mentorship_requests" ("mentee_id", "mentor_id") WHERE "status" IN ('PENDING', 'ACCEPTED')`,
    );
    await runner.query(`CREATE INDEX IF NOT EXISTS "mentorship_requests_pending_idx" ON "mentorship_requests" ("created_at") WHERE "status" = 'PENDING'`);
    // Mentoring's former views (never created by this migration).
    await runner.query(`DROP VIEW IF EXISTS "mentoring_first_answers"`);
    await runner.query(`DROP VIEW IF EXISTS "mentoring_accepted_by_tag"`);
    await runner.query(`DROP VIEW IF EXISTS "mentoring_answer_stats"`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP INDEX "mentorship_requests_pending_idx"`);
    await runner.query(`DROP INDEX "mentorship_requests_open_pair_idx"`);
    await runner.query(`DROP INDEX "mentor_profiles_search_idx"`);
    await runner.query(`DROP INDEX "mentor_profiles_certifications_idx"`);
    await runner.query(`DROP INDEX "mentor_profiles_industries_idx"`);
    await runner.query(`DROP INDEX "mentor_profiles_expertise_idx"`);
  }
}
