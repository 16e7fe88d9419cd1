import type * as oidc from 'openid-client';
import type { FetchLike } from './oauth.types.js';

/**
 * openid-client (oauth4webapi underneath) reads authorization server responses to the letter of
 * the RFCs; real servers vary in ways the RFCs' own readers accept. These wrappers sit between
 * openid-client and our (SSRF-safe) fetch and normalise a JSON answer before openid-client
 * checks it, so the library stays unforked and does every other check itself.
 */

export type ResponseKind = 'registration' | 'token';

/**
 * A fetch for one kind of request. Only successful JSON answers are rewritten:
 * - registration (RFC 7591): fields sent as `null` are dropped ("not provided"); a
 *   `client_secret` without `client_secret_expires_at` gets 0 ("does not expire", the value
 *   RFC 7591 §3.2.1 defines; the MCP SDK reads it as optional too); a 200 is read as the 201 the
 *   RFC asks for.
 * - token (RFC 6749 §5.1): optional fields sent as `null` (`expires_in`, `refresh_token`,
 *   `scope`, `id_token`) are dropped: absent means "not provided" there as well.
 */
export function tolerantFetch(base: FetchLike, kind: ResponseKind): FetchLike {
  return async (input, init) => {
    const res = await base(input, init);
    if (res.status < 200 || res.status >= 300 || res.status === 204 || res.status === 205 || !isJson(res)) return res;
    const text = await res.text();
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
      return rebuild(res, text, res.status); // not JSON after all: openid-client reports it
    }
    if (!body || typeof body !== 'object' || Array.isArray(body)) return rebuild(res, text, res.status);
    const json = body as Record<string, unknown>;
    if (kind === 'registration') {
      dropNulls(json, Object.keys(json));
      if (typeof json.client_secret === 'string' && json.client_secret && json.client_secret_expires_at === undefined) {
        json.client_secret_expires_at = 0;
      }
      return rebuild(res, JSON.stringify(json), res.status === 200 ? 201 : res.status);
    }
    dropNulls(json, ['expires_in', 'refresh_token', 'scope', 'id_token']);
    return rebuild(res, JSON.stringify(json), res.status);
  };
}

function isJson(res: Response): boolean {
  return /\bjson\b/i.test(res.headers.get('content-type') ?? '');
}

function dropNulls(json: Record<string, unknown>, keys: string[]): void {
  for (const k of keys) if (json[k] === null) delete json[k];
}

function rebuild(res: Response, body: string, status: number): Response {
  const headers = new Headers(res.headers);
  headers.delete('content-length');
  headers.delete('content-encoding');
  return new Response(body, { status, statusText: status === res.status ? res.statusText : '', headers });
}

/**
 * `client_secret_basic` with the credentials percent-encoded by `encodeURIComponent`.
 * openid-client's own encoder also escapes `-`, `_`, `.`, `!`, `~`, `*`, `'`, `(` and `)`; servers
 * that base64-decode without URL-decoding (the MCP SDK's, the conformance suite's) then see
 * `pre%2Dregistered` for `pre-registered`. Unreserved characters never need escaping, and servers
 * that do URL-decode read both forms the same.
 */
export function clientSecretBasic(secret: string): oidc.ClientAuth {
  return (_as, client, _body, headers) => {
    const user = encodeURIComponent(client.client_id);
    const pass = encodeURIComponent(secret);
    headers.set('authorization', `Basic ${Buffer.from(`${user}:${pass}`).toString('base64')}`);
  };
}
