import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { WorkspaceEntity } from '../workspaces/workspace.entity.js';

/**
 * What an MCP client holds after a person approved it: the right to `execute` on one gateway
 * resource (`/mcp/{scopeId}`) as that person (or the key they signed in with). The id is also
 * the id of oidc-provider's Grant, so tokens point at it.
 */
@Entity('oauth_grants')
@Index('idx_oauth_grants_workspace', ['workspaceId', 'id'])
export class OAuthGrantEntity {
  @PrimaryColumn('text')
  id!: string;

  @Column('text', { name: 'workspace_id' })
  workspaceId!: string;

  @ManyToOne(() => WorkspaceEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'workspace_id' })
  workspace?: WorkspaceEntity;

  /** the `ws_`, `proj_` or `mcp_` id of the gateway scope */
  @Column('text', { name: 'scope_id' })
  scopeId!: string;

  /** the RFC 8707 resource, `PUBLIC_URL/mcp/{scopeId}`: the tokens' audience */
  @Column('text')
  resource!: string;

  @Column('text', { name: 'client_id' })
  clientId!: string;

  @Column('text', { name: 'client_name', nullable: true })
  clientName!: string | null;

  /** `usr_`, `key_` or `admin`: whom the client acts as */
  @Column('text', { name: 'account_id' })
  accountId!: string;

  @Column('text', { array: true })
  scopes!: string[];

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column('timestamptz', { name: 'last_used_at', nullable: true })
  lastUsedAt!: Date | null;

  @Column('timestamptz', { name: 'revoked_at', nullable: true })
  revokedAt!: Date | null;
}
