// `npm run openapi`: writes openapi.json from the code, without a database.
// `--check`: exits 1 (and says which paths differ) when the committed file is stale.
//
// The app is created in Nest's preview mode: modules and routes are scanned, no provider is
// instantiated, so nothing connects anywhere. The running app serves the same document at
// GET /openapi.json (test/foundation/openapi.e2e-spec.ts holds the two together).
import 'reflect-metadata';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { AppModule } from '../app.module.js';
import { AppConfig } from '../config/app-config.js';
import { stableJson } from '../common/stable-json.js';
import { buildOpenApi } from '../openapi.js';

/** The repository root: the nearest folder above this file holding package.json. */
function repoRoot(): string {
  let dir = import.meta.dirname;
  while (!existsSync(join(dir, 'package.json')) && dirname(dir) !== dir) dir = dirname(dir);
  return dir;
}

export const OPENAPI_FILE = join(repoRoot(), 'openapi.json');

/** The document as stable text (sorted keys), built from the code alone. */
export async function generateOpenApiText(): Promise<string> {
  const config = AppConfig.fromEnv({
    NODE_ENV: 'development',
    // a fixed, throwaway key so that nothing is written to a data dir
    ENCRYPTION_KEY: Buffer.alloc(32, 7).toString('base64'),
    LOG_LEVEL: 'silent',
  });
  const app = await NestFactory.create<NestFastifyApplication>(
    AppModule.forRoot(config, 'postgres://openapi@127.0.0.1:1/none'),
    new FastifyAdapter(),
    { preview: true, logger: false, abortOnError: false },
  );
  try {
    return stableJson(buildOpenApi(app));
  } finally {
    await app.close();
  }
}

async function main(): Promise<void> {
  const text = await generateOpenApiText();
  if (process.argv.includes('--check')) {
    let committed = '';
    try {
      committed = readFileSync(OPENAPI_FILE, 'utf8');
    } catch {
      // missing file: reported below as stale
    }
    if (committed === text) {
      console.log('openapi.json is up to date');
      return;
    }
    const paths = (t: string): string[] => (t ? Object.keys((JSON.parse(t) as { paths?: object }).paths ?? {}) : []);
    const now = new Set(paths(text));
    const was = new Set(paths(committed));
    const added = [...now].filter((p) => !was.has(p));
    const removed = [...was].filter((p) => !now.has(p));
    console.error('openapi.json is stale: run `npm run openapi` and commit the result.');
    if (added.length) console.error(`  paths only in the code: ${added.join(', ')}`);
    if (removed.length) console.error(`  paths only in openapi.json: ${removed.join(', ')}`);
    process.exitCode = 1;
    return;
  }
  writeFileSync(OPENAPI_FILE, text);
  console.log(`wrote ${OPENAPI_FILE} (${Object.keys((JSON.parse(text) as { paths: object }).paths).length} paths)`);
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) {
  main().catch((e: unknown) => {
    console.error(e);
    process.exit(1);
  });
}
