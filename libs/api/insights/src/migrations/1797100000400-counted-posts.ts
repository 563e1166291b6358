import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Insights' ledger of counted posts: events and the backfill never count one post twice (issue 17). */
export class CountedPosts1797100000400 implements MigrationInterface {
  name = 'CountedPosts1797100000400';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`CREATE TABLE "insights_counted_posts" ("post_id" uuid NOT NULL, CONSTRAINT "PK_324848e9c6262757ba4d256a326" PRIMARY KEY ("post_id"))`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP TABLE "insights_counted_posts"`);
  }
}
