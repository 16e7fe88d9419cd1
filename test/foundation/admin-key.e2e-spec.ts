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

    // ADMIN_API_KEY replaces the generated key, says so, and the generated key stays dead after it
    const chosen = 'pba_chosen_by_the_operator_0123456789';
    const third = await startTestApp({ env: { ADMIN_API_KEY: chosen }, databaseUrl: first.databaseUrl });
    apps.push(third);
    expect(third.logs.join('\n')).toContain('ADMIN_API_KEY is set: it replaces the admin key generated on first start');
    expect(third.logs.join('\n')).not.toContain(chosen);
    expect((await third.request('GET', '/api/workspaces', { token: chosen })).status).toBe(200);
    expect((await third.request('GET', '/api/workspaces', { token: key! })).status).toBe(401);

    const unset: string[] = [];
    const spy3 = jest.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
      unset.push(String(chunk));
      return true;
    });
    let fourth: TestApp;
    try {
      fourth = await startTestApp({ env: { ADMIN_API_KEY: '' }, databaseUrl: first.databaseUrl });
    } finally {
      spy3.mockRestore();
    }
    apps.push(fourth);
    const renewed = unset.join('').match(/pba_[A-Za-z0-9_-]{20,}/)?.[0];
    expect(renewed).toBeDefined();
    expect(renewed).not.toBe(key);
    expect((await fourth.request('GET', '/api/workspaces', { token: key! })).status).toBe(401);
    expect((await fourth.request('GET', '/api/workspaces', { token: chosen })).status).toBe(401);
    expect((await fourth.request('GET', '/api/workspaces', { token: renewed! })).status).toBe(200);
  });
});
