import { HttpStatus, Injectable, Logger, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import type { Repository } from 'typeorm';
import { DomainError } from '../common/errors/domain-error.js';
import { AppConfig } from '../config/app-config.js';
import { ExecutionEntity } from './execution.entity.js';
import { ExecutionJournal, type JournalEntry } from './execution-journal.js';

export type ExecutionRow = Partial<ExecutionEntity> & { id: string };

const COMPLETE_FLUSH_MS = 50;
const MAX_BATCH = 500;
/** A write the database has not confirmed by then goes to the journal (it may still land: every write is idempotent). */
const WRITE_TIMEOUT_MS = 3000;
const RECOVERY_POLL_MS = 500;

const INSERT = `INSERT INTO executions (id, workspace_id, project_id, server_id, server_name, tool_id, tool_name, caller_id,
    caller_kind, via, status, error_code, error_message, args, duration_ms, started_at, replica_id, grant_id)
  SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[],
    $9::text[], $10::text[], $11::text[], $12::text[], $13::text[], $14::jsonb[], $15::int[], $16::timestamptz[], $17::text[], $18::text[])`;
/** A start never overwrites anything: replayed late, it finds its own outcome already there. */
const BEGIN_SQL = `${INSERT} ON CONFLICT (id) DO NOTHING`;
/** An outcome is an upsert, so it lands whatever became of its start (stored, journalled, or marked interrupted meanwhile). */
const COMPLETE_SQL = `${INSERT} ON CONFLICT (id) DO UPDATE SET status = EXCLUDED.status, error_code = EXCLUDED.error_code,
    error_message = EXCLUDED.error_message, duration_ms = EXCLUDED.duration_ms, replica_id = EXCLUDED.replica_id
  WHERE executions.status IN ('running', 'interrupted')`;

interface PendingBegin {
  row: ExecutionRow;
  resolve: () => void;
  reject: (e: Error) => void;
}

/**
 * The one writer of the `executions` table. A run's record has two writes:
 * - `begin(row)`: its `running` row, inserted concurrently with the upstream call; the caller's response waits
 *   for it (micro-batched, one INSERT per event-loop turn, ~1 ms). A replica killed after answering leaves this
 *   row, which a surviving replica marks `interrupted` (ExecutionReconciler).
 * - `complete(row)`: its outcome, written after the response in batches (every 50 ms).
 * Whatever the database cannot take (down, or too slow) is appended to an fsync'd local journal
 * (ExecutionJournal) and replayed, in order and idempotently, as soon as the database answers again, and at
 * start-up. Only when the journal is full too does `begin` fail, and the run is refused rather than answered.
 */
@Injectable()
export class ExecutionRecorder implements OnModuleInit, OnApplicationShutdown {
  /** This process, as named on the `running` rows it owns and in the `replicas` heartbeat table. */
  readonly replicaId = `${hostname()}:${process.pid}:${randomBytes(4).toString('hex')}`;
  private readonly logger = new Logger('Executions');
  private readonly journal: ExecutionJournal;
  private begins: PendingBegin[] = [];
  private beginScheduled = false;
  private completes: ExecutionRow[] = [];
  private timer?: NodeJS.Timeout;
  private flushing: Promise<void> = Promise.resolve();
  private down = false;
  private recovering?: Promise<void>;
  private recoveryTimer?: NodeJS.Timeout;
  private stopped = false;

  constructor(
    @InjectRepository(ExecutionEntity) private readonly executions: Repository<ExecutionEntity>,
    config: AppConfig,
  ) {
    this.journal = new ExecutionJournal(config.executionJournalDir, config.executionJournalMaxBytes);
  }

  /** Whether the last write found the database away (records are being journalled). */
  get databaseDown(): boolean {
    return this.down;
  }

  /** Bytes of records waiting in the local journal. */
  get journalBytes(): number {
    return this.journal.size;
  }

  onModuleInit(): void {
    if (this.journal.size > 0) {
      this.logger.warn(`${this.journal.size} bytes of execution records in the journal from an earlier run: replaying`);
      this.scheduleRecovery();
    }
  }

  /** Stores the run's `running` row (database, else journal); resolves once it is durable. Never throws synchronously. */
  begin(row: ExecutionRow): Promise<void> {
    return new Promise((resolve, reject) => {
      this.begins.push({ row: { ...row, status: 'running', durationMs: 0, replicaId: this.replicaId }, resolve, reject });
      if (this.begins.length >= MAX_BATCH) void this.flushBegins();
      else if (!this.beginScheduled) {
        this.beginScheduled = true;
        setImmediate(() => void this.flushBegins());
      }
    });
  }

  /** Queues the finished row (the outcome); written after the response, in batches. */
  complete(row: ExecutionRow): void {
    this.completes.push({ ...row, replicaId: this.replicaId });
    if (this.completes.length >= MAX_BATCH) void this.flush();
    else if (!this.timer) {
      this.timer = setTimeout(() => void this.flush(), COMPLETE_FLUSH_MS);
      this.timer.unref();
    }
  }

  /** Writes every queued outcome now (the read paths call it so a caller sees its own runs; shutdown too). */
  flush(): Promise<void> {
    clearTimeout(this.timer);
    this.timer = undefined;
    const batch = this.completes;
    this.completes = [];
    this.flushing = this.flushing.then(async () => {
      if (!batch.length) return;
      if (await this.tryWrite(COMPLETE_SQL, batch)) return;
      try {
        this.journal.append(batch.map((row) => ({ op: 'complete', row })));
      } catch (e) {
        // The runs were answered already; their `running` rows stay (and read as running).
        this.logger.error(`could not store or journal ${batch.length} execution outcomes: ${(e as Error).message}`);
      }
    });
    return this.flushing;
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    await this.flushBegins();
    await this.flush();
    clearInterval(this.recoveryTimer);
    await this.recovering;
    this.journal.close();
  }

  private async flushBegins(): Promise<void> {
    this.beginScheduled = false;
    const batch = this.begins;
    this.begins = [];
    if (!batch.length) return;
    const rows = batch.map((b) => b.row);
    if (await this.tryWrite(BEGIN_SQL, rows)) {
      for (const b of batch) b.resolve();
      return;
    }
    try {
      this.journal.append(rows.map((row) => ({ op: 'begin', row })));
      for (const b of batch) b.resolve();
    } catch (e) {
      this.logger.error(`execution records cannot be stored: ${(e as Error).message}`);
      const err = new DomainError('execution_record_unavailable', HttpStatus.SERVICE_UNAVAILABLE,
        'The execution record could not be stored (database unreachable, local journal full); try again later', undefined, { 'retry-after': '5' });
      for (const b of batch) b.reject(err);
    }
  }

  /** One statement for the batch; false (and recovery scheduled) when the database did not take it in time. */
  private async tryWrite(sql: string, rows: ExecutionRow[]): Promise<boolean> {
    if (this.down) return false;
    let timer: NodeJS.Timeout | undefined;
    try {
      await Promise.race([
        this.write(sql, rows),
        new Promise((_, reject) => (timer = setTimeout(() => reject(new Error(`no answer in ${WRITE_TIMEOUT_MS} ms`)), WRITE_TIMEOUT_MS))),
      ]);
      return true;
    } catch (e) {
      if (!this.down) this.logger.warn(`database unavailable for execution records (${(e as Error).message}); journalling them locally`);
      this.down = true;
      this.scheduleRecovery();
      return false;
    } finally {
      clearTimeout(timer);
    }
  }

  private scheduleRecovery(): void {
    if (this.recoveryTimer || this.stopped) return;
    this.recoveryTimer = setInterval(() => void this.recover(), RECOVERY_POLL_MS);
    this.recoveryTimer.unref();
    void this.recover();
  }

  /** Single-flight: when the database answers, new writes go to it again and the journal is replayed, oldest first. */
  private recover(): Promise<void> {
    this.recovering ??= (async () => {
      try {
        await this.executions.query('SELECT 1');
        this.down = false;
        let replayed = 0;
        for (const file of this.journal.seal()) {
          const entries = this.journal.read(file);
          await this.replay(entries);
          this.journal.remove(file);
          replayed += entries.length;
        }
        if (replayed) this.logger.log(`replayed ${replayed} journalled execution records`);
        if (this.journal.size === 0) {
          clearInterval(this.recoveryTimer);
          this.recoveryTimer = undefined;
        }
      } catch (e) {
        this.logger.debug(`execution journal replay postponed: ${(e as Error).message}`);
      } finally {
        this.recovering = undefined;
      }
    })();
    return this.recovering;
  }

  /** Consecutive entries of one kind go in one statement, in journal order. */
  private async replay(entries: JournalEntry[]): Promise<void> {
    for (let i = 0; i < entries.length; ) {
      const op = entries[i].op;
      const rows: ExecutionRow[] = [];
      const ids = new Set<string>();
      while (i < entries.length && entries[i].op === op && rows.length < MAX_BATCH && !ids.has(entries[i].row.id as string)) {
        ids.add(entries[i].row.id as string);
        rows.push(entries[i++].row as ExecutionRow);
      }
      await this.write(op === 'begin' ? BEGIN_SQL : COMPLETE_SQL, rows);
    }
  }

  /**
   * One statement of column arrays (unnest), whatever the batch size: TypeORM's multi-row insert builder
   * was the largest single cost of a tool run under load (parameter bookkeeping).
   */
  private async write(sql: string, batch: ExecutionRow[]): Promise<void> {
    const col = <K extends keyof ExecutionEntity>(k: K) => batch.map((r) => r[k] ?? null);
    const iso = (d: unknown) => (d == null ? null : new Date(d as string | Date).toISOString());
    await this.executions.query(sql, [
      col('id'), col('workspaceId'), col('projectId'), col('serverId'), col('serverName'), col('toolId'), col('toolName'),
      col('callerId'), col('callerKind'), batch.map((r) => r.via ?? 'rest'), col('status'), col('errorCode'), col('errorMessage'),
      batch.map((r) => (r.args == null ? null : JSON.stringify(r.args))), batch.map((r) => r.durationMs ?? 0),
      batch.map((r) => iso(r.startedAt)), col('replicaId'), col('grantId'),
    ]);
  }
}

const SECRET_KEY = /pass(word)?|secret|token|api[-_]?key|auth|credential|cookie|session|private/i;
const SECRET_VALUE = /^(Bearer\s+\S+|pbk_\S+|pba_\S+|sk-[A-Za-z0-9_-]{8,}|gh[pousr]_[A-Za-z0-9]{20,}|xox[abp]-\S+|eyJ[\w-]+\.[\w-]+\.[\w-]+)$/;

/** Arguments as stored: values under secret-looking keys, or that look like credentials, are redacted. */
export function redactArgs(value: unknown, depth = 0): unknown {
  if (depth > 8) return '[truncated]';
  if (typeof value === 'string') {
    if (SECRET_VALUE.test(value.trim())) return '[redacted]';
    return value.length > 2000 ? value.slice(0, 2000) + '…' : value;
  }
  if (Array.isArray(value)) return value.slice(0, 100).map((v) => redactArgs(v, depth + 1));
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value as Record<string, unknown>).map(([k, v]) => [k, SECRET_KEY.test(k) ? '[redacted]' : redactArgs(v, depth + 1)]),
    );
  }
  return value;
}
