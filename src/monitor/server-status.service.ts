import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { DomainError } from '../common/errors/domain-error.js';
import { newId } from '../common/ids/ids.js';
import { redact } from '../common/redact.js';
import { NotifyBus } from '../database/notify-bus.js';
import type { ConnectorStatus, McpServerEntity } from '../mcp-servers/mcp-server.entity.js';

export const WORKSPACE_EVENTS = 'patchbay_workspace_events';

export type CheckOutcome =
  | { ok: true; latencyMs: number }
  | { ok: false; status: Exclude<ConnectorStatus, 'connected' | ''>; error: string; latencyMs?: number };

/** Upstream failures that mean "cannot be reached" rather than "answers, but wrongly". */
const UNREACHABLE = new Set(['upstream_unreachable', 'upstream_timeout', 'upstream_circuit_open', 'stdio_capacity_exhausted']);

export function outcomeOf(error: unknown, latencyMs?: number): CheckOutcome {
  const code = error instanceof DomainError ? error.code : 'internal_error';
  const message = (error as Error)?.message ?? String(error);
  return { ok: false, status: UNREACHABLE.has(code) ? 'disconnected' : 'error', error: redact(`${code}: ${message}`).slice(0, 500), latencyMs };
}

/** The status an outcome stands for. */
export function statusOf(outcome: CheckOutcome): Exclude<ConnectorStatus, ''> {
  return outcome.ok ? 'connected' : outcome.status;
}

/** Published on WORKSPACE_EVENTS for every stored status event (status change or tool list change). */
export interface WorkspaceEventNotice {
  workspaceId: string;
  id: string;
}

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
    last_latency_ms = $5,
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
 * Writes the result of a connection check onto the server row; a change of status also writes
 * a status event and announces it to the workspace's live event stream (every replica).
 */
@Injectable()
export class ServerStatusService {
  private readonly logger = new Logger('ServerStatus');

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly bus: NotifyBus,
  ) {}

  /**
   * `nextCheckAt`: when the monitor should look again (kept as is when absent).
   * `opts.leaseOwner`: the monitor replica holding the server's lease, released in the same write.
   */
  async record(
    server: Pick<McpServerEntity, 'id' | 'workspaceId'>,
    outcome: CheckOutcome,
    nextCheckAt?: Date,
    opts: { leaseOwner?: string } = {},
  ): Promise<McpServerEntity['connectorStatus']> {
    const now = new Date();
    const to = statusOf(outcome);
    const rows: Array<{ from_status: ConnectorStatus; event_id: string | null }> = await this.db.query(RECORD_SQL, [
      server.id,
      server.workspaceId,
      to,
      now,
      outcome.latencyMs ?? null,
      outcome.ok,
      outcome.ok ? null : outcome.error,
      opts.leaseOwner ?? null,
      nextCheckAt ?? null,
      newId('evt'),
    ]);
    const row = rows[0];
    if (row?.event_id) {
      this.logger.log(`server ${server.id}: ${row.from_status || '(unchecked)'} -> ${to}`);
      await this.announce({ workspaceId: server.workspaceId, id: row.event_id });
    }
    return to;
  }

  async announce(event: WorkspaceEventNotice): Promise<void> {
    const notice: WorkspaceEventNotice = { workspaceId: event.workspaceId, id: event.id };
    await this.bus.publish(WORKSPACE_EVENTS, JSON.stringify(notice)).catch(() => undefined);
  }
}
