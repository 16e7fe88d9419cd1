import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { freePort, startHttpPeer, type HttpPeer } from '../peers/index.js';
import { createTestDatabase } from '../support/database.js';
import { ensureBuilt, MAIN } from '../support/built-main.js';
import { createTenant } from '../support/factories.js';
import { startTestApp, TEST_ADMIN_KEY, type TestApp } from '../support/test-app.js';

const KEY = Buffer.alloc(32, 3).toString('base64');

describe('operations endpoints', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(async () => app?.stop());

  it('GET / leads to the web console', async () => {
    const res = await fetch(`${app.url}/`, { redirect: 'manual' });
    expect(res.status).toBe(302);
    expect(res.headers.get('location')).toBe('/console/');
  });

  it('/health/live answers without touching anything', async () => {
    const res = await app.request('GET', '/health/live', { token: null });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ status: 'ok' });
  });

  it('/health/ready checks the database and the migrations, uncached', async () => {
    const res = await app.request('GET', '/health/ready', { token: null });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: 'ok', info: { database: { status: 'up' }, migrations: { status: 'up' } } });
    expect(res.headers['cache-control']).toContain('no-store');
  });

  it('/metrics is Prometheus text with request counts and the latency histogram', async () => {
    await app.request('GET', '/api/projects', { token: null }); // a 401 is counted too
    const res = await app.request('GET', '/metrics', { token: null });
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/plain/);
    expect(res.text).toContain('# TYPE patchbay_http_requests_total counter');
    expect(res.text).toMatch(/patchbay_http_requests_total\{method="GET",route="\/health\/live",status="200"\} \d+/);
    expect(res.text).toMatch(/patchbay_http_requests_total\{method="GET",route="\/api\/projects",status="401"\} \d+/);
    expect(res.text).toContain('# TYPE patchbay_http_request_duration_seconds histogram');
    expect(res.text).toMatch(/patchbay_http_request_duration_seconds_bucket\{le="0\.005",method="GET",route="\/api\/projects"\} \d+/);
    expect(res.text).toContain('patchbay_process_cpu_seconds_total');
  });

  it('echoes a request id, or makes one, and logs it', async () => {
    const given = await app.request('GET', '/api/projects', { headers: { 'x-request-id': 'trace-abc.123' } });
    expect(given.headers['x-request-id']).toBe('trace-abc.123');
    const made = await app.request('GET', '/api/projects');
    expect(made.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    const bad = await app.request('GET', '/api/projects', { headers: { 'x-request-id': 'no spaces or <html>' } });
    expect(bad.headers['x-request-id']).not.toContain(' ');
    const line = app.logs.map((l) => JSON.parse(l) as { reqId?: string; msg?: string }).find((l) => l.reqId === 'trace-abc.123');
    expect(line).toMatchObject({ msg: 'request' });
    expect(app.logs.join('\n')).not.toContain(TEST_ADMIN_KEY);
  });

  it('/docs is the interactive reference, public', async () => {
    const res = await app.request('GET', '/docs', { token: null });
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toContain('text/html');
  });

  it('close() lets an in-flight request finish', async () => {
    const peer = await startHttpPeer();
    const own = await startTestApp({ env: { MCP_ALLOW_PRIVATE_NETWORKS: 'true' } });
    try {
      const t = await createTenant(own);
      const created = await own.request('POST', '/api/mcp-servers', {
        token: t.key,
        body: { workspaceId: t.workspaceId, name: 'slow-peer', transport: 'streamable_http', url: peer.url },
      });
      expect(created.status).toBe(201);
      expect((await own.request('POST', `/api/mcp-servers/${created.body.id}/refresh`, { token: t.key })).status).toBe(200);
      let done = false;
      const run = own
        .request('POST', `/api/mcp-servers/${created.body.id}/tools/slow/run`, { token: t.key, body: { args: { ms: 800 } } })
        .finally(() => (done = true));
      while (!peer.calls.slow && !done) await sleep(20);
      const closing = own.close();
      const res = await run;
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ status: 'success', funcReturn: 'done' });
      await closing;
    } finally {
      await own.stop();
      await peer.close();
    }
  });
});

describe('/metrics with METRICS_TOKEN', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp({ env: { METRICS_TOKEN: 'scrape-token-0123456789' } });
  });
  afterAll(async () => app?.stop());

  it('needs that bearer', async () => {
    const none = await app.request('GET', '/metrics', { token: null });
    expect(none.status).toBe(401);
    expect(none.headers['www-authenticate']).toMatch(/^Bearer/);
    expect((await app.request('GET', '/metrics', { token: 'scrape-token-wrong-456789' })).status).toBe(401);
    // the admin key is not the metrics token
    expect((await app.request('GET', '/metrics')).status).toBe(401);
    const ok = await app.request('GET', '/metrics', { token: 'scrape-token-0123456789' });
    expect(ok.status).toBe(200);
    expect(ok.text).toContain('patchbay_http_requests_total');
  });
});

/** The real process: `node dist/main.js`. */
describe('the patchbay process', () => {
  beforeAll(() => ensureBuilt(), 180_000);

  const baseEnv = (): Record<string, string> => ({
    PATH: process.env.PATH ?? '',
    PATCHBAY_DATA_DIR: mkdtempSync(join(tmpdir(), 'patchbay-proc-')),
    LOG_LEVEL: 'warn',
  });

  it.each([
    ['PORT', { PORT: 'abc' }],
    ['ENCRYPTION_KEY', { ENCRYPTION_KEY: 'short' }],
    ['ENCRYPTION_KEY', { NODE_ENV: 'production' }],
    ['OIDC_AUDIENCE', { OIDC_ISSUER: 'https://id.example.com' }],
    ['DATABASE_URL', { DATABASE_URL: 'mysql://db/x' }],
    ['ADMIN_API_KEY', { ADMIN_API_KEY: 'too-short' }],
    ['MCP_ALLOW_PRIVATE_NETWORKS', { MCP_ALLOW_PRIVATE_NETWORKS: 'maybe' }],
    // a typo in an enumerated value is refused, not read as the default
    ['NODE_ENV', { NODE_ENV: 'prod' }],
    ['LOG_LEVEL', { LOG_LEVEL: 'verbose' }],
  ])('a bad config stops start-up with one line naming %s', (name, env) => {
    const r = spawnSync(process.execPath, [MAIN], { env: { ...baseEnv(), ...env }, encoding: 'utf8', timeout: 30_000 });
    expect(r.status).toBe(1);
    const lines = r.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^patchbay: configuration error: /);
    expect(lines[0]).toContain(name);
    expect(r.stdout).toBe('');
  });

  describe('SIGTERM', () => {
    let child: ChildProcess;
    let out = '';
    let peer: HttpPeer;
    let db: { url: string; drop(): Promise<void> };
    let url: string;
    afterAll(async () => {
      if (child?.exitCode === null) child.kill('SIGKILL');
      await peer?.close();
      await db?.drop();
    });

    it('drains the in-flight request, then exits 0', async () => {
      [peer, db] = await Promise.all([startHttpPeer(), createTestDatabase()]);
      const port = await freePort();
      url = `http://127.0.0.1:${port}`;
      child = spawn(process.execPath, [MAIN], {
        env: {
          ...baseEnv(),
          NODE_ENV: 'production',
          LOG_LEVEL: 'info',
          PORT: String(port),
          DATABASE_URL: db.url,
          ENCRYPTION_KEY: KEY,
          ADMIN_API_KEY: TEST_ADMIN_KEY,
          MCP_ALLOW_PRIVATE_NETWORKS: 'true',
          MONITOR_ENABLED: 'false',
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
      child.stderr!.on('data', (d: Buffer) => (out += d.toString()));
      const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
      const until = Date.now() + 60_000;
      while (!out.includes('patchbay listening')) {
        if (child.exitCode !== null || Date.now() > until) throw new Error(`did not start:\n${out}`);
        await sleep(50);
      }

      const call = async (method: string, path: string, body?: unknown) => {
        const res = await fetch(url + path, {
          method,
          headers: { authorization: `Bearer ${TEST_ADMIN_KEY}`, ...(body ? { 'content-type': 'application/json' } : {}) },
          body: body ? JSON.stringify(body) : undefined,
        });
        return { status: res.status, body: (await res.json()) as Record<string, unknown> };
      };
      const ws = await call('POST', '/api/workspaces', { name: 'drain' });
      const server = await call('POST', '/api/mcp-servers', { workspaceId: ws.body.id, name: 'slow', transport: 'streamable_http', url: peer.url });
      expect(server.status).toBe(201);
      expect((await call('POST', `/api/mcp-servers/${String(server.body.id)}/refresh`)).status).toBe(200);

      let done = false;
      const inFlight = call('POST', `/api/mcp-servers/${String(server.body.id)}/tools/slow/run`, { args: { ms: 1000 } }).finally(
        () => (done = true),
      );
      while (!peer.calls.slow && !done) await sleep(20);
      child.kill('SIGTERM');
      const res = await inFlight;
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ status: 'success', funcReturn: 'done' });
      expect(await exited).toBe(0);
      expect(out).toContain('draining and shutting down');
      await expect(fetch(`${url}/health/live`)).rejects.toThrow();
      // JSON logs, no secret in them
      expect(out).not.toContain(TEST_ADMIN_KEY);
      expect(out).not.toContain(KEY);
    }, 90_000);
  });
});
