import type { MigrationInterface, QueryRunner } from "typeorm";

export class ConsoleSessions1795400000000 implements MigrationInterface {
    name = 'ConsoleSessions1795400000000'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE "console_sessions" ("token_hash" text NOT NULL, "kind" text NOT NULL, "credential_hash" text, "subject" text NOT NULL, "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_console_sessions" PRIMARY KEY ("token_hash"))`);
        await queryRunner.query(`CREATE INDEX "idx_console_sessions_expiry" ON "console_sessions" ("expires_at") `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP INDEX "public"."idx_console_sessions_expiry"`);
        await queryRunner.query(`DROP TABLE "console_sessions"`);
    }
}
