import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Weighted flags: each flag keeps the weight it was given (0 under the bar, 1 member, 2 trusted, 3 moderator). */
export class FlagWeights1795400000002 implements MigrationInterface {
  name = 'FlagWeights1795400000002';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`ALTER TABLE "flags" ADD "weight" smallint NOT NULL DEFAULT '1'`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`ALTER TABLE "flags" DROP COLUMN "weight"`);
  }
}
