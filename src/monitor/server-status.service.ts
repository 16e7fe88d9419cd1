import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { DomainError } from '../common/errors/domain-error.js';
import { newId } from '../common/ids/ids.js';
import { NotifyBus } from '../database/notify-bus.js';
import { McpServerEntity, type ConnectorStatus } from '../mcp-servers/mcp-server.entity.js';
import { StatusEventEntity } from './status-event.entity.js';

export const WORKSPACE_EVENTS = 'patchbay_workspace_events';

export type CheckOutcome =
  | { ok: true; latencyMs: number }
  | { ok: false; status: Exclude<ConnectorStatus, 'connected' | ''>; error: string; latencyMs?: number };

/** Upstream failures that mean "cannot be reached" rather than "answers, but wrongly". */
const UNREACHABLE = new Set(['upstream_unreachable', 'upstream_timeout', 'upstream_circuit_open', 'stdio_capacity_exhausted']);

export function outcomeOf(error: unknown, latencyMs?: number): CheckOutcome {
  const code = error instanceof DomainError ? error.code : 'internal_error';
  const message = (error as Error)?.message ?? String(error);
  return { ok: false, status: UNREACHABLE.has(code) ? 'disconnected' : 'error', error: `${code}: ${message}`.slice(0, 500), latencyMs };
}

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

  async record(server: Pick<McpServerEntity, 'id' | 'workspaceId'>, outcome: CheckOutcome, nextCheckAt?: Date): Promise<McpServerEntity['connectorStatus']> {
    const now = new Date();
    const to: ConnectorStatus = outcome.ok ? 'connected' : outcome.status;
    const event = await this.db.transaction(async (tx) => {
      const rows: Array<{ connector_status: ConnectorStatus }> = await tx.query(
        'SELECT connector_status FROM mcp_servers WHERE id = $1 AND workspace_id = $2 FOR UPDATE',
        [server.id, server.workspaceId],
      );
      if (!rows.length) return null;
      const from = rows[0].connector_status;
      await tx.getRepository(McpServerEntity).update(
        { id: server.id, workspaceId: server.workspaceId },
        {
          connectorStatus: to,
          lastCheckedAt: now,
          lastLatencyMs: outcome.latencyMs ?? null,
          ...(outcome.ok
            ? { lastConnectedAt: now, lastError: null, consecutiveFailures: 0 }
            : { lastError: outcome.error, consecutiveFailures: () => 'consecutive_failures + 1' }),
          ...(nextCheckAt ? { nextCheckAt } : {}),
        },
      );
      if (from === to) return null;
      const evt = tx.getRepository(StatusEventEntity).create({
        id: newId('evt'),
        workspaceId: server.workspaceId,
        serverId: server.id,
        kind: 'status_changed',
        fromStatus: from,
        toStatus: to,
        reason: outcome.ok ? null : outcome.error,
      });
      return tx.getRepository(StatusEventEntity).save(evt);
    });
    if (event) {
      this.logger.log(`server ${server.id}: ${event.fromStatus || '(unchecked)'} -> ${event.toStatus}`);
      await this.announce(event);
    }
    return to;
  }

  async announce(event: StatusEventEntity): Promise<void> {
    await this.bus.publish(WORKSPACE_EVENTS, JSON.stringify({ workspaceId: event.workspaceId, id: event.id })).catch(() => undefined);
  }
}
