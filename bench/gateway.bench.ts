/**
 * Issue 7 benchmark: server-everything's `echo` (stdio) through the gateway (`/mcp/{mcp_}` pass-through and
 * `/mcp/{proj_}` aggregation), against two floors: the direct SDK call over stdio, and the SDK's own stateless
 * streamable-HTTP server answering echo in-process; plus supergateway (stateful, stdio -> streamable HTTP).
 * Concurrency 1 and 16, one SDK client per target, everything on 127.0.0.1.
 */
import 'reflect-metadata';
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer, type Server as HttpServer } from 'node:http';
import { createConnection } from 'node:net';
import { resolve } from 'node:path';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import { z } from 'zod';
import { directEverything, EVERYTHING_BIN, measure, put, round, startPatchbay, type BenchResult } from './tool-run.bench.js';

async function httpClient(url: string, token?: string): Promise<Client> {
  const client = new Client({ name: 'bench-http', version: '1' });
  await client.connect(new StreamableHTTPClientTransport(new URL(url), token ? { requestInit: { headers: { authorization: `Bearer ${token}` } } } : undefined));
  return client;
}

/** The SDK's stateless example: a new McpServer and transport per request, echo answered in-process. */
async function sdkFloor(): Promise<{ url: string; close(): Promise<void> }> {
  const server: HttpServer = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const mcp = new McpServer({ name: 'floor', version: '1' });
      mcp.registerTool('echo', { inputSchema: { message: z.string() } }, ({ message }) => ({ content: [{ type: 'text', text: `Echo: ${message}` }] }));
      const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined });
      res.on('close', () => void transport.close().then(() => mcp.close()));
      void mcp.connect(transport).then(() => transport.handleRequest(req, res, chunks.length ? JSON.parse(Buffer.concat(chunks).toString('utf8')) : undefined));
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as { port: number }).port;
  return { url: `http://127.0.0.1:${port}/mcp`, close: () => new Promise((r) => server.close(() => r())) };
}

async function supergateway(): Promise<{ url: string; close(): Promise<void> }> {
  const probe = createServer();
  await new Promise<void>((r) => probe.listen(0, '127.0.0.1', r));
  const port = (probe.address() as { port: number }).port;
  await new Promise((r) => probe.close(r));
  const bin = resolve(process.cwd(), 'node_modules/supergateway/dist/index.js');
  const child: ChildProcess = spawn(process.execPath, [bin, '--stdio', `${process.execPath} ${EVERYTHING_BIN} stdio`, '--outputTransport', 'streamableHttp',
    '--stateful', '--port', String(port), '--logLevel', 'none'], { stdio: 'ignore' });
  const end = Date.now() + 20_000;
  for (;;) {
    const up = await new Promise<boolean>((r) => {
      const s = createConnection(port, '127.0.0.1', () => (s.end(), r(true)));
      s.on('error', () => r(false));
    });
    if (up) break;
    if (Date.now() > end) throw new Error('supergateway did not start');
    await new Promise((r) => setTimeout(r, 100));
  }
  return { url: `http://127.0.0.1:${port}/mcp`, close: async () => void child.kill('SIGTERM') };
}

export async function run(): Promise<BenchResult> {
  const figures: Record<string, number | string> = {};
  const notes: string[] = [];
  const pb = await startPatchbay();
  const floor = await sdkFloor();
  const sg = await supergateway();
  const clients: Client[] = [];
  try {
    const project = await pb.request('POST', '/api/projects', { workspaceId: pb.workspaceId, name: 'bench' });
    const created = await pb.request('POST', '/api/mcp-servers', { workspaceId: pb.workspaceId, projectId: project.body.id, name: 'everything', command: 'node', args: [EVERYTHING_BIN, 'stdio'] }, pb.key);
    if (created.status !== 201) throw new Error(`register: ${created.status} ${JSON.stringify(created.body)}`);
    const targets: Array<[string, Client, string]> = [
      ['directStdio', await directEverything(), 'echo'],
      ['sdkHttpFloor', await httpClient(floor.url), 'echo'],
      ['gatewayPassthrough', await httpClient(`${pb.url}/mcp/${created.body.id}`, pb.key), 'echo'],
      ['gatewayAggregate', await httpClient(`${pb.url}/mcp/${project.body.id}`, pb.key), 'everything__echo'],
      ['supergateway', await httpClient(sg.url), 'echo'],
    ];
    clients.push(...targets.map(([, c]) => c));
    const calls = targets.map(([name, client, tool]) => [name, () => client.callTool({ name: tool, arguments: { message: 'hello bench' } })] as const);
    for (const [, call] of calls) await measure(call, 4, 300); // warm up
    for (const c of [1, 16]) {
      for (const [name, call] of calls) put(figures, `c${c}.${name}`, await measure(call, c, c === 1 ? 1000 : 3000, 15_000));
      const floorTp = figures[`c${c}.sdkHttpFloor.callsPerSec`] as number;
      for (const g of ['gatewayPassthrough', 'gatewayAggregate', 'supergateway']) {
        figures[`c${c}.${g}VsHttpFloor`] = round((figures[`c${c}.${g}.callsPerSec`] as number) / floorTp, 3);
        figures[`c${c}.${g}AddedP50MsOverHttpFloor`] = round((figures[`c${c}.${g}.p50Ms`] as number) - (figures[`c${c}.sdkHttpFloor.p50Ms`] as number), 3);
        figures[`c${c}.${g}AddedP50MsOverDirect`] = round((figures[`c${c}.${g}.p50Ms`] as number) - (figures[`c${c}.directStdio.p50Ms`] as number), 3);
      }
    }
    const best = Math.max(figures['c16.gatewayPassthroughVsHttpFloor'] as number, figures['c16.gatewayAggregateVsHttpFloor'] as number);
    figures.goalMet = best >= 0.8 && (figures['c1.gatewayPassthroughAddedP50MsOverHttpFloor'] as number) <= 2 ? 'yes' : 'no';
    notes.push('Goal: gateway >= 80% of the SDK HTTP floor at c=16, p50 added <= 2 ms. The floor answers echo in-process; the gateway also crosses stdio to server-everything.');
    notes.push('Pass-through clients hold a session (stateful transport, SSE answers); aggregate requests are stateless (JSON answers when no progress is asked for).');
  } finally {
    await Promise.allSettled(clients.map((c) => c.close()));
    await floor.close();
    await sg.close();
    await pb.stop();
  }
  return { name: 'gateway', figures, notes };
}
