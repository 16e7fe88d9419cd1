import type { MigrationInterface, QueryRunner } from 'typeorm';
import { newId } from '../../common/ids/ids.js';

/**
 * Per-user upstream credentials: a server's `credential_mode`, and OAuth tokens keyed by (server, principal) with a
 * `cred_` id. A shared server's one credential has principal_id '' (so the key stays a plain primary key).
 */
export class PerUserCredentials1795940000000 implements MigrationInterface {
  name = 'PerUserCredentials1795940000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "mcp_servers" ADD "credential_mode" text NOT NULL DEFAULT 'shared'`);
    await queryRunner.query(`ALTER TABLE "oauth_tokens" ADD "principal_id" text NOT NULL DEFAULT ''`);
    await queryRunner.query(`ALTER TABLE "oauth_tokens" ADD "id" text`);
    await queryRunner.query(`ALTER TABLE "oauth_tokens" ADD "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now()`);
    await queryRunner.query(`ALTER TABLE "oauth_tokens" ADD "last_used_at" TIMESTAMP WITH TIME ZONE`);
    const rows: Array<{ server_id: string }> = await queryRunner.query(`SELECT server_id FROM "oauth_tokens"`);
    for (const r of rows) await queryRunner.query(`UPDATE "oauth_tokens" SET id = $1 WHERE server_id = $2`, [newId('cred'), r.server_id]);
    await queryRunner.query(`ALTER TABLE "oauth_tokens" ALTER COLUMN "id" SET NOT NULL`);
    await queryRunner.query(`ALTER TABLE "oauth_tokens" ADD CONSTRAINT "uq_oauth_tokens_id" UNIQUE ("id")`);
    await queryRunner.query(`ALTER TABLE "oauth_tokens" DROP CONSTRAINT "PK_1e1bc71f9b054cc2df7a9592767"`);
    await queryRunner.query(`ALTER TABLE "oauth_tokens" ADD CONSTRAINT "PK_oauth_tokens_server_principal" PRIMARY KEY ("server_id", "principal_id")`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DELETE FROM "oauth_tokens" WHERE principal_id <> ''`);
    await queryRunner.query(`ALTER TABLE "oauth_tokens" DROP CONSTRAINT "PK_oauth_tokens_server_principal"`);
    await queryRunner.query(`ALTER TABLE "oauth_tokens" ADD CONSTRAINT "PK_1e1bc71f9b054cc2df7a9592767" PRIMARY KEY ("server_id")`);
    await queryRunner.query(`ALTER TABLE "oauth_tokens" DROP CONSTRAINT "uq_oauth_tokens_id"`);
    await queryRunner.query(`ALTER TABLE "oauth_tokens" DROP COLUMN "last_used_at"`);
    await queryRunner.query(`ALTER TABLE "oauth_tokens" DROP COLUMN "created_at"`);
    await queryRunner.query(`ALTER TABLE "oauth_tokens" DROP COLUMN "id"`);
    await queryRunner.query(`ALTER TABLE "oauth_tokens" DROP COLUMN "principal_id"`);
    await queryRunner.query(`ALTER TABLE "mcp_servers" DROP COLUMN "credential_mode"`);
  }
}
