import { ConnectionPool } from '../../src/connections/connection-pool.js';
import { freePort, startEverything, startHttpPeer, type EverythingPeer, type HttpPeer } from '../peers/index.js';
import { createTenant } from '../support/factories.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { startCountingPeer, type CountingPeer } from './support/counting-peer.js';
import { db, monitorEnv, registerServer, serverRow, sleep, statusEvents, waitFor, waitForStatus } from './support/helpers.js';

const INTERVAL = 400;

describe('monitor: each server status tells the truth', () => {
  let app: TestApp;
  let t: { workspaceId: string; key: string };
  let counting: CountingPeer;
  const closers: Array<() => Promise<void>> = [];
  beforeAll(async () => {
    app = await startTestApp({ env: monitorEnv(INTERVAL, { MONITOR_BACKOFF_MAX_MS: '5000' }) });
    t = await createTenant(app);
    counting = await startCountingPeer();
    closers.push(() => counting.close());
  });
  afterAll(async () => {
    await app?.stop();
    for (const close of closers) await close().catch(() => undefined);
  });

  const register = (body: Record<string, unknown>) => registerServer(app, t.key, t.workspaceId, body);
  const changes = async (id: string) =>
    (await statusEvents(app, id, t.key, '?kind=status_changed')).map((e) => `${e.from || '-'}>${e.to}`).reverse();

  it('turns connected, disconnected within two intervals of the upstream dying (with lastError), and connected again', async () => {
    let peer: HttpPeer = await startHttpPeer();
    const port = Number(new URL(peer.url).port);
    closers.push(() => peer.close());
    const id = await register({ name: 'live-one', url: peer.url });
    expect((await serverRow(app, id)).connectorStatus).toBe('');

    const up = await waitForStatus(app, id, 'connected');
    expect(up).toMatchObject({ lastError: null, consecutiveFailures: 0, lastLatencyMs: expect.any(Number) });
    expect(up.lastConnectedAt).toEqual(up.lastCheckedAt);
    await waitFor(async () => (await serverRow(app, id)).toolCount > 0); // first contact listed the tools

    const killedAt = Date.now();
    await peer.close();
    const down = await waitForStatus(app, id, 'disconnected');
    expect(Date.parse(down.lastCheckedAt) - killedAt).toBeLessThanOrEqual(2 * INTERVAL);
    expect(down.lastError).toMatch(/^upstream_unreachable: /);
    expect(down.consecutiveFailures).toBeGreaterThanOrEqual(1);
    expect(Date.parse(down.lastConnectedAt)).toBeLessThan(Date.parse(down.lastCheckedAt));

    peer = await startHttpPeer({ port });
    const back = await waitForStatus(app, id, 'connected');
    expect(back).toMatchObject({ lastError: null, consecutiveFailures: 0 });
    expect(await changes(id)).toEqual(['->connected', 'connected>disconnected', 'disconnected>connected']);
    const events = await statusEvents(app, id, t.key, '?kind=status_changed');
    expect(events[0]).toMatchObject({ id: expect.stringMatching(/^evt_/), serverId: id, kind: 'status_changed', from: 'disconnected', to: 'connected', reason: null });
    expect(events[1]).toMatchObject({ from: 'connected', to: 'disconnected', reason: expect.stringMatching(/^upstream_unreachable/) });
  });

  it('turns error when the upstream refuses the credential, without leaking it', async () => {
    const peer = await startHttpPeer({ requireBearer: 'the-right-token' });
    closers.push(() => peer.close());
    const id = await register({ name: 'refuses-us', url: peer.url, authType: 'api_key', apiKey: 'wrong-upstream-secret' });
    const s = await waitForStatus(app, id, 'error');
    expect(s.lastError).toMatch(/^upstream_auth_required: /);
    expect(JSON.stringify(s)).not.toContain('wrong-upstream-secret');
    expect(JSON.stringify(await statusEvents(app, id, t.key))).not.toContain('wrong-upstream-secret');
    expect(app.logs.join('\n')).not.toContain('wrong-upstream-secret');
  });

  it('writes a status event only when the status changes, pings the live connection, and refreshes tools only when they changed', async () => {
    const id = await register({ name: 'steady', url: counting.url('steady') });
    await waitForStatus(app, id, 'connected');
    await waitFor(() => counting.checks('steady').length >= 5, 15_000);
    const methods = counting.hits('steady').map((h) => h.method);
    // first check: handshake + list; the changed (new) list is then refreshed; after that only pings
    expect(methods.filter((m) => m === 'initialize')).toHaveLength(1);
    expect(methods.filter((m) => m === 'tools/list')).toHaveLength(2);
    expect(methods.filter((m) => m === 'ping').length).toBeGreaterThanOrEqual(4);
    expect(counting.gets).toBeGreaterThanOrEqual(1); // the optional GET stream answered 405: not a failure
    expect(await changes(id)).toEqual(['->connected']);
    const toolEvents = await statusEvents(app, id, t.key, '?kind=tools_changed');
    expect(toolEvents).toHaveLength(1);
    expect(toolEvents[0].details).toMatchObject({ toolCount: 2 });
    expect(await serverRow(app, id)).toMatchObject({ toolCount: 2, consecutiveFailures: 0 });

    // A new connection lists the tools again; the same list is not refreshed again.
    await app.app.get(ConnectionPool).closeServer(id);
    await waitFor(() => counting.hits('steady').filter((h) => h.method === 'initialize').length === 2, 10_000);
    await sleep(3 * INTERVAL);
    expect(counting.hits('steady').filter((h) => h.method === 'tools/list')).toHaveLength(3);
    expect(await statusEvents(app, id, t.key, '?kind=tools_changed')).toHaveLength(1);
  });

  it('checks server-everything over streamable HTTP (with its GET stream) as connected', async () => {
    const everything: EverythingPeer = await startEverything('streamable_http');
    closers.push(() => everything.close());
    const id = await register({ name: 'everything', url: everything.url });
    await waitForStatus(app, id, 'connected', 20_000);
    await waitFor(async () => (await serverRow(app, id)).toolCount > 0);
  });

  it('backs off a failing server exponentially, and one failing check never stops the others', async () => {
    const deadPort = await freePort();
    const dead = await register({ name: 'dead', url: `http://127.0.0.1:${deadPort}/mcp` });
    const goods = await Promise.all([1, 2, 3].map((i) => register({ name: `good-${i}`, url: counting.url(`good-${i}`) })));
    for (const g of goods) await waitForStatus(app, g, 'connected');
    const row = await waitFor(async () => {
      const [r] = await db(app).query('SELECT consecutive_failures, last_checked_at, next_check_at FROM mcp_servers WHERE id = $1', [dead]);
      return r.consecutive_failures >= 3 ? r : undefined;
    }, 20_000);
    const gap = new Date(row.next_check_at).getTime() - new Date(row.last_checked_at).getTime();
    const n = row.consecutive_failures as number;
    expect(gap).toBeGreaterThanOrEqual(Math.min(INTERVAL * 2 ** (n - 1), 5000) * 0.9 - 50);
    expect(gap).toBeLessThanOrEqual(Math.min(INTERVAL * 2 ** (n - 1), 5000) * 1.1 + 50);
    expect((await serverRow(app, dead)).connectorStatus).toBe('disconnected');
    expect(await changes(dead)).toEqual(['->disconnected']);
  });

  it('skips disabled servers', async () => {
    const res = await app.request('POST', '/api/mcp-servers', {
      token: t.key,
      body: { workspaceId: t.workspaceId, name: 'off', url: counting.url('off'), enabled: false },
    });
    await sleep(4 * INTERVAL);
    expect(counting.hits('off')).toHaveLength(0);
    expect((await serverRow(app, res.body.id)).connectorStatus).toBe('');
  });

  it('exposes checks, failures, sweep duration and servers per status as metrics', async () => {
    const res = await app.request('GET', '/metrics', { token: null });
    expect(res.status).toBe(200);
    expect(res.text).toMatch(/patchbay_monitor_checks_total\{outcome="connected"\} [1-9]/);
    expect(res.text).toMatch(/patchbay_monitor_check_failures_total\{status="disconnected",code="upstream_unreachable"\} [1-9]/);
    expect(res.text).toMatch(/patchbay_monitor_sweep_duration_seconds_count [1-9]/);
    expect(res.text).toMatch(/patchbay_monitor_servers\{status="connected"\} [1-9]/);
    expect(res.text).toMatch(/patchbay_monitor_servers\{status="error"\} 1/);
  });
});

describe('monitor: MONITOR_ENABLED=false', () => {
  it('leaves statuses alone', async () => {
    const app = await startTestApp({ env: { MCP_ALLOW_PRIVATE_NETWORKS: 'true', MONITOR_INTERVAL_MS: '200' } });
    const peer = await startCountingPeer();
    try {
      const t = await createTenant(app);
      const id = await registerServer(app, t.key, t.workspaceId, { name: 'unwatched', url: peer.url('x') });
      await sleep(1000);
      expect(peer.hits('x')).toHaveLength(0);
      expect((await serverRow(app, id)).connectorStatus).toBe('');
    } finally {
      await app.stop();
      await peer.close();
    }
  });
});
