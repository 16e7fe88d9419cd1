import { freePort, startHttpPeer, type HttpPeer } from '../peers/index.js';
import type { ConnectionPool } from '../../src/connections/connection-pool.js';
import { target, testPool, textOf } from './helpers.js';

describe('ConnectionPool over streamable HTTP', () => {
  let peer: HttpPeer;
  let pool: ConnectionPool;
  beforeEach(async () => {
    peer = await startHttpPeer();
    pool = testPool();
  });
  afterEach(async () => {
    await pool.closeAll();
    await peer.close();
  });

  it('reuses one connection across calls: one handshake on the peer', async () => {
    const t = target({ url: peer.url });
    await pool.callTool(t, 'echo', { message: 'a' });
    await pool.callTool(t, 'echo', { message: 'b' });
    await pool.listTools(t);
    expect(peer.sessions).toBe(1);
    expect(pool.stats().handshakes).toBe(1);
  });

  it('single-flights concurrent connects and multiplexes concurrent calls', async () => {
    const t = target({ url: peer.url });
    const results = await Promise.all(Array.from({ length: 8 }, (_, i) => pool.callTool(t, 'marker', { delayMs: 200, i })));
    expect(results).toHaveLength(8);
    expect(peer.sessions).toBe(1);
    expect(peer.calls.marker).toBe(8);
  });

  it('two tenants with different credentials on the same upstream each get only their own marker', async () => {
    const a = target({ url: peer.url, workspaceId: 'ws_a', headers: { Authorization: 'Bearer tenant-a', 'X-Tenant': 'a' } });
    const b = target({ url: peer.url, workspaceId: 'ws_b', headers: { Authorization: 'Bearer tenant-b', 'X-Tenant': 'b' } });
    const calls = Array.from({ length: 10 }, (_, i) => {
      const t = i % 2 ? a : b;
      return pool.callTool(t, 'marker', { delayMs: 50 }).then((r) => ({ t, seen: JSON.parse(textOf(r)) as { authorization: string; tenant: string } }));
    });
    for (const { t, seen } of await Promise.all(calls)) {
      expect(seen.authorization).toBe(t.headers?.Authorization);
      expect(seen.tenant).toBe(t.headers?.['X-Tenant']);
    }
    expect(peer.sessions).toBe(2);
  });

  it('fires onToolsChanged when the upstream sends tools/list_changed', async () => {
    const t = target({ url: peer.url });
    const events: string[] = [];
    const changed = new Promise<void>((resolve) => pool.onToolsChanged((e) => (events.push(e.serverId), resolve())));
    await pool.callTool(t, 'add_tool', { name: 'fresh' });
    await changed;
    expect(events).toEqual([t.serverId]);
    expect((await pool.listTools(t)).map((x) => x.name)).toContain('fresh');
  });

  it('times out with 504 within the request deadline, and resets it on progress', async () => {
    const t = target({ url: peer.url, requestTimeoutMs: 300 });
    await expect(pool.callTool(t, 'slow', { ms: 3000 })).rejects.toMatchObject({ code: 'upstream_timeout', status: 504 });
    // 6 steps of 150 ms: each progress resets the 300 ms per-request timeout.
    expect(textOf(await pool.callTool(t, 'slow', { ms: 900, steps: 6 }))).toBe('done');
    // ...but never past the whole-call deadline.
    await expect(pool.callTool({ ...t, maxTotalTimeoutMs: 400 }, 'slow', { ms: 1200, steps: 8 })).rejects.toMatchObject({ status: 504 });
  });

  it('re-establishes a connection dropped mid-call once, then succeeds', async () => {
    const t = target({ url: peer.url });
    await pool.ping(t);
    expect(textOf(await pool.callTool(t, 'drop'))).toBe('survived');
    expect(pool.stats().reconnects).toBe(1);
    expect(peer.sessions).toBe(2);
  });

  it('fails typed (502) when a dropped call may not be retried', async () => {
    const t = target({ url: peer.url });
    await expect(pool.callTool(t, 'drop', {}, { retryOnBroken: false })).rejects.toMatchObject({ code: 'upstream_unreachable', status: 502 });
  });

  it('replaces the client when the fingerprint changes and closes it on closeServer', async () => {
    const t = target({ url: peer.url });
    await pool.ping(t);
    await pool.ping({ ...t, fingerprint: 'v2' });
    expect(peer.sessions).toBe(2);
    expect(pool.stats().clients).toBe(1);
    await pool.closeServer(t.serverId);
    expect(pool.stats().clients).toBe(0);
  });
});

describe('ConnectionPool failures', () => {
  it('answers 502 upstream_unreachable quickly for a dead upstream', async () => {
    const pool = testPool();
    const port = await freePort();
    await expect(pool.ping(target({ url: `http://127.0.0.1:${port}/mcp` }))).rejects.toMatchObject({ code: 'upstream_unreachable', status: 502 });
    await pool.closeAll();
  });

  it('maps an upstream 401 to upstream_auth_required (502), and accepts the right credential', async () => {
    const peer = await startHttpPeer({ requireBearer: 's3cret' });
    const pool = testPool();
    try {
      await expect(pool.ping(target({ url: peer.url, headers: { Authorization: 'Bearer wrong' } }))).rejects.toMatchObject({
        code: 'upstream_auth_required', status: 502,
      });
      await pool.ping(target({ url: peer.url, headers: { Authorization: 'Bearer s3cret' } }));
    } finally {
      await pool.closeAll();
      await peer.close();
    }
  });

  it('refuses loopback at connect time unless private networks are allowed (upstream_blocked)', async () => {
    const peer = await startHttpPeer();
    const pool = testPool({ allowPrivateNetworks: false });
    try {
      await expect(pool.ping(target({ url: peer.url }))).rejects.toMatchObject({ code: 'upstream_blocked' });
      expect(peer.tcpConnections).toBe(0);
    } finally {
      await pool.closeAll();
      await peer.close();
    }
  });

  it('opens the circuit after repeated failures, fails fast, and half-opens later', async () => {
    const pool = testPool({ circuit: { failureThreshold: 2, openMs: 400 } });
    const port = await freePort();
    const t = target({ url: `http://127.0.0.1:${port}/mcp` });
    await expect(pool.ping(t)).rejects.toMatchObject({ status: 502 });
    await expect(pool.ping(t)).rejects.toMatchObject({ status: 502 });
    await expect(pool.ping(t)).rejects.toMatchObject({ code: 'upstream_circuit_open', status: 503, headers: { 'retry-after': '1' } });
    expect(pool.circuitState(t.serverId)).toBe('open');
    const peer = await startHttpPeer({ port });
    try {
      await new Promise((r) => setTimeout(r, 450));
      expect(pool.circuitState(t.serverId)).toBe('half_open');
      await pool.ping(t); // the probe succeeds and closes the circuit
      expect(pool.circuitState(t.serverId)).toBe('closed');
    } finally {
      await pool.closeAll();
      await peer.close();
    }
  });
});
