import { setTimeout as sleep } from 'node:timers/promises';
import { freePort, startHttpPeer, type HttpPeer } from '../peers/index.js';
import { api, Cluster, ensureBuilt, Load, startReplica, type Replica } from './support.js';

/**
 * Two real replicas (`node dist/main.js`) on one PostgreSQL cluster the test owns, under steady REST tool-run
 * load on an HTTP peer: the database restarted, the upstream restarted, a replica killed with SIGKILL. Every
 * run a client saw answered with an exec_ id must stay readable at /api/executions/{id}.
 */
describe('nothing acknowledged is lost', () => {
  const cluster = new Cluster();
  let a: Replica;
  let b: Replica;
  let peer: HttpPeer;
  let peerPort: number;
  let serverId: string;
  let workspaceId: string;
  let load: Load | undefined;
  const report: Record<string, unknown> = {};

  beforeAll(async () => {
    ensureBuilt();
    peerPort = await freePort();
    [peer] = await Promise.all([startHttpPeer({ port: peerPort }), cluster.init()]);
    const env = { REPLICA_LEASE_MS: '1500' };
    a = await startReplica('a', cluster.url, env); // migrates
    b = await startReplica('b', cluster.url, env);
    const ws = await api(a.url, 'POST', '/api/workspaces', { name: 'durability' });
    workspaceId = ws.body.id as string;
    const server = await api(a.url, 'POST', '/api/mcp-servers', { workspaceId, name: 'peer', transport: 'streamable_http', url: peer.url });
    expect(server.status).toBe(201);
    serverId = server.body.id as string;
    expect((await api(a.url, 'POST', `/api/mcp-servers/${serverId}/refresh`)).status).toBe(200);
  }, 240_000);

  afterAll(async () => {
    await load?.stop();
    await Promise.all([a?.stop('SIGKILL'), b?.stop('SIGKILL')]);
    await peer?.close();
    await cluster.destroy();
    console.log(`durability figures: ${JSON.stringify(report)}`);
  }, 60_000);

  const runPath = () => `/api/mcp-servers/${serverId}/tools/echo/run`;

  /** Every id's stored status, read through `via`; waits (bounded) until none is missing or still `running`. */
  async function settle(via: Replica, ids: string[]): Promise<Map<string, string>> {
    const until = Date.now() + 30_000;
    for (;;) {
      const seen = new Map<string, string>();
      for (let cursor: string | null = null, first = true; first || cursor; first = false) {
        const page = await api(via.url, 'GET', `/api/executions?workspaceId=${workspaceId}&limit=100${cursor ? `&cursor=${cursor}` : ''}`);
        expect(page.status).toBe(200);
        for (const e of page.body.data as Array<{ id: string; status: string }>) seen.set(e.id, e.status);
        cursor = page.body.nextCursor as string | null;
      }
      const pending = ids.filter((id) => !seen.has(id) || seen.get(id) === 'running');
      if (!pending.length || Date.now() > until) return seen;
      await sleep(250);
    }
  }

  it('a PostgreSQL restart mid-load loses no acknowledged run, and readiness is 503 (never 500) while it is away', async () => {
    load = new Load([a, b], runPath());
    await load.until(300);
    await cluster.stop();
    const readiness: number[] = [];
    let body: Record<string, unknown> = {};
    const downUntil = Date.now() + 2500;
    while (Date.now() < downUntil) {
      const r = await api(a.url, 'GET', '/health/ready');
      readiness.push(r.status);
      if (r.status === 503) body = r.body;
      await sleep(100);
    }
    await cluster.start();
    const back = Date.now();
    while ((await api(a.url, 'GET', '/health/ready')).status !== 200) await sleep(50);
    report.readyAfterDbReturnMs = Date.now() - back;
    const afterReturn = load.count;
    await load.until(afterReturn + 300);
    await load.stop();
    const ids = [...load.acknowledged.keys()];
    const failed = load.failed;
    load = undefined;

    expect(readiness).toContain(503);
    expect(readiness).not.toContain(500);
    expect(body).toMatchObject({ status: 'error', error: { database: { status: 'down' } } });

    const settling = Date.now();
    const stored = await settle(a, ids);
    // from the database's return: readiness, 300 more runs of load, then every acknowledged record read back
    report.allReadableAfterDbReturnMs = Date.now() - back;
    report.readBackMs = Date.now() - settling;
    const lost = ids.filter((id) => !stored.has(id));
    for (const id of lost.slice(0, 5)) expect((await api(a.url, 'GET', `/api/executions/${id}`)).status).toBe(200);
    const journalled = [...(a.output() + b.output()).matchAll(/replayed (\d+) journalled execution records/g)].reduce((n, m) => n + Number(m[1]), 0);
    report.dbRestart = { acknowledged: ids.length, lost: lost.length, journalledThenReplayed: journalled, failedRuns: failed, statuses: countBy(ids.map((id) => stored.get(id) ?? 'missing')) };
    expect(lost).toEqual([]);
    expect(ids.filter((id) => stored.get(id) !== 'success')).toEqual([]);
  }, 180_000);

  it('an HTTP upstream restarted on its port serves again within 5 s, and its status records the loss and the return', async () => {
    load = new Load([a, b], runPath());
    await load.until(100);
    await peer.close();
    await sleep(3000);
    peer = await startHttpPeer({ port: peerPort });
    const back = Date.now();
    const n = load.count;
    await load.until(n + 1);
    report.upstreamServesAfterReturnMs = Date.now() - back;
    await load.until(n + 100);
    await load.stop();
    load = undefined;
    expect(report.upstreamServesAfterReturnMs).toBeLessThan(5000);

    const events = await api(a.url, 'GET', `/api/mcp-servers/${serverId}/status-events?limit=100`);
    const changes = (events.body.data as Array<{ kind: string; to: string }>).filter((e) => e.kind === 'status_changed').reverse();
    const down = changes.findIndex((e) => e.to === 'disconnected');
    expect(down).toBeGreaterThanOrEqual(0);
    expect(changes.slice(down + 1).some((e) => e.to === 'connected')).toBe(true);
  }, 120_000);

  it('a replica killed with SIGKILL mid-load: every run it acknowledged is readable on the survivor, completed or interrupted', async () => {
    load = new Load([a, b], runPath());
    await load.until(300);
    // one run in flight on b when it dies: never answered, but started, so it must end up `interrupted`
    const slowBefore = peer.calls.slow ?? 0;
    const inFlight = api(b.url, 'POST', `/api/mcp-servers/${serverId}/tools/slow/run`, { args: { ms: 20_000 } }).catch(() => undefined);
    while ((peer.calls.slow ?? 0) === slowBefore) await sleep(20);
    await b.stop('SIGKILL');
    const killedAt = Date.now();
    await inFlight;
    load.retarget([a]);
    const n = load.count;
    await load.until(n + 200);
    await load.stop();
    const ids = [...load.acknowledged.keys()];
    load = undefined;

    const stored = await settle(a, ids);
    const lost = ids.filter((id) => !stored.has(id));
    const statuses = countBy(ids.map((id) => stored.get(id) ?? 'missing'));
    report.replicaKill = { acknowledged: ids.length, lost: lost.length, statuses };
    expect(lost).toEqual([]);
    expect(ids.filter((id) => !['success', 'interrupted'].includes(stored.get(id)!))).toEqual([]);
    const until = Date.now() + 30_000;
    let cut: Array<{ toolName: string; status: string; errorCode: string }> = [];
    while (!cut.length && Date.now() < until) {
      const res = await api(a.url, 'GET', `/api/executions?workspaceId=${workspaceId}&status=interrupted&limit=100`);
      cut = (res.body.data as typeof cut).filter((e) => e.toolName === 'slow');
      if (!cut.length) await sleep(250);
    }
    report.interruptedAfterKillMs = Date.now() - killedAt;
    report.inFlightRunsMarkedInterrupted = cut.length;
    expect(cut).toEqual([expect.objectContaining({ toolName: 'slow', status: 'interrupted', errorCode: 'interrupted' })]);
    const interrupted = ids.filter((id) => stored.get(id) === 'interrupted');
    for (const id of interrupted.slice(0, 5)) {
      expect((await api(a.url, 'GET', `/api/executions/${id}`)).body).toMatchObject({ id, status: 'interrupted', errorCode: 'interrupted' });
    }
  }, 120_000);
});

function countBy(values: string[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const v of values) out[v] = (out[v] ?? 0) + 1;
  return out;
}
