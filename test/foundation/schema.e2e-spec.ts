import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '../../src/database/data-source.options.js';
import { withDatabase } from '../support/database.js';

/**
 * Schema drift: the migrations, run on an empty database, build exactly what the entities
 * describe (TypeORM's schema builder has nothing left to do), and they roll back cleanly.
 */
describe('migrations match the entities', () => {
  const admin = () => new pg.Client({ connectionString: process.env.PATCHBAY_TEST_ADMIN_URL });
  const name = `patchbay_schema_${randomBytes(5).toString('hex')}`;
  let ds: DataSource;

  beforeAll(async () => {
    const c = admin();
    await c.connect();
    await c.query(`CREATE DATABASE ${name}`);
    await c.end();
    ds = new DataSource(dataSourceOptions(withDatabase(process.env.PATCHBAY_TEST_ADMIN_URL!, name), 2));
    await ds.initialize();
  });

  afterAll(async () => {
    await ds?.destroy();
    const c = admin();
    await c.connect();
    await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await c.end();
  });

  it('runs every migration on an empty database', async () => {
    const ran = await ds.runMigrations({ transaction: 'each' });
    expect(ran.length).toBe(ds.migrations.length);
    expect(await ds.showMigrations()).toBe(false);
  });

  it('leaves no pending schema change (entities == migrations)', async () => {
    const sql = await ds.driver.createSchemaBuilder().log();
    const pending = sql.upQueries.map((q) => q.query);
    // A failure here lists the SQL TypeORM would run: write a migration for it
    // (NAME=Xyz npm run migration:generate) or fix the entity.
    expect(pending).toEqual([]);
  });

  it('undoes every migration, leaving only the migrations table', async () => {
    for (let i = 0; i < ds.migrations.length; i++) await ds.undoLastMigration({ transaction: 'each' });
    const { length } = await ds.query<unknown[]>(
      `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_name <> 'migrations'`,
    );
    expect(length).toBe(0);
    // and up again, so a down() that forgot something shows up as a failure here
    await ds.runMigrations({ transaction: 'each' });
    expect((await ds.driver.createSchemaBuilder().log()).upQueries).toEqual([]);
  });
});
