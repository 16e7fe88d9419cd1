import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import * as oidc from 'openid-client';
import type { DataSource } from 'typeorm';
import { OidcUserService } from '../auth/users/oidc-user.service.js';
import { AppConfig } from '../config/app-config.js';

const PENDING = 'IdpLogin';

/**
 * Sign-in at the configured OIDC IdP (OIDC_ISSUER, OIDC_CLIENT_ID, OIDC_CLIENT_SECRET) as a relying
 * party, with openid-client: authorization code + PKCE, state kept server-side (single use, 15 min)
 * with the interaction it belongs to. The ID token's `iss`/`sub` map to the same `usr_` as the
 * dashboard's bearer JWTs, so the person's memberships decide what they may approve.
 */
@Injectable()
export class IdpSignIn {
  private readonly logger = new Logger('IdpSignIn');
  private configLoading?: Promise<oidc.Configuration>;

  constructor(
    private readonly config: AppConfig,
    private readonly users: OidcUserService,
    @InjectDataSource() private readonly ds: DataSource,
  ) {}

  get enabled(): boolean {
    return !!(this.config.oidcIssuer && this.config.authz.oidcClientId);
  }

  get redirectUri(): string {
    return `${this.config.publicUrl}/oauth/idp/callback`;
  }

  async start(uid: string): Promise<string> {
    const cfg = await this.rp();
    const verifier = oidc.randomPKCECodeVerifier();
    const state = oidc.randomState();
    await this.ds.query(
      `INSERT INTO authz_models (model, id, payload, uid, expires_at) VALUES ($1, $2, $3, $4, now() + interval '15 minutes')`,
      [PENDING, state, JSON.stringify({ verifier }), uid],
    );
    return oidc
      .buildAuthorizationUrl(cfg, {
        redirect_uri: this.redirectUri,
        scope: 'openid email profile',
        code_challenge: await oidc.calculatePKCECodeChallenge(verifier),
        code_challenge_method: 'S256',
        state,
      })
      .toString();
  }

  /**
   * The interaction and `usr_` of a completed IdP sign-in; `accountId` null when the IdP or the code
   * refused it (the client is then told access_denied); null for an unknown or expired state.
   */
  async finish(callbackUrl: URL): Promise<{ uid: string; accountId: string | null } | null> {
    const state = callbackUrl.searchParams.get('state') ?? '';
    const [rows] = (await this.ds.query(
      `DELETE FROM authz_models WHERE model = $1 AND id = $2 AND expires_at > now() RETURNING payload, uid`,
      [PENDING, state],
    )) as [{ payload: { verifier: string }; uid: string }[], number];
    const pending = rows?.[0];
    if (!pending) return null;
    if (callbackUrl.searchParams.has('error')) return { uid: pending.uid, accountId: null };
    try {
      const tokens = await oidc.authorizationCodeGrant(await this.rp(), callbackUrl, {
        pkceCodeVerifier: pending.payload.verifier,
        expectedState: state,
      });
      const claims = tokens.claims();
      if (!claims?.sub) return { uid: pending.uid, accountId: null };
      const user = await this.users.userFor(claims);
      return { uid: pending.uid, accountId: user.id };
    } catch (e) {
      this.logger.warn(`IdP sign-in refused: ${(e as Error).message}`);
      return { uid: pending.uid, accountId: null };
    }
  }

  private rp(): Promise<oidc.Configuration> {
    this.configLoading ??= (async () => {
      const issuer = new URL(this.config.oidcIssuer!);
      const secret = this.config.authz.oidcClientSecret;
      return oidc.discovery(
        issuer,
        this.config.authz.oidcClientId!,
        secret ? { client_secret: secret } : undefined,
        secret ? oidc.ClientSecretPost(secret) : oidc.None(),
        issuer.protocol === 'http:' ? { execute: [oidc.allowInsecureRequests] } : undefined,
      );
    })().catch((e: unknown) => {
      this.configLoading = undefined;
      throw e;
    });
    return this.configLoading;
  }
}
