import { Column, JoinColumn, ManyToOne, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';

export const SCOPES = ['read', 'write', 'execute', 'admin'] as const;
export type Scope = (typeof SCOPES)[number];

@Entity('api_keys')
@Index('idx_api_keys_workspace', ['workspaceId', 'id'])
export class ApiKeyEntity {
  @PrimaryColumn('text')
  id!: string;

  @Column('text', { name: 'workspace_id' })
  workspaceId!: string;

  // named, not imported: auth sits below workspaces/ in the module graph
  @ManyToOne('WorkspaceEntity', { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'workspace_id' })
  workspace?: { id: string };

  @Column('text')
  name!: string;

  /** sha256 of the whole secret; the secret itself is never stored */
  @Index('uq_api_keys_hash', { unique: true })
  @Column('text', { name: 'secret_hash' })
  secretHash!: string;

  /** the first characters of the secret, to recognise a key in a list */
  @Column('text', { name: 'secret_prefix' })
  secretPrefix!: string;

  @Column('text', { array: true })
  scopes!: Scope[];

  @Column('text', { name: 'created_by' })
  createdBy!: string;

  @Column('timestamptz', { name: 'expires_at', nullable: true })
  expiresAt!: Date | null;

  @Column('timestamptz', { name: 'revoked_at', nullable: true })
  revokedAt!: Date | null;

  @Column('timestamptz', { name: 'last_used_at', nullable: true })
  lastUsedAt!: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
