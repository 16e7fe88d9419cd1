import type { TestApp } from '../support/test-app.js';

export interface FuzzTenant {
  workspaceId: string;
  key: string;
  keyId: string;
  projectId: string;
  serverId: string;
  projectServerId: string;
  toolId: string;
}

/** Fields that change by merely reading (the key used for the snapshot) or per request. */
const VOLATILE = new Set(['lastUsedAt', 'requestId']);

function normalise(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(normalise);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(Object.entries(value).filter(([k]) => !VOLATILE.has(k)).map(([k, v]) => [k, normalise(v)]));
}

/** What a tenant sees of its own data through its own key, every GET that lists or shows it. */
export async function snapshot(app: TestApp, t: FuzzTenant): Promise<Record<string, unknown>> {
  const paths = [
    `/api/workspaces/${t.workspaceId}`,
    `/api/workspaces/${t.workspaceId}/members`,
    `/api/projects?workspaceId=${t.workspaceId}`,
    `/api/projects/${t.projectId}`,
    `/api/api-keys?workspaceId=${t.workspaceId}`,
    `/api/mcp-servers?workspaceId=${t.workspaceId}`,
    `/api/mcp-servers/${t.serverId}`,
    `/api/mcp-servers/${t.serverId}/tools`,
    `/api/mcp-servers/${t.serverId}/tools/${t.toolId}`,
    `/api/mcp-servers/${t.serverId}/status-events`,
    `/api/mcp-servers/${t.projectServerId}`,
    `/api/executions?workspaceId=${t.workspaceId}`,
    `/api/mcp/servers?projectId=${t.projectId}`,
    '/v1/mcp-servers',
  ];
  const out: Record<string, unknown> = {};
  for (const p of paths) {
    const res = await app.request('GET', p, { token: t.key });
    out[p] = { status: res.status, body: normalise(res.body) };
  }
  return out;
}
