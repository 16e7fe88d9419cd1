import { Injectable, Logger, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { ConnectionPool, type ConnectionEvent } from '../connections/index.js';
import { ServerHealth } from './server-health.service.js';
import { outcomeOf } from './server-status.js';

/**
 * Status tells the truth about short outages: a connection the pool saw lost (a stdio child that died, an HTTP
 * upstream that stopped answering) is recorded as `disconnected` at once, and its first successful connect or
 * call afterwards as `connected`, without waiting for the monitor's next check. Per server the writes keep the
 * pool's order, so a quick loss and return always leave `connected -> disconnected -> connected` in the history.
 */
@Injectable()
export class ConnectionEventsRecorder implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger('ServerStatus');
  private readonly queues = new Map<string, Promise<void>>();
  private unsubscribe?: () => void;

  constructor(
    private readonly pool: ConnectionPool,
    private readonly health: ServerHealth,
  ) {}

  onModuleInit(): void {
    this.unsubscribe = this.pool.onConnectionEvent((e) => this.enqueue(e));
  }

  onModuleDestroy(): void {
    this.unsubscribe?.();
  }

  /** Resolves when every event queued so far is written (tests, shutdown). */
  async settled(): Promise<void> {
    await Promise.all(this.queues.values());
  }

  private enqueue(event: ConnectionEvent): void {
    const outcome = event.kind === 'restored' ? { ok: true as const, latencyMs: 0 } : outcomeOf(event.reason);
    if (!outcome.ok && outcome.status === 'error') outcome.status = 'disconnected'; // the connection went away, whatever the words
    const prev = this.queues.get(event.serverId) ?? Promise.resolve();
    const next = prev
      .then(() => this.health.recordForServer(event.serverId, outcome))
      .catch((e: Error) => this.logger.warn(`status of ${event.serverId} not recorded: ${e.message}`))
      .finally(() => {
        if (this.queues.get(event.serverId) === next) this.queues.delete(event.serverId);
      });
    this.queues.set(event.serverId, next);
  }
}
