import type { MigrationInterface, QueryRunner } from "typeorm";

export class Registry1795267119354 implements MigrationInterface {
    name = 'Registry1795267119354'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE "mcp_servers" ("id" text NOT NULL, "workspace_id" text NOT NULL, "project_id" text, "name" text NOT NULL, "description" text, "transport" text NOT NULL, "url" text, "command" text, "args" jsonb NOT NULL DEFAULT '[]', "env_keys" text array NOT NULL DEFAULT '{}', "env_sealed" text, "header_names" text array NOT NULL DEFAULT '{}', "headers_sealed" text, "auth_type" text NOT NULL DEFAULT 'none', "auth_header" text, "api_key_sealed" text, "oauth_client_id" text, "oauth_client_secret_sealed" text, "oauth_token_endpoint" text, "oauth_authorization_endpoint" text, "oauth_scopes" text, "oauth_grant" text, "oauth_omit_resource" boolean NOT NULL DEFAULT false, "connector_id" text, "connector_config" jsonb, "proxy_url" text, "proxy_auth_sealed" text, "proxy_auth_header" text, "request_timeout" integer, "max_total_timeout" integer, "enabled" boolean NOT NULL DEFAULT true, "config_version" integer NOT NULL DEFAULT '1', "created_by" text NOT NULL, "connector_status" text NOT NULL DEFAULT '', "last_checked_at" TIMESTAMP WITH TIME ZONE, "last_connected_at" TIMESTAMP WITH TIME ZONE, "last_error" text, "consecutive_failures" integer NOT NULL DEFAULT '0', "last_latency_ms" integer, "next_check_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "lease_owner" text, "lease_until" TIMESTAMP WITH TIME ZONE, "tool_count" integer NOT NULL DEFAULT '0', "tools_hash" text, "tools_refreshed_at" TIMESTAMP WITH TIME ZONE, "oauth_expires_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_c781b3dc7cb2a5d19460b71914d" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "idx_mcp_servers_due" ON "mcp_servers"  ("next_check_at") `);
        await queryRunner.query(`CREATE UNIQUE INDEX "uq_mcp_servers_workspace_name" ON "mcp_servers"  ("workspace_id", "name") `);
        await queryRunner.query(`CREATE INDEX "idx_mcp_servers_workspace" ON "mcp_servers"  ("workspace_id", "id") `);
        await queryRunner.query(`CREATE TABLE "tools" ("id" text NOT NULL, "workspace_id" text NOT NULL, "server_id" text NOT NULL, "name" text NOT NULL, "title" text, "description" text, "input_schema" jsonb NOT NULL, "output_schema" jsonb, "annotations" jsonb, "definition" jsonb NOT NULL, "definition_hash" text NOT NULL, "enabled" boolean NOT NULL DEFAULT true, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_e23d56734caad471277bad8bf85" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "idx_tools_workspace" ON "tools"  ("workspace_id", "id") `);
        await queryRunner.query(`CREATE UNIQUE INDEX "uq_tools_server_name" ON "tools"  ("server_id", "name") `);
        await queryRunner.query(`CREATE TABLE "executions" ("id" text NOT NULL, "workspace_id" text NOT NULL, "project_id" text, "server_id" text NOT NULL, "server_name" text NOT NULL, "tool_id" text, "tool_name" text NOT NULL, "caller_id" text NOT NULL, "caller_kind" text NOT NULL, "via" text NOT NULL DEFAULT 'rest', "status" text NOT NULL, "error_code" text, "error_message" text, "args" jsonb, "duration_ms" integer NOT NULL, "started_at" TIMESTAMP WITH TIME ZONE NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_703e64e0ef651986191844b7b8b" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "idx_executions_server" ON "executions"  ("server_id", "id") `);
        await queryRunner.query(`CREATE INDEX "idx_executions_workspace" ON "executions"  ("workspace_id", "id") `);
        await queryRunner.query(`CREATE TABLE "status_events" ("id" text NOT NULL, "workspace_id" text NOT NULL, "server_id" text NOT NULL, "kind" text NOT NULL DEFAULT 'status_changed', "from_status" text NOT NULL DEFAULT '', "to_status" text NOT NULL DEFAULT '', "reason" text, "details" jsonb, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_9d6b2aec145f59238d523c484ef" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "idx_status_events_workspace" ON "status_events"  ("workspace_id", "id") `);
        await queryRunner.query(`CREATE INDEX "idx_status_events_server" ON "status_events"  ("server_id", "id") `);
        await queryRunner.query(`CREATE TABLE "oauth_clients" ("server_id" text NOT NULL, "issuer" text NOT NULL, "client_id" text NOT NULL, "client_secret_sealed" text, "registration_method" text NOT NULL, "token_endpoint_auth_method" text, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_85bdbbbbe5b54675e8787413908" PRIMARY KEY ("server_id", "issuer"))`);
        await queryRunner.query(`CREATE TABLE "oauth_tokens" ("server_id" text NOT NULL, "issuer" text NOT NULL, "access_token_sealed" text NOT NULL, "refresh_token_sealed" text, "expires_at" TIMESTAMP WITH TIME ZONE, "token_type" text NOT NULL, "scope" text, "resource" text, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_1e1bc71f9b054cc2df7a9592767" PRIMARY KEY ("server_id"))`);
        await queryRunner.query(`CREATE TABLE "oauth_states" ("state_hash" text NOT NULL, "server_id" text NOT NULL, "principal_id" text NOT NULL, "code_verifier_sealed" text NOT NULL, "redirect_uri" text NOT NULL, "issuer" text NOT NULL, "resource" text, "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_5defe4681c33ccfc0f935f51398" PRIMARY KEY ("state_hash"))`);
        await queryRunner.query(`ALTER TABLE "mcp_servers" ADD CONSTRAINT "FK_7baf99c922e9d6cbb9ee6f20ab1" FOREIGN KEY ("workspace_id") REFERENCES "workspaces"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "mcp_servers" ADD CONSTRAINT "FK_2c5d5ac7bcd4ab69cf4af6d30f3" FOREIGN KEY ("project_id") REFERENCES "projects"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "tools" ADD CONSTRAINT "FK_6b378c672ccef3333211b79728d" FOREIGN KEY ("server_id") REFERENCES "mcp_servers"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "status_events" ADD CONSTRAINT "FK_67ac970e0d73932efc630ac8065" FOREIGN KEY ("server_id") REFERENCES "mcp_servers"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "oauth_clients" ADD CONSTRAINT "FK_e2f43b7fd87581892f0afaa9d18" FOREIGN KEY ("server_id") REFERENCES "mcp_servers"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "oauth_tokens" ADD CONSTRAINT "FK_1e1bc71f9b054cc2df7a9592767" FOREIGN KEY ("server_id") REFERENCES "mcp_servers"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "oauth_states" ADD CONSTRAINT "FK_62d533c2d88941e8fd111e4cb21" FOREIGN KEY ("server_id") REFERENCES "mcp_servers"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "oauth_states" DROP CONSTRAINT "FK_62d533c2d88941e8fd111e4cb21"`);
        await queryRunner.query(`ALTER TABLE "oauth_tokens" DROP CONSTRAINT "FK_1e1bc71f9b054cc2df7a9592767"`);
        await queryRunner.query(`ALTER TABLE "oauth_clients" DROP CONSTRAINT "FK_e2f43b7fd87581892f0afaa9d18"`);
        await queryRunner.query(`ALTER TABLE "status_events" DROP CONSTRAINT "FK_67ac970e0d73932efc630ac8065"`);
        await queryRunner.query(`ALTER TABLE "tools" DROP CONSTRAINT "FK_6b378c672ccef3333211b79728d"`);
        await queryRunner.query(`ALTER TABLE "mcp_servers" DROP CONSTRAINT "FK_2c5d5ac7bcd4ab69cf4af6d30f3"`);
        await queryRunner.query(`ALTER TABLE "mcp_servers" DROP CONSTRAINT "FK_7baf99c922e9d6cbb9ee6f20ab1"`);
        await queryRunner.query(`DROP TABLE "oauth_states"`);
        await queryRunner.query(`DROP TABLE "oauth_tokens"`);
        await queryRunner.query(`DROP TABLE "oauth_clients"`);
        await queryRunner.query(`DROP INDEX "public"."idx_status_events_server"`);
        await queryRunner.query(`DROP INDEX "public"."idx_status_events_workspace"`);
        await queryRunner.query(`DROP TABLE "status_events"`);
        await queryRunner.query(`DROP INDEX "public"."idx_executions_workspace"`);
        await queryRunner.query(`DROP INDEX "public"."idx_executions_server"`);
        await queryRunner.query(`DROP TABLE "executions"`);
        await queryRunner.query(`DROP INDEX "public"."uq_tools_server_name"`);
        await queryRunner.query(`DROP INDEX "public"."idx_tools_workspace"`);
        await queryRunner.query(`DROP TABLE "tools"`);
        await queryRunner.query(`DROP INDEX "public"."idx_mcp_servers_workspace"`);
        await queryRunner.query(`DROP INDEX "public"."uq_mcp_servers_workspace_name"`);
        await queryRunner.query(`DROP INDEX "public"."idx_mcp_servers_due"`);
        await queryRunner.query(`DROP TABLE "mcp_servers"`);
    }

}
