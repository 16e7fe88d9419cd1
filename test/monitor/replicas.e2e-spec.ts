import { MonitorMetrics } from '../../src/monitor/monitor-metrics.js';
import { MonitorScheduler } from '../../src/monitor/monitor-scheduler.service.js';
import { createTenant } from '../support/factories.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { startCountingPeer, type CountingPeer } from './support/counting-peer.js';
import { db, monitorEnv, registerServer, sleep, waitFor } from './support/helpers.js';

// 2 s rather than 1: CPU stalls of a loaded 2-core machine (the rest of the suite runs beside it) stretch short intervals
const INTERVAL = 2000;
const SERVERS = 50;

async function checksRun(app: TestApp): Promise<number> {
  const m = await app.app.get(MonitorMetrics).checks.get();
  return m.values.reduce((sum, v) => sum + v.value, 0);
}

describe('monitor: two replicas on one database share the work', () => {
  let one: TestApp;
  let two: TestApp | undefined;
  let peer: CountingPeer;
  const names = Array.from({ length: SERVERS }, (_, i) => `r${i}`);
  const ids = new Map<string, string>();

  beforeAll(async () => {
    peer = await startCountingPeer();
    one = await startTestApp({ env: monitorEnv(INTERVAL, { MONITOR_CONCURRENCY: '8' }) });
    two = await startTestApp({ databaseUrl: one.databaseUrl, env: monitorEnv(INTERVAL, { MONITOR_CONCURRENCY: '8' }) });
    const t = await createTenant(one);
    for (const n of names) ids.set(n, await registerServer(one, t.key, t.workspaceId, { name: n, url: peer.url(n) }));
    await waitFor(async () => {
      const [r] = await db(one).query(`SELECT count(*)::int AS n FROM mcp_servers WHERE connector_status = 'connected'`);
      return r.n === SERVERS;
    }, 30_000);
  });
  afterAll(async () => {
    await two?.stop();
    await one?.stop();
    await peer?.close();
  });

  /** Per server, the check times within [from, to). */
  const checksIn = (from: number, to: number) => new Map(names.map((n) => [n, peer.checks(n).filter((at) => at >= from && at < to)]));

  it('checks every server once per interval: never twice, never skipped, by both replicas', async () => {
    const before = [await checksRun(one), await checksRun(two!)];
    const from = Date.now();
    await sleep(6 * INTERVAL);
    const to = Date.now();
    const windows = checksIn(from, to);
    const problems: string[] = [];
    for (const [name, times] of windows) {
      // ±10% jitter plus poll latency: 6 intervals hold 5 or 6 checks of each server (4..7 allowed for a loaded machine)
      if (times.length < 4 || times.length > 7) problems.push(`${name}: ${times.length} checks in 6 intervals`);
      const all = peer.checks(name);
      for (let i = 1; i < all.length; i++) {
        if (all[i] - all[i - 1] < INTERVAL * 0.9 - 30) problems.push(`${name}: checked twice within ${all[i] - all[i - 1]} ms`);
      }
    }
    expect(problems).toEqual([]);
    const total = [...windows.values()].reduce((s, t) => s + t.length, 0);
    expect(total).toBeGreaterThanOrEqual(SERVERS * 4);
    expect(total).toBeLessThanOrEqual(SERVERS * 7);
    const after = [await checksRun(one), await checksRun(two!)];
    expect(after[0] - before[0]).toBeGreaterThan(0);
    expect(after[1] - before[1]).toBeGreaterThan(0);
    // the monitor's own count agrees with what the upstreams saw
    expect(after[0] - before[0] + after[1] - before[1]).toBeGreaterThanOrEqual(total - SERVERS);
  });

  it('hands a dead replica’s servers over when its lease expires', async () => {
    const name = 'r7';
    const id = ids.get(name)!;
    await waitFor(async () => {
      const [r] = await db(one).query('SELECT lease_owner FROM mcp_servers WHERE id = $1', [id]);
      return r.lease_owner === null;
    });
    await db(one).query(
      `UPDATE mcp_servers SET lease_owner = 'crashed-replica', lease_until = now() + interval '2 seconds', next_check_at = now() WHERE id = $1`,
      [id],
    );
    const leasedAt = Date.now();
    await sleep(2000 + 2 * INTERVAL);
    const during = peer.checks(name).filter((at) => at > leasedAt + 200 && at < leasedAt + 1800);
    expect(during).toEqual([]);
    const after = peer.checks(name).filter((at) => at >= leasedAt + 1800);
    expect(after.length).toBeGreaterThanOrEqual(1);
  });

  it('carries on alone when one replica stops, and the stopped one leaves no lease behind', async () => {
    const oneBefore = await checksRun(one);
    const owner = two!.app.get(MonitorScheduler).owner;
    const stoppedLogs = two!.logs;
    await two!.stop();
    two = undefined;
    const [held] = await db(one).query('SELECT count(*)::int AS n FROM mcp_servers WHERE lease_owner = $1', [owner]);
    expect(held.n).toBe(0);
    // nothing ran against its closed database
    expect(stoppedLogs.filter((l) => /recording the check|claiming due servers failed|refreshing the tools/.test(l))).toEqual([]);
    const from = Date.now() + INTERVAL; // leave the old schedule one interval to settle
    await sleep(5 * INTERVAL);
    const windows = checksIn(from, Date.now());
    const problems = [...windows].filter(([, times]) => times.length < 3 || times.length > 6).map(([n, times]) => `${n}: ${times.length}`);
    expect(problems).toEqual([]);
    const [r] = await db(one).query(`SELECT count(*)::int AS n FROM mcp_servers WHERE connector_status <> 'connected'`);
    expect(r.n).toBe(0);
    expect(await checksRun(one)).toBeGreaterThan(oneBefore + SERVERS * 3);
  });
});
