// Issue 2: authenticated GET /api/projects (list) against GET /health/live (the floor) at
// concurrency 32 on a warm server, in the same run. Goal: list >= 50% of the floor's throughput.
import { type BenchResult, figuresOf, httpLoad, type LoadStats, round, startBenchApp } from './lib.js';

const CONNECTIONS = 32;
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const ROUNDS = 2;

export async function run(): Promise<BenchResult> {
  const app = await startBenchApp();
  try {
    const ws = await app.request<{ id: string }>('POST', '/api/workspaces', { body: { name: 'bench' } });
    const key = await app.request<{ key: string }>('POST', '/api/api-keys', {
      body: { workspaceId: ws.id, name: 'bench-reader', scopes: ['read'] },
    });
    for (let i = 0; i < 25; i++) await app.request('POST', '/api/projects', { body: { workspaceId: ws.id, name: `project-${i}` } });

    const floor = { url: `${app.url}/health/live` };
    const list = { url: `${app.url}/api/projects?workspaceId=${ws.id}&limit=20`, headers: { authorization: `Bearer ${key.key}` } };
    const page = await app.request<{ data: unknown[] }>('GET', `/api/projects?workspaceId=${ws.id}&limit=20`, { token: key.key });
    if (page.data.length !== 20) throw new Error(`expected a page of 20 projects, got ${page.data.length}`);

    // warm-up: JIT, connection pools, the auth cache
    await httpLoad({ ...floor, connections: CONNECTIONS, seconds: 3 });
    await httpLoad({ ...list, connections: CONNECTIONS, seconds: 3 });

    // alternate, so drift (other load on the machine) hits both alike; keep the best round of each
    const floors: LoadStats[] = [];
    const lists: LoadStats[] = [];
    for (let r = 0; r < ROUNDS; r++) {
      floors.push(await httpLoad({ ...floor, connections: CONNECTIONS, seconds: SECONDS }));
      lists.push(await httpLoad({ ...list, connections: CONNECTIONS, seconds: SECONDS }));
    }
    const best = (xs: LoadStats[]) => xs.reduce((a, b) => (b.rps > a.rps ? b : a));
    const f = best(floors);
    const l = best(lists);
    const ratio = round(l.rps / f.rps, 3);
    return {
      name: 'foundation',
      figures: {
        connections: CONNECTIONS,
        seconds_per_round: SECONDS,
        ...figuresOf('health_live', f),
        ...figuresOf('projects_list', l),
        list_to_floor_ratio: ratio,
        goal: 'projects_list_rps >= 0.5 x health_live_rps',
        goal_met: ratio >= 0.5 ? 'yes' : 'no',
      },
      notes: [
        `list: ${CONNECTIONS} connections, API key (read scope), page of 20 of 25 projects; best of ${ROUNDS} rounds of ${SECONDS}s`,
        `rounds (rps) floor ${floors.map((s) => s.rps).join('/')}, list ${lists.map((s) => s.rps).join('/')}`,
        'load generator: autocannon in a worker thread of the same process; embedded PostgreSQL on the same machine',
      ],
    };
  } finally {
    await app.stop();
  }
}
