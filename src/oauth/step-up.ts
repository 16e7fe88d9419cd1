import type { StepUpState } from './oauth.types.js';

/**
 * Step-up authorization (MCP 2025-11-25, "Scope Challenge Handling"): a server that answers 403
 * with `WWW-Authenticate: Bearer error="insufficient_scope", scope="..."` wants a token with more
 * scope. Patchbay cannot open a browser, so the call fails with `oauth_authorization_required`
 * and the next `/connect` offers an authorization for the wider scope. The spec asks clients to
 * bound these retries: after MAX_STEP_UPS authorizations for a scope the server still refuses,
 * Patchbay stops offering them and says so.
 */
export const MAX_STEP_UPS = 2;

/** The longest scope string kept (it comes from the upstream and is shown in our messages). */
const MAX_SCOPE_LENGTH = 1000;

export type StepUpDecision =
  | { kind: 'authorize'; state: StepUpState }
  | { kind: 'give_up'; state: StepUpState };

/**
 * What a 403 insufficient_scope leads to. `granted` is what the rejected token holds (or was asked
 * with); the new scope is that plus the challenge's, so a step-up never loses a permission.
 * A challenge already covered by the previous step-up (or by the token itself) counts as one more
 * attempt for the same scope; anything new starts again at 0.
 */
export function decideStepUp(previous: StepUpState | undefined, granted: string | undefined, challenged: string | undefined): StepUpDecision {
  const needed = scopeTokens(challenged);
  if (previous && covers(previous.scope, needed)) {
    if (previous.attempts >= MAX_STEP_UPS) return { kind: 'give_up', state: { ...previous, pending: false } };
    return { kind: 'authorize', state: { ...previous, pending: true } };
  }
  const scope = union(scopeTokens(granted), needed);
  const state = { scope, attempts: covers(granted ?? '', needed) ? 1 : 0, pending: true };
  return { kind: 'authorize', state };
}

/** RFC 6749 §3.3 scope tokens (printable ASCII but space, `"` and `\`); anything else is dropped. */
export function scopeTokens(scope: string | undefined): string[] {
  return (scope ?? '').split(/\s+/).filter((t) => /^[\x21\x23-\x5b\x5d-\x7e]+$/.test(t));
}

function covers(have: string, needed: string[]): boolean {
  const set = new Set(scopeTokens(have));
  return needed.every((t) => set.has(t));
}

function union(a: string[], b: string[]): string {
  return [...new Set([...a, ...b])].join(' ').slice(0, MAX_SCOPE_LENGTH);
}
