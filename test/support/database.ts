import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '../../src/database/data-source.options.js';

const TEMPLATE_DB = 'patchbay_test_template';

export function withDatabase(url: string, db: string): string {
  const u = new URL(url);
  u.pathname = `/${db}`;
  return u.toString();
}

function adminUrl(): string {
  const url = process.env.PATCHBAY_TEST_ADMIN_URL;
  if (!url) throw new Error('PATCHBAY_TEST_ADMIN_URL is not set: run tests through npm test (jest global setup)');
  return url;
}

async function withAdmin<T>(fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const c = new pg.Client({ connectionString: adminUrl() });
  await c.connect();
  try {
    return await fn(c);
  } finally {
    await c.end();
  }
}

/** The first file of the run migrates the template; the others wait on the advisory lock. */
async function ensureTemplate(): Promise<void> {
  await withAdmin(async (c) => {
    await c.query('SELECT pg_advisory_lock(727274)');
    try {
      const { rows } = await c.query(
        `SELECT 1 FROM pg_database WHERE datname = $1 AND datallowconn AND datistemplate`, [TEMPLATE_DB]);
      if (rows.length) return;
      await c.query(`DROP DATABASE IF EXISTS ${TEMPLATE_DB} WITH (FORCE)`);
      await c.query(`CREATE DATABASE ${TEMPLATE_DB}`);
      const ds = new DataSource(dataSourceOptions(withDatabase(adminUrl(), TEMPLATE_DB), 1));
      await ds.initialize();
      await ds.runMigrations({ transaction: 'each' });
      await ds.destroy();
      await c.query(`ALTER DATABASE ${TEMPLATE_DB} WITH is_template true`);
    } finally {
      await c.query('SELECT pg_advisory_unlock(727274)');
    }
  });
}

/** A fresh, migrated database for one test file, cloned from the run's template. */
export async function createTestDatabase(): Promise<{ url: string; drop(): Promise<void> }> {
  await ensureTemplate();
  const name = `patchbay_t_${randomBytes(6).toString('hex')}`;
  await withAdmin((c) => c.query(`CREATE DATABASE ${name} TEMPLATE ${TEMPLATE_DB}`));
  return {
    url: withDatabase(adminUrl(), name),
    drop: () => withAdmin((c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)).then(() => undefined),
  };
}
