import { createAuthorizedFetch } from './authorized-fetch.js';
import { InMemoryOAuthStore } from './in-memory-oauth.store.js';
import type { OAuthStateRecord } from './oauth.types.js';

const state = (s: string, expiresAt: Date): OAuthStateRecord => ({
  state: s,
  serverId: 'mcp_1',
  principalId: 'usr_1',
  codeVerifier: 'v',
  redirectUri: 'http://x/cb',
  issuer: 'http://as',
  expiresAt,
});

describe('InMemoryOAuthStore', () => {
  it('consumes a state once, and never an expired one', async () => {
    let now = 1_000;
    const store = new InMemoryOAuthStore(() => now);
    await store.createState(state('a', new Date(2_000)));
    await store.createState(state('b', new Date(2_000)));
    expect(await store.consumeState('a')).toMatchObject({ state: 'a', principalId: 'usr_1' });
    expect(await store.consumeState('a')).toBeNull();
    now = 2_000;
    expect(await store.consumeState('b')).toBeNull();
    expect(store.stateCount()).toBe(0);
  });

  it('serialises work under the credential lock per server, and survives a failing holder', async () => {
    const store = new InMemoryOAuthStore();
    const order: string[] = [];
    const step = (name: string, fail = false) => async () => {
      order.push(`${name}:in`);
      await new Promise((r) => setTimeout(r, 5));
      order.push(`${name}:out`);
      if (fail) throw new Error(name);
      return name;
    };
    const results = await Promise.allSettled([
      store.withCredentialLock('s1', step('a', true)),
      store.withCredentialLock('s1', step('b')),
      store.withCredentialLock('s2', step('c')),
    ]);
    expect(results.map((r) => r.status)).toEqual(['rejected', 'fulfilled', 'fulfilled']);
    expect(order.indexOf('b:in')).toBeGreaterThan(order.indexOf('a:out'));
    expect(order.indexOf('c:in')).toBeLessThan(order.indexOf('a:out'));
  });
});

describe('createAuthorizedFetch', () => {
  it('replaces any Authorization header and retries a 401 once with a forced refresh', async () => {
    const seen: string[] = [];
    const calls: unknown[] = [];
    const oauth = {
      getAccessToken: async (_s: unknown, opts?: unknown) => {
        calls.push(opts);
        return opts ? 'fresh' : 'stale';
      },
      insufficientScope: async (): Promise<never> => {
        throw new Error('no 403 in this test');
      },
    };
    const base = async (_u: string | URL, init?: RequestInit) => {
      const auth = new Headers(init?.headers).get('authorization') ?? '';
      seen.push(auth);
      return new Response(null, { status: auth === 'Bearer fresh' ? 200 : 401 });
    };
    const f = createAuthorizedFetch(oauth, { serverId: 'mcp_1', url: 'http://x/mcp' }, base);
    const res = await f('http://x/mcp', { method: 'POST', body: '{}', headers: { Authorization: 'Bearer pbk_patchbay_own' } });
    expect(res.status).toBe(200);
    expect(seen).toEqual(['Bearer stale', 'Bearer fresh']);
    expect(calls).toEqual([undefined, { forceRefresh: true, rejectedToken: 'stale' }]);
  });
});
