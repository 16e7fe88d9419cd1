import type { MigrationInterface, QueryRunner } from "typeorm";

export class DurableExecutions1795930382208 implements MigrationInterface {
    name = 'DurableExecutions1795930382208'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE "replicas" ("id" text NOT NULL, "started_at" TIMESTAMP WITH TIME ZONE NOT NULL, "heartbeat_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_6587a2c44763909278f24ae9357" PRIMARY KEY ("id"))`);
        await queryRunner.query(`ALTER TABLE "executions" ADD "replica_id" text`);
        await queryRunner.query(`CREATE INDEX "idx_executions_running" ON "executions"  ("replica_id") WHERE status = 'running'`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP INDEX "public"."idx_executions_running"`);
        await queryRunner.query(`ALTER TABLE "executions" DROP COLUMN "replica_id"`);
        await queryRunner.query(`DROP TABLE "replicas"`);
    }

}
