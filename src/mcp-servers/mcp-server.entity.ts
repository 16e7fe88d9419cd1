import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import { ProjectEntity } from '../projects/project.entity.js';
import { WorkspaceEntity } from '../workspaces/workspace.entity.js';

export const TRANSPORTS = ['streamable_http', 'sse', 'stdio'] as const;
export type Transport = (typeof TRANSPORTS)[number];
export const AUTH_TYPES = ['none', 'api_key', 'oauth'] as const;
export type AuthType = (typeof AUTH_TYPES)[number];
export const CONNECTOR_STATUSES = ['connected', 'disconnected', 'error', ''] as const;
export type ConnectorStatus = (typeof CONNECTOR_STATUSES)[number];
/** project-style: `proxy` = clients reach the server through Patchbay's gateway; `direct` = at its own url */
export type ConnectionType = 'direct' | 'proxy';
/** OAuth servers: one upstream token for the workspace (`shared`), or one per caller (`per_user`). */
export const CREDENTIAL_MODES = ['shared', 'per_user'] as const;
export type CredentialMode = (typeof CREDENTIAL_MODES)[number];

/**
 * A registered MCP server. Secret material lives only in the `*_sealed` columns (AES-256-GCM,
 * see SecretBox); header and env names are kept in clear so they can be shown masked.
 */
@Entity('mcp_servers')
@Index('idx_mcp_servers_workspace', ['workspaceId', 'id'])
@Index('uq_mcp_servers_workspace_name', ['workspaceId', 'name'], { unique: true })
@Index('idx_mcp_servers_due', ['nextCheckAt'])
export class McpServerEntity {
  @PrimaryColumn('text') id!: string;

  @Column('text', { name: 'workspace_id' }) workspaceId!: string;

  @ManyToOne(() => WorkspaceEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'workspace_id' })
  workspace?: WorkspaceEntity;

  @Column('text', { name: 'project_id', nullable: true }) projectId!: string | null;

  @ManyToOne(() => ProjectEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'project_id' })
  project?: ProjectEntity;

  @Column('text') name!: string;
  @Column('text', { nullable: true }) description!: string | null;
  @Column('text') transport!: Transport;
  @Column('text', { nullable: true }) url!: string | null;
  @Column('text', { nullable: true }) command!: string | null;
  @Column('jsonb', { default: () => "'[]'" }) args!: string[];
  @Column('text', { name: 'env_keys', array: true, default: () => "'{}'" }) envKeys!: string[];
  @Column('text', { name: 'env_sealed', nullable: true }) envSealed!: string | null;
  @Column('text', { name: 'header_names', array: true, default: () => "'{}'" }) headerNames!: string[];
  @Column('text', { name: 'headers_sealed', nullable: true }) headersSealed!: string | null;
  @Column('text', { name: 'auth_type', default: 'none' }) authType!: AuthType;
  @Column('text', { name: 'auth_header', nullable: true }) authHeader!: string | null;
  @Column('text', { name: 'api_key_sealed', nullable: true }) apiKeySealed!: string | null;
  @Column('text', { name: 'oauth_client_id', nullable: true }) oauthClientId!: string | null;
  @Column('text', { name: 'oauth_client_secret_sealed', nullable: true }) oauthClientSecretSealed!: string | null;
  @Column('text', { name: 'oauth_token_endpoint', nullable: true }) oauthTokenEndpoint!: string | null;
  @Column('text', { name: 'oauth_authorization_endpoint', nullable: true }) oauthAuthorizationEndpoint!: string | null;
  @Column('text', { name: 'oauth_scopes', nullable: true }) oauthScopes!: string | null;
  /** `authorization_code` (default) or `client_credentials` */
  @Column('text', { name: 'oauth_grant', nullable: true }) oauthGrant!: string | null;
  @Column('boolean', { name: 'oauth_omit_resource', default: false }) oauthOmitResource!: boolean;
  @Column('text', { name: 'credential_mode', default: 'shared' }) credentialMode!: CredentialMode;
  @Column('text', { name: 'connector_id', nullable: true }) connectorId!: string | null;
  @Column('jsonb', { name: 'connector_config', nullable: true }) connectorConfig!: Record<string, unknown> | null;
  /** Project-style surface: send upstream traffic through a forward proxy. */
  @Column('text', { name: 'connection_type', default: 'proxy' }) connectionType!: ConnectionType;
  @Column('text', { name: 'proxy_url', nullable: true }) proxyUrl!: string | null;
  @Column('text', { name: 'proxy_auth_sealed', nullable: true }) proxyAuthSealed!: string | null;
  @Column('text', { name: 'proxy_auth_header', nullable: true }) proxyAuthHeader!: string | null;
  @Column('integer', { name: 'request_timeout', nullable: true }) requestTimeout!: number | null;
  @Column('integer', { name: 'max_total_timeout', nullable: true }) maxTotalTimeout!: number | null;
  @Column('boolean', { default: true }) enabled!: boolean;
  /** Bumped on every change of what the connection depends on. */
  @Column('integer', { name: 'config_version', default: 1 }) configVersion!: number;
  @Column('text', { name: 'created_by' }) createdBy!: string;

  // --- status (monitor) ---
  @Column('text', { name: 'connector_status', default: '' }) connectorStatus!: ConnectorStatus;
  @Column('timestamptz', { name: 'last_checked_at', nullable: true }) lastCheckedAt!: Date | null;
  @Column('timestamptz', { name: 'last_connected_at', nullable: true }) lastConnectedAt!: Date | null;
  @Column('text', { name: 'last_error', nullable: true }) lastError!: string | null;
  @Column('integer', { name: 'consecutive_failures', default: 0 }) consecutiveFailures!: number;
  @Column('integer', { name: 'last_latency_ms', nullable: true }) lastLatencyMs!: number | null;
  @Column('timestamptz', { name: 'next_check_at', default: () => 'now()' }) nextCheckAt!: Date;
  @Column('text', { name: 'lease_owner', nullable: true }) leaseOwner!: string | null;
  @Column('timestamptz', { name: 'lease_until', nullable: true }) leaseUntil!: Date | null;

  // --- tool cache summary ---
  @Column('integer', { name: 'tool_count', default: 0 }) toolCount!: number;
  @Column('text', { name: 'tools_hash', nullable: true }) toolsHash!: string | null;
  @Column('timestamptz', { name: 'tools_refreshed_at', nullable: true }) toolsRefreshedAt!: Date | null;

  @Column('timestamptz', { name: 'oauth_expires_at', nullable: true }) oauthExpiresAt!: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt!: Date;
}
