// `npm run openapi:types`: generates the `paths` and `components` types of the committed openapi.json with
// openapi-typescript, as any client author would, into console/src/api/schema.d.ts: the console's typed client and
// the typed-client test (test/foundation/typed-client.e2e-spec.ts) both build on it. `--check` exits 1 when stale.
// The typed-client test drives the API through these types and `npm run typecheck` compiles it, so a
// document that lies about a shape fails the build.
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import openapiTS, { astToString } from 'openapi-typescript';

const root = new URL('..', import.meta.url);
export const TYPES_FILES = ['console/src/api/schema.d.ts'].map((f) => fileURLToPath(new URL(f, root)));

const HEADER = '// Generated from openapi.json by `npm run openapi:types` (openapi-typescript). Do not edit.\n';

export async function generateTypes() {
  const doc = JSON.parse(readFileSync(new URL('openapi.json', root), 'utf8'));
  // defaults as generated for any client: no option changes what openapi-typescript does out of the box
  return HEADER + astToString(await openapiTS(doc));
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const text = await generateTypes();
  for (const file of TYPES_FILES) {
    if (process.argv.includes('--check')) {
      let committed = '';
      try { committed = readFileSync(file, 'utf8'); } catch { /* missing: stale */ }
      if (committed !== text) {
        console.error(`${file} is stale: run \`npm run openapi:types\` and commit it.`);
        process.exit(1);
      }
      console.log(`${file} is up to date`);
    } else {
      writeFileSync(file, text);
      console.log(`wrote ${file}`);
    }
  }
}
