import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * oidc-provider's stored models (interactions, sessions, grants, codes, access and refresh
 * tokens, dynamically registered clients), one row each, keyed by model name and id.
 */
@Entity('authz_models')
@Index('idx_authz_models_grant', ['grantId'])
@Index('idx_authz_models_uid', ['uid'])
@Index('idx_authz_models_expires', ['expiresAt'])
export class AuthzModelEntity {
  @PrimaryColumn('text')
  model!: string;

  @PrimaryColumn('text')
  id!: string;

  @Column('jsonb')
  payload!: Record<string, unknown>;

  @Column('text', { name: 'grant_id', nullable: true })
  grantId!: string | null;

  @Column('text', { nullable: true })
  uid!: string | null;

  @Column('timestamptz', { name: 'expires_at', nullable: true })
  expiresAt!: Date | null;

  @Column('timestamptz', { name: 'consumed_at', nullable: true })
  consumedAt!: Date | null;
}
