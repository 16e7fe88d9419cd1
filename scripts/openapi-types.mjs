// `npm run openapi:types`: generates test/support/openapi-types.ts (the `paths` and `components` types of the
// committed openapi.json) with openapi-typescript, as any client author would. `--check` exits 1 when stale.
// The typed-client test drives the API through these types and `npm run typecheck` compiles it, so a
// document that lies about a shape fails the build.
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import openapiTS, { astToString } from 'openapi-typescript';

const root = new URL('..', import.meta.url);
export const TYPES_FILE = fileURLToPath(new URL('test/support/openapi-types.ts', root));

const HEADER = '// Generated from openapi.json by `npm run openapi:types` (openapi-typescript). Do not edit.\n';

export async function generateTypes() {
  const doc = JSON.parse(readFileSync(new URL('openapi.json', root), 'utf8'));
  // defaults as generated for any client: no option changes what openapi-typescript does out of the box
  return HEADER + astToString(await openapiTS(doc));
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const text = await generateTypes();
  if (process.argv.includes('--check')) {
    let committed = '';
    try { committed = readFileSync(TYPES_FILE, 'utf8'); } catch { /* missing: stale */ }
    if (committed !== text) {
      console.error('test/support/openapi-types.ts is stale: run `npm run openapi:types` and commit it.');
      process.exit(1);
    }
    console.log('openapi-types.ts is up to date');
  } else {
    writeFileSync(TYPES_FILE, text);
    console.log(`wrote ${TYPES_FILE}`);
  }
}
