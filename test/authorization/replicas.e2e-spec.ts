import { randomBytes } from 'node:crypto';
import { createProject, createTenant } from '../support/factories.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { freePort } from '../peers/index.js';
import { GATEWAY_ENV } from '../gateway/helpers.js';
import { gatewayStatus, obtainTokens, token } from './protocol.js';

/**
 * Two replicas on one database behind one PUBLIC_URL: whatever one revokes (REST, RFC 7009, a
 * replayed refresh token) the other refuses at once.
 */
describe('authorization server: revocation across replicas', () => {
  let one: TestApp;
  let two: TestApp;
  let base: string;
  let a: { workspaceId: string; key: string };
  let projectId: string;

  beforeAll(async () => {
    const port = await freePort();
    base = `http://127.0.0.1:${port}`;
    const env = { ...GATEWAY_ENV, PUBLIC_URL: base, ENCRYPTION_KEY: randomBytes(32).toString('base64') };
    one = await startTestApp({ port, env });
    two = await startTestApp({ env, databaseUrl: one.databaseUrl });
    a = await createTenant(one);
    projectId = (await createProject(one, a.workspaceId)).id;
  });
  afterAll(async () => {
    await two?.close();
    await one?.stop();
  });

  it('a grant revoked over REST on one replica is refused on the other at once', async () => {
    const t = await obtainTokens(base, a.key, `${base}/mcp/${projectId}`);
    expect(await gatewayStatus(two.url, projectId, t.access)).toBe(200); // warms replica two's cache
    const list = await one.request('GET', `/api/oauth-grants?workspaceId=${a.workspaceId}`, { token: a.key });
    const grant = list.body.data.find((g: { clientId: string }) => g.clientId === t.clientId);
    expect((await one.request('DELETE', `/api/oauth-grants/${grant.id}`, { token: a.key })).status).toBe(204);
    expect(await gatewayStatus(two.url, projectId, t.access)).toBe(401);
    expect((await token(two.url, { grant_type: 'refresh_token', refresh_token: t.refresh, client_id: t.clientId })).body.error).toBe('invalid_grant');
    expect((await one.request('DELETE', `/api/oauth-grants/${grant.id}`, { token: a.key })).status).toBe(404);
  });

  it('refresh tokens rotate; replaying the old one on another replica revokes the whole grant', async () => {
    const t = await obtainTokens(base, a.key, `${base}/mcp/${projectId}`);
    const rotated = await token(one.url, { grant_type: 'refresh_token', refresh_token: t.refresh, client_id: t.clientId });
    expect(rotated.status).toBe(200);
    expect(rotated.body.refresh_token).not.toBe(t.refresh);
    expect(await gatewayStatus(two.url, projectId, rotated.body.access_token)).toBe(200);

    const replay = await token(two.url, { grant_type: 'refresh_token', refresh_token: t.refresh, client_id: t.clientId });
    expect(replay.body.error).toBe('invalid_grant');
    expect(await gatewayStatus(two.url, projectId, rotated.body.access_token)).toBe(401);
    expect(await gatewayStatus(one.url, projectId, rotated.body.access_token)).toBe(401);
    expect((await token(one.url, { grant_type: 'refresh_token', refresh_token: rotated.body.refresh_token, client_id: t.clientId })).body.error).toBe('invalid_grant');
    const list = await one.request('GET', `/api/oauth-grants?workspaceId=${a.workspaceId}`, { token: a.key });
    expect(list.body.data.map((g: { clientId: string }) => g.clientId)).not.toContain(t.clientId);
  });

  it('RFC 7009: revoking the refresh token at /oauth/revoke ends the grant everywhere', async () => {
    const t = await obtainTokens(base, a.key, `${base}/mcp/${projectId}`);
    expect(await gatewayStatus(two.url, projectId, t.access)).toBe(200);
    const res = await fetch(`${one.url}/oauth/revoke`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ token: t.refresh, token_type_hint: 'refresh_token', client_id: t.clientId }),
    });
    expect(res.status).toBe(200);
    expect(await gatewayStatus(two.url, projectId, t.access)).toBe(401);
  });
});
