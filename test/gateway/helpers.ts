import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import type { ClientCapabilities } from '@modelcontextprotocol/sdk/types.js';
import type { TestApp } from '../support/test-app.js';

/** A real SDK client on `/mcp/{scopeId}` with the bearer in its request headers. */
export async function gatewayClient(
  app: { url: string },
  scopeId: string,
  key: string,
  capabilities: ClientCapabilities = {},
  setup?: (c: Client) => void,
): Promise<{ client: Client; transport: StreamableHTTPClientTransport }> {
  const client = new Client({ name: 'gateway-test', version: '1.0.0' }, { capabilities });
  setup?.(client);
  const transport = new StreamableHTTPClientTransport(new URL(`${app.url}/mcp/${scopeId}`), {
    requestInit: { headers: { authorization: `Bearer ${key}` } },
  });
  await client.connect(transport);
  return { client, transport };
}

export async function registerServer(app: TestApp, t: { workspaceId: string; key: string }, body: Record<string, unknown>): Promise<string> {
  const res = await app.request('POST', '/api/mcp-servers', { token: t.key, body: { workspaceId: t.workspaceId, ...body } });
  if (res.status !== 201) throw new Error(`register: ${res.status} ${res.text}`);
  return res.body.id as string;
}

export async function until<T>(fn: () => T | Promise<T>, ms = 10_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await fn();
    if (v) return v;
    if (Date.now() > end) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 50));
  }
}

export const GATEWAY_ENV = { MCP_ALLOW_PRIVATE_NETWORKS: 'true', MCP_STDIO_COMMANDS: 'node' };
