import { decideStepUp, MAX_STEP_UPS, scopeTokens } from './step-up.js';

describe('step-up after 403 insufficient_scope', () => {
  it('asks for what the token had plus what the challenge wants, as a new requirement', () => {
    expect(decideStepUp(undefined, 'mcp:basic', 'mcp:basic mcp:write')).toEqual({
      kind: 'authorize',
      state: { scope: 'mcp:basic mcp:write', attempts: 0, pending: true },
    });
  });

  it('counts a challenge the token already satisfies as one attempt spent', () => {
    expect(decideStepUp(undefined, 'mcp:admin', 'mcp:admin').state.attempts).toBe(1);
  });

  it('asks again for the same scope until the limit, then gives up and stops offering', () => {
    let state = decideStepUp(undefined, 'a', 'a b').state;
    for (let done = 1; done <= MAX_STEP_UPS; done++) {
      state = { ...state, attempts: done, pending: false }; // an authorization for it completed
      const d = decideStepUp(state, 'a b', 'b');
      expect(d.kind).toBe(done < MAX_STEP_UPS ? 'authorize' : 'give_up');
      expect(d.state.pending).toBe(done < MAX_STEP_UPS);
      state = d.state;
    }
  });

  it('starts again at 0 when the server asks for something new', () => {
    const spent = { scope: 'a b', attempts: MAX_STEP_UPS, pending: false };
    expect(decideStepUp(spent, 'a b', 'c')).toEqual({ kind: 'authorize', state: { scope: 'a b c', attempts: 0, pending: true } });
  });

  it('keeps only RFC 6749 scope tokens from the upstream text', () => {
    expect(scopeTokens('read  "quoted" back\\slash write\u00e9 ok')).toEqual(['read', 'ok']);
  });
});
