/**
 * Issue 18: the figures users feel, each against its floor in the same run. Patchbay runs as its own process
 * (`node dist-bench/src/main.js` on a throwaway embedded PostgreSQL, per-key limits raised through env) and every
 * load comes from a separate loader process (bench/loader.ts), one at a time:
 *  (a) REST tool run (`echo` on a stdio server-everything) at c=16 and c=1, against the SDK client calling the
 *      same server over stdio directly;
 *  (b) `GET /api/mcp-servers?limit=50` with 200 servers at c=32, against `/health/live`;
 *  (c) gateway `tools/call` (stateless, aggregate and pass-through) at c=16, against the REST run and supergateway.
 * BENCH_SECONDS (default 5) sets each load's length; BENCH_PROFILE=rest|list|gateway runs only that load with the
 * service under `node --cpu-prof` and writes the profile's top self-time entries next to the results.
 */
import { fork, spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { startEmbeddedPostgres } from '../src/database/embedded-postgres.launcher.js';
import type { BenchResult } from './lib.js';
import type { LoadStats } from './load.js';
import type { LoadSpec } from './loader.js';
import { topOfProfile } from './profile-top.js';

const ROOT = process.cwd();
const EVERYTHING = resolve(ROOT, 'node_modules/@modelcontextprotocol/server-everything/dist/index.js');
const ADMIN = 'pba_bench_admin_key_0123456789abcdef';
const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
const PROFILE = process.env.BENCH_PROFILE as 'rest' | 'list' | 'gateway' | undefined;
const ECHO = { message: 'hello bench' };
const MCP_HEADERS = { 'content-type': 'application/json', accept: 'application/json, text/event-stream', 'mcp-protocol-version': '2025-06-18' };

async function freePort(): Promise<number> {
  const s = createServer();
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', r));
  const { port } = s.address() as { port: number };
  await new Promise((r) => s.close(r));
  return port;
}

async function waitFor(url: string, child: ChildProcess): Promise<void> {
  const end = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`${url}: the process exited (${child.exitCode})`);
    const ok = await fetch(url, { method: url.endsWith('/mcp') ? 'POST' : 'GET' }).then(() => true, () => false);
    if (ok) return;
    if (Date.now() > end) throw new Error(`${url} did not come up`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** One load from a separate process. */
function load(spec: LoadSpec): Promise<LoadStats> {
  return new Promise((res, rej) => {
    const p = fork(join(import.meta.dirname, 'loader.js'), [JSON.stringify(spec)], { stdio: 'inherit' });
    let stats: LoadStats | undefined;
    p.on('message', (m: { stats?: LoadStats }) => (stats = m.stats));
    p.on('exit', (code) => (code === 0 && stats ? res(stats) : rej(new Error(`loader failed (${code}) for ${JSON.stringify(spec).slice(0, 200)}`))));
  });
}

function checked(name: string, s: LoadStats): LoadStats {
  if (s.errors) throw new Error(`${name}: ${s.errors} of ${s.requests} requests failed`);
  console.log(`  ${name}: ${s.rps}/s, p50 ${s.p50} ms, p99 ${s.p99} ms (${s.requests} in ${s.seconds} s)`);
  return s;
}

const r = (n: number, d = 2) => Math.round(n * 10 ** d) / 10 ** d;

export async function run(): Promise<BenchResult> {
  const dir = mkdtempSync(join(tmpdir(), 'patchbay-floors-'));
  const db = await startEmbeddedPostgres({ dataDir: dir, persistent: false });
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const profDir = join(ROOT, 'bench/results/profiles');
  if (PROFILE) {
    mkdirSync(profDir, { recursive: true });
    for (const f of readdirSync(profDir).filter((n) => n.startsWith(`${PROFILE}-`))) rmSync(join(profDir, f));
  }
  const service = spawn(process.execPath, [...(PROFILE ? ['--cpu-prof', `--cpu-prof-dir=${profDir}`, `--cpu-prof-name=${PROFILE}-${Date.now()}.cpuprofile`] : []), join(ROOT, 'dist-bench/src/main.js')], {
    stdio: ['ignore', 'ignore', 'inherit'],
    env: {
      ...process.env, NODE_ENV: 'production', PORT: String(port), PUBLIC_URL: url, DATABASE_URL: db.url, PATCHBAY_DATA_DIR: dir,
      ENCRYPTION_KEY: Buffer.alloc(32, 5).toString('base64'), ADMIN_API_KEY: ADMIN, LOG_LEVEL: 'warn', MONITOR_ENABLED: 'false',
      RATE_LIMIT_PER_KEY_PER_MINUTE: '10000000', RATE_LIMIT_PER_WORKSPACE_PER_MINUTE: '10000000',
      TOOL_RUNS_PER_KEY_PER_MINUTE: '10000000', TOOL_RUNS_PER_WORKSPACE_PER_MINUTE: '10000000',
      TOOL_RUNS_CONCURRENT_PER_KEY: '1000', TOOL_RUNS_CONCURRENT_PER_WORKSPACE: '1000',
      MCP_STDIO_COMMANDS: 'node', MCP_ALLOW_PRIVATE_NETWORKS: 'true',
    },
  });
  const sgPort = await freePort();
  const sg = PROFILE ? undefined : spawn(process.execPath, [resolve(ROOT, 'node_modules/supergateway/dist/index.js'), '--stdio', `${process.execPath} ${EVERYTHING} stdio`,
    '--outputTransport', 'streamableHttp', '--stateful', '--port', String(sgPort), '--logLevel', 'none'], { stdio: 'ignore' });
  const figures: Record<string, number | string> = {};
  const notes: string[] = [];
  try {
    await waitFor(`${url}/health/live`, service);
    const api = async (method: string, path: string, body?: unknown, token = ADMIN) => {
      const res = await fetch(url + path, { method, headers: { authorization: `Bearer ${token}`, ...(body ? { 'content-type': 'application/json' } : {}) }, body: body ? JSON.stringify(body) : undefined });
      const text = await res.text();
      if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${text.slice(0, 300)}`);
      return (text ? JSON.parse(text) : undefined) as any; // eslint-disable-line @typescript-eslint/no-explicit-any -- JSON
    };
    const ws = await api('POST', '/api/workspaces', { name: 'bench' });
    const { key } = await api('POST', '/api/api-keys', { workspaceId: ws.id, name: 'bench', scopes: ['read', 'write', 'execute'] });
    const project = await api('POST', '/api/projects', { workspaceId: ws.id, name: 'bench' });
    const echo = await api('POST', '/api/mcp-servers', { workspaceId: ws.id, projectId: project.id, name: 'everything', command: 'node', args: [EVERYTHING, 'stdio'] }, key);
    const auth = { authorization: `Bearer ${key}` };
    // (a) the REST run and its floor
    const runUrl = `${url}/api/mcp-servers/${echo.id}/tools/echo/run`;
    const runBody = JSON.stringify({ args: ECHO });
    const first = await api('POST', `/api/mcp-servers/${echo.id}/tools/echo/run`, { args: ECHO }, key);
    if (first.funcReturn !== 'Echo: hello bench') throw new Error(`run answered ${JSON.stringify(first)}`);
    const rest = (concurrency: number, seconds = SECONDS) => load({ kind: 'http', url: runUrl, method: 'POST', headers: { ...auth, 'content-type': 'application/json' }, body: runBody, concurrency, seconds, warmup: 1 });
    const direct = (concurrency: number) => load({ kind: 'stdio', command: process.execPath, args: [EVERYTHING, 'stdio'], tool: 'echo', arguments: ECHO, concurrency, seconds: SECONDS, warmup: 1 });
    // (b) the list: 200 servers (secrets sealed on each), a page of 50
    const listUrl = `${url}/api/mcp-servers?workspaceId=${ws.id}&limit=50`;
    const list = (seconds = SECONDS) => load({ kind: 'http', url: listUrl, headers: auth, concurrency: 32, seconds, warmup: 1 });
    const live = () => load({ kind: 'http', url: `${url}/health/live`, concurrency: 32, seconds: SECONDS, warmup: 1 });
    if (!PROFILE || PROFILE === 'list') {
      for (let i = 0; i < 199; i++) {
        await api('POST', '/api/mcp-servers', {
          workspaceId: ws.id, name: `srv-${i}`, url: `https://mcp-${i}.example.com/mcp`, description: `server ${i}`,
          headers: { 'x-tenant': `t${i}` }, authType: 'api_key', apiKey: `secret-${i}`,
        }, key);
      }
      const page = await api('GET', `/api/mcp-servers?workspaceId=${ws.id}&limit=50`, undefined, key);
      if (page.data?.length !== 50) throw new Error(`list answered ${page.data?.length} items`);
    }
    // (c) the gateway, stateless: a tools/call POST without a session
    const call = (name: string) => JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'tools/call', params: { name, arguments: ECHO } });
    const gateway = (scope: string, tool: string) => load({ kind: 'http', url: `${url}/mcp/${scope}`, method: 'POST', headers: { ...auth, ...MCP_HEADERS }, body: call(tool), jsonRpc: true, concurrency: 16, seconds: SECONDS, warmup: 1 });
    for (const [scope, tool] of [[project.id, 'everything__echo'], [echo.id, 'echo']]) {
      const res = await fetch(`${url}/mcp/${scope}`, { method: 'POST', headers: { ...auth, ...MCP_HEADERS }, body: call(tool) });
      const text = await res.text();
      if (!text.includes('Echo: hello bench')) throw new Error(`gateway ${scope}: ${res.status} ${text.slice(0, 300)}`);
    }

    if (PROFILE) {
      const s = PROFILE === 'rest' ? await rest(16, 10) : PROFILE === 'list' ? await list(10) : await gateway(project.id, 'everything__echo');
      Object.assign(figures, { [`${PROFILE}.rps`]: s.rps, [`${PROFILE}.p50Ms`]: s.p50, [`${PROFILE}.errors`]: s.errors });
    } else {
      const d16 = checked('direct c16', await direct(16));
      const p16 = checked('rest c16', await rest(16));
      const d1 = checked('direct c1', await direct(1));
      const p1 = checked('rest c1', await rest(1));
      const l = checked('list c32', await list());
      const h = checked('live c32', await live());
      const ga = checked('gateway aggregate c16', await gateway(project.id, 'everything__echo'));
      const gp = checked('gateway pass-through c16', await gateway(echo.id, 'echo'));
      await waitFor(`${`http://127.0.0.1:${sgPort}`}/mcp`, sg!);
      const init = await fetch(`http://127.0.0.1:${sgPort}/mcp`, { method: 'POST', headers: MCP_HEADERS, body: JSON.stringify({ jsonrpc: '2.0', id: 0, method: 'initialize', params: { protocolVersion: '2025-06-18', capabilities: {}, clientInfo: { name: 'bench', version: '1' } } }) });
      await init.text();
      const sid = init.headers.get('mcp-session-id');
      if (!sid) throw new Error(`supergateway initialize: ${init.status}`);
      const sgHeaders = { ...MCP_HEADERS, 'mcp-session-id': sid };
      await fetch(`http://127.0.0.1:${sgPort}/mcp`, { method: 'POST', headers: sgHeaders, body: JSON.stringify({ jsonrpc: '2.0', method: 'notifications/initialized' }) }).then((x) => x.text());
      const sgu = checked('supergateway c16', await load({ kind: 'http', url: `http://127.0.0.1:${sgPort}/mcp`, method: 'POST', headers: sgHeaders, body: call('echo'), jsonRpc: true, concurrency: 16, seconds: SECONDS, warmup: 1 }));
      const put = (name: string, s: LoadStats) => Object.assign(figures, { [`${name}.rps`]: s.rps, [`${name}.p50Ms`]: s.p50, [`${name}.p99Ms`]: s.p99 });
      put('a.c16.direct', d16); put('a.c16.rest', p16); put('a.c1.direct', d1); put('a.c1.rest', p1);
      put('b.c32.list', l); put('b.c32.live', h);
      put('c.c16.gatewayAggregate', ga); put('c.c16.gatewayPassthrough', gp); put('c.c16.supergateway', sgu);
      const ratios = {
        'ratio.restVsDirect.c16': r(p16.rps / d16.rps, 3),
        'ratio.restAddedP50Ms.c1': r(p1.p50 - d1.p50, 3),
        'ratio.listVsLive.c32': r(l.rps / h.rps, 3),
        'ratio.gatewayAggregateVsRest.c16': r(ga.rps / p16.rps, 3),
        'ratio.gatewayAggregateVsSupergateway.c16': r(ga.rps / sgu.rps, 3),
        'ratio.gatewayPassthroughVsRest.c16': r(gp.rps / p16.rps, 3),
        'ratio.gatewayPassthroughVsSupergateway.c16': r(gp.rps / sgu.rps, 3),
      };
      Object.assign(figures, ratios);
      const met = (ok: boolean) => (ok ? 'met' : 'NOT met');
      figures['goal.restVsDirect>=0.5'] = met(ratios['ratio.restVsDirect.c16'] >= 0.5);
      figures['goal.restAddedP50<=1ms'] = met(ratios['ratio.restAddedP50Ms.c1'] <= 1);
      figures['goal.listVsLive>=0.5'] = met(ratios['ratio.listVsLive.c32'] >= 0.5);
      figures['goal.gatewayVsRest>=0.9'] = met(ratios['ratio.gatewayAggregateVsRest.c16'] >= 0.9);
      figures['goal.gatewayVsSupergateway>=2'] = met(ratios['ratio.gatewayAggregateVsSupergateway.c16'] >= 2);
      notes.push(`Each load ran ${SECONDS} s (after 1 s of warm-up) from its own loader process (undici or the SDK stdio client), one at a time; Patchbay ran as its own process (dist-bench/src/main.js).`);
      notes.push('Ratios compare figures of this one run only; the machine (2 cores) is shared with other work, so absolute figures move between runs.');
      notes.push('Gateway calls are stateless POSTs without a session (any replica answers); supergateway is stateful (one session, as it must be).');
    }
  } finally {
    sg?.kill('SIGTERM');
    await new Promise<void>((res) => {
      if (service.exitCode !== null) return res();
      service.once('exit', () => res());
      service.kill('SIGTERM');
    });
    await db.stop();
    rmSync(dir, { recursive: true, force: true });
  }
  if (PROFILE) {
    const file = readdirSync(profDir).find((n) => n.startsWith(`${PROFILE}-`) && n.endsWith('.cpuprofile'));
    if (file) notes.push(...topOfProfile(join(profDir, file), 25));
  }
  return { name: PROFILE ? `profile-${PROFILE}` : 'floors', figures, notes };
}
