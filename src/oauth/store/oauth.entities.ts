import { Column, CreateDateColumn, Entity, JoinColumn, ManyToOne, PrimaryColumn, Unique, UpdateDateColumn } from 'typeorm';
import { McpServerEntity } from '../../mcp-servers/mcp-server.entity.js';

/** The OAuth client Patchbay is at one authorization server, for one MCP server. */
@Entity('oauth_clients')
export class OAuthClientEntity {
  @PrimaryColumn('text', { name: 'server_id' }) serverId!: string;
  @PrimaryColumn('text') issuer!: string;

  @ManyToOne(() => McpServerEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'server_id' })
  server?: McpServerEntity;

  @Column('text', { name: 'client_id' }) clientId!: string;
  @Column('text', { name: 'client_secret_sealed', nullable: true }) clientSecretSealed!: string | null;
  @Column('text', { name: 'registration_method' }) registrationMethod!: string;
  @Column('text', { name: 'token_endpoint_auth_method', nullable: true }) tokenEndpointAuthMethod!: string | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
}

/** The tokens of one credential: a server's shared one (principal '') or one caller's own (`per_user`). */
@Entity('oauth_tokens')
@Unique('uq_oauth_tokens_id', ['id'])
export class OAuthTokenEntity {
  @PrimaryColumn('text', { name: 'server_id', primaryKeyConstraintName: 'PK_oauth_tokens_server_principal' }) serverId!: string;
  /** '' for the server's shared credential; the owner's usr_/key_ id for a per-user one. */
  @PrimaryColumn('text', { name: 'principal_id', default: '', primaryKeyConstraintName: 'PK_oauth_tokens_server_principal' }) principalId!: string;
  @Column('text') id!: string;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @Column('timestamptz', { name: 'last_used_at', nullable: true }) lastUsedAt!: Date | null;

  @ManyToOne(() => McpServerEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'server_id' })
  server?: McpServerEntity;

  @Column('text') issuer!: string;
  @Column('text', { name: 'access_token_sealed' }) accessTokenSealed!: string;
  @Column('text', { name: 'refresh_token_sealed', nullable: true }) refreshTokenSealed!: string | null;
  @Column('timestamptz', { name: 'expires_at', nullable: true }) expiresAt!: Date | null;
  @Column('text', { name: 'token_type' }) tokenType!: string;
  @Column('text', { nullable: true }) scope!: string | null;
  @Column('text', { nullable: true }) resource!: string | null;
  /** Step-up after 403 insufficient_scope: the scope wanted, the authorizations tried for it, whether one is wanted now. */
  @Column('text', { name: 'step_up_scope', nullable: true }) stepUpScope!: string | null;
  @Column('integer', { name: 'step_up_attempts', default: 0 }) stepUpAttempts!: number;
  @Column('boolean', { name: 'step_up_pending', default: false }) stepUpPending!: boolean;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt!: Date;
}

/** An authorisation in flight; the primary key is a hash of the state, never the state itself. */
@Entity('oauth_states')
export class OAuthStateEntity {
  @PrimaryColumn('text', { name: 'state_hash' }) stateHash!: string;
  @Column('text', { name: 'server_id' }) serverId!: string;

  @ManyToOne(() => McpServerEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'server_id' })
  server?: McpServerEntity;

  @Column('text', { name: 'principal_id' }) principalId!: string;
  @Column('text', { name: 'code_verifier_sealed' }) codeVerifierSealed!: string;
  @Column('text', { name: 'redirect_uri' }) redirectUri!: string;
  @Column('text') issuer!: string;
  @Column('text', { nullable: true }) resource!: string | null;
  @Column('timestamptz', { name: 'expires_at' }) expiresAt!: Date;
}
