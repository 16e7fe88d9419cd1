import { Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { Repository } from 'typeorm';
import { ExecutionEntity } from './execution.entity.js';

const FLUSH_MS = 200;
const MAX_BATCH = 500;

/**
 * Execution records are written after the response, in batches (one multi-row INSERT per
 * flush), so recording adds no database round trip to a tool call. Flushed on shutdown.
 */
@Injectable()
export class ExecutionRecorder implements OnApplicationShutdown {
  private readonly logger = new Logger('Executions');
  private buffer: Array<Partial<ExecutionEntity>> = [];
  private timer?: NodeJS.Timeout;
  private flushing: Promise<void> = Promise.resolve();

  constructor(@InjectRepository(ExecutionEntity) private readonly executions: Repository<ExecutionEntity>) {}

  record(row: Partial<ExecutionEntity>): void {
    this.buffer.push(row);
    if (this.buffer.length >= MAX_BATCH) void this.flush();
    else if (!this.timer) {
      this.timer = setTimeout(() => void this.flush(), FLUSH_MS);
      this.timer.unref();
    }
  }

  /** Writes everything buffered so far (tests and shutdown call it directly). */
  flush(): Promise<void> {
    clearTimeout(this.timer);
    this.timer = undefined;
    const batch = this.buffer;
    this.buffer = [];
    this.flushing = this.flushing.then(async () => {
      if (!batch.length) return;
      try {
        await this.insert(batch);
      } catch (e) {
        this.logger.error(`could not store ${batch.length} execution records: ${(e as Error).message}`);
      }
    });
    return this.flushing;
  }

  async onApplicationShutdown(): Promise<void> {
    await this.flush();
  }

  /**
   * One INSERT of column arrays (unnest), whatever the batch size: TypeORM's multi-row insert
   * builder was the largest single cost of a tool run under load (parameter bookkeeping).
   */
  private async insert(batch: Array<Partial<ExecutionEntity>>): Promise<void> {
    const col = <K extends keyof ExecutionEntity>(k: K) => batch.map((r) => r[k] ?? null);
    await this.executions.query(
      `INSERT INTO executions (id, workspace_id, project_id, server_id, server_name, tool_id, tool_name, caller_id,
         caller_kind, via, status, error_code, error_message, args, duration_ms, started_at)
       SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[],
         $9::text[], $10::text[], $11::text[], $12::text[], $13::text[], $14::jsonb[], $15::int[], $16::timestamptz[])`,
      [
        col('id'), col('workspaceId'), col('projectId'), col('serverId'), col('serverName'), col('toolId'), col('toolName'),
        col('callerId'), col('callerKind'), batch.map((r) => r.via ?? 'rest'), col('status'), col('errorCode'), col('errorMessage'),
        batch.map((r) => (r.args == null ? null : JSON.stringify(r.args))), col('durationMs'), batch.map((r) => r.startedAt?.toISOString() ?? null),
      ],
    );
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
