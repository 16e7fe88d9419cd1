import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { createApp, type PatchbayApp } from '../../src/app.factory.js';
import { AppConfig } from '../../src/config/app-config.js';
import { createTestDatabase } from './database.js';

export const TEST_ADMIN_KEY = 'pba_test_admin_key_0123456789abcdef';

export interface TestApp extends PatchbayApp {
  /** base URL, e.g. http://127.0.0.1:41234 */
  url: string;
  /** every log line the app wrote, to check that no secret leaks */
  logs: string[];
  databaseUrl: string;
  request(method: string, path: string, opts?: { token?: string | null; body?: unknown; headers?: Record<string, string>; raw?: string }): Promise<TestResponse>;
  stop(): Promise<void>;
}

export interface TestResponse {
  status: number;
  headers: Record<string, string>;
  body: any; // eslint-disable-line @typescript-eslint/no-explicit-any -- tests read arbitrary JSON
  text: string;
}

/**
 * A whole Patchbay on its own fresh database, listening on 127.0.0.1 on a free port.
 */
export async function startTestApp(
  opts: { env?: Record<string, string>; databaseUrl?: string; /** listen here (e.g. to make PUBLIC_URL the app's own URL); default a free port */ port?: number } = {},
): Promise<TestApp> {
  const db = opts.databaseUrl ? { url: opts.databaseUrl, drop: async () => undefined } : await createTestDatabase();
  const config = AppConfig.fromEnv({
    NODE_ENV: 'test',
    PATCHBAY_DATA_DIR: mkdtempSync(join(tmpdir(), 'patchbay-app-')),
    ADMIN_API_KEY: TEST_ADMIN_KEY,
    LOG_LEVEL: 'info',
    MONITOR_ENABLED: 'false',
    ...opts.env,
    DATABASE_URL: db.url,
  });
  const logs: string[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _enc, cb) {
      logs.push(...chunk.toString('utf8').split('\n').filter(Boolean));
      cb();
    },
  });
  const service = await createApp(config, { logDestination: sink });
  // Always a real socket: SDK clients and SSE need one, and fastify.inject's cookie
  // dependency is ESM that Jest on Node 20 cannot require.
  await service.app.listen({ port: opts.port ?? 0, host: '127.0.0.1' });
  const addr = service.app.getHttpServer().address() as { port: number };
  const url = `http://127.0.0.1:${addr.port}`;
  return {
    ...service,
    url,
    logs,
    databaseUrl: db.url,
    async request(method, path, o = {}) {
      const headers: Record<string, string> = { ...(o.headers ?? {}) };
      const token = o.token === undefined ? TEST_ADMIN_KEY : o.token;
      if (token) headers.authorization = `Bearer ${token}`;
      let payload: string | undefined = o.raw;
      if (o.body !== undefined) {
        payload = JSON.stringify(o.body);
        headers['content-type'] ??= 'application/json';
      } else if (o.raw !== undefined) headers['content-type'] ??= 'application/json';
      const res = await fetch(url + path, { method, headers, body: payload });
      const text = await res.text();
      let body: unknown = undefined;
      try {
        body = text ? JSON.parse(text) : undefined;
      } catch {
        body = undefined;
      }
      return { status: res.status, headers: Object.fromEntries(res.headers), body, text };
    },
    async stop() {
      await service.close();
      await db.drop();
    },
  };
}
