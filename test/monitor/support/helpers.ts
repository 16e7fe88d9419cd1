import { DataSource } from 'typeorm';
import type { TestApp, TestResponse } from '../../support/test-app.js';

/** A JSON body as the API answered it (tests read arbitrary fields). */
type Json = TestResponse['body'];

export const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/** Polls `fn` until it returns something truthy, or fails with the last value after `timeoutMs`. */
export async function waitFor<T>(fn: () => Promise<T> | T, timeoutMs = 10_000, every = 50): Promise<NonNullable<T>> {
  const until = Date.now() + timeoutMs;
  let last: T | undefined;
  for (;;) {
    last = await fn();
    if (last) return last;
    if (Date.now() > until) throw new Error(`condition not met within ${timeoutMs} ms (last: ${JSON.stringify(last)})`);
    await sleep(every);
  }
}

/** The env for a Patchbay whose monitor runs fast against loopback peers. */
export function monitorEnv(intervalMs: number, extra: Record<string, string> = {}): Record<string, string> {
  return { MONITOR_ENABLED: 'true', MONITOR_INTERVAL_MS: String(intervalMs), MCP_ALLOW_PRIVATE_NETWORKS: 'true', ...extra };
}

export async function registerServer(app: TestApp, token: string, workspaceId: string, body: Record<string, unknown>): Promise<string> {
  const res = await app.request('POST', '/api/mcp-servers', { token, body: { workspaceId, ...body } });
  if (res.status !== 201) throw new Error(`create server: ${res.status} ${res.text}`);
  return res.body.id as string;
}

export async function serverRow(app: TestApp, id: string, token?: string): Promise<Json> {
  const res = await app.request('GET', `/api/mcp-servers/${id}`, { token });
  if (res.status !== 200) throw new Error(`get server: ${res.status} ${res.text}`);
  return res.body;
}

export function db(app: TestApp): DataSource {
  return app.app.get(DataSource);
}

/** Waits until the server's connectorStatus is `status`; returns the server view. */
export function waitForStatus(app: TestApp, id: string, status: string, timeoutMs = 10_000): Promise<Json> {
  return waitFor(async () => {
    const s = await serverRow(app, id);
    return s.connectorStatus === status ? s : undefined;
  }, timeoutMs);
}

export async function statusEvents(app: TestApp, id: string, token?: string, query = ''): Promise<Json[]> {
  const res = await app.request('GET', `/api/mcp-servers/${id}/status-events${query}`, { token });
  if (res.status !== 200) throw new Error(`status events: ${res.status} ${res.text}`);
  return res.body.data;
}
