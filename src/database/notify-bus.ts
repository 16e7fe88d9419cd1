import { Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import pg from 'pg';
const { Client } = pg;
import { DataSource } from 'typeorm';

type Listener = (payload: string) => void;

/**
 * Cross-replica messages over PostgreSQL LISTEN/NOTIFY: one dedicated connection listens,
 * publishes go through the pool. Used to invalidate auth caches and to fan out events.
 * A dropped listener connection is re-opened with backoff; messages sent meanwhile are lost,
 * so users of the bus also keep short TTLs or a replayable table.
 */
@Injectable()
export class NotifyBus implements OnModuleDestroy {
  private readonly logger = new Logger('NotifyBus');
  private readonly listeners = new Map<string, Set<Listener>>();
  private client?: pg.Client;
  private connecting?: Promise<void>;
  private closed = false;

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async subscribe(channel: string, listener: Listener): Promise<() => void> {
    assertChannel(channel);
    let set = this.listeners.get(channel);
    const isNew = !set;
    if (!set) this.listeners.set(channel, (set = new Set()));
    set.add(listener);
    await this.ensureConnected();
    if (isNew) await this.client?.query(`LISTEN ${channel}`);
    return () => set!.delete(listener);
  }

  async publish(channel: string, payload: string): Promise<void> {
    assertChannel(channel);
    await this.dataSource.query('SELECT pg_notify($1, $2)', [channel, payload]);
  }

  private ensureConnected(): Promise<void> {
    if (this.client || this.closed) return Promise.resolve();
    this.connecting ??= this.connect().finally(() => (this.connecting = undefined));
    return this.connecting;
  }

  private async connect(): Promise<void> {
    const opts = this.dataSource.options as { url?: string };
    const client = new Client({ connectionString: opts.url, application_name: 'patchbay-listen' });
    client.on("notification", (msg: { channel: string; payload?: string }) => {
      for (const l of this.listeners.get(msg.channel) ?? []) {
        try {
          l(msg.payload ?? '');
        } catch (e) {
          this.logger.warn(`listener on ${msg.channel} failed: ${(e as Error).message}`);
        }
      }
    });
    client.on("error", (e: Error) => {
      if (this.closed) return;
      this.logger.warn(`listen connection lost: ${e.message}`);
      this.client = undefined;
      void client.end().catch(() => undefined);
      if (!this.closed) setTimeout(() => void this.reconnect(), 1000).unref();
    });
    await client.connect();
    for (const channel of this.listeners.keys()) await client.query(`LISTEN ${channel}`);
    this.client = client;
  }

  private async reconnect(): Promise<void> {
    try {
      await this.ensureConnected();
    } catch (e) {
      this.logger.warn(`re-listen failed: ${(e as Error).message}`);
      if (!this.closed) setTimeout(() => void this.reconnect(), 2000).unref();
    }
  }

  async onModuleDestroy(): Promise<void> {
    this.closed = true;
    await this.client?.end().catch(() => undefined);
    this.client = undefined;
  }
}

function assertChannel(channel: string): void {
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(channel)) throw new Error(`bad channel name ${channel}`);
}
