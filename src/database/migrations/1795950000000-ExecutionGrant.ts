import type { MigrationInterface, QueryRunner } from 'typeorm';

/** An execution record names the gateway grant an MCP client called through. */
export class ExecutionGrant1795950000000 implements MigrationInterface {
  name = 'ExecutionGrant1795950000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "executions" ADD "grant_id" text`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "executions" DROP COLUMN "grant_id"`);
  }
}
