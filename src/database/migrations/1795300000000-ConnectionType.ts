import type { MigrationInterface, QueryRunner } from "typeorm";

/** The project-style connectionType: `proxy` (through Patchbay's gateway, the documented default) or `direct`. */
export class ConnectionType1795300000000 implements MigrationInterface {
    name = 'ConnectionType1795300000000'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "mcp_servers" ADD "connection_type" text NOT NULL DEFAULT 'proxy'`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "mcp_servers" DROP COLUMN "connection_type"`);
    }
}
