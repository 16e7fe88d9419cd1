import { expectProblem } from '../support/factories.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { startTestIssuer, type TestIssuer } from './jwt-issuer.js';

const AUDIENCE = 'https://patchbay.example/api';

/** Dashboard users: JWT access tokens from OIDC_ISSUER, rights from workspace memberships. */
describe('Dashboard users (OIDC)', () => {
  let idp: TestIssuer;
  let app: TestApp;
  const tokens: Record<string, string> = {};
  const ids: Record<string, string> = {};
  let wsA: string;
  let wsC: string;

  const as = (who: string) => ({ token: tokens[who] });
  const req = (who: string, method: string, path: string, body?: unknown) => app.request(method, path, { ...as(who), body });

  beforeAll(async () => {
    idp = await startTestIssuer(AUDIENCE);
    app = await startTestApp({ env: { OIDC_ISSUER: idp.issuer, OIDC_AUDIENCE: AUDIENCE } });
    for (const who of ['alice', 'bob', 'carol', 'dave']) tokens[who] = await idp.sign(who);
    // Every user's first request creates their row; their own workspace tells us their usr_ id.
    for (const who of ['bob', 'carol', 'dave']) {
      const ws = await req(who, 'POST', '/api/workspaces', { name: `${who}'s` });
      expect(ws.status).toBe(201);
      ids[who] = ws.body.createdBy;
      if (who === 'carol') wsC = ws.body.id;
    }
  });
  afterAll(async () => {
    await app?.stop();
    await idp?.close();
  });

  it('a user creating a workspace becomes its owner and sees only their workspaces', async () => {
    const created = await req('alice', 'POST', '/api/workspaces', { name: 'alice-ws' });
    expect(created.status).toBe(201);
    wsA = created.body.id;
    ids.alice = created.body.createdBy;
    expect(ids.alice).toMatch(/^usr_/);
    const members = await req('alice', 'GET', `/api/workspaces/${wsA}/members`);
    expect(members.body.data).toEqual([expect.objectContaining({ userId: ids.alice, role: 'owner', email: 'alice@example.test', name: 'alice' })]);
    const mine = await req('alice', 'GET', '/api/workspaces');
    expect(mine.body.data.map((w: { id: string }) => w.id)).toEqual([wsA]);
    // The same user on a second token is the same row.
    const again = await app.request('GET', '/api/workspaces', { token: await idp.sign('alice') });
    expect(again.body.data.map((w: { id: string }) => w.id)).toEqual([wsA]);
  });

  it("a user of workspace A gets 404 on workspace B's resources, as if they did not exist", async () => {
    expectProblem(await req('alice', 'GET', `/api/workspaces/${wsC}`), 404);
    expectProblem(await req('alice', 'GET', `/api/workspaces/${wsC}/members`), 404);
    expectProblem(await req('alice', 'POST', '/api/projects', { workspaceId: wsC, name: 'intrude' }), 404);
    const missing = await req('alice', 'GET', '/api/workspaces/ws_01h455vb4pex5vsknk084sn02q');
    expect((await req('alice', 'GET', `/api/workspaces/${wsC}`)).body.detail).toBe(missing.body.detail);
    const servers = await req('alice', 'GET', `/api/mcp-servers?workspaceId=${wsC}`);
    expect(servers.body?.data ?? []).toEqual([]);
  });

  it('the owner adds members by usr_ id with a role; a viewer reads but gets 403 on writes', async () => {
    const add = await req('alice', 'POST', `/api/workspaces/${wsA}/members`, { userId: ids.bob, role: 'viewer' });
    expect(add.status).toBe(201);
    expect(add.body).toMatchObject({ userId: ids.bob, role: 'viewer' });
    expectProblem(await req('alice', 'POST', `/api/workspaces/${wsA}/members`, { userId: 'usr_01h455vb4pex5vsknk084sn02q', role: 'member' }), 400, 'userId');
    expectProblem(await req('alice', 'POST', `/api/workspaces/${wsA}/members`, { userId: 'nope', role: 'member' }), 400);

    expect((await req('bob', 'GET', `/api/workspaces/${wsA}`)).status).toBe(200);
    expect((await req('bob', 'GET', `/api/workspaces/${wsA}/members`)).body.data).toHaveLength(2);
    expectProblem(await req('bob', 'PATCH', `/api/workspaces/${wsA}`, { name: 'renamed' }), 403);
    expectProblem(await req('bob', 'POST', '/api/projects', { workspaceId: wsA, name: 'p' }), 403);
    expectProblem(await req('bob', 'POST', `/api/workspaces/${wsA}/members`, { userId: ids.dave, role: 'viewer' }), 403);
    expectProblem(
      await req('bob', 'POST', '/api/mcp-servers', { workspaceId: wsA, name: 's', url: 'https://mcp.example.com/mcp' }),
      403,
    );
  });

  it('role changes take effect at once; an admin manages members but cannot grant ownership', async () => {
    expect((await req('alice', 'PATCH', `/api/workspaces/${wsA}/members/${ids.bob}`, { role: 'member' })).status).toBe(200);
    const project = await req('bob', 'POST', '/api/projects', { workspaceId: wsA, name: 'bob-project' });
    expect(project.status).toBe(201);

    expect((await req('alice', 'POST', `/api/workspaces/${wsA}/members`, { userId: ids.dave, role: 'admin' })).status).toBe(201);
    expect((await req('dave', 'POST', `/api/workspaces/${wsA}/members`, { userId: ids.carol, role: 'viewer' })).status).toBe(201);
    expectProblem(await req('dave', 'PATCH', `/api/workspaces/${wsA}/members/${ids.carol}`, { role: 'owner' }), 403);
    expectProblem(await req('dave', 'DELETE', `/api/workspaces/${wsA}/members/${ids.alice}`), 403);
  });

  it("API keys a user creates cannot exceed the user's role", async () => {
    // member (read/write/execute, no admin): keys are an admin matter in a workspace
    expectProblem(await req('bob', 'POST', '/api/api-keys', { workspaceId: wsA, name: 'k', scopes: ['read'] }), 403);
    expectProblem(await req('carol', 'POST', '/api/api-keys', { workspaceId: wsA, name: 'k', scopes: ['read'] }), 403);
    const made = await req('dave', 'POST', '/api/api-keys', { workspaceId: wsA, name: 'k', scopes: ['read', 'execute'] });
    expect(made.status).toBe(201);
    expect(made.body.key).toMatch(/^pbk_/);
    expect(made.body.createdBy).toBe(ids.dave);
    // The key carries its own scopes, not its creator's role.
    expectProblem(await app.request('POST', '/api/projects', { token: made.body.key, body: { workspaceId: wsA, name: 'x' } }), 403);
    expect((await app.request('GET', `/api/workspaces/${wsA}`, { token: made.body.key })).status).toBe(200);
    // Nobody mints a key for a workspace they are not in.
    expectProblem(await req('dave', 'POST', '/api/api-keys', { workspaceId: wsC, name: 'k', scopes: ['read'] }), 404);
  });

  it('refuses expired, wrong-audience, wrong-issuer, wrongly signed, unknown-kid and unsigned JWTs with 401', async () => {
    const bad = {
      expired: await idp.sign('alice', { expiresIn: -10 }),
      audience: await idp.sign('alice', { audience: 'https://someone-else.example' }),
      issuer: await idp.sign('alice', { issuer: 'https://evil.example' }),
      signature: await idp.sign('alice', { foreignKey: true }),
      kid: await idp.sign('alice', { kid: 'unknown-kid' }),
      tampered: tokens.alice.replace(/\.([^.]+)\./, (_m, p: string) => `.${Buffer.from(JSON.stringify({ ...JSON.parse(Buffer.from(p, 'base64url').toString()), sub: 'carol' })).toString('base64url')}.`),
      unsigned: `${Buffer.from('{"alg":"none","typ":"JWT"}').toString('base64url')}.${Buffer.from(JSON.stringify({ iss: idp.issuer, aud: AUDIENCE, sub: 'alice', exp: Math.floor(Date.now() / 1000) + 300 })).toString('base64url')}.`,
    };
    for (const [why, token] of Object.entries(bad)) {
      const res = await app.request('GET', '/api/workspaces', { token });
      expect({ why, status: res.status }).toEqual({ why, status: 401 });
      expect(res.headers['www-authenticate']).toMatch(/^Bearer/);
    }
    expect((await req('alice', 'GET', '/api/workspaces')).status).toBe(200);
    expect(idp.jwksFetches).toBeLessThanOrEqual(2); // cached: not fetched per request
  });

  it('keeps the last owner: it can neither be removed nor demoted until another owner exists', async () => {
    expectProblem(await req('alice', 'DELETE', `/api/workspaces/${wsA}/members/${ids.alice}`), 409);
    expectProblem(await req('alice', 'PATCH', `/api/workspaces/${wsA}/members/${ids.alice}`, { role: 'admin' }), 409);
    expect((await req('alice', 'PATCH', `/api/workspaces/${wsA}/members/${ids.dave}`, { role: 'owner' })).status).toBe(200);
    expect((await req('alice', 'DELETE', `/api/workspaces/${wsA}/members/${ids.alice}`)).status).toBe(204);
    expectProblem(await req('alice', 'GET', `/api/workspaces/${wsA}`), 404);
    expectProblem(await req('dave', 'DELETE', `/api/workspaces/${wsA}/members/${ids.dave}`), 409);
  });

  it('never logs the bearer JWTs', () => {
    const logs = app.logs.join('\n');
    for (const t of Object.values(tokens)) expect(logs.includes(t)).toBe(false);
  });
});
