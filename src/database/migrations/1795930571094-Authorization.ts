import type { MigrationInterface, QueryRunner } from "typeorm";

export class Authorization1795930571094 implements MigrationInterface {
    name = 'Authorization1795930571094'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE "authz_models" ("model" text NOT NULL, "id" text NOT NULL, "payload" jsonb NOT NULL, "grant_id" text, "uid" text, "expires_at" TIMESTAMP WITH TIME ZONE, "consumed_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_a3cb30d6d7d76a5b8942211e859" PRIMARY KEY ("model", "id"))`);
        await queryRunner.query(`CREATE INDEX "idx_authz_models_expires" ON "authz_models"  ("expires_at") `);
        await queryRunner.query(`CREATE INDEX "idx_authz_models_uid" ON "authz_models"  ("uid") `);
        await queryRunner.query(`CREATE INDEX "idx_authz_models_grant" ON "authz_models"  ("grant_id") `);
        await queryRunner.query(`CREATE TABLE "oauth_grants" ("id" text NOT NULL, "workspace_id" text NOT NULL, "scope_id" text NOT NULL, "resource" text NOT NULL, "client_id" text NOT NULL, "client_name" text, "account_id" text NOT NULL, "scopes" text array NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "last_used_at" TIMESTAMP WITH TIME ZONE, "revoked_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_197229704270fa696b539aa1a22" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "idx_oauth_grants_workspace" ON "oauth_grants"  ("workspace_id", "id") `);
        await queryRunner.query(`ALTER TABLE "oauth_grants" ADD CONSTRAINT "FK_76dc4cd26ec9a0e8d9c13f1f96b" FOREIGN KEY ("workspace_id") REFERENCES "workspaces"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "oauth_grants" DROP CONSTRAINT "FK_76dc4cd26ec9a0e8d9c13f1f96b"`);
        await queryRunner.query(`DROP INDEX "public"."idx_oauth_grants_workspace"`);
        await queryRunner.query(`DROP TABLE "oauth_grants"`);
        await queryRunner.query(`DROP INDEX "public"."idx_authz_models_grant"`);
        await queryRunner.query(`DROP INDEX "public"."idx_authz_models_uid"`);
        await queryRunner.query(`DROP INDEX "public"."idx_authz_models_expires"`);
        await queryRunner.query(`DROP TABLE "authz_models"`);
    }

}
