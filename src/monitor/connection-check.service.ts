import { Injectable } from '@nestjs/common';
import { ConnectionPool } from '../connections/index.js';
import type { UsableServer } from '../mcp-servers/mcp-server.service.js';
import { outcomeOf, ServerStatusService, type CheckOutcome } from './server-status.service.js';

/**
 * One honest, cheap check of a server with its own credential: a ping over the pooled
 * connection (which connects first when there is none). The outcome is recorded on the row.
 */
@Injectable()
export class ConnectionCheckService {
  constructor(
    private readonly pool: ConnectionPool,
    private readonly status: ServerStatusService,
  ) {}

  async check(usable: UsableServer, nextCheckAt?: Date): Promise<CheckOutcome> {
    const t0 = performance.now();
    let outcome: CheckOutcome;
    try {
      await this.pool.ping(usable.target);
      outcome = { ok: true, latencyMs: Math.round(performance.now() - t0) };
    } catch (e) {
      outcome = outcomeOf(e, Math.round(performance.now() - t0));
    }
    await this.status.record(usable.server, outcome, nextCheckAt);
    return outcome;
  }
}
