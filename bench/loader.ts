/**
 * The load generator, run as its own process (bench/floors.bench.ts forks it) so it never shares the measured
 * service's event loop: a closed loop of `concurrency` callers for `seconds`, answering LoadStats over IPC.
 * `http`: one undici request per call (any 2xx counts, anything else is an error);
 * `stdio`: the SDK client calling `tool` on a stdio server it spawns (the floor of a tool call).
 */
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { Pool } from 'undici';
import { loadLoop, type LoadStats } from './load.js';

export type LoadSpec =
  | {
      kind: 'http'; url: string; method?: string; headers?: Record<string, string>; body?: string; concurrency: number; seconds: number; warmup?: number;
      /** the body is a JSON-RPC request: each call gets its own id (a stateful peer matches answers by id) */
      jsonRpc?: boolean;
    }
  | { kind: 'stdio'; command: string; args: string[]; tool: string; arguments: Record<string, unknown>; concurrency: number; seconds: number; warmup?: number };

async function runSpec(spec: LoadSpec): Promise<LoadStats> {
  if (spec.kind === 'stdio') {
    const client = new Client({ name: 'bench-loader', version: '1' });
    await client.connect(new StdioClientTransport({ command: spec.command, args: spec.args, stderr: 'ignore' }));
    const call = () => client.callTool({ name: spec.tool, arguments: spec.arguments });
    try {
      if (spec.warmup) await loadLoop({ concurrency: spec.concurrency, seconds: spec.warmup, fn: call });
      return await loadLoop({ concurrency: spec.concurrency, seconds: spec.seconds, fn: call });
    } finally {
      await client.close();
    }
  }
  const u = new URL(spec.url);
  const pool = new Pool(u.origin, { connections: spec.concurrency, pipelining: 1, headersTimeout: 10_000, bodyTimeout: 10_000 });
  const path = u.pathname + u.search;
  const message = spec.jsonRpc && spec.body ? (JSON.parse(spec.body) as Record<string, unknown>) : undefined;
  let n = 0;
  const call = async () => {
    const body = message ? JSON.stringify({ ...message, id: ++n }) : spec.body;
    const res = await pool.request({ method: (spec.method ?? 'GET') as 'GET', path, headers: spec.headers, body });
    await res.body.dump();
    if (res.statusCode < 200 || res.statusCode > 299) throw new Error(`HTTP ${res.statusCode}`);
  };
  try {
    if (spec.warmup) await loadLoop({ concurrency: spec.concurrency, seconds: spec.warmup, fn: call });
    return await loadLoop({ concurrency: spec.concurrency, seconds: spec.seconds, fn: call });
  } finally {
    await pool.close();
  }
}

const spec = JSON.parse(process.argv[2]) as LoadSpec;
runSpec(spec).then(
  (stats) => process.send!({ stats }, () => process.exit(0)),
  (e: unknown) => {
    console.error(e);
    process.exit(1);
  },
);
