import { gatewayClient, GATEWAY_ENV, registerServer } from '../gateway/helpers.js';
import { pidAlive, stdioPeerTarget, waitForPidGone } from '../peers/index.js';
import { createKey, createProject, createWorkspace } from '../support/factories.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

/**
 * Deleting a server's project or workspace ends it on every surface and every replica: the next call is a 404, its
 * child processes are gone, and a deleted workspace's keys stop working, without waiting for a cache to expire.
 */
describe('lifecycle events end what was deleted, on every replica', () => {
  let one: TestApp;
  let two: TestApp;

  beforeAll(async () => {
    one = await startTestApp({ env: GATEWAY_ENV });
    two = await startTestApp({ env: GATEWAY_ENV, databaseUrl: one.databaseUrl });
  });
  afterAll(async () => {
    await two?.stop();
    await one?.stop();
  });

  /** A workspace, a key, a project and a stdio server in it, warm on both replicas (one child each). */
  async function warmServer(): Promise<{ workspaceId: string; key: string; projectId: string; serverId: string; pids: number[] }> {
    const ws = await createWorkspace(one);
    const { key } = await createKey(one, ws.id);
    const projectId = (await createProject(one, ws.id, key)).id;
    const serverId = await registerServer(one, { workspaceId: ws.id, key }, { projectId, name: 'peer', ...stdioPeerTarget() });
    const pids: number[] = [];
    for (const app of [one, two]) {
      const res = await app.request('POST', `/api/mcp-servers/${serverId}/tools/pid/run`, { token: key, body: { args: {} } });
      expect(res.status).toBe(200);
      pids.push(Number(res.body.funcReturn));
    }
    expect(pids[0]).not.toBe(pids[1]);
    expect(pids.every(pidAlive)).toBe(true);
    return { workspaceId: ws.id, key, projectId, serverId, pids };
  }

  /** Every surface that can reach the server, as its status code. */
  async function surfaces(app: TestApp, key: string, serverId: string, projectId: string): Promise<Record<string, number>> {
    const run = { token: key, body: { args: {} } };
    const mcp = (scope: string) =>
      fetch(`${app.url}/mcp/${scope}`, {
        method: 'POST',
        headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json', accept: 'application/json, text/event-stream' },
        body: JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'tools/call', params: { name: 'pid', arguments: {} } }),
      }).then((r) => r.status);
    return {
      get: (await app.request('GET', `/api/mcp-servers/${serverId}`, { token: key })).status,
      rest: (await app.request('POST', `/api/mcp-servers/${serverId}/tools/pid/run`, run)).status,
      letta: (await app.request('POST', `/v1/mcp-servers/${serverId}/tools/pid/run`, run)).status,
      project: (await app.request('POST', `/api/mcp/servers/${serverId}/tools/pid/run`, run)).status,
      passthrough: await mcp(serverId),
      aggregate: await mcp(projectId),
    };
  }

  const gone = { get: 404, rest: 404, letta: 404, project: 404, passthrough: 404, aggregate: 404 };

  it('a deleted project: every surface answers 404 at once on both replicas and both children are gone', async () => {
    const w = await warmServer();
    // a pass-through session holding its own upstream connection on the second replica
    const session = await gatewayClient(two, w.serverId, w.key, { sampling: {} });
    expect((await session.client.listTools()).tools.length).toBeGreaterThan(0);

    expect((await one.request('DELETE', `/api/projects/${w.projectId}`, { token: w.key })).status).toBe(204);
    // the replica that deleted it let go before it answered
    expect(pidAlive(w.pids[0])).toBe(false);
    expect(await surfaces(one, w.key, w.serverId, w.projectId)).toEqual(gone);
    // the other replica hears of it over NOTIFY
    expect(await waitForPidGone(w.pids[1], 1000)).toBe(true);
    expect(await surfaces(two, w.key, w.serverId, w.projectId)).toEqual(gone);
    await session.client.close().catch(() => undefined);
  });

  it('a deleted workspace: its servers end the same way and its key is refused on both replicas', async () => {
    const w = await warmServer();
    expect((await two.request('GET', '/api/mcp-servers', { token: w.key })).status).toBe(200); // key cached there too

    expect((await one.request('DELETE', `/api/workspaces/${w.workspaceId}`)).status).toBe(204);
    expect(pidAlive(w.pids[0])).toBe(false);
    expect((await one.request('GET', '/api/mcp-servers', { token: w.key })).status).toBe(401);
    expect(await waitForPidGone(w.pids[1], 1000)).toBe(true);
    expect((await two.request('GET', '/api/mcp-servers', { token: w.key })).status).toBe(401);
    const admin = { token: undefined };
    expect((await two.request('GET', `/api/mcp-servers/${w.serverId}`, admin)).status).toBe(404);
  });
});
