import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from '../peers/index.js';
import { ensureBuilt, MAIN, ROOT } from '../support/built-main.js';
import { TEST_ADMIN_KEY } from '../support/test-app.js';

/**
 * `npm start` on a laptop: the real process with its embedded PostgreSQL in a data directory,
 * and what a second start on the same directory says.
 */
describe('first run with the embedded PostgreSQL', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'patchbay-first-run-'));
  let first: ChildProcess;
  let out = '';
  let exited: Promise<number | null>;
  const env = (port: number): Record<string, string> => ({
    PATH: process.env.PATH ?? '',
    PATCHBAY_DATA_DIR: dataDir,
    PORT: String(port),
    ADMIN_API_KEY: TEST_ADMIN_KEY,
    MONITOR_ENABLED: 'false',
    // debug shows what info hides (checked below: PostgreSQL's own output and Nest's route table)
    LOG_LEVEL: 'debug',
  });

  beforeAll(async () => {
    ensureBuilt();
    first = spawn(process.execPath, [MAIN], { env: env(await freePort()), stdio: ['ignore', 'pipe', 'pipe'] });
    exited = new Promise((resolve) => first.once('exit', (code) => resolve(code)));
    first.stderr!.on('data', (d: Buffer) => (out += d.toString()));
    await new Promise<void>((resolve, reject) => {
      first.stdout!.on('data', (d: Buffer) => {
        out += d.toString();
        if (out.includes('"patchbay listening"')) resolve();
      });
      void exited.then(() => reject(new Error(`did not start:\n${out}`)));
    });
  }, 180_000);

  afterAll(async () => {
    if (first?.exitCode === null) {
      first.kill('SIGTERM');
      await exited;
    }
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('logs JSON only; at info the start-up fits on one screen', () => {
    const lines = out.trim().split('\n');
    const parsed = lines.map((line) => {
      try {
        return JSON.parse(line) as { level: number; context?: string; msg: string };
      } catch {
        throw new Error(`not a JSON log line: ${line}`);
      }
    });
    const info = parsed.filter((l) => l.level >= 30);
    expect(info.length).toBeLessThanOrEqual(15);
    expect(info.map((l) => l.msg)).toEqual(expect.arrayContaining([expect.stringMatching(/^embedded PostgreSQL on 127\.0\.0\.1:\d+/)]));
    // below info: Nest's route table and PostgreSQL's own output, as JSON
    expect(parsed.filter((l) => l.context === 'RouterExplorer').length).toBeGreaterThan(20);
    expect(parsed.some((l) => l.context === 'EmbeddedPostgres' && l.level === 20 && /ready to accept connections/.test(l.msg))).toBe(true);
  });

  it('a second start on the same data directory names the PID using it and exits 1', async () => {
    const r = spawnSync(process.execPath, [MAIN], { env: env(await freePort()), encoding: 'utf8', timeout: 60_000 });
    expect(r.status).toBe(1);
    expect(r.stderr.trim().split('\n')).toEqual([
      `patchbay: failed to start: the data directory ${dataDir} is in use by PID ${first.pid} (another patchbay); stop it, or set PATCHBAY_DATA_DIR to another directory`,
    ]);
    expect(first.exitCode).toBeNull();
  });

  it('a second `npm start` says the same before building, and leaves dist/ alone', async () => {
    const before = statSync(MAIN).mtimeMs;
    const r = spawnSync(process.execPath, [join(ROOT, 'scripts/start.mjs')], {
      env: env(await freePort()),
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(r.status).toBe(1);
    expect(r.stderr).toContain(`is in use by PID ${first.pid} (another patchbay)`);
    expect(statSync(MAIN).mtimeMs).toBe(before);
  });

  it('SIGTERM stops it and frees the data directory', async () => {
    expect(existsSync(join(dataDir, 'patchbay.pid'))).toBe(true);
    first.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(existsSync(join(dataDir, 'patchbay.pid'))).toBe(false);
    expect(existsSync(join(dataDir, 'pg', 'postmaster.pid'))).toBe(false);
  });
});
