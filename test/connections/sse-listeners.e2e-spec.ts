import { getEventListeners } from 'node:events';
import type { FetchLike } from '@modelcontextprotocol/sdk/shared/transport.js';
import { startEverything, type EverythingPeer } from '../peers/index.js';
import { target, testPool, textOf } from './helpers.js';

/**
 * The SSE transport POSTs every request with its connection-long abort signal and cancels each response body.
 * Each request used to leave one abort listener on that signal (MaxListenersExceededWarning after ~25 runs).
 */
describe('SSE upstream: no abort listener left behind per request', () => {
  let peer: EverythingPeer;
  beforeAll(async () => {
    peer = await startEverything('sse');
  });
  afterAll(async () => {
    await peer?.close();
  });

  it('50 tool runs on one SSE connection leave the connection signal with a constant number of listeners', async () => {
    const signals = new Set<AbortSignal>();
    // Records the signals the SDK hands to our fetch; the requests themselves go through unchanged.
    const wrapFetch = (base: FetchLike): FetchLike => (url, init) => {
      if (init?.signal) signals.add(init.signal);
      return base(url, init);
    };
    const pool = testPool();
    const t = target({ transport: 'sse', url: peer.url, wrapFetch });
    try {
      const listeners = () => Math.max(0, ...[...signals].map((s) => getEventListeners(s, 'abort').length));
      expect(textOf(await pool.callTool(t, 'echo', { message: 'warm-up' }))).toBe('Echo: warm-up');
      const before = listeners();
      for (let i = 0; i < 50; i++) expect(textOf(await pool.callTool(t, 'echo', { message: `m${i}` }))).toBe(`Echo: m${i}`);
      expect(signals.size).toBeGreaterThan(0);
      expect(listeners()).toBeLessThanOrEqual(before);
    } finally {
      await pool.closeAll();
    }
  }, 60_000);
});
