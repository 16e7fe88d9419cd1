import { Injectable, Logger, type BeforeApplicationShutdown, type OnApplicationBootstrap } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { AppConfig } from '../config/app-config.js';
import { ConnectionPool } from '../connections/index.js';
import { LifecycleEvents } from '../database/lifecycle-events.js';
import type { McpServerEntity } from '../mcp-servers/mcp-server.entity.js';
import { McpServerService, type UsableServer } from '../mcp-servers/mcp-server.service.js';
import { ToolCatalogService } from '../tools/tool-catalog.service.js';
import { ConnectionCheckService, type ProbeResult } from './connection-check.service.js';
import { MonitorMetrics } from './monitor-metrics.js';
import { toolListHash } from '../tools/tool-hash.js';
import { nextDelayMs, pollDelayMs } from './schedule.js';
import { ServerRepository, type SystemRow } from '../mcp-servers/server.repository.js';
import { outcomeOf, statusOf, type CheckOutcome } from '../mcp-servers/server-status.js';

/** How long shutdown waits for running checks before it lets them go (they then write nothing). */
const DRAIN_MS = 15_000;

/**
 * The status monitor loop of one replica. It only picks work: due servers are leased in PostgreSQL
 * (ServerLeases), each is checked with its own credential and the result written to its own row; a check
 * that fails, or that cannot even start, is recorded on that server and never stops the others. At most
 * `monitorConcurrency` checks run at once; the next batch is claimed as soon as a quarter of the slots is free.
 */
@Injectable()
export class MonitorScheduler implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('Monitor');
  /** This replica's name on the leases it holds. */
  readonly owner = `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  private readonly running = new Map<string, Promise<void>>();
  /** One per running check, aborted on shutdown (a shared signal would collect a listener per request). */
  private readonly aborts = new Set<AbortController>();
  private timer?: NodeJS.Timeout;
  private tickInFlight?: Promise<void>;
  private started = false;
  private stopping = false;
  /** The last claim filled every free slot: more servers are probably due. */
  private backlog = false;
  private unsubscribe?: () => void;

  constructor(
    private readonly config: AppConfig,
    private readonly rows: ServerRepository,
    private readonly servers: McpServerService,
    private readonly checks: ConnectionCheckService,
    private readonly lifecycle: LifecycleEvents,
    private readonly catalog: ToolCatalogService,
    private readonly pool: ConnectionPool,
    private readonly metrics: MonitorMetrics,
  ) {}

  onApplicationBootstrap(): void {
    if (this.config.monitorEnabled) this.start();
  }

  /** Starts the loop (a no-op when running or shut down). */
  start(): void {
    if (this.started || this.stopping) return;
    this.started = true;
    this.logger.log(`monitor ${this.owner}: every ${this.config.monitorIntervalMs} ms, ${this.config.monitorConcurrency} checks at once`);
    // A server whose connection settings changed (here or on another replica) is checked at the next poll.
    this.unsubscribe = this.lifecycle.on((e) => {
      if (e.kind === 'server.changed' && !this.stopping) void this.rows.system.dueNow(e.serverId).catch(() => undefined);
    });
    this.schedule(0);
  }

  /** Servers this replica is checking right now. */
  get inFlight(): number {
    return this.running.size;
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.stop();
  }

  /** Stops claiming, aborts and awaits running checks (bounded), then hands back the leases still held. */
  async stop(): Promise<void> {
    if (this.stopping) return;
    this.stopping = true;
    this.unsubscribe?.();
    clearTimeout(this.timer);
    if (!this.started) return;
    await this.tickInFlight;
    for (const a of this.aborts) a.abort();
    let timer: NodeJS.Timeout | undefined;
    const drained = await Promise.race([
      Promise.allSettled([...this.running.values()]).then(() => true),
      new Promise<false>((resolve) => (timer = setTimeout(() => resolve(false), DRAIN_MS))),
    ]);
    clearTimeout(timer);
    if (!drained) this.logger.warn(`shutdown: ${this.running.size} checks still running were abandoned`);
    const released = await this.rows.system.releaseAll(this.owner).catch(() => 0);
    if (released) this.logger.log(`shutdown: released ${released} leases`);
  }

  private schedule(ms: number): void {
    if (this.stopping) return;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.tickInFlight ??= this.tick().finally(() => (this.tickInFlight = undefined));
    }, ms);
  }

  private async tick(): Promise<void> {
    let again = pollDelayMs(this.config.monitorIntervalMs);
    try {
      const free = this.config.monitorConcurrency - this.running.size;
      const worthIt = this.running.size === 0 || free >= Math.max(1, Math.floor(this.config.monitorConcurrency / 4));
      if (free > 0 && worthIt) {
        const batch = await this.rows.system.claim(this.owner, free, this.config.monitorLeaseMs);
        this.backlog = batch.length === free;
        if (batch.length) this.runBatch(batch);
        if (this.backlog && this.running.size < this.config.monitorConcurrency) again = 0;
      }
    } catch (e) {
      this.metrics.errors.inc({ stage: 'claim' });
      if (!this.stopping) this.logger.warn(`claiming due servers failed: ${(e as Error).message}`);
    } finally {
      this.schedule(again);
    }
  }

  private runBatch(batch: SystemRow[]): void {
    const end = this.metrics.sweepDuration.startTimer();
    const all = batch.map((row) => {
      const { server } = row;
      const p = this.checkOne(row).finally(() => {
        this.running.delete(server.id);
        this.metrics.inFlight.set(this.running.size);
        // A slot came free while servers are waiting: claim again now rather than at the next poll.
        if (this.backlog && !this.stopping && !this.tickInFlight) this.schedule(0);
      });
      this.running.set(server.id, p);
      return p;
    });
    this.metrics.inFlight.set(this.running.size);
    void Promise.allSettled(all).then(() => end());
  }

  /** Never throws: every failure ends up on the server's row (or, if the database is the problem, in the logs). */
  private async checkOne({ server, tenant }: SystemRow): Promise<void> {
    const stopTimer = this.metrics.checkDuration.startTimer();
    let outcome: CheckOutcome | undefined;
    let usable: UsableServer | undefined;
    let probe: ProbeResult | undefined;
    const abort = new AbortController();
    this.aborts.add(abort);
    try {
      usable = { server, target: await this.servers.targetFor(server), tenant };
      probe = this.pool.circuitState(server.id) === 'open' ? this.whileCircuitOpen(server) : await this.probe(usable, abort.signal);
      outcome = probe.outcome;
    } catch (e) {
      outcome = outcomeOf(e); // e.g. the credential cannot be prepared
    } finally {
      this.aborts.delete(abort);
    }
    if (abort.signal.aborted) return; // cut short by shutdown: the lease goes back, nothing is recorded
    const failures = outcome.ok ? 0 : server.consecutiveFailures + 1;
    const nextCheckAt = new Date(Date.now() + nextDelayMs(failures, this.config.monitorIntervalMs, this.config.monitorBackoffMaxMs));
    try {
      await this.rows.recordCheck(tenant, server.id, outcome, { nextCheckAt, leaseOwner: this.owner });
    } catch (e) {
      this.metrics.errors.inc({ stage: 'record' });
      this.logger.warn(`recording the check of ${server.id} failed: ${(e as Error).message}`);
      await this.rows.system.release(this.owner, server.id, nextCheckAt).catch(() => undefined);
      return;
    }
    const label = statusOf(outcome);
    stopTimer({ outcome: label });
    this.metrics.checks.inc({ outcome: label });
    if (!outcome.ok) this.metrics.failures.inc({ status: outcome.status, code: outcome.error.split(':', 1)[0] });
    // A fresh connection listed the tools: refresh the stored copy only when the list changed.
    if (usable && probe?.tools && !this.stopping && toolListHash(probe.tools) !== server.toolsHash) {
      await this.catalog.refreshUsable(usable).catch((e: Error) => {
        this.metrics.errors.inc({ stage: 'refresh_tools' });
        this.logger.warn(`refreshing the tools of ${server.id} failed: ${e.message}`);
      });
    }
  }

  private probe(usable: UsableServer, signal: AbortSignal): Promise<ProbeResult> {
    const timeoutMs = Math.max(1_000, Math.min(15_000, Math.floor(this.config.monitorLeaseMs / 3)));
    return this.checks.probe(usable, { timeoutMs, signal });
  }

  /**
   * The pool fails calls to this server fast for a while after repeated failures: do not contact it, keep its
   * failing status and last error (the breaker lets the next check through as its probe once it half-opens).
   */
  private whileCircuitOpen(server: McpServerEntity): ProbeResult {
    const status = server.connectorStatus === 'error' ? 'error' : 'disconnected';
    return { outcome: { ok: false, status, error: server.lastError ?? 'upstream_circuit_open: calls to this server are paused after repeated failures' } };
  }
}
