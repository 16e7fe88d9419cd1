import { closeSync, existsSync, fsyncSync, mkdirSync, openSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeSync } from 'node:fs';
import { join } from 'node:path';

/** One journalled write: the start of a run (its `running` row) or its outcome (the whole finished row). */
export interface JournalEntry {
  op: 'begin' | 'complete';
  row: Record<string, unknown>;
}

export class JournalFullError extends Error {}

const ACTIVE = 'executions.journal';
const SEALED = /^executions\.\d{13}-\d+\.sealed$/;

/**
 * Append-only, fsync'd local journal of execution records the database could not take. One line of
 * JSON per entry. `seal()` moves the active file aside (replayed in order, oldest first) so appends
 * continue into a fresh file while a replay runs. Bounded: past `maxBytes` in all files an append
 * throws JournalFullError and the caller must refuse to acknowledge the run.
 *
 * Writes are synchronous on purpose: one append is one write + fdatasync of a few hundred bytes,
 * only taken while the database is away, and batching happens in the recorder above.
 */
export class ExecutionJournal {
  private fd?: number;
  private bytes: number;
  private seq = 0;

  constructor(
    readonly dir: string,
    private readonly maxBytes: number,
  ) {
    // An active file left by an earlier process may end in a torn line: never append after it.
    if (existsSync(join(dir, ACTIVE))) this.seal();
    this.bytes = this.files().reduce((n, f) => n + statSync(join(dir, f)).size, 0);
  }

  get size(): number {
    return this.bytes;
  }

  /** Appends the entries durably (fdatasync) or throws; nothing is half-accepted. */
  append(entries: JournalEntry[]): void {
    const data = Buffer.from(entries.map((e) => JSON.stringify(e)).join('\n') + '\n');
    if (this.bytes + data.length > this.maxBytes) throw new JournalFullError(`execution journal full (${this.bytes} of ${this.maxBytes} bytes)`);
    if (this.fd === undefined) {
      mkdirSync(this.dir, { recursive: true, mode: 0o700 });
      this.fd = openSync(join(this.dir, ACTIVE), 'a', 0o600);
    }
    let off = 0;
    while (off < data.length) off += writeSync(this.fd, data, off);
    fsyncSync(this.fd);
    this.bytes += data.length;
  }

  /** Closes the active file and renames it to a sealed one; returns every sealed file, oldest first. */
  seal(): string[] {
    if (this.fd !== undefined) {
      closeSync(this.fd);
      this.fd = undefined;
    }
    const active = join(this.dir, ACTIVE);
    try {
      if (statSync(active).size > 0) renameSync(active, join(this.dir, `executions.${Date.now()}-${String(this.seq++).padStart(6, '0')}.sealed`));
    } catch {
      // no active file
    }
    return this.files().filter((f) => SEALED.test(f)).sort().map((f) => join(this.dir, f));
  }

  /** Entries of a sealed file, in order; a torn last line (crash mid-write, never fsync'd, never acknowledged) is skipped. */
  read(file: string): JournalEntry[] {
    const out: JournalEntry[] = [];
    for (const line of readFileSync(file, 'utf8').split('\n')) {
      if (!line) continue;
      try {
        out.push(JSON.parse(line) as JournalEntry);
      } catch {
        // torn tail
      }
    }
    return out;
  }

  /** A sealed file fully written to the database. */
  remove(file: string): void {
    const size = statSync(file).size;
    rmSync(file, { force: true });
    this.bytes = Math.max(0, this.bytes - size);
  }

  close(): void {
    if (this.fd !== undefined) closeSync(this.fd);
    this.fd = undefined;
  }

  private files(): string[] {
    if (!existsSync(this.dir)) return [];
    return readdirSync(this.dir).filter((f) => f === ACTIVE || SEALED.test(f));
  }
}
