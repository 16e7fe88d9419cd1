import { Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';

/** How a console session was opened; `user` is the seam for a dashboard user signed in through the OIDC IdP. */
export type SessionKind = 'admin' | 'api_key' | 'user';

/**
 * A console sign-in. The browser holds the random session secret in an HttpOnly cookie; only its
 * sha256 is stored here. The session remembers which credential opened it (the sha256 of the key,
 * the same hash `api_keys.secret_hash` holds), so revoking that key ends its sessions too.
 */
@Entity('console_sessions')
export class SessionEntity {
  /** sha256 of the cookie's secret */
  @PrimaryColumn('text', { name: 'token_hash' })
  tokenHash!: string;

  @Column('text')
  kind!: SessionKind;

  /** sha256 of the key that opened the session (admin or api key); null for a `user` session */
  @Column('text', { name: 'credential_hash', nullable: true })
  credentialHash!: string | null;

  /** `admin`, a `key_` id, or (later) a `usr_` id: for listing and logging, never for authentication */
  @Column('text')
  subject!: string;

  @Index('idx_console_sessions_expiry')
  @Column('timestamptz', { name: 'expires_at' })
  expiresAt!: Date;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
