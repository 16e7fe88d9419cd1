import * as oauth from 'oauth4webapi';
import { clientSecretBasic, tolerantFetch } from './tolerant-fetch.js';

const json = (body: unknown, status = 200) =>
  async (): Promise<Response> => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

const as: oauth.AuthorizationServer = { issuer: 'https://as.example', registration_endpoint: 'https://as.example/register' };

describe('tolerantFetch', () => {
  it('registration: a secret without client_secret_expires_at, nulls and a 200 pass oauth4webapi as "never expires"', async () => {
    // oauth4webapi alone: '"response" body "client_secret_expires_at" property must be a number'
    const raw = await oauth.dynamicClientRegistrationRequest(as, { redirect_uris: ['https://p/cb'] }, { [oauth.customFetch]: json({ client_id: 'c', client_secret: 's' }, 201) });
    await expect(oauth.processDynamicClientRegistrationResponse(raw)).rejects.toThrow(/client_secret_expires_at/);

    const fetch = tolerantFetch(json({ client_id: 'c', client_secret: 's', client_id_issued_at: null }), 'registration');
    const res = await oauth.dynamicClientRegistrationRequest(as, { redirect_uris: ['https://p/cb'] }, { [oauth.customFetch]: fetch });
    expect(await oauth.processDynamicClientRegistrationResponse(res)).toMatchObject({ client_id: 'c', client_secret: 's', client_secret_expires_at: 0 });
  });

  it('token: optional fields sent as null are read as absent; errors pass untouched', async () => {
    const ok = await tolerantFetch(json({ access_token: 't', token_type: 'Bearer', expires_in: null, refresh_token: null, scope: null }), 'token')('https://as/token');
    expect(await ok.json()).toEqual({ access_token: 't', token_type: 'Bearer' });
    const err = await tolerantFetch(json({ error: 'invalid_grant', expires_in: null }, 400), 'token')('https://as/token');
    expect(await err.json()).toEqual({ error: 'invalid_grant', expires_in: null });
  });
});

describe('clientSecretBasic', () => {
  it('leaves unreserved characters as they are, escapes the rest', () => {
    const headers = new Headers();
    clientSecretBasic('s:e/c ret')({ issuer: 'x' }, { client_id: 'pre-registered_client.1~' }, new URLSearchParams(), headers);
    const decoded = Buffer.from(headers.get('authorization')!.slice(6), 'base64').toString();
    expect(decoded).toBe('pre-registered_client.1~:s%3Ae%2Fc%20ret');
  });
});
