/**
 * Issue 3 benchmark: server-everything's `echo` over stdio, called directly with the SDK (the floor), through
 * `POST /api/mcp-servers/{id}/tools/echo/run` on a warm Patchbay, and by connecting per call (what a server
 * without a pool pays), at concurrency 1 and 16. Everything runs in this process on 127.0.0.1.
 */
import 'reflect-metadata';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { Pool } from 'undici';
import { createApp, type PatchbayApp } from '../src/app.factory.js';
import { AppConfig } from '../src/config/app-config.js';
import { startEmbeddedPostgres, type EmbeddedDatabase } from '../src/database/embedded-postgres.launcher.js';

export interface BenchResult {
  name: string;
  figures: Record<string, number | string>;
  notes?: string[];
}

export const EVERYTHING_BIN = resolve(process.cwd(), 'node_modules/@modelcontextprotocol/server-everything/dist/index.js');
const ADMIN = 'pba_bench_admin_key_0123456789abcdef';

export interface Measured {
  calls: number;
  seconds: number;
  throughput: number;
  p50: number;
  p99: number;
}

/** Runs `call` with `concurrency` workers until `count` calls are done or `maxMs` passed. Latencies in ms. */
export async function measure(call: () => Promise<unknown>, concurrency: number, count: number, maxMs = 20_000): Promise<Measured> {
  const lat: number[] = [];
  let started = 0;
  const t0 = performance.now();
  const deadline = t0 + maxMs;
  const worker = async () => {
    while (started < count && performance.now() < deadline) {
      started++;
      const s = performance.now();
      await call();
      lat.push(performance.now() - s);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  const seconds = (performance.now() - t0) / 1000;
  lat.sort((a, b) => a - b);
  const q = (p: number) => lat[Math.min(lat.length - 1, Math.floor(p * lat.length))] ?? NaN;
  return { calls: lat.length, seconds, throughput: lat.length / seconds, p50: q(0.5), p99: q(0.99) };
}

export function put(figures: Record<string, number | string>, prefix: string, m: Measured): void {
  figures[`${prefix}.callsPerSec`] = round(m.throughput, 1);
  figures[`${prefix}.p50Ms`] = round(m.p50, 3);
  figures[`${prefix}.p99Ms`] = round(m.p99, 3);
  figures[`${prefix}.calls`] = m.calls;
}

export const round = (n: number, d = 2) => Math.round(n * 10 ** d) / 10 ** d;

export async function directEverything(): Promise<Client> {
  const client = new Client({ name: 'bench-direct', version: '1' });
  await client.connect(new StdioClientTransport({ command: process.execPath, args: [EVERYTHING_BIN, 'stdio'], stderr: 'ignore' }));
  return client;
}

export interface BenchPatchbay {
  app: PatchbayApp;
  url: string;
  key: string;
  workspaceId: string;
  request(method: string, path: string, body?: unknown, token?: string): Promise<{ status: number; body: any }>; // eslint-disable-line @typescript-eslint/no-explicit-any -- JSON
  stop(): Promise<void>;
}

/** A warm-able Patchbay on its own embedded PostgreSQL, with generous limits and quiet logs. */
export async function startPatchbay(): Promise<BenchPatchbay> {
  const dir = mkdtempSync(join(tmpdir(), 'patchbay-bench-'));
  chmodSync(dir, 0o755); // initdb runs as an unprivileged user when we are root
  const db: EmbeddedDatabase = await startEmbeddedPostgres({ dataDir: dir });
  const big = '10000000';
  const config = AppConfig.fromEnv({
    NODE_ENV: 'test', PATCHBAY_DATA_DIR: dir, ADMIN_API_KEY: ADMIN, LOG_LEVEL: 'warn', MONITOR_ENABLED: 'false',
    MCP_STDIO_COMMANDS: 'node', MCP_ALLOW_PRIVATE_NETWORKS: 'true',
    RATE_LIMIT_PER_KEY_PER_MINUTE: big, RATE_LIMIT_PER_WORKSPACE_PER_MINUTE: big,
    TOOL_RUNS_PER_KEY_PER_MINUTE: big, TOOL_RUNS_PER_WORKSPACE_PER_MINUTE: big,
    TOOL_RUNS_CONCURRENT_PER_KEY: '1000', TOOL_RUNS_CONCURRENT_PER_WORKSPACE: '1000',
  });
  const app = await createApp(config, { databaseUrl: db.url });
  await app.app.listen({ port: 0, host: '127.0.0.1' });
  const url = `http://127.0.0.1:${(app.app.getHttpServer().address() as { port: number }).port}`;
  const request = async (method: string, path: string, body?: unknown, token = ADMIN) => {
    const res = await fetch(url + path, {
      method, body: body === undefined ? undefined : JSON.stringify(body),
      headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    });
    const text = await res.text();
    return { status: res.status, body: text ? JSON.parse(text) : undefined };
  };
  const ws = await request('POST', '/api/workspaces', { name: 'bench' });
  const key = await request('POST', '/api/api-keys', { workspaceId: ws.body.id, name: 'bench', scopes: ['read', 'write', 'execute'] });
  return {
    app, url, request, key: key.body.key, workspaceId: ws.body.id,
    async stop() {
      await app.close();
      await db.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export async function run(): Promise<BenchResult> {
  const figures: Record<string, number | string> = {};
  const notes: string[] = [];
  const pb = await startPatchbay();
  const direct = await directEverything();
  const http = new Pool(pb.url, { connections: 32, pipelining: 1 });
  try {
    const created = await pb.request('POST', '/api/mcp-servers', { workspaceId: pb.workspaceId, name: 'everything', command: 'node', args: [EVERYTHING_BIN, 'stdio'] }, pb.key);
    if (created.status !== 201) throw new Error(`register: ${created.status} ${JSON.stringify(created.body)}`);
    const path = `/api/mcp-servers/${created.body.id}/tools/echo/run`;
    const body = JSON.stringify({ args: { message: 'hello bench' } });
    const headers = { authorization: `Bearer ${pb.key}`, 'content-type': 'application/json' };
    const viaPatchbay = async () => {
      const res = await http.request({ method: 'POST', path, body, headers });
      const text = await res.body.text();
      if (res.statusCode !== 200) throw new Error(`run: ${res.statusCode} ${text}`);
    };
    const viaDirect = () => direct.callTool({ name: 'echo', arguments: { message: 'hello bench' } });
    const perCall = async () => {
      const c = await directEverything();
      try {
        await c.callTool({ name: 'echo', arguments: { message: 'hello bench' } });
      } finally {
        await c.close();
      }
    };
    // Warm up: the pool's connection, caches, JIT. The first run alone: it lists the tools, and concurrent
    // first listings of one server race in the registry (duplicate key, reported).
    await viaPatchbay();
    await measure(viaPatchbay, 4, 400);
    await measure(viaDirect, 4, 400);
    for (const c of [1, 16]) {
      const n = c === 1 ? 1500 : 4000;
      const d = await measure(viaDirect, c, n);
      const p = await measure(viaPatchbay, c, n);
      const k = await measure(perCall, c, c === 1 ? 15 : 48, 20_000);
      put(figures, `c${c}.direct`, d);
      put(figures, `c${c}.patchbay`, p);
      put(figures, `c${c}.connectPerCall`, k);
      figures[`c${c}.patchbayVsDirect`] = round(p.throughput / d.throughput, 3);
      figures[`c${c}.addedP50Ms`] = round(p.p50 - d.p50, 3);
      figures[`c${c}.addedP99Ms`] = round(p.p99 - d.p99, 3);
      figures[`c${c}.poolingSpeedup`] = round(p.throughput / k.throughput, 1);
    }
    const ok = (figures['c16.patchbayVsDirect'] as number) >= 0.5 && (figures['c1.addedP50Ms'] as number) <= 2 && (figures['c1.addedP99Ms'] as number) <= 10;
    figures.goalMet = ok ? 'yes' : 'no';
    notes.push('Goal: c16 throughput >= 50% of direct, added p50 <= 2 ms, p99 <= 10 ms (latency goals judged at c=1, where queueing does not dominate).');
    notes.push('Load generator, Patchbay and the direct client share this process; server-everything runs as a stdio child. connectPerCall spawns a stdio process, handshakes, calls and closes per call.');
  } finally {
    await http.close();
    await direct.close();
    await pb.stop();
  }
  return { name: 'tool-run', figures, notes };
}
