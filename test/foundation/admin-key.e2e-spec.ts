import { jest } from '@jest/globals';
import { createHash } from 'node:crypto';
import { DataSource } from 'typeorm';
import { startTestApp, type TestApp } from '../support/test-app.js';

describe('the generated platform admin key', () => {
  const apps: TestApp[] = [];
  afterAll(async () => {
    for (const a of apps.reverse()) await a.stop();
  });

  it('is printed once on first start, stored only as a hash, and works as a bearer', async () => {
    const printed: string[] = [];
    const spy = jest.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
      printed.push(String(chunk));
      return true;
    });
    let first: TestApp;
    try {
      first = await startTestApp({ env: { ADMIN_API_KEY: '' } });
    } finally {
      spy.mockRestore();
    }
    apps.push(first);
    const key = printed.join('').match(/pba_[A-Za-z0-9_-]{20,}/)?.[0];
    expect(key).toBeDefined();
    expect((await first.request('GET', '/api/workspaces', { token: key! })).status).toBe(200);
    expect((await first.request('GET', '/api/workspaces', { token: 'pba_not_the_generated_key_000000' })).status).toBe(401);

    const rows: Array<{ value: string }> = await first.app.get(DataSource).query('SELECT value FROM platform_settings');
    expect(JSON.stringify(rows)).not.toContain(key!);
    expect(rows.map((r) => r.value)).toContain(createHash('sha256').update(key!).digest('hex'));
    expect(first.logs.join('\n')).not.toContain(key!);

    // a second start (another replica, or a restart) prints nothing and accepts the same key
    const again: string[] = [];
    const spy2 = jest.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
      again.push(String(chunk));
      return true;
    });
    let second: TestApp;
    try {
      second = await startTestApp({ env: { ADMIN_API_KEY: '' }, databaseUrl: first.databaseUrl });
    } finally {
      spy2.mockRestore();
    }
    apps.push(second);
    expect(again.join('')).not.toMatch(/pba_/);
    expect((await second.request('GET', '/api/workspaces', { token: key! })).status).toBe(200);
  });
});
