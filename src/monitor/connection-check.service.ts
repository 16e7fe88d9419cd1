import { Injectable } from '@nestjs/common';
import { DomainError } from '../common/errors/domain-error.js';
import { ConnectionPool } from '../connections/index.js';
import type { UsableServer } from '../mcp-servers/mcp-server.service.js';
import { outcomeOf, type CheckOutcome } from '../mcp-servers/server-status.js';

/** What one monitor probe found; `tools` when it had to connect (and so listed the tools). */
export interface ProbeResult {
  outcome: CheckOutcome;
  tools?: object[];
}

/**
 * One honest, cheap look at a server with its own credential: a ping on the live pooled client when there is
 * one, else connect and list the tools. Records nothing: the caller (the monitor, ConnectService) does.
 */
@Injectable()
export class ConnectionCheckService {
  constructor(private readonly pool: ConnectionPool) {}

  /**
   * The monitor's check, not recorded: a ping on the live pooled client when there is one (shared, multiplexed:
   * tool calls on it are never held up), else connect and list the tools. A live client that turns out broken
   * is not retried with a ping: the check falls through to a fresh connect + list.
   */
  async probe(usable: UsableServer, opts: { timeoutMs: number; signal?: AbortSignal }): Promise<ProbeResult> {
    const t0 = performance.now();
    const ms = () => Math.round(performance.now() - t0);
    const call = { timeoutMs: opts.timeoutMs, maxTotalTimeoutMs: opts.timeoutMs, signal: opts.signal };
    try {
      if (this.pool.hasLiveClient(usable.target)) {
        try {
          await this.pool.ping(usable.target, { ...call, retryOnBroken: false });
          return { outcome: { ok: true, latencyMs: ms() } };
        } catch (e) {
          if (!(e instanceof DomainError && e.code === 'upstream_unreachable')) throw e;
        }
      }
      const tools = await this.pool.listTools(usable.target, call);
      return { outcome: { ok: true, latencyMs: ms() }, tools };
    } catch (e) {
      // per_user server, checked without anyone's token: its OAuth challenge means reachable (see oauth-target.decorator)
      if (e instanceof DomainError && e.code === 'upstream_oauth_challenge') return { outcome: { ok: true, latencyMs: ms() } };
      return { outcome: outcomeOf(e, ms()) };
    }
  }
}
