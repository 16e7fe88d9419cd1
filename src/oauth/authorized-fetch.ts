import { extractWWWAuthenticateParams } from '@modelcontextprotocol/sdk/client/auth.js';
import type { AccessTokenOptions, UpstreamOAuthService } from './upstream-oauth.service.js';
import type { FetchLike, OAuthServerConfig } from './oauth.types.js';

/**
 * A fetch for SDK transports (`new StreamableHTTPClientTransport(url, { fetch })`): every request
 * carries the server's current upstream token, so a long-lived transport never sends an expired
 * one; a 401 forces one refresh (deduplicated across callers) and the request is retried once.
 * A 403 `insufficient_scope` is a step-up (step-up.ts): the request fails with the error the
 * service gives (an authorization to offer, or the retry limit reached).
 * Any Authorization header already present (never Patchbay's own bearer, but be sure) is replaced.
 * Wrap the SSRF-safe fetch as `base`.
 */
export function createAuthorizedFetch(
  oauth: Pick<UpstreamOAuthService, 'getAccessToken' | 'insufficientScope'>,
  server: OAuthServerConfig,
  base: FetchLike = (input, init) => fetch(input, init),
): FetchLike {
  const send = (input: string | URL, init: RequestInit | undefined, token: string): Promise<Response> => {
    const headers = new Headers(init?.headers);
    headers.set('authorization', `Bearer ${token}`);
    return base(input, { ...init, headers });
  };
  const stepUp = async (res: Response): Promise<Response> => {
    if (res.status !== 403) return res;
    const challenge = extractWWWAuthenticateParams(res);
    if (challenge.error !== 'insufficient_scope') return res;
    await res.body?.cancel().catch(() => undefined);
    throw await oauth.insufficientScope(server, challenge.scope);
  };
  return async (input, init) => {
    const token = await oauth.getAccessToken(server);
    const res = await send(input, init, token);
    if (res.status !== 401 || !isReplayable(init?.body)) return stepUp(res);
    await res.body?.cancel().catch(() => undefined);
    const opts: AccessTokenOptions = { forceRefresh: true, rejectedToken: token };
    return stepUp(await send(input, init, await oauth.getAccessToken(server, opts)));
  };
}

function isReplayable(body: RequestInit['body']): boolean {
  return body == null || typeof body === 'string' || body instanceof URLSearchParams || body instanceof ArrayBuffer;
}
