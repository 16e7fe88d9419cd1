import { setTimeout as sleep } from 'node:timers/promises';
import { ConnectionEventsRecorder } from '../../src/mcp-servers/connection-events.listener.js';
import { STDIO_PEER, waitForPidGone } from '../peers/index.js';
import { createTenant } from '../support/factories.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

/** Status tells the truth about short outages: a stdio child that dies between calls shows up in the history. */
describe('a stdio child that died and was restarted', () => {
  let app: TestApp;
  afterAll(() => app?.stop());

  it('records connected -> disconnected -> connected, though no call failed', async () => {
    app = await startTestApp({ env: { MCP_STDIO_COMMANDS: 'node' } });
    const t = await createTenant(app);
    const created = await app.request('POST', '/api/mcp-servers', { token: t.key, body: { workspaceId: t.workspaceId, name: 'child', command: 'node', args: [STDIO_PEER] } });
    expect(created.status).toBe(201);
    const id = created.body.id as string;
    expect((await app.request('POST', `/api/mcp-servers/${id}/refresh`, { token: t.key })).status).toBe(200);
    expect((await app.request('POST', `/api/mcp-servers/${id}/connect`, { token: t.key })).status).toBe(200);

    const first = await app.request('POST', `/api/mcp-servers/${id}/tools/pid/run`, { token: t.key, body: { args: {} } });
    expect(first.status).toBe(200);
    const pid = Number(first.body.funcReturn);
    process.kill(pid, 'SIGKILL');
    expect(await waitForPidGone(pid)).toBe(true);

    // the loss is recorded from the child's exit alone, before any call notices
    const events = async () => {
      const res = await app.request('GET', `/api/mcp-servers/${id}/status-events`, { token: t.key });
      return (res.body.data as Array<{ kind: string; from: string; to: string }>).filter((e) => e.kind === 'status_changed').reverse();
    };
    const until = Date.now() + 10_000;
    while (!(await events()).some((e) => e.to === 'disconnected') && Date.now() < until) await sleep(50);

    const second = await app.request('POST', `/api/mcp-servers/${id}/tools/pid/run`, { token: t.key, body: { args: {} } });
    expect(second.status).toBe(200);
    expect(Number(second.body.funcReturn)).not.toBe(pid);
    await app.app.get(ConnectionEventsRecorder).settled();

    expect((await events()).map((e) => `${e.from}->${e.to}`)).toEqual(['->connected', 'connected->disconnected', 'disconnected->connected']);
    const server = await app.request('GET', `/api/mcp-servers/${id}`, { token: t.key });
    expect(server.body).toMatchObject({ connectorStatus: 'connected' });
  }, 60_000);
});
