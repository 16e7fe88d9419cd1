import { startTestApp, type TestApp } from '../support/test-app.js';

describe('smoke', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(async () => app?.stop());

  it('serves health and creates a workspace', async () => {
    expect((await app.request('GET', '/health/live', { token: null })).status).toBe(200);
    const ready = await app.request('GET', '/health/ready', { token: null });
    expect(ready.status).toBe(200);
    const ws = await app.request('POST', '/api/workspaces', { body: { name: 'Acme' } });
    expect(ws.status).toBe(201);
    expect(ws.body.id).toMatch(/^ws_/);
  });
});
