// `npm start`, in one process (so the signals npm forwards reach the server):
//  1. with the embedded PostgreSQL (no DATABASE_URL), refuse at once when the data directory is in
//     use, so a second `npm start` never rebuilds dist/ under the one that is running;
//  2. rebuild dist/ (`nest build`, as `npm run build`) only when a source or build setting is newer
//     than dist/main.js;
//  3. run dist/main.js.
// Plain JavaScript: it has to run before there is a build.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const main = join(root, 'dist/main.js');

// The lock logic lives in src/database/data-dir-lock.ts; the previous build's copy is enough to
// read the lock (without a previous build there is no dist/ to protect).
const lockModule = join(root, 'dist/database/data-dir-lock.js');
if (!process.env.DATABASE_URL?.trim() && existsSync(lockModule)) {
  // (a query of its own, so that main.js below loads the module afresh after a rebuild)
  const { dataDirHolder } = await import(`${pathToFileURL(lockModule).href}?start`);
  const held = dataDirHolder(resolve(process.env.PATCHBAY_DATA_DIR || './.patchbay'));
  if (held) {
    process.stderr.write(`patchbay: failed to start: ${held.message}\n`);
    process.exit(1);
  }
}

/** Newest modification time under `path` (directories count: deleting a file changes theirs). */
function newest(path) {
  const st = statSync(path, { throwIfNoEntry: false });
  if (!st) return 0;
  if (!st.isDirectory()) return st.mtimeMs;
  return Math.max(st.mtimeMs, ...readdirSync(path).map((name) => newest(join(path, name))));
}

const inputs = ['src', 'console', 'package.json', 'package-lock.json', 'tsconfig.json', 'tsconfig.build.json', 'nest-cli.json'];
const built = statSync(main, { throwIfNoEntry: false })?.mtimeMs ?? 0;
if (Math.max(...inputs.map((p) => newest(join(root, p)))) > built) {
  process.stderr.write(built ? 'patchbay: sources changed since the last build; building...\n' : 'patchbay: building...\n');
  // what `npm run build` runs: the service, then the console (nest empties dist/ first)
  for (const args of [
    [join(root, 'node_modules/@nestjs/cli/bin/nest.js'), 'build'],
    [join(root, 'node_modules/vite/bin/vite.js'), 'build', '--config', 'console/vite.config.ts', '--logLevel', 'warn'],
  ]) {
    const r = spawnSync(process.execPath, args, { cwd: root, stdio: 'inherit' });
    if (r.status !== 0) {
      process.stderr.write(`patchbay: failed to start: the build failed (${r.error?.message ?? `exit code ${r.status ?? r.signal}`})\n`);
      process.exit(1);
    }
  }
}

await import(pathToFileURL(main).href);
