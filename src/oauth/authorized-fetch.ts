import type { AccessTokenOptions, UpstreamOAuthService } from './upstream-oauth.service.js';
import type { FetchLike, OAuthServerConfig } from './oauth.types.js';

/**
 * A fetch for SDK transports (`new StreamableHTTPClientTransport(url, { fetch })`): every request
 * carries the server's current upstream token, so a long-lived transport never sends an expired
 * one; a 401 forces one refresh (deduplicated across callers) and the request is retried once.
 * Any Authorization header already present (never Patchbay's own bearer, but be sure) is replaced.
 * Wrap the SSRF-safe fetch as `base`.
 */
export function createAuthorizedFetch(
  oauth: Pick<UpstreamOAuthService, 'getAccessToken'>,
  server: OAuthServerConfig,
  base: FetchLike = (input, init) => fetch(input, init),
): FetchLike {
  const send = (input: string | URL, init: RequestInit | undefined, token: string): Promise<Response> => {
    const headers = new Headers(init?.headers);
    headers.set('authorization', `Bearer ${token}`);
    return base(input, { ...init, headers });
  };
  return async (input, init) => {
    const token = await oauth.getAccessToken(server);
    const res = await send(input, init, token);
    if (res.status !== 401 || !isReplayable(init?.body)) return res;
    await res.body?.cancel().catch(() => undefined);
    const opts: AccessTokenOptions = { forceRefresh: true, rejectedToken: token };
    return send(input, init, await oauth.getAccessToken(server, opts));
  };
}

function isReplayable(body: RequestInit['body']): boolean {
  return body == null || typeof body === 'string' || body instanceof URLSearchParams || body instanceof ArrayBuffer;
}
