// Runs a command with DATABASE_URL pointing at a throwaway embedded PostgreSQL
// (used to generate migrations without any database installed).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startEmbeddedPostgres } from '../database/embedded-postgres.launcher.js';

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'patchbay-gen-'));
  const db = await startEmbeddedPostgres({ dataDir: dir, persistent: false });
  try {
    const [cmd, ...args] = process.argv.slice(2);
    const r = spawnSync(cmd, args, { stdio: 'inherit', env: { ...process.env, DATABASE_URL: db.url } });
    process.exitCode = r.status ?? 1;
  } finally {
    await db.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}
void main();
