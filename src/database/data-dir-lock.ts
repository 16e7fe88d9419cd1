import { closeSync, existsSync, mkdirSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';

/**
 * One process per data directory: `<dataDir>/patchbay.pid` holds the PID of the Patchbay that
 * runs the embedded PostgreSQL there. scripts/start.mjs reads the same file (keep the name and
 * the one-number format in step with it) so that a second `npm start` refuses before rebuilding.
 */
export const LOCK_FILE = 'patchbay.pid';

export class DataDirInUseError extends Error {
  constructor(
    readonly dataDir: string,
    readonly pid: number,
    readonly holder: 'patchbay' | 'postgres',
  ) {
    super(
      holder === 'patchbay'
        ? `the data directory ${dataDir} is in use by PID ${pid} (another patchbay); stop it, or set PATCHBAY_DATA_DIR to another directory`
        : `the data directory ${dataDir} is in use by PostgreSQL PID ${pid}, left running by a patchbay that did not stop cleanly; stop it (kill ${pid}) and start again`,
    );
  }
}

/** Whether `pid` is a live process whose command line mentions `name` (a reused PID does not count). */
function alive(pid: number, name: string): boolean {
  if (!Number.isInteger(pid) || pid <= 0 || pid === process.pid) return false;
  try {
    process.kill(pid, 0);
  } catch (e) {
    // EPERM: it exists, under another user (the embedded PostgreSQL runs as `postgres` under root)
    if ((e as NodeJS.ErrnoException).code !== 'EPERM') return false;
  }
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes(name);
  } catch {
    return true; // no /proc (macOS): trust kill(0)
  }
}

function readPid(file: string): number {
  try {
    return Number.parseInt(readFileSync(file, 'utf8').split('\n')[0] ?? '', 10);
  } catch {
    return NaN;
  }
}

/** Who holds the data directory now, if anyone: our lock file first, then PostgreSQL's own. */
export function dataDirHolder(dataDir: string): DataDirInUseError | undefined {
  const ours = readPid(join(dataDir, LOCK_FILE));
  if (alive(ours, 'node')) return new DataDirInUseError(dataDir, ours, 'patchbay');
  const postmaster = readPid(join(dataDir, 'pg', 'postmaster.pid'));
  if (alive(postmaster, 'postgres')) return new DataDirInUseError(dataDir, postmaster, 'postgres');
  return undefined;
}

/**
 * Takes the data directory for this process or throws DataDirInUseError naming the PID that
 * holds it. A lock left by a process that is gone is taken over.
 */
export function lockDataDir(dataDir: string): { release(): void } {
  mkdirSync(dataDir, { recursive: true });
  const file = join(dataDir, LOCK_FILE);
  for (let attempt = 0; attempt < 3; attempt++) {
    const held = dataDirHolder(dataDir);
    if (held) throw held;
    // a lock whose process is gone is stale; PostgreSQL's own lock still guards a lost race here
    const stale = readPid(file);
    if (existsSync(file) && readPid(file) === stale) rmSync(file, { force: true });
    let fd: number;
    try {
      fd = openSync(file, 'wx', 0o644);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'EEXIST') continue; // another start won the race: look again
      throw e;
    }
    writeSync(fd, `${process.pid}\n`);
    closeSync(fd);
    return {
      release() {
        if (readPid(file) === process.pid) rmSync(file, { force: true });
      },
    };
  }
  throw dataDirHolder(dataDir) ?? new Error(`could not take the lock file ${file}`);
}
