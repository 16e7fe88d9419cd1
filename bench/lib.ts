// Helpers for benchmarks (bench/*.bench.ts). Everything runs on 127.0.0.1, bounded in time.
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { createApp, type PatchbayApp } from '../src/app.factory.js';
import { AppConfig } from '../src/config/app-config.js';
import { startEmbeddedPostgres } from '../src/database/embedded-postgres.launcher.js';
import { round, type LoadStats } from './load.js';

/** What a bench file's `run()` returns; bench/run.ts prints and stores it. */
export interface BenchResult {
  name: string;
  figures: Record<string, number | string>;
  notes?: string[];
}

export const BENCH_ADMIN_KEY = 'pba_bench_admin_key_0123456789abcdef';

export interface BenchApp extends PatchbayApp {
  url: string;
  adminKey: string;
  /** JSON request with the admin key unless `token` is given (null: none). Throws on a non-2xx. */
  request<T = unknown>(method: string, path: string, opts?: { token?: string | null; body?: unknown }): Promise<T>;
  stop(): Promise<void>;
}

/**
 * A whole Patchbay on its own embedded PostgreSQL (a throwaway cluster in a temp dir), listening
 * on a free port of 127.0.0.1. Defaults suit measuring: LOG_LEVEL=warn, monitor off, rate limits
 * out of the way; `env` overrides any of them.
 */
export async function startBenchApp(env: Record<string, string> = {}): Promise<BenchApp> {
  const dir = mkdtempSync(join(tmpdir(), 'patchbay-bench-'));
  const db = await startEmbeddedPostgres({ dataDir: dir, persistent: false });
  let service: PatchbayApp | undefined;
  try {
    const config = AppConfig.fromEnv({
      NODE_ENV: 'production',
      PATCHBAY_DATA_DIR: dir,
      ENCRYPTION_KEY: Buffer.alloc(32, 5).toString('base64'),
      ADMIN_API_KEY: BENCH_ADMIN_KEY,
      LOG_LEVEL: 'warn',
      MONITOR_ENABLED: 'false',
      RATE_LIMIT_PER_KEY_PER_MINUTE: '10000000',
      RATE_LIMIT_PER_WORKSPACE_PER_MINUTE: '10000000',
      TOOL_RUNS_PER_KEY_PER_MINUTE: '10000000',
      TOOL_RUNS_PER_WORKSPACE_PER_MINUTE: '10000000',
      ...env,
      DATABASE_URL: db.url,
    });
    // warnings go to stderr; nothing else is logged at warn
    service = await createApp(config, { logDestination: new Writable({ write: (c: Buffer, _e, cb) => (process.stderr.write(c), cb()) }) });
    await service.app.listen({ port: 0, host: '127.0.0.1' });
  } catch (e) {
    await service?.close();
    await db.stop();
    rmSync(dir, { recursive: true, force: true });
    throw e;
  }
  const started = service;
  const { port } = started.app.getHttpServer().address() as { port: number };
  const url = `http://127.0.0.1:${port}`;
  return {
    ...started,
    url,
    adminKey: BENCH_ADMIN_KEY,
    async request<T>(method: string, path: string, opts: { token?: string | null; body?: unknown } = {}): Promise<T> {
      const token = opts.token === undefined ? BENCH_ADMIN_KEY : opts.token;
      const headers: Record<string, string> = {};
      if (token) headers.authorization = `Bearer ${token}`;
      if (opts.body !== undefined) headers['content-type'] = 'application/json';
      const res = await fetch(url + path, { method, headers, body: opts.body === undefined ? undefined : JSON.stringify(opts.body) });
      const text = await res.text();
      if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${text.slice(0, 300)}`);
      return (text ? JSON.parse(text) : undefined) as T;
    },
    async stop() {
      await started.close();
      await db.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export type { LoadStats };
export { loadLoop, percentiles, round } from './load.js';

interface AutocannonResult {
  requests: { average: number; total: number };
  latency: { p50: number; p90: number; p99: number; average: number };
  non2xx: number;
  errors: number;
  timeouts: number;
  duration: number;
}
type Autocannon = (opts: Record<string, unknown>) => Promise<AutocannonResult>;
// autocannon is CommonJS without type declarations
const autocannon = createRequire(import.meta.url)('autocannon') as Autocannon;

/**
 * Plain HTTP load with autocannon, in a worker thread so the load generator does not share the
 * server's event loop. Bounded by `seconds` (default 10) and, if given, `amount` requests.
 */
export async function httpLoad(opts: {
  url: string;
  method?: string;
  headers?: Record<string, string>;
  body?: string;
  connections?: number;
  seconds?: number;
  amount?: number;
  pipelining?: number;
}): Promise<LoadStats> {
  const r = await autocannon({
    url: opts.url,
    method: opts.method ?? 'GET',
    headers: opts.headers,
    body: opts.body,
    connections: opts.connections ?? 32,
    pipelining: opts.pipelining ?? 1,
    duration: opts.seconds ?? 10,
    amount: opts.amount,
    workers: 1,
    timeout: 10,
  });
  return {
    rps: Math.round(r.requests.average),
    p50: r.latency.p50,
    p90: r.latency.p90,
    p99: r.latency.p99,
    mean: round(r.latency.average, 2),
    requests: r.requests.total,
    non2xx: r.non2xx,
    errors: r.errors + r.timeouts,
    seconds: r.duration,
  };
}

/** Flattens stats into figures: { `${prefix}_rps`: ..., `${prefix}_p50_ms`: ... }. */
export function figuresOf(prefix: string, s: LoadStats): Record<string, number> {
  return {
    [`${prefix}_rps`]: s.rps,
    [`${prefix}_p50_ms`]: s.p50,
    [`${prefix}_p99_ms`]: s.p99,
    [`${prefix}_requests`]: s.requests,
    [`${prefix}_non2xx`]: s.non2xx,
    [`${prefix}_errors`]: s.errors,
  };
}
