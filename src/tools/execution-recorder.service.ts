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
        await this.executions.insert(batch as never);
      } catch (e) {
        this.logger.error(`could not store ${batch.length} execution records: ${(e as Error).message}`);
      }
    });
    return this.flushing;
  }

  async onApplicationShutdown(): Promise<void> {
    await this.flush();
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
