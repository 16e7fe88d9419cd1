import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { AppConfig } from '../config/app-config.js';
import { ExecutionRecorder } from './execution-recorder.service.js';

const HEARTBEAT_SQL = `INSERT INTO replicas (id, started_at, heartbeat_at) VALUES ($1, now(), now())
  ON CONFLICT (id) DO UPDATE SET heartbeat_at = now()`;

/**
 * `running` rows whose replica has not been heard from for a lease become `interrupted`. Our own rows are
 * never touched (we are alive); an outcome that arrives later (a replica that was only cut off from the
 * database, replaying its journal) still overwrites `interrupted` with the truth.
 */
const RECONCILE_SQL = `UPDATE executions e SET status = 'interrupted', error_code = 'interrupted',
    error_message = 'the Patchbay replica running this call stopped before recording its outcome'
  WHERE e.status = 'running' AND e.replica_id IS DISTINCT FROM $1
    AND NOT EXISTS (SELECT 1 FROM replicas r WHERE r.id = e.replica_id AND r.heartbeat_at > now() - make_interval(secs => $2::float8 / 1000))
  RETURNING e.id`;

/** Forgets replicas silent for a day (their rows were reconciled long before). */
const FORGET_SQL = `DELETE FROM replicas WHERE heartbeat_at < now() - interval '1 day'`;

/**
 * Every replica beats a heartbeat into `replicas` (a third of REPLICA_LEASE_MS apart) and, on the same tick,
 * reconciles the unfinished runs of replicas that stopped beating: a run cut short by a crash shows as
 * `interrupted` within about one lease. Idempotent, so every replica may run it.
 */
@Injectable()
export class ExecutionReconciler implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('Executions');
  private timer?: NodeJS.Timeout;
  private ticking?: Promise<void>;
  private ticks = 0;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly recorder: ExecutionRecorder,
    private readonly config: AppConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    // Registered before the first request, so no other replica ever takes our fresh rows for orphans.
    await this.db.query(HEARTBEAT_SQL, [this.recorder.replicaId]);
    this.timer = setInterval(() => void this.tick(), Math.max(250, Math.floor(this.config.replicaLeaseMs / 3)));
    this.timer.unref();
  }

  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await this.ticking;
  }

  /** One heartbeat and one reconciliation pass; returns how many runs were marked interrupted. */
  async reconcile(): Promise<number> {
    await this.db.query(HEARTBEAT_SQL, [this.recorder.replicaId]);
    const rows: unknown[] = await this.db.query(RECONCILE_SQL, [this.recorder.replicaId, this.config.replicaLeaseMs]);
    const n = Array.isArray(rows[0]) ? (rows[0] as unknown[]).length : rows.length;
    if (n) this.logger.warn(`${n} runs of stopped replicas marked interrupted`);
    if (++this.ticks % 1000 === 0) await this.db.query(FORGET_SQL);
    return n;
  }

  private tick(): void {
    if (this.ticking) return;
    this.ticking = this.reconcile()
      .then(() => undefined)
      .catch((e: Error) => this.logger.debug(`heartbeat/reconcile skipped: ${e.message}`))
      .finally(() => (this.ticking = undefined));
  }
}
