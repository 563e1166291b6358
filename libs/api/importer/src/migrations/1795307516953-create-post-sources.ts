import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreatePostSources1795307516953 implements MigrationInterface {
  name = 'CreatePostSources1795307516953';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`CREATE TABLE "post_sources" ("site" character varying(100) NOT NULL, "kind" character varying(10) NOT NULL, "source_id" character varying(40) NOT NULL, "target_id" uuid NOT NULL, "url" character varying(300) NOT NULL, "author_name" character varying(100), "author_url" character varying(300), "license" character varying(20), "imported_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_ea858c338327c74ad4828104c47" PRIMARY KEY ("site", "kind", "source_id"))`);
    await runner.query(`CREATE INDEX "post_sources_target_idx" ON "post_sources"  ("target_id") `);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP INDEX "public"."post_sources_target_idx"`);
    await runner.query(`DROP TABLE "post_sources"`);
  }
}
