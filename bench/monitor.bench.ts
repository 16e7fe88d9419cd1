/**
 * Status monitor at scale: 5,000 registered servers swept by one replica, then by two replicas on the same
 * database. Each replica is its own process (its own event loop and CPU account, as in production); the
 * upstreams are minimal streamable-HTTP MCP responders (initialize, ping, tools/list; GET answers 405) in a
 * separate child process, so their CPU is not counted as Patchbay's.
 *
 * A sweep is forced by making every server due; its time is first check recorded -> last check recorded
 * (the replicas' idle poll, at most 2 s at this interval, is left out). CPU = user + system of the replicas.
 */
import { fork, spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';

export interface BenchResult {
  name: string;
  figures: Record<string, number | string>;
  notes?: string[];
}

const SERVERS = 5_000;
const PEER_PORTS = 4;
const CONCURRENCY = 64;
const SWEEP_TIMEOUT_MS = 180_000;
const REPLICA_FLAG = '--patchbay-monitor-bench-replica';
const ADMIN_KEY = 'pba_bench_admin_key_0123456789abcdef';

type ReplicaMessage = { type: 'ready'; owner: string } | { type: 'stats'; cpuMicros: number; checks: number } | { type: 'error'; message: string };

/** Minimal stateless MCP servers (one per port, every path is a server), printed ports on stdout. */
const PEER_SCRIPT = `
import http from 'node:http';
const tools = [
  { name: 'echo', description: 'echoes', inputSchema: { type: 'object', properties: { message: { type: 'string' } } } },
  { name: 'add', description: 'adds', inputSchema: { type: 'object', properties: { a: { type: 'number' }, b: { type: 'number' } } } },
];
const n = Number(process.argv[process.argv.length - 1]);
const ports = [];
const json = (res, body) => res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(body));
for (let i = 0; i < n; i++) {
  const srv = http.createServer((req, res) => {
    if (req.method !== 'POST') return res.writeHead(req.method === 'DELETE' ? 200 : 405, { allow: 'POST' }).end();
    let raw = '';
    req.on('data', (c) => (raw += c));
    req.on('end', () => {
      let m;
      try { m = JSON.parse(raw); } catch { return res.writeHead(400).end(); }
      if (m.id === undefined) return res.writeHead(202).end();
      if (m.method === 'initialize') return json(res, { jsonrpc: '2.0', id: m.id, result: { protocolVersion: m.params?.protocolVersion ?? '2025-06-18', capabilities: { tools: {} }, serverInfo: { name: 'bench-peer', version: '1.0.0' } } });
      if (m.method === 'ping') return json(res, { jsonrpc: '2.0', id: m.id, result: {} });
      if (m.method === 'tools/list') return json(res, { jsonrpc: '2.0', id: m.id, result: { tools } });
      json(res, { jsonrpc: '2.0', id: m.id, error: { code: -32601, message: 'Method not found' } });
    });
  });
  srv.keepAliveTimeout = 600000;
  srv.headersTimeout = 601000;
  srv.listen(0, '127.0.0.1', () => {
    ports.push(srv.address().port);
    if (ports.length === n) console.log(JSON.stringify(ports));
  });
}`;

/** Replica mode: one Patchbay with the monitor on, talking to the orchestrator over IPC. */
async function replicaMain(): Promise<void> {
  const { AppConfig } = await import('../src/config/app-config.js');
  const { createApp } = await import('../src/app.factory.js');
  const { MonitorMetrics } = await import('../src/monitor/monitor-metrics.js');
  const { MonitorScheduler } = await import('../src/monitor/monitor-scheduler.service.js');
  const send = (m: ReplicaMessage) => process.send?.(m);
  try {
    const service = await createApp(AppConfig.fromEnv(process.env));
    const metrics = service.app.get(MonitorMetrics);
    process.on('message', (msg: { type: string }) => {
      void (async () => {
        if (msg.type === 'stats') {
          const cpu = process.cpuUsage();
          const checks = (await metrics.checks.get()).values.reduce((s, v) => s + v.value, 0);
          send({ type: 'stats', cpuMicros: cpu.user + cpu.system, checks });
        } else if (msg.type === 'stop') {
          await service.close().catch(() => undefined);
          process.exit(0);
        }
      })();
    });
    send({ type: 'ready', owner: service.app.get(MonitorScheduler).owner });
  } catch (e) {
    send({ type: 'error', message: (e as Error).message });
    process.exit(1);
  }
}

class Replica {
  private waiting?: (m: ReplicaMessage) => void;
  private constructor(readonly child: ChildProcess) {
    child.on('message', (m: ReplicaMessage) => this.waiting?.(m));
  }

  static async start(env: Record<string, string>): Promise<Replica> {
    const child = fork(fileURLToPath(import.meta.url), [REPLICA_FLAG], { execArgv: process.execArgv, env: { ...process.env, ...env } });
    const r = new Replica(child);
    const m = await r.next(120_000);
    if (m.type !== 'ready') throw new Error(`replica did not start: ${JSON.stringify(m)}`);
    return r;
  }

  next(timeoutMs = 30_000): Promise<ReplicaMessage> {
    return new Promise((resolve, reject) => {
      const t = setTimeout(() => reject(new Error('replica did not answer')), timeoutMs);
      this.waiting = (m) => {
        clearTimeout(t);
        this.waiting = undefined;
        resolve(m);
      };
    });
  }

  async stats(): Promise<{ cpuMicros: number; checks: number }> {
    const answer = this.next();
    this.child.send({ type: 'stats' });
    const m = await answer;
    if (m.type !== 'stats') throw new Error(`unexpected ${m.type}`);
    return m;
  }

  async stop(): Promise<void> {
    const exited = new Promise<void>((r) => this.child.once('exit', () => r()));
    this.child.send({ type: 'stop' });
    const t = setTimeout(() => this.child.kill('SIGKILL'), 30_000);
    await exited;
    clearTimeout(t);
  }
}

async function startPeers(): Promise<{ ports: number[]; child: ChildProcess }> {
  const child = spawn(process.execPath, ['--input-type=module', '-e', PEER_SCRIPT, String(PEER_PORTS)], { stdio: ['ignore', 'pipe', 'inherit'] });
  const ports = await new Promise<number[]>((resolve, reject) => {
    let out = '';
    child.stdout?.on('data', (c: Buffer) => {
      out += c.toString();
      if (out.includes('\n')) resolve(JSON.parse(out.split('\n')[0]) as number[]);
    });
    child.once('exit', (code) => reject(new Error(`peers exited with ${code}`)));
  });
  return { ports, child };
}

/** Makes every server due and waits until each has been checked again; returns seconds and checks by replica. */
async function sweep(db: pg.Client, replicas: Replica[]): Promise<{ seconds: number; cpuSeconds: number; checks: number[] }> {
  const before = await Promise.all(replicas.map((r) => r.stats()));
  const { rows } = await db.query<{ t0: Date }>('SELECT now() AS t0');
  const t0 = rows[0].t0;
  await db.query('UPDATE mcp_servers SET next_check_at = now()');
  const deadline = Date.now() + SWEEP_TIMEOUT_MS;
  for (;;) {
    const r = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM mcp_servers WHERE last_checked_at >= $1', [t0]);
    if (r.rows[0].n >= SERVERS) break;
    if (Date.now() > deadline) throw new Error(`sweep incomplete after ${SWEEP_TIMEOUT_MS} ms: ${r.rows[0].n}/${SERVERS}`);
    await new Promise((res) => setTimeout(res, 100));
  }
  const span = await db.query<{ s: number }>(
    'SELECT EXTRACT(EPOCH FROM max(last_checked_at) - min(last_checked_at))::float8 AS s FROM mcp_servers WHERE last_checked_at >= $1',
    [t0],
  );
  const after = await Promise.all(replicas.map((r) => r.stats()));
  return {
    seconds: span.rows[0].s,
    cpuSeconds: after.reduce((s, a, i) => s + (a.cpuMicros - before[i].cpuMicros), 0) / 1e6,
    checks: after.map((a, i) => a.checks - before[i].checks),
  };
}

const round = (n: number, digits = 3) => Math.round(n * 10 ** digits) / 10 ** digits;

export async function run(): Promise<BenchResult> {
  const { startEmbeddedPostgres } = await import('../src/database/embedded-postgres.launcher.js');
  const { newId } = await import('../src/common/ids/ids.js');
  const dir = mkdtempSync(join(tmpdir(), 'patchbay-bench-monitor-'));
  const database = await startEmbeddedPostgres({ dataDir: dir, persistent: false });
  const peers = await startPeers();
  const replicas: Replica[] = [];
  const db = new pg.Client({ connectionString: database.url });
  try {
    const env = {
      NODE_ENV: 'production',
      DATABASE_URL: database.url,
      PATCHBAY_DATA_DIR: dir,
      ENCRYPTION_KEY: Buffer.alloc(32, 7).toString('base64'),
      ADMIN_API_KEY: ADMIN_KEY,
      LOG_LEVEL: 'warn',
      MONITOR_ENABLED: 'true',
      MONITOR_INTERVAL_MS: '3600000', // one check per server per forced sweep
      MONITOR_CONCURRENCY: String(CONCURRENCY),
      MCP_ALLOW_PRIVATE_NETWORKS: 'true',
    };
    replicas.push(await Replica.start(env)); // migrates the database
    await db.connect();
    const ws = newId('ws');
    await db.query(`INSERT INTO workspaces (id, name, created_by) VALUES ($1, 'bench', 'admin')`, [ws]);
    const ids = Array.from({ length: SERVERS }, () => newId('mcp'));
    const urls = ids.map((_, i) => `http://127.0.0.1:${peers.ports[i % PEER_PORTS]}/mcp/${i}`);
    await db.query(
      `INSERT INTO mcp_servers (id, workspace_id, name, transport, url, created_by, next_check_at)
       SELECT id, $1, 'bench-' || ord, 'streamable_http', url, 'admin', 'infinity'
       FROM unnest($2::text[], $3::text[]) WITH ORDINALITY AS t(id, url, ord)`,
      [ws, ids, urls],
    );

    const cold = await sweep(db, replicas); // connect + list + store the tools of every server
    const warm1 = [await sweep(db, replicas), await sweep(db, replicas)];
    replicas.push(await Replica.start(env));
    for (let i = 0; i < 3; i++) await sweep(db, replicas); // replica 2 opens its own connections
    const warm2 = [await sweep(db, replicas), await sweep(db, replicas)];

    const avg = (xs: number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;
    const oneSweep = avg(warm1.map((s) => s.seconds));
    const twoSweep = avg(warm2.map((s) => s.seconds));
    const perK = (s: { cpuSeconds: number }[]) => avg(s.map((x) => x.cpuSeconds)) / (SERVERS / 1000);
    return {
      name: 'monitor',
      figures: {
        servers: SERVERS,
        concurrencyPerReplica: CONCURRENCY,
        coldSweepSeconds1Replica: round(cold.seconds),
        coldCpuSecondsPer1000Checks: round(cold.cpuSeconds / (SERVERS / 1000)),
        sweepSeconds1Replica: round(oneSweep),
        cpuSecondsPer1000Checks1Replica: round(perK(warm1)),
        checksPerSecond1Replica: Math.round(SERVERS / oneSweep),
        sweepSeconds2Replicas: round(twoSweep),
        cpuSecondsPer1000Checks2Replicas: round(perK(warm2)),
        speedup2Replicas: round(oneSweep / twoSweep, 2),
        checkSplit2Replicas: warm2.at(-1)!.checks.join('/'),
      },
      notes: [
        'cold = first sweep: every replica connects (initialize, GET 405, tools/list) and stores each server\'s tools',
        'warm sweeps ping the pooled connection; figures are the mean of two sweeps',
        `upstreams: ${PEER_PORTS} minimal MCP responders in a child process behind ${SERVERS} server rows`,
        'replicas are separate processes on the same machine (2 cores shared with PostgreSQL and the upstreams)',
      ],
    };
  } finally {
    await db.end().catch(() => undefined);
    for (const r of replicas) await r.stop().catch(() => undefined);
    peers.child.kill('SIGTERM');
    await database.stop().catch(() => undefined);
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv.includes(REPLICA_FLAG)) void replicaMain();
