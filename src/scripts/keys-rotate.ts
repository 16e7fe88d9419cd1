// `npm run keys:rotate`: re-encrypts every sealed secret under ENCRYPTION_KEY.
//
// 1. run every replica with ENCRYPTION_KEY=<new> and ENCRYPTION_KEYS_PREVIOUS=<old>
// 2. npm run keys:rotate   (same env; safe to run again, and while Patchbay serves)
// 3. drop ENCRYPTION_KEYS_PREVIOUS
// Without DATABASE_URL it opens the embedded store in PATCHBAY_DATA_DIR (stop `npm start` first).
import 'reflect-metadata';
import pg from 'pg';
import { SecretBox } from '../common/crypto/secret-box.js';
import { AppConfig, ConfigError } from '../config/app-config.js';
import { type EmbeddedDatabase, startEmbeddedPostgres } from '../database/embedded-postgres.launcher.js';
import { rotateSealedColumns } from './key-rotation.js';

async function main(): Promise<number> {
  let config: AppConfig;
  try {
    config = AppConfig.fromEnv();
  } catch (e) {
    if (e instanceof ConfigError) {
      console.error(`keys:rotate: configuration error: ${e.message}`);
      return 1;
    }
    throw e;
  }
  let embedded: EmbeddedDatabase | undefined;
  const url = config.databaseUrl ?? (embedded = await startEmbeddedPostgres({ dataDir: config.dataDir })).url;
  const client = new pg.Client({ connectionString: url, application_name: 'patchbay-keys-rotate' });
  try {
    await client.connect();
    const box = new SecretBox(config.encryptionKeys);
    const report = await rotateSealedColumns(client, box);
    console.log(`current key id ${box.currentKeyId}`);
    for (const c of report.columns) console.log(`${c.table}.${c.column}: ${c.rotated} re-encrypted, ${c.current} already current`);
    for (const f of report.failures) console.error(`cannot open ${f.table}.${f.column} of ${f.key}: ${f.error}`);
    if (report.failures.length) {
      console.error(`${report.failures.length} value(s) left as they were: add their key to ENCRYPTION_KEYS_PREVIOUS and run again`);
      return 2;
    }
    return 0;
  } finally {
    await client.end().catch(() => undefined);
    await embedded?.stop();
  }
}

main().then(
  (code) => process.exit(code),
  (e: unknown) => {
    console.error(`keys:rotate failed: ${(e as Error)?.message ?? String(e)}`);
    process.exit(1);
  },
);
