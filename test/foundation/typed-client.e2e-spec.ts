// A client generated from the committed openapi.json (openapi-typescript -> console/src/api/schema.d.ts, the console's own types) drives
// the main flow through openapi-fetch. `npm run typecheck` compiles this file: a document that lies about a shape
// (a response without a schema, a required field that is optional, an error that is not a Problem) fails the
// build here, and the run below fails when the answers do not match the types.
import { execFileSync } from 'node:child_process';
import createClient from 'openapi-fetch';
import { EVERYTHING_BIN } from '../peers/everything.js';
import type { components, paths } from '../../console/src/api/schema.js';
import { startTestApp, TEST_ADMIN_KEY, type TestApp } from '../support/test-app.js';

type Schemas = components['schemas'];
/** true when A and B are the same type (not merely assignable). */
type Equals<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
/** Compiles only when T is `true`. */
const typeIs = <T extends true>(): T | undefined => undefined;

describe('a client generated from openapi.json', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp({ env: { MCP_STDIO_COMMANDS: 'node' } });
  });
  afterAll(async () => {
    await app?.stop();
  });

  const client = (token: string) => createClient<paths>({ baseUrl: app.url, headers: { authorization: `Bearer ${token}` } });

  it('is generated from the committed document (console/src/api/schema.d.ts is fresh)', () => {
    expect(() => execFileSync(process.execPath, ['scripts/openapi-types.mjs', '--check'], { stdio: 'pipe' })).not.toThrow();
  });

  it('creates a workspace, key, project and server, refreshes, runs a tool and lists executions', async () => {
    const admin = client(TEST_ADMIN_KEY);
    const ws = await admin.POST('/api/workspaces', { body: { name: 'typed-client' } });
    expect(ws.response.status).toBe(201);
    const workspaceId = ws.data!.id;
    typeIs<Equals<typeof workspaceId, string>>();

    const key = await admin.POST('/api/api-keys', { body: { workspaceId, name: 'typed', scopes: ['read', 'write', 'execute'] } });
    expect(key.response.status).toBe(201);
    const secret = key.data!.key;
    typeIs<Equals<typeof secret, string>>();
    expect(secret).toMatch(/^pbk_/);

    const api = client(secret);
    const project = await api.POST('/api/projects', { body: { workspaceId, name: 'typed-project' } });
    expect(project.data?.id).toMatch(/^proj_/);

    // authType, authHeader and enabled have defaults: the generated body type leaves them out
    const srv = await api.POST('/api/mcp-servers', {
      body: { workspaceId, projectId: project.data!.id, name: 'everything', command: 'node', args: [EVERYTHING_BIN, 'stdio'] },
    });
    expect(srv.error).toBeUndefined();
    typeIs<Equals<NonNullable<typeof srv.data>['id'], string>>();
    typeIs<Equals<NonNullable<typeof srv.error>, Schemas['Problem']>>();
    typeIs<Equals<NonNullable<typeof srv.data>['connectorStatus'], '' | 'connected' | 'disconnected' | 'error'>>();
    const serverId = srv.data!.id;
    expect(srv.data).toMatchObject({ id: expect.stringMatching(/^mcp_/), transport: 'stdio', authType: 'none', enabled: true, hasApiKey: false });

    const refresh = await api.POST('/api/mcp-servers/{id}/refresh', { params: { path: { id: serverId } } });
    expect(refresh.error).toBeUndefined();
    const names = refresh.data!.data.map((t) => t.name);
    typeIs<Equals<typeof names, string[]>>();
    expect(names).toContain('echo');

    const run = await api.POST('/api/mcp-servers/{id}/tools/{toolId}/run', {
      params: { path: { id: serverId, toolId: 'echo' } },
      body: { args: { message: 'typed hello' } },
    });
    expect(run.error).toBeUndefined();
    typeIs<Equals<NonNullable<typeof run.data>['status'], 'success' | 'error'>>();
    expect(run.data).toMatchObject({ id: expect.stringMatching(/^exec_/), status: 'success' });
    expect(run.data!.funcReturn).toContain('typed hello');

    const executions = await api.GET('/api/executions', { params: { query: { serverId } } });
    expect(executions.error).toBeUndefined();
    typeIs<Equals<NonNullable<typeof executions.data>['nextCursor'], string | null>>();
    expect(executions.data!.data).toEqual([expect.objectContaining({ id: run.data!.id, toolName: 'echo', serverId, status: 'success' })]);
  });

  it('types the Letta and project-style bodies and answers too', async () => {
    const admin = client(TEST_ADMIN_KEY);
    const ws = await admin.POST('/api/workspaces', { body: { name: 'typed-compat' } });
    const key = await admin.POST('/api/api-keys', { body: { workspaceId: ws.data!.id, name: 'compat', scopes: ['read', 'write'] } });
    const api = client(key.data!.key);

    const letta = await api.POST('/v1/mcp-servers', {
      body: { server_name: 'typed-letta', config: { mcp_server_type: 'stdio', command: 'node', args: [EVERYTHING_BIN, 'stdio'] } },
    });
    expect(letta.response.status).toBe(200);
    typeIs<Equals<NonNullable<typeof letta.data>['server_name'], string>>();
    expect(letta.data).toMatchObject({ server_name: 'typed-letta', type: 'stdio', mcp_server_type: 'stdio' });
    const list = await api.GET('/v1/mcp-servers');
    typeIs<Equals<NonNullable<typeof list.data>, Schemas['LettaMcpServerView'][]>>();
    expect(list.data!.map((s) => s.id)).toEqual([letta.data!.id]);
    const missing = await api.GET('/v1/mcp-servers/{id}', { params: { path: { id: 'nope' } } });
    expect(missing.response.status).toBe(422);
    expect(missing.error!.detail).toEqual([expect.objectContaining({ loc: ['path', 'mcp_server_id'] })]);

    const project = await api.POST('/api/projects', { body: { workspaceId: ws.data!.id, name: 'typed-compat' } });
    const created = await api.POST('/api/mcp/servers', { body: { projectId: project.data!.id, name: 'typed-ps', command: 'node', args: `${EVERYTHING_BIN} stdio` } });
    expect(created.response.status).toBe(201);
    typeIs<Equals<NonNullable<typeof created.data>['gatewayUrl'], string>>();
    expect(created.data!.gatewayUrl).toBe(`${app.config.publicUrl}/mcp/${created.data!.serverId}`);
  });

  it('types errors as the Problem schema, and they are one', async () => {
    const api = client(TEST_ADMIN_KEY);
    const bad = await api.GET('/api/mcp-servers/{id}', { params: { path: { id: 'ws_not_a_server' } } });
    expect(bad.data).toBeUndefined();
    typeIs<Equals<NonNullable<typeof bad.error>, Schemas['Problem']>>();
    expect(bad.response.status).toBe(400);
    expect(bad.response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    const problem: Schemas['Problem'] = bad.error!;
    expect(problem).toMatchObject({ status: 400, code: 'validation_failed', errors: [expect.objectContaining({ field: 'id' })] });

    const anonymous = client('');
    const denied = await anonymous.GET('/api/workspaces');
    expect(denied.response.status).toBe(401);
    expect(denied.error?.code).toEqual(expect.any(String));
  });
});
