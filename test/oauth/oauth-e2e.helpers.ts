import type { DataSource } from 'typeorm';
import { getDataSourceToken } from '@nestjs/typeorm';
import { OAUTH_STORE, type OAuthStore, type OAuthTokenRecord } from '../../src/oauth/oauth.types.js';
import { freePort } from '../peers/free-port.js';
import { driveBrowserFlow, startOAuthServer, type OAuthServerOptions, type OAuthTestServer } from '../peers/oauth/oauth-server.js';
import { startProtectedMcpServer, type ProtectedMcpServer } from '../peers/oauth/protected-mcp-server.js';
import { createTenant } from '../support/factories.js';
import { startTestApp, type TestApp, type TestResponse } from '../support/test-app.js';

/** oidc-provider + the protected MCP server + a Patchbay whose PUBLIC_URL is its own listening URL. */
export interface OAuthWorld {
  as: OAuthTestServer;
  mcp: ProtectedMcpServer;
  app: TestApp;
  tenant: { workspaceId: string; key: string; keyId: string };
  /** Every response body the tests saw, to prove no upstream token ever came back. */
  seen: string[];
  call(method: string, path: string, body?: unknown, token?: string | null): Promise<TestResponse>;
  store(): OAuthStore;
  db(): DataSource;
  tokens(serverId: string): Promise<OAuthTokenRecord | null>;
  close(): Promise<void>;
}

export async function startOAuthWorld(asOptions: OAuthServerOptions = {}): Promise<OAuthWorld> {
  const as = await startOAuthServer(asOptions);
  const mcp = await startProtectedMcpServer({ issuer: as.issuer, jwksUri: as.jwksUri });
  const port = await freePort();
  const app = await startTestApp({
    port,
    env: { PUBLIC_URL: `http://127.0.0.1:${port}`, MCP_ALLOW_PRIVATE_NETWORKS: 'true' },
  });
  const tenant = await createTenant(app);
  const seen: string[] = [];
  const world: OAuthWorld = {
    as,
    mcp,
    app,
    tenant,
    seen,
    async call(method, path, body, token = tenant.key) {
      const res = await app.request(method, path, { body, token });
      seen.push(res.text);
      return res;
    },
    store: () => app.app.get<OAuthStore>(OAUTH_STORE),
    db: () => app.app.get<DataSource>(getDataSourceToken()),
    tokens: (id) => world.store().getTokens(id),
    async close() {
      await app?.stop();
      await mcp?.close();
      await as?.close();
    },
  };
  return world;
}

export async function createOAuthServer(w: OAuthWorld, extra: Record<string, unknown> = {}): Promise<{ id: string }> {
  const res = await w.call('POST', '/api/mcp-servers', {
    workspaceId: w.tenant.workspaceId,
    name: `oauth-${Math.random().toString(36).slice(2, 8)}`,
    url: w.mcp.url,
    authType: 'oauth',
    ...extra,
  });
  if (res.status !== 201) throw new Error(`create server: ${res.status} ${res.text}`);
  return res.body;
}

/** `/connect` must offer an authorization URL; returns it. */
export async function connectForUrl(w: OAuthWorld, id: string): Promise<string> {
  const res = await w.call('POST', `/api/mcp-servers/${id}/connect`);
  if (res.status !== 200 || typeof res.body?.authorizationUrl !== 'string') {
    throw new Error(`connect: ${res.status} ${res.text}`);
  }
  return res.body.authorizationUrl;
}

/** A person approves in the "browser"; returns the callback URL on Patchbay (not yet requested). */
export function approve(w: OAuthWorld, authorizationUrl: string, login = 'alice'): Promise<string> {
  return driveBrowserFlow(authorizationUrl, { login, redirectUri: `${w.app.url}/api/oauth/callback` });
}

export async function openCallback(w: OAuthWorld, callbackUrl: string): Promise<{ status: number; text: string; headers: Headers }> {
  const res = await fetch(callbackUrl, { redirect: 'manual' });
  const text = await res.text();
  w.seen.push(text);
  return { status: res.status, text, headers: res.headers };
}

/** connect -> approve -> callback: the whole first connection. */
export async function authorizeServer(w: OAuthWorld, id: string, login = 'alice'): Promise<void> {
  const page = await openCallback(w, await approve(w, await connectForUrl(w, id), login));
  if (page.status !== 200) throw new Error(`callback: ${page.status} ${page.text}`);
}

export async function runWhoami(w: OAuthWorld, id: string): Promise<TestResponse> {
  return w.call('POST', `/api/mcp-servers/${id}/tools/whoami/run`, { args: {} });
}

/** Every secret Patchbay holds for the server must be absent from responses and logs. */
export function expectNoLeak(w: OAuthWorld, secrets: Array<string | undefined>): void {
  const haystacks = [...w.seen, ...w.app.logs];
  for (const s of secrets) {
    if (!s) continue;
    for (const h of haystacks) expect(h.includes(s)).toBe(false);
  }
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
