import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stdioPeerTarget, waitForPidGone } from '../peers/index.js';
import type { ConnectionPool } from '../../src/connections/connection-pool.js';
import { target, testPool, textOf } from './helpers.js';

const stdio = (flags: string[] = [], extra: Parameters<typeof target>[0] = {}) =>
  target({ transport: 'stdio', ...stdioPeerTarget(flags), ...extra });

describe('stdio connections', () => {
  let pool: ConnectionPool;
  beforeEach(() => {
    pool = testPool();
  });
  afterEach(() => pool.closeAll());

  it('gives the child only its declared env plus a minimal PATH, never the parent secrets', async () => {
    process.env.DATABASE_URL = 'postgres://patchbay:secret@db/patchbay';
    process.env.ENCRYPTION_KEY = 'c2VjcmV0';
    try {
      const keys = JSON.parse(textOf(await pool.callTool(stdio([], { env: { API_TOKEN: 'tenant-token' } }), 'env_keys'))) as string[];
      expect(keys).not.toContain('DATABASE_URL');
      expect(keys).not.toContain('ENCRYPTION_KEY');
      expect(keys.filter((k) => !['API_TOKEN', 'PATH', 'HOME'].includes(k))).toEqual([]);
    } finally {
      delete process.env.DATABASE_URL;
      delete process.env.ENCRYPTION_KEY;
    }
  });

  it('gives a stdio server longer to start than a handshake (its launcher may be downloading it)', async () => {
    const slowStart = testPool({ connectTimeoutMs: 200, stdioStartTimeoutMs: 20_000 });
    try {
      expect(textOf(await slowStart.callTool(stdio(['--start-delay=1500']), 'echo', { message: 'late' }))).toBe('Echo: late');
    } finally {
      await slowStart.closeAll();
    }
  });

  it('re-launches a process that crashed mid-call once, then succeeds', async () => {
    const marker = join(mkdtempSync(join(tmpdir(), 'pb-crash-')), 'crashed');
    const t = stdio([`--crash-once=${marker}`]);
    expect(textOf(await pool.callTool(t, 'crash'))).toBe('alive');
    expect(pool.stats()).toMatchObject({ handshakes: 2, reconnects: 1 });
  });

  it('kills the whole process tree on closeServer, including grandchildren and launcher-spawned servers', async () => {
    const direct = stdio();
    const viaLauncher = stdio(['--via-launcher']);
    const pids: number[] = [];
    for (const t of [direct, viaLauncher]) {
      pids.push(Number(textOf(await pool.callTool(t, 'pid'))));
      pids.push(Number(textOf(await pool.callTool(t, 'spawn_grandchild'))));
    }
    await pool.closeServer(direct.serverId);
    expect(await waitForPidGone(pids[0])).toBe(true);
    expect(await waitForPidGone(pids[1])).toBe(true);
    await pool.closeAll();
    expect(await waitForPidGone(pids[2])).toBe(true);
    expect(await waitForPidGone(pids[3])).toBe(true);
    expect(pool.stats().processes.total).toBe(0);
  });

  it('reaps idle processes', async () => {
    const idlePool = testPool({ idleTimeoutMs: 500 });
    try {
      const pid = Number(textOf(await idlePool.callTool(stdio(), 'pid')));
      expect(await waitForPidGone(pid, 4000)).toBe(true);
      expect(idlePool.stats().clients).toBe(0);
    } finally {
      await idlePool.closeAll();
    }
  });

  it('caps live processes per workspace (429) and in total (503)', async () => {
    const capped = testPool({ maxProcessesPerWorkspace: 1, maxProcessesTotal: 2 });
    try {
      await capped.ping(stdio([], { workspaceId: 'ws_a' }));
      await expect(capped.ping(stdio([], { workspaceId: 'ws_a' }))).rejects.toMatchObject({ status: 429, headers: { 'retry-after': '30' } });
      await capped.ping(stdio([], { workspaceId: 'ws_b' }));
      await expect(capped.ping(stdio([], { workspaceId: 'ws_c' }))).rejects.toMatchObject({ status: 503 });
      expect(capped.stats().processes.total).toBe(2);
    } finally {
      await capped.closeAll();
    }
  });

  it.each([
    [{ command: 'bash', args: ['x.sh'] }, 'command'],
    [{ command: 'node', args: ['-e', 'process.exit()'] }, 'args'],
    [{ command: 'node', args: ['--eval=1'] }, 'args'],
    [{ command: 'node', args: ['server.js'], env: { NODE_OPTIONS: '--require /tmp/x.js' } }, 'env'],
    [{ command: 'node', args: ['server.js'], env: { LD_PRELOAD: '/tmp/x.so' } }, 'env'],
  ])('refuses %j before launching anything (field %s)', async (cfg, field) => {
    const t = stdio([], cfg);
    await expect(pool.assertTargetAllowed(t)).rejects.toMatchObject({ status: 400, errors: [{ field }] });
    await expect(pool.ping(t)).rejects.toMatchObject({ status: 400, errors: [{ field }] });
    expect(pool.stats()).toMatchObject({ handshakes: 0, processes: { total: 0 } });
  });

  it('refuses stdio entirely when no command is allowed', async () => {
    const off = testPool({ stdioCommands: [] });
    await expect(off.ping(stdio())).rejects.toMatchObject({ errors: [{ field: 'command' }] });
    await off.closeAll();
  });
});

describe('progress read in the same chunk as the result', () => {
  it('reaches the caller in full, before the call resolves', async () => {
    const pool = testPool();
    try {
      const progress: number[] = [];
      const t = target({ transport: 'stdio', command: 'node', args: [join(import.meta.dirname, '../peers/burst-peer.cjs')] });
      const result = await pool.callTool(t, 'burst', {}, { onProgress: (p) => progress.push(p.progress) });
      expect(textOf(result)).toBe('done');
      expect(progress).toEqual([1, 2, 3]);
    } finally {
      await pool.closeAll();
    }
  });
});
