import { Injectable, Logger, type BeforeApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import type { ServerResponse } from 'node:http';
import type { TenantFilter } from '../auth/access.service.js';
import { AppConfig } from '../config/app-config.js';
import { NotifyBus } from '../database/notify-bus.js';
import { MetricsService } from '../ops/metrics.service.js';
import { ToolCatalogService } from '../tools/tool-catalog.service.js';
import { ServerRepository } from '../mcp-servers/server.repository.js';
import { WORKSPACE_EVENTS, type WorkspaceEventNotice } from '../mcp-servers/server-status.js';
import type { StatusEventView } from './status-event.dto.js';
import { MAX_REPLAY, StatusEventService } from './status-event.service.js';

/** A client this far behind (bytes not yet taken by the socket) is cut off; it resumes with Last-Event-ID. */
const MAX_UNSENT_BYTES = 1024 * 1024;
const REPLAY_PAGE = 500;

interface Client {
  res: ServerResponse;
  /** null: every workspace (the platform admin). */
  workspaces: ReadonlySet<string> | null;
  /** false while a Last-Event-ID replay runs: live events wait in `buffer`. */
  live: boolean;
  buffer: StatusEventView[];
}

/**
 * `/api/events`: each replica keeps its own open streams and hears every stored event of every replica
 * through NOTIFY (`WORKSPACE_EVENTS`, carrying only ids); it loads each event once and writes it to the
 * streams of that workspace. Events are rows, so a client that reconnects with Last-Event-ID gets what it
 * missed from the table first.
 */
@Injectable()
export class EventStreamService implements OnModuleInit, BeforeApplicationShutdown {
  private readonly logger = new Logger('EventStream');
  private readonly clients = new Set<Client>();
  private pending: string[] = [];
  private draining = false;
  private closing = false;
  private heartbeat?: NodeJS.Timeout;
  private unsubscribe?: () => void;
  private readonly streams;

  constructor(
    private readonly config: AppConfig,
    private readonly bus: NotifyBus,
    private readonly events: StatusEventService,
    private readonly rows: ServerRepository,
    private readonly catalog: ToolCatalogService,
    metrics: MetricsService,
  ) {
    this.streams = metrics.gauge('patchbay_event_streams', 'Open /api/events streams on this replica');
  }

  async onModuleInit(): Promise<void> {
    this.unsubscribe = await this.bus.subscribe(WORKSPACE_EVENTS, (payload) => this.onNotice(payload));
    // Fired on every replica; recordToolsChanged stores the event once, the NOTIFY brings it to every stream.
    this.catalog.onToolsChanged((serverId, workspaceId) => {
      if (this.closing) return;
      this.events
        .recordToolsChanged(serverId, workspaceId)
        .then((e) => e && this.rows.announce(e))
        .catch((e: Error) => this.logger.warn(`tools_changed event for ${serverId} not stored: ${e.message}`));
    });
    this.heartbeat = setInterval(() => this.beat(), this.config.sseHeartbeatMs);
    this.heartbeat.unref();
  }

  get openStreams(): number {
    return this.clients.size;
  }

  /** Takes over the reply and streams the filter's events until the client goes away or the app stops. */
  async open(reply: FastifyReply, filter: TenantFilter, lastEventId?: string): Promise<void> {
    reply.hijack();
    const res = reply.raw;
    const inherited = Object.fromEntries(Object.entries(reply.getHeaders()).filter(([, v]) => v !== undefined)) as Record<string, string>;
    res.writeHead(200, {
      ...inherited,
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-cache, no-transform',
      connection: 'keep-alive',
      'x-accel-buffering': 'no',
    });
    res.write('retry: 3000\n: connected\n\n');
    if (this.closing) return void res.end();
    const client: Client = {
      res,
      workspaces: filter.workspaceIds === null ? null : new Set(filter.workspaceIds),
      live: !lastEventId,
      buffer: [],
    };
    this.clients.add(client);
    this.streams.set(this.clients.size);
    res.on('close', () => {
      this.clients.delete(client);
      this.streams.set(this.clients.size);
    });
    if (lastEventId) await this.replay(client, filter, lastEventId);
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.closing = true;
    clearInterval(this.heartbeat);
    this.unsubscribe?.();
    for (const c of this.clients) c.res.end();
    this.clients.clear();
    this.streams.set(0);
  }

  /** What the client missed (from the table), then the live events that arrived meanwhile, without repeats. */
  private async replay(client: Client, filter: TenantFilter, lastEventId: string): Promise<void> {
    const replayed = new Set<string>();
    let after = lastEventId;
    try {
      while (replayed.size < MAX_REPLAY && !client.res.destroyed) {
        const page = await this.events.after(filter, after, Math.min(REPLAY_PAGE, MAX_REPLAY - replayed.size));
        for (const e of page) {
          this.write(client, e);
          replayed.add(e.id);
        }
        if (page.length < REPLAY_PAGE) break;
        after = page[page.length - 1].id;
      }
    } catch (e) {
      this.logger.warn(`replay after ${lastEventId} failed: ${(e as Error).message}`);
      client.res.end(); // the client reconnects with the last id it got
      return;
    }
    for (const e of client.buffer) if (!replayed.has(e.id)) this.write(client, e);
    client.buffer = [];
    client.live = true;
  }

  private onNotice(payload: string): void {
    let notice: WorkspaceEventNotice;
    try {
      notice = JSON.parse(payload) as WorkspaceEventNotice;
    } catch {
      return;
    }
    if (typeof notice?.id !== 'string' || typeof notice.workspaceId !== 'string') return;
    if (![...this.clients].some((c) => wants(c, notice.workspaceId))) return;
    this.pending.push(notice.id);
    if (!this.draining) void this.drain();
  }

  /** Loads the announced events in batches and delivers them in the order they were announced. */
  private async drain(): Promise<void> {
    this.draining = true;
    try {
      while (this.pending.length && !this.closing) {
        const ids = this.pending.splice(0, 200);
        const byId = new Map((await this.events.byIds(ids)).map((e) => [e.id, e]));
        for (const id of ids) {
          const e = byId.get(id);
          if (e) this.deliver(e);
        }
      }
    } catch (e) {
      if (!this.closing) this.logger.warn(`loading announced events failed: ${(e as Error).message}`);
    } finally {
      this.draining = false;
    }
  }

  private deliver(e: StatusEventView): void {
    for (const c of this.clients) {
      if (!wants(c, e.workspaceId)) continue;
      if (c.live) this.write(c, e);
      else c.buffer.push(e);
    }
  }

  private write(c: Client, e: StatusEventView): void {
    if (c.res.destroyed) return;
    c.res.write(`id: ${e.id}\nevent: ${e.kind}\ndata: ${JSON.stringify(e)}\n\n`);
    if (c.res.writableLength > MAX_UNSENT_BYTES) {
      this.logger.warn('an /api/events client fell too far behind; closing its stream');
      c.res.destroy();
    }
  }

  private beat(): void {
    for (const c of this.clients) if (!c.res.destroyed) c.res.write(': keepalive\n\n');
  }
}

function wants(c: Client, workspaceId: string): boolean {
  return c.workspaces === null || c.workspaces.has(workspaceId);
}
