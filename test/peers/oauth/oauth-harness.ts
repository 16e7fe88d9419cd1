import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { createAuthorizedFetch } from '../../../src/oauth/authorized-fetch.js';
import { InMemoryOAuthStore } from '../../../src/oauth/in-memory-oauth.store.js';
import type { OAuthServerConfig, UpstreamOAuthOptions } from '../../../src/oauth/oauth.types.js';
import { UpstreamOAuthService } from '../../../src/oauth/upstream-oauth.service.js';
import { driveBrowserFlow } from './oauth-server.js';

export const PUBLIC_URL = 'http://patchbay.test';

/** A controllable clock shared by the service and the in-memory store. */
export class TestClock {
  offsetMs = 0;
  now = (): number => Date.now() + this.offsetMs;
  advance(ms: number): void {
    this.offsetMs += ms;
  }
}

export function makeOAuth(overrides: Partial<UpstreamOAuthOptions> = {}) {
  const clock = new TestClock();
  const store = new InMemoryOAuthStore(clock.now);
  const oauth = new UpstreamOAuthService(store, {
    publicUrl: PUBLIC_URL,
    allowInsecureRequests: true,
    refreshSkewMs: 1000,
    now: clock.now,
    ...overrides,
  });
  return { clock, store, oauth };
}

let serial = 0;
export function serverConfig(url: string, extra: Partial<OAuthServerConfig> = {}): OAuthServerConfig {
  serial++;
  return { serverId: `mcp_test${serial}`, url, ...extra };
}

/** The whole code flow: start, a person approves in the "browser", the callback completes it. */
export async function authorize(
  oauth: UpstreamOAuthService,
  server: OAuthServerConfig,
  principalId = 'usr_alice',
  login = 'alice',
): Promise<{ callbackUrl: string; serverId: string; principalId: string }> {
  const { authorizationUrl } = await oauth.startAuthorization(server, principalId);
  const callbackUrl = await driveBrowserFlow(authorizationUrl, { login, redirectUri: oauth.redirectUri });
  const done = await oauth.completeAuthorization(new URL(callbackUrl).searchParams, async (id) =>
    id === server.serverId ? server : null,
  );
  return { callbackUrl, ...done };
}

/** Call `whoami` on the protected server through the SDK client with Patchbay's authorized fetch. */
export async function whoami(
  oauth: UpstreamOAuthService,
  server: OAuthServerConfig,
): Promise<{ sub?: string; client_id?: string; tools: string[] }> {
  const client = new Client({ name: 'patchbay-test', version: '1.0.0' });
  const transport = new StreamableHTTPClientTransport(new URL(server.url), {
    fetch: createAuthorizedFetch(oauth, server),
  });
  await client.connect(transport);
  try {
    const tools = (await client.listTools()).tools.map((t) => t.name);
    const result = await client.callTool({ name: 'whoami', arguments: {} });
    const content = result.content as { type: string; text: string }[];
    return { ...(JSON.parse(content[0].text) as { sub?: string; client_id?: string }), tools };
  } finally {
    await client.close();
  }
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
