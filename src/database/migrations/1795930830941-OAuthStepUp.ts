import type { MigrationInterface, QueryRunner } from "typeorm";

export class OAuthStepUp1795930830941 implements MigrationInterface {
    name = 'OAuthStepUp1795930830941'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "oauth_tokens" ADD "step_up_scope" text`);
        await queryRunner.query(`ALTER TABLE "oauth_tokens" ADD "step_up_attempts" integer NOT NULL DEFAULT '0'`);
        await queryRunner.query(`ALTER TABLE "oauth_tokens" ADD "step_up_pending" boolean NOT NULL DEFAULT false`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "oauth_tokens" DROP COLUMN "step_up_pending"`);
        await queryRunner.query(`ALTER TABLE "oauth_tokens" DROP COLUMN "step_up_attempts"`);
        await queryRunner.query(`ALTER TABLE "oauth_tokens" DROP COLUMN "step_up_scope"`);
    }

}
