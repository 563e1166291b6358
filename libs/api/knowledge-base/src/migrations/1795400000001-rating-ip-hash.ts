import type { MigrationInterface, QueryRunner } from 'typeorm';

/** One guest rating per article per IP as well as per cookie: a keyed hash of the rater's IP (never the IP). */
export class RatingIpHash1795400000001 implements MigrationInterface {
  name = 'RatingIpHash1795400000001';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`ALTER TABLE "kb_article_ratings" ADD "guest_ip_hash" character varying(64)`);
    await runner.query(`CREATE UNIQUE INDEX "kb_article_ratings_guest_ip_key" ON "kb_article_ratings" ("article_id", "guest_ip_hash") WHERE "guest_ip_hash" IS NOT NULL`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP INDEX "public"."kb_article_ratings_guest_ip_key"`);
    await runner.query(`ALTER TABLE "kb_article_ratings" DROP COLUMN "guest_ip_hash"`);
  }
}
