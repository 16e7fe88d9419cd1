import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, SignJWT, type CryptoKey, type JWK } from 'jose';

/**
 * A minimal OpenID provider for dashboard-user tests: OIDC discovery + JWKS on a loopback port,
 * and a signer for access tokens (so tests can also forge expired, mis-addressed or mis-signed ones).
 */
export interface TestIssuer {
  issuer: string;
  /** JWKS downloads so far (caching is observable). */
  jwksFetches: number;
  sign(sub: string, opts?: SignOptions): Promise<string>;
  close(): Promise<void>;
}

export interface SignOptions {
  audience?: string;
  issuer?: string;
  /** seconds from now; negative = already expired */
  expiresIn?: number;
  email?: string;
  name?: string;
  /** sign with a key that is not in the JWKS, under the published kid */
  foreignKey?: boolean;
  kid?: string;
}

export async function startTestIssuer(audience: string): Promise<TestIssuer> {
  const { publicKey, privateKey } = await generateKeyPair('RS256');
  const stranger = await generateKeyPair('RS256');
  const jwk: JWK = { ...(await exportJWK(publicKey)), kid: 'k1', alg: 'RS256', use: 'sig' };
  const http: Server = createServer();
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  const issuer = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;
  const state: TestIssuer = {
    issuer,
    jwksFetches: 0,
    async sign(sub, o = {}) {
      const key: CryptoKey = o.foreignKey ? stranger.privateKey : privateKey;
      const now = Math.floor(Date.now() / 1000);
      return new SignJWT({ email: o.email ?? `${sub}@example.test`, name: o.name ?? sub, scope: 'openid profile' })
        .setProtectedHeader({ alg: 'RS256', kid: o.kid ?? 'k1', typ: 'at+jwt' })
        .setIssuer(o.issuer ?? issuer)
        .setAudience(o.audience ?? audience)
        .setSubject(sub)
        .setIssuedAt(now - 5)
        .setExpirationTime(now + (o.expiresIn ?? 300))
        .sign(key);
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        http.closeAllConnections();
        http.close((err) => (err ? reject(err) : resolve()));
      }),
  };
  http.on('request', (req, res) => {
    const path = new URL(req.url ?? '/', issuer).pathname;
    if (path === '/.well-known/openid-configuration') {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ issuer, jwks_uri: `${issuer}/jwks`, id_token_signing_alg_values_supported: ['RS256'] }));
    } else if (path === '/jwks') {
      state.jwksFetches++;
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ keys: [jwk] }));
    } else {
      res.writeHead(404).end();
    }
  });
  return state;
}
