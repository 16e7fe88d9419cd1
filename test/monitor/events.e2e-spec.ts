import { startHttpPeer, type HttpPeer } from '../peers/index.js';
import { createTenant, expectProblem } from '../support/factories.js';
import { startTestApp, TEST_ADMIN_KEY, type TestApp } from '../support/test-app.js';
import { startCountingPeer, type CountingPeer } from './support/counting-peer.js';
import { monitorEnv, registerServer, statusEvents, waitFor, waitForStatus } from './support/helpers.js';
import { dataOf, openSse, type SseClient, type SseEvent } from './support/sse.js';

const INTERVAL = 300;

describe('status events and the /api/events stream across replicas', () => {
  /** Instance 1 runs the monitor; instance 2 (same database) only serves streams. */
  let one: TestApp;
  let two: TestApp | undefined;
  let a: { workspaceId: string; key: string };
  let b: { workspaceId: string; key: string };
  let counting: CountingPeer;
  const clients: SseClient[] = [];
  const closers: Array<() => Promise<void>> = [];

  beforeAll(async () => {
    one = await startTestApp({ env: monitorEnv(INTERVAL) });
    two = await startTestApp({ databaseUrl: one.databaseUrl, env: { MONITOR_ENABLED: 'false', SSE_HEARTBEAT_MS: '200' } });
    a = await createTenant(one);
    b = await createTenant(one);
    counting = await startCountingPeer();
    closers.push(() => counting.close());
  });
  afterAll(async () => {
    clients.forEach((c) => c.close());
    await two?.stop();
    await one?.stop();
    for (const close of closers) await close().catch(() => undefined);
  });

  const sse = async (app: TestApp, opts: { token?: string; lastEventId?: string; query?: string } = {}) => {
    const c = await openSse(`${app.url}/api/events${opts.query ?? ''}`, opts);
    clients.push(c);
    return c;
  };
  const isChange = (serverId: string, from: string, to: string) => (e: SseEvent) =>
    e.event === 'status_changed' && dataOf(e).serverId === serverId && dataOf(e).from === from && dataOf(e).to === to;

  it('delivers a change detected by instance 1 to a client of instance 2, and resumes after Last-Event-ID', async () => {
    const clientA = await sse(two!, { token: a.key });
    const clientB = await sse(two!, { token: b.key });
    expect(clientA.status).toBe(200);
    expect(clientA.headers.get('content-type')).toContain('text/event-stream');
    await clientA.waitForComment((c) => c === 'keepalive'); // heartbeats

    let peer: HttpPeer = await startHttpPeer();
    const port = Number(new URL(peer.url).port);
    closers.push(() => peer.close());
    const id = await registerServer(one, a.key, a.workspaceId, { name: 'watched', url: peer.url });
    const connected = await clientA.waitFor(isChange(id, '', 'connected'));
    expect(connected.id).toMatch(/^evt_/);
    expect(dataOf(connected)).toMatchObject({ id: connected.id, workspaceId: a.workspaceId, serverId: id, kind: 'status_changed', reason: null, at: expect.any(String) });
    const tools = await clientA.waitFor((e) => e.event === 'tools_changed' && dataOf(e).serverId === id);
    expect(dataOf(tools).details).toMatchObject({ toolCount: expect.any(Number) });
    const stored = await statusEvents(one, id, a.key);
    expect(stored.map((e) => e.id).sort()).toEqual([connected.id, tools.id].sort()); // one tools_changed row, not one per replica

    // The client goes away; meanwhile the server dies and instance 1 records it.
    const lastSeen = clientA.events[clientA.events.length - 1].id!;
    clientA.close();
    await peer.close();
    await waitForStatus(one, id, 'disconnected');
    const resumed = await sse(two!, { token: a.key, lastEventId: lastSeen });
    const missed = await resumed.waitFor(isChange(id, 'connected', 'disconnected'));
    expect(dataOf(missed).reason).toMatch(/^upstream_unreachable/);
    expect(resumed.events.map((e) => e.id)).not.toContain(connected.id);
    // ...and then goes on live.
    peer = await startHttpPeer({ port });
    await resumed.waitFor(isChange(id, 'disconnected', 'connected'));
    const ids = resumed.events.map((e) => e.id);
    expect(new Set(ids).size).toBe(ids.length);

    // Workspace B saw nothing of A's.
    expect(clientB.events.filter((e) => dataOf(e).workspaceId !== b.workspaceId)).toEqual([]);
  });

  it('streams only the caller’s workspace, and an admin the workspace it names', async () => {
    const admin = await sse(two!, { token: TEST_ADMIN_KEY, query: `?workspaceId=${b.workspaceId}` });
    const clientB = await sse(two!, { token: b.key });
    const clientA = await sse(two!, { token: a.key });
    const idA = await registerServer(one, a.key, a.workspaceId, { name: 'a-only', url: counting.url('a-only') });
    const idB = await registerServer(one, b.key, b.workspaceId, { name: 'b-only', url: counting.url('b-only') });
    await clientA.waitFor(isChange(idA, '', 'connected'));
    await clientB.waitFor(isChange(idB, '', 'connected'));
    await admin.waitFor(isChange(idB, '', 'connected'));
    expect(clientB.events.filter((e) => dataOf(e).serverId === idA)).toEqual([]);
    expect(admin.events.filter((e) => dataOf(e).workspaceId !== b.workspaceId)).toEqual([]);
    expect(clientA.events.filter((e) => dataOf(e).serverId === idB)).toEqual([]);

    // Resuming from another workspace's event id replays nothing of that workspace.
    const firstA = (await statusEvents(one, idA, a.key)).at(-1)!.id;
    const resumedB = await sse(two!, { token: b.key, lastEventId: firstA });
    await resumedB.waitFor(isChange(idB, '', 'connected'));
    expect(resumedB.events.filter((e) => dataOf(e).workspaceId !== b.workspaceId)).toEqual([]);
  });

  it('refuses what it must: another tenant’s server or workspace (404), bad ids (400), no bearer (401)', async () => {
    const idA = await registerServer(one, a.key, a.workspaceId, { name: 'probe-target', url: counting.url('probe-target') });
    const missing = await two!.request('GET', `/api/mcp-servers/mcp_01m7z4qpd0e05a9gxdt5nnwq5a/status-events`, { token: b.key });
    const foreign = await two!.request('GET', `/api/mcp-servers/${idA}/status-events`, { token: b.key });
    expectProblem(foreign, 404);
    expect(foreign.body.detail).toBe(missing.body.detail);
    expectProblem(await two!.request('GET', `/api/events?workspaceId=${a.workspaceId}`, { token: b.key }), 404);
    expectProblem(await two!.request('GET', `/api/events?workspaceId=nope`, { token: b.key }), 400, 'workspaceId');
    expectProblem(await two!.request('GET', `/api/events`, { token: b.key, headers: { 'last-event-id': 'mcp_x' } }), 400, 'Last-Event-ID');
    expectProblem(await two!.request('GET', `/api/mcp-servers/${idA}/status-events?cursor=bad`, { token: a.key }), 400, 'cursor');
    expectProblem(await two!.request('GET', `/api/mcp-servers/${idA}/status-events?kind=other`, { token: a.key }), 400, 'kind');
    const anon = await two!.request('GET', '/api/events', { token: null });
    expect(anon.status).toBe(401);
    expect(anon.headers['www-authenticate']).toMatch(/^Bearer/);
  });

  it('pages status events newest first with a cursor', async () => {
    const id = await registerServer(one, a.key, a.workspaceId, { name: 'paged', url: counting.url('paged') });
    await waitFor(async () => (await statusEvents(one, id, a.key)).length >= 2); // connected + tools_changed
    const all = await statusEvents(one, id, a.key);
    expect(all.map((e) => e.id)).toEqual([...all.map((e) => e.id)].sort().reverse());
    const first = await one.request('GET', `/api/mcp-servers/${id}/status-events?limit=1`, { token: a.key });
    expect(first.body.data).toHaveLength(1);
    expect(first.body.nextCursor).toBe(first.body.data[0].id);
    const second = await one.request('GET', `/api/mcp-servers/${id}/status-events?limit=1&cursor=${first.body.nextCursor}`, { token: a.key });
    expect(second.body.data[0].id).toBe(all[1].id);
  });

  it('ends open streams when the instance shuts down', async () => {
    const c = await sse(two!, { token: a.key });
    await c.waitForComment((x) => x === 'connected');
    const stopping = two!.stop();
    two = undefined;
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([c.ended, new Promise((_, reject) => (timer = setTimeout(() => reject(new Error('stream still open')), 10_000)))]);
    clearTimeout(timer);
    await stopping;
  });
});
