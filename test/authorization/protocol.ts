import { createHash, randomBytes } from 'node:crypto';
import { signInAndDecide } from './browser.js';
import { REDIRECT_URI } from './sdk-provider.js';

/** Raw protocol steps, for the refusals the SDK client would never attempt. */
export function pkce(): { verifier: string; challenge: string } {
  const verifier = randomBytes(32).toString('base64url');
  return { verifier, challenge: createHash('sha256').update(verifier).digest('base64url') };
}

export async function registerClient(base: string, redirectUris = [REDIRECT_URI]): Promise<string> {
  const res = await fetch(`${base}/oauth/register`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ client_name: 'raw test client', redirect_uris: redirectUris, token_endpoint_auth_method: 'none', grant_types: ['authorization_code', 'refresh_token'] }),
  });
  if (res.status !== 201) throw new Error(`register: ${res.status} ${await res.text()}`);
  return ((await res.json()) as { client_id: string }).client_id;
}

export function authorizeUrl(base: string, params: Record<string, string | undefined>): string {
  const u = new URL(`${base}/oauth/authorize`);
  for (const [k, v] of Object.entries({ response_type: 'code', redirect_uri: REDIRECT_URI, scope: 'execute', state: 's1', ...params })) {
    if (v !== undefined) u.searchParams.set(k, v);
  }
  return u.toString();
}

export async function token(base: string, form: Record<string, string | undefined>): Promise<{ status: number; body: Record<string, string> }> {
  const body = new URLSearchParams(Object.entries(form).filter((e): e is [string, string] => e[1] !== undefined));
  const res = await fetch(`${base}/oauth/token`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body });
  return { status: res.status, body: (await res.json()) as Record<string, string> };
}

/** Registers a client, signs in with `key`, approves `resource`, redeems the code: the whole flow by hand. */
export async function obtainTokens(base: string, key: string, resource: string): Promise<{ clientId: string; access: string; refresh: string }> {
  const clientId = await registerClient(base);
  const p = pkce();
  const { callback } = await signInAndDecide(
    authorizeUrl(base, { client_id: clientId, resource, code_challenge: p.challenge, code_challenge_method: 'S256' }),
    REDIRECT_URI,
    key,
  );
  const code = callback.searchParams.get('code');
  if (!code) throw new Error(`no code: ${callback.toString()}`);
  const t = await token(base, { grant_type: 'authorization_code', code, client_id: clientId, redirect_uri: REDIRECT_URI, code_verifier: p.verifier, resource });
  if (t.status !== 200) throw new Error(`token: ${t.status} ${JSON.stringify(t.body)}`);
  return { clientId, access: t.body.access_token, refresh: t.body.refresh_token };
}

/** A tools/list on the gateway with a bearer: the HTTP status (and the body) the gateway answers. */
export async function gatewayStatus(base: string, scopeId: string, bearer: string): Promise<number> {
  const res = await fetch(`${base}/mcp/${scopeId}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${bearer}`, 'content-type': 'application/json', accept: 'application/json, text/event-stream' },
    body: JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'tools/list' }),
  });
  await res.arrayBuffer();
  return res.status;
}
