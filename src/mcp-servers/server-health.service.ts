import { Injectable, Logger } from '@nestjs/common';
import { UpstreamError } from '../common/errors/domain-error.js';
import { UpstreamRpcError } from '../connections/index.js';
import type { UsableServer } from './mcp-server.service.js';
import { ServerRepository } from './server.repository.js';
import { outcomeOf, statusOf, type CheckOutcome } from './server-status.js';

/**
 * Keeps a server's status true to what its traffic shows, between the monitor's checks: a run or refresh that
 * reached the server marks it `connected`; a transport failure `disconnected` or `error` with the reason. Client
 * mistakes (bad arguments, disabled tool) and the upstream's own JSON-RPC answers say nothing about the
 * connection and are not recorded. Writes only when the status (or the error) changes.
 */
@Injectable()
export class ServerHealth {
  private readonly logger = new Logger('ServerHealth');

  constructor(private readonly rows: ServerRepository) {}

  /** After traffic to the server: `failure` is what the call threw, if anything. Never throws. */
  async observe(usable: UsableServer, failure?: unknown): Promise<void> {
    if (failure !== undefined && (!(failure instanceof UpstreamError) || failure instanceof UpstreamRpcError)) return;
    // A per_user server reached with no one's token answered its OAuth challenge: reachable, nothing to record.
    if (failure instanceof UpstreamError && failure.code === 'upstream_oauth_challenge') return;
    // One person's missing own credential (per_user) says nothing about the server.
    if (usable.target.credentialOwner && failure instanceof UpstreamError && /^oauth_(re)?authorization_required$/.test(failure.code)) return;
    const outcome: CheckOutcome = failure === undefined ? { ok: true } : outcomeOf(failure);
    const { server } = usable;
    const lastError = outcome.ok ? null : outcome.error;
    if (server.connectorStatus === statusOf(outcome) && server.lastError === lastError) return;
    // The row may be the registry's cached copy: keep it in step so the next call does not write again.
    server.connectorStatus = statusOf(outcome);
    server.lastError = lastError;
    await this.record(usable, outcome);
  }

  /** For work that runs for no caller (an OAuth callback, a credential lost mid-request). Never throws. */
  async recordForServer(serverId: string, outcome: CheckOutcome): Promise<void> {
    const row = await this.rows.system.load(serverId).catch(() => null);
    if (row) await this.record(row, outcome);
  }

  /** Records an outcome as it is (a connect, a refresh, an OAuth callback). Never throws. */
  async record(usable: Pick<UsableServer, 'server' | 'tenant'>, outcome: CheckOutcome): Promise<void> {
    try {
      await this.rows.recordCheck(usable.tenant, usable.server.id, outcome);
    } catch (e) {
      this.logger.warn(`status of ${usable.server.id} not recorded: ${(e as Error).message}`);
    }
  }
}
