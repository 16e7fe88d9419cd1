import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In, QueryFailedError, type EntityManager } from 'typeorm';
import { tenantWhere, type Tenant, type TenantFilter } from '../auth/access.service.js';
import { ConflictError } from '../common/errors/domain-error.js';
import { DEFAULT_LIMIT, MAX_LIMIT, type Page } from '../common/http/pagination.js';
import { newId } from '../common/ids/ids.js';
import { NotifyBus } from '../database/notify-bus.js';
import { McpServerEntity, type ConnectorStatus } from './mcp-server.entity.js';
import type { ServerViewRow } from './server-sealing.js';
import { statusOf, WORKSPACE_EVENTS, type CheckOutcome, type WorkspaceEventNotice } from './server-status.js';

/**
 * One statement: lock the row, write the check result, and insert a status event when the status changed
 * (the old status comes from the locked row, so two writers never both see "no change" or both "changed").
 * $8: the lease to drop when the caller holds it (the monitor), else NULL.
 */
const RECORD_SQL = `
WITH old AS (
  SELECT id, connector_status FROM mcp_servers WHERE id = $1 AND workspace_id = $2 FOR UPDATE
), upd AS (
  UPDATE mcp_servers m SET
    connector_status = $3,
    last_checked_at = $4,
    last_latency_ms = COALESCE($5, m.last_latency_ms),
    last_connected_at = CASE WHEN $6::boolean THEN $4 ELSE m.last_connected_at END,
    last_error = $7,
    consecutive_failures = CASE WHEN $6::boolean THEN 0 ELSE m.consecutive_failures + 1 END,
    next_check_at = COALESCE($9::timestamptz, m.next_check_at),
    lease_owner = CASE WHEN $8::text IS NOT NULL AND m.lease_owner = $8::text THEN NULL ELSE m.lease_owner END,
    lease_until = CASE WHEN $8::text IS NOT NULL AND m.lease_owner = $8::text THEN NULL ELSE m.lease_until END
  FROM old WHERE m.id = old.id
  RETURNING old.connector_status AS from_status
), ins AS (
  INSERT INTO status_events (id, workspace_id, server_id, kind, from_status, to_status, reason, created_at)
  SELECT $10, $2, $1, 'status_changed', upd.from_status, $3, $7, $4 FROM upd WHERE upd.from_status IS DISTINCT FROM $3
  RETURNING id
)
SELECT upd.from_status, (SELECT id FROM ins) AS event_id FROM upd`;

/**
 * Claims due servers for one replica. A claim is a lease in the row (`lease_owner`, `lease_until`): rows
 * another replica is claiming right now are skipped (SKIP LOCKED), rows it holds are skipped until the lease
 * runs out, so a replica that dies mid-check hands its servers over when their leases expire.
 */
const CLAIM_SQL = `
WITH due AS MATERIALIZED (
  SELECT id FROM mcp_servers
  WHERE enabled AND next_check_at <= now() AND (lease_until IS NULL OR lease_until < now())
  ORDER BY next_check_at
  LIMIT $2
  FOR UPDATE SKIP LOCKED
)
UPDATE mcp_servers m SET lease_owner = $1, lease_until = now() + make_interval(secs => $3::double precision / 1000)
FROM due WHERE m.id = due.id
RETURNING m.id`;

export interface ToolSummary {
  toolCount: number;
  toolsHash: string;
}

export interface RecordOptions {
  /** When the monitor should look again (kept as is when absent). */
  nextCheckAt?: Date;
  /** The monitor replica holding the server's lease, released in the same write. */
  leaseOwner?: string;
}

/** A row loaded for a job that runs for no caller (monitor, OAuth callback), with the tenant it belongs to. */
export interface SystemRow {
  server: McpServerEntity;
  tenant: Tenant;
}

const iso = (col: string) => `to_char(${col} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;
/** What a view shows, named as the view names it (see ServerViewRow); no sealed column is read. */
const VIEW_COLUMNS = [
  'id', 'workspace_id AS "workspaceId"', 'project_id AS "projectId"', 'name', 'description', 'transport', 'url', 'command', 'args',
  'env_keys AS "envKeys"', 'auth_type AS "authType"', 'auth_header AS "authHeader"', 'api_key_sealed IS NOT NULL AS "hasApiKey"',
  'header_names AS "headerNames"', 'oauth_client_id AS "oauthClientId"', 'oauth_client_secret_sealed IS NOT NULL AS "hasOauthClientSecret"',
  'oauth_token_endpoint AS "oauthTokenEndpoint"', 'oauth_authorization_endpoint AS "oauthAuthorizationEndpoint"', 'oauth_scopes AS "oauthScopes"',
  `${iso('oauth_expires_at')} AS "oauthExpiresAt"`, 'credential_mode AS "credentialMode"', 'connector_id AS "connectorId"', 'connector_config AS "connectorConfig"',
  'request_timeout AS "requestTimeout"', 'max_total_timeout AS "maxTotalTimeout"', 'enabled', 'connector_status AS "connectorStatus"',
  `${iso('last_checked_at')} AS "lastCheckedAt"`, `${iso('last_connected_at')} AS "lastConnectedAt"`, 'last_error AS "lastError"',
  'consecutive_failures AS "consecutiveFailures"', 'last_latency_ms AS "lastLatencyMs"', 'tool_count AS "toolCount"', 'created_by AS "createdBy"',
  `${iso('created_at')} AS "createdAt"`, `${iso('updated_at')} AS "updatedAt"`,
].join(', ');

/**
 * The only code that reads or writes the `mcp_servers` table. Every read and write of a tenant's row takes
 * the tenant (or the caller's tenant filter) first, so a query without a workspace does not compile. The few
 * cross-tenant jobs go through `system`, the one place a reviewer must audit for tenancy.
 */
@Injectable()
export class ServerRepository {
  private readonly logger = new Logger('ServerRows');
  readonly system: SystemServerRepository;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly bus: NotifyBus,
  ) {
    this.system = new SystemServerRepository(db, (server) => this.mint(server));
  }

  private get rows() {
    return this.db.getRepository(McpServerEntity);
  }

  /** The row, if it is in one of the workspaces the filter allows. */
  findVisible(filter: TenantFilter | Tenant, id: string): Promise<McpServerEntity | null> {
    return this.rows.findOne({ where: { id, ...tenantWhere<McpServerEntity>(filter) } });
  }

  find(tenant: Tenant, id: string): Promise<McpServerEntity | null> {
    return this.rows.findOne({ where: { id, workspaceId: tenant.workspaceId } });
  }

  /**
   * A page of servers as their views read them (ServerViewRow): one statement, exactly the shown columns (sealed
   * ones only as "is set"), timestamps formatted by the database; the row objects go out nearly as they come in.
   */
  async listViews(filter: TenantFilter, where: { projectId?: string; connectorStatus?: ConnectorStatus }, page: { limit?: number; cursor?: string }): Promise<Page<ServerViewRow>> {
    const limit = Math.min(page.limit ?? DEFAULT_LIMIT, MAX_LIMIT);
    const params: unknown[] = [];
    const conds: string[] = [];
    const param = (v: unknown) => `$${params.push(v)}`;
    if (filter.workspaceIds !== null) conds.push(`workspace_id = ANY(${param([...filter.workspaceIds])}::text[])`);
    if (where.projectId !== undefined) conds.push(`project_id = ${param(where.projectId)}`);
    if (where.connectorStatus !== undefined) conds.push(`connector_status = ${param(where.connectorStatus)}`);
    if (page.cursor !== undefined) conds.push(`id > ${param(page.cursor)}`);
    const sql = `SELECT ${VIEW_COLUMNS} FROM mcp_servers ${conds.length ? `WHERE ${conds.join(' AND ')}` : ''} ORDER BY id ASC LIMIT ${param(limit + 1)}`;
    const rows: ServerViewRow[] = await this.db.query(sql, params);
    const more = rows.length > limit;
    const data = more ? rows.slice(0, limit) : rows;
    return { data, nextCursor: more ? data[data.length - 1].id : null };
  }

  /** The enabled servers of a workspace, or of one of its projects, oldest first (the gateway's catalogue). */
  listEnabled(tenant: Tenant, projectId: string | null): Promise<McpServerEntity[]> {
    const where = { workspaceId: tenant.workspaceId, enabled: true, ...(projectId ? { projectId } : {}) };
    return this.rows.find({ where, order: { id: 'ASC' } });
  }

  async insert(tenant: Tenant, row: McpServerEntity): Promise<void> {
    row.workspaceId = tenant.workspaceId;
    await this.uniqueName(row.name, () => this.rows.insert(row as never));
  }

  /** A config or settings change the registry made on a row it loaded for this tenant. */
  async saveConfig(tenant: Tenant, row: McpServerEntity): Promise<void> {
    if (row.workspaceId !== tenant.workspaceId) throw new Error('row of another workspace');
    await this.uniqueName(row.name, () => this.rows.save(row));
  }

  async delete(tenant: Tenant, id: string): Promise<McpServerEntity | null> {
    const rows: McpServerEntity[] = await this.rows
      .createQueryBuilder()
      .delete()
      .where('id = :id AND workspace_id = :ws', { id, ws: tenant.workspaceId })
      .returning(['id', 'project_id'])
      .execute()
      .then((r) => (r.raw as Array<{ id: string; project_id: string | null }>).map((x) => ({ id: x.id, projectId: x.project_id }) as McpServerEntity));
    return rows[0] ?? null;
  }

  /**
   * The outcome of a connection check, a refresh or a run: status, latency and last error, and a status
   * event (announced on the workspace stream) when the status changed.
   */
  async recordCheck(tenant: Tenant, id: string, outcome: CheckOutcome, opts: RecordOptions = {}): Promise<Exclude<ConnectorStatus, ''>> {
    const now = new Date();
    const to = statusOf(outcome);
    const rows: Array<{ from_status: ConnectorStatus; event_id: string | null }> = await this.db.query(RECORD_SQL, [
      id,
      tenant.workspaceId,
      to,
      now,
      outcome.latencyMs ?? null,
      outcome.ok,
      outcome.ok ? null : outcome.error,
      opts.leaseOwner ?? null,
      opts.nextCheckAt ?? null,
      newId('evt'),
    ]);
    const row = rows[0];
    if (row?.event_id) {
      this.logger.log(`server ${id}: ${row.from_status || '(unchecked)'} -> ${to}`);
      await this.announce({ workspaceId: tenant.workspaceId, id: row.event_id });
    }
    return to;
  }

  /** Tells the workspace's live event stream (every replica) that a status event was stored. */
  async announce(notice: WorkspaceEventNotice): Promise<void> {
    await this.bus.publish(WORKSPACE_EVENTS, JSON.stringify({ workspaceId: notice.workspaceId, id: notice.id })).catch(() => undefined);
  }

  /** The tool list summary, written in the catalogue's transaction. */
  async setToolSummary(tenant: Tenant, id: string, summary: ToolSummary, tx: EntityManager): Promise<void> {
    await tx.getRepository(McpServerEntity).update(
      { id, workspaceId: tenant.workspaceId },
      { toolCount: summary.toolCount, toolsHash: summary.toolsHash, toolsRefreshedAt: new Date() },
    );
  }

  /** Only AccessService and this repository mint tenants: here, for a row whose workspace the database named. */
  private mint(server: McpServerEntity): SystemRow {
    return { server, tenant: { workspaceId: server.workspaceId } as Tenant };
  }

  private async uniqueName(name: string, write: () => Promise<unknown>): Promise<void> {
    try {
      await write();
    } catch (err) {
      if (err instanceof QueryFailedError && (err as { code?: string }).code === '23505') {
        throw new ConflictError(`name: a server named "${name}" already exists in this workspace`);
      }
      throw err;
    }
  }
}

/** Cross-tenant work on server rows: monitor leases, OAuth token expiry, loading a row for a background job. */
export class SystemServerRepository {
  constructor(
    private readonly db: DataSource,
    private readonly mint: (server: McpServerEntity) => SystemRow,
  ) {}

  async load(id: string): Promise<SystemRow | null> {
    const server = await this.db.getRepository(McpServerEntity).findOne({ where: { id } });
    return server ? this.mint(server) : null;
  }

  /** Leases up to `limit` due, enabled servers to `owner` for `leaseMs`; their rows, most overdue first. */
  async claim(owner: string, limit: number, leaseMs: number): Promise<SystemRow[]> {
    const rows = updatedRows<{ id: string }>(await this.db.query(CLAIM_SQL, [owner, limit, leaseMs]));
    if (rows.length === 0) return [];
    const servers = await this.db.getRepository(McpServerEntity).find({ where: { id: In(rows.map((r) => r.id)) } });
    return servers.sort((a, b) => a.nextCheckAt.getTime() - b.nextCheckAt.getTime()).map((s) => this.mint(s));
  }

  /** Drops one lease without recording a check (the check could not run); the server is due again at `nextCheckAt`. */
  async release(owner: string, serverId: string, nextCheckAt: Date): Promise<void> {
    await this.db.query(
      'UPDATE mcp_servers SET lease_owner = NULL, lease_until = NULL, next_check_at = $3 WHERE id = $1 AND lease_owner = $2',
      [serverId, owner, nextCheckAt],
    );
  }

  /** Drops every lease `owner` still holds (shutdown); those servers are due again right away. */
  async releaseAll(owner: string): Promise<number> {
    const result: unknown = await this.db.query(
      'UPDATE mcp_servers SET lease_owner = NULL, lease_until = NULL WHERE lease_owner = $1 RETURNING id',
      [owner],
    );
    return updatedRows(result).length;
  }

  /** A changed server (new URL, credential, re-enabled) is checked at the next poll instead of at its old time. */
  async dueNow(serverId: string): Promise<void> {
    await this.db.query('UPDATE mcp_servers SET next_check_at = now() WHERE id = $1 AND next_check_at > now()', [serverId]);
  }

  /** The stored tool-list summary of a server, read in the caller's transaction (the tools_changed event). */
  async toolSummary(serverId: string, workspaceId: string, tx: EntityManager): Promise<{ toolsHash: string | null; toolCount: number } | null> {
    const [row]: Array<{ tools_hash: string | null; tool_count: number }> = await tx.query(
      'SELECT tools_hash, tool_count FROM mcp_servers WHERE id = $1 AND workspace_id = $2',
      [serverId, workspaceId],
    );
    return row ? { toolsHash: row.tools_hash, toolCount: row.tool_count } : null;
  }

  /** Enabled servers per status, all workspaces (the metrics scrape); `''` is never checked. */
  async countByStatus(): Promise<Array<{ status: string; n: number }>> {
    const rows: Array<{ status: string; n: string }> = await this.db.query(
      'SELECT connector_status AS status, count(*) AS n FROM mcp_servers WHERE enabled GROUP BY connector_status',
    );
    return rows.map((r) => ({ status: r.status, n: Number(r.n) }));
  }

  /** When the server's upstream OAuth access token expires (written in the token store's transaction). */
  async setOAuthExpiry(serverId: string, expiresAt: Date | null, tx: EntityManager): Promise<void> {
    await tx.query('UPDATE mcp_servers SET oauth_expires_at = $2 WHERE id = $1', [serverId, expiresAt]);
  }
}

/** TypeORM answers an UPDATE ... RETURNING with `[rows, affectedCount]`, a SELECT with the rows. */
export function updatedRows<T>(result: unknown): T[] {
  if (Array.isArray(result) && result.length === 2 && Array.isArray(result[0]) && typeof result[1] === 'number') return result[0] as T[];
  return (result ?? []) as T[];
}
