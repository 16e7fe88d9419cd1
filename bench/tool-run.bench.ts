/**
 * Issue 3 benchmark: server-everything's `echo` over stdio, called directly with the SDK (the floor), through
 * `POST /api/mcp-servers/{id}/tools/echo/run` on a warm Patchbay, and by connecting per call (what a server
 * without a pool pays), at concurrency 1 and 16. Everything runs in this process on 127.0.0.1.
 */
import 'reflect-metadata';
import { resolve } from 'node:path';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { Pool } from 'undici';
import { loadLoop, startBenchApp, type BenchApp, type BenchResult } from './lib.js';

export type { BenchResult };

export const EVERYTHING_BIN = resolve(process.cwd(), 'node_modules/@modelcontextprotocol/server-everything/dist/index.js');

export interface Measured {
  calls: number;
  seconds: number;
  throughput: number;
  p50: number;
  p99: number;
}

/** `call` with `concurrency` workers until `count` calls or `maxMs` (lib's loadLoop); any failed call fails the bench. */
export async function measure(call: () => Promise<unknown>, concurrency: number, count: number, maxMs = 20_000): Promise<Measured> {
  const s = await loadLoop({ concurrency, seconds: maxMs / 1000, count, fn: () => call() });
  if (s.errors) throw new Error(`${s.errors} of ${s.requests} calls failed`);
  return { calls: s.requests, seconds: s.seconds, throughput: s.requests / s.seconds, p50: s.p50, p99: s.p99 };
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
  app: BenchApp;
  url: string;
  key: string;
  workspaceId: string;
  /** JSON request answering the status too (the admin key unless `token` is given). */
  request(method: string, path: string, body?: unknown, token?: string): Promise<{ status: number; body: any }>; // eslint-disable-line @typescript-eslint/no-explicit-any -- JSON
  stop(): Promise<void>;
}

/** A bench Patchbay (bench/lib.ts) that may run stdio `node` and reach loopback, with a workspace and an execute key. */
export async function startPatchbay(): Promise<BenchPatchbay> {
  const app = await startBenchApp({
    MCP_STDIO_COMMANDS: 'node', MCP_ALLOW_PRIVATE_NETWORKS: 'true',
    TOOL_RUNS_CONCURRENT_PER_KEY: '1000', TOOL_RUNS_CONCURRENT_PER_WORKSPACE: '1000',
  });
  const request = async (method: string, path: string, body?: unknown, token = app.adminKey) => {
    const res = await fetch(app.url + path, {
      method, body: body === undefined ? undefined : JSON.stringify(body),
      headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    });
    const text = await res.text();
    return { status: res.status, body: text ? JSON.parse(text) : undefined };
  };
  const ws = await app.request<{ id: string }>('POST', '/api/workspaces', { body: { name: 'bench' } });
  const key = await app.request<{ key: string }>('POST', '/api/api-keys', {
    body: { workspaceId: ws.id, name: 'bench', scopes: ['read', 'write', 'execute'] },
  });
  return { app, url: app.url, request, key: key.key, workspaceId: ws.id, stop: () => app.stop() };
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
