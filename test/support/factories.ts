import type { Scope } from '../../src/auth/api-keys/api-key.entity.js';
import type { TestApp } from './test-app.js';

let n = 0;

export async function createWorkspace(app: TestApp, name = `ws-${++n}`, token?: string): Promise<{ id: string }> {
  const res = await app.request('POST', '/api/workspaces', { body: { name }, token });
  if (res.status !== 201) throw new Error(`workspace: ${res.status} ${res.text}`);
  return res.body;
}

export async function createKey(
  app: TestApp,
  workspaceId: string,
  scopes: Scope[] = ['read', 'write', 'execute', 'admin'],
  extra: Record<string, unknown> = {},
): Promise<{ id: string; key: string }> {
  const res = await app.request('POST', '/api/api-keys', { body: { workspaceId, name: `key-${++n}`, scopes, ...extra } });
  if (res.status !== 201) throw new Error(`api key: ${res.status} ${res.text}`);
  return res.body;
}

export async function createProject(app: TestApp, workspaceId: string, token?: string): Promise<{ id: string; name: string }> {
  const res = await app.request('POST', '/api/projects', { body: { workspaceId, name: `proj-${++n}` }, token });
  if (res.status !== 201) throw new Error(`project: ${res.status} ${res.text}`);
  return res.body;
}

/** A workspace with an all-scopes key: the usual tenant of a test. */
export async function createTenant(app: TestApp): Promise<{ workspaceId: string; key: string; keyId: string }> {
  const ws = await createWorkspace(app);
  const key = await createKey(app, ws.id);
  return { workspaceId: ws.id, key: key.key, keyId: key.id };
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests read arbitrary JSON bodies
export function expectProblem(res: { status: number; headers: Record<string, string>; body: any }, status: number, field?: string): void {
  expect(res.status).toBe(status);
  expect(res.headers['content-type']).toContain('application/problem+json');
  expect(res.body).toMatchObject({ status, title: expect.any(String), type: expect.any(String), detail: expect.any(String) });
  if (field) expect(res.body.errors?.map((e: { field: string }) => e.field)).toContain(field);
}
