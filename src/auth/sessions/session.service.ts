import { Injectable, Logger } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { LessThan, Repository } from 'typeorm';
import { sha256Hex } from '../../common/crypto/secret-box.js';
import { AppConfig } from '../../config/app-config.js';
import { AdminKeyService } from '../admin-key.service.js';
import { ApiKeyService } from '../api-keys/api-key.service.js';
import { AuthCache } from '../auth-cache.js';
import type { Principal } from '../principal.js';
import { SessionEntity } from './session.entity.js';

export const SESSION_COOKIE = 'patchbay_session';
export const CSRF_HEADER = 'x-patchbay-csrf';
const CACHE = 'session';

/** A session the guard resolved from the cookie: who it is, and the CSRF token unsafe requests must echo. */
export interface ResolvedSession {
  tokenHash: string;
  principal: Principal;
  csrfToken: string;
  expiresAt: Date;
}

type Cached = { entity: SessionEntity | null };

/**
 * Console sessions: a Patchbay key is exchanged once for a random secret held in an HttpOnly
 * cookie. Every request re-resolves the key behind the session (by its hash), so a revoked or
 * expired key ends its sessions at once. A dashboard user signed in through the OIDC IdP would be
 * a `user` session (kind `user`, subject the usr_ id) resolved through OidcUserService: the seam
 * is `principalOf`.
 */
@Injectable()
export class SessionService {
  private readonly logger = new Logger('Sessions');

  constructor(
    @InjectRepository(SessionEntity) private readonly sessions: Repository<SessionEntity>,
    private readonly admin: AdminKeyService,
    private readonly apiKeys: ApiKeyService,
    private readonly authCache: AuthCache,
    private readonly config: AppConfig,
  ) {}

  /** Opens a session for a key; null when the key is not a valid Patchbay key. */
  async open(key: string): Promise<{ secret: string; session: ResolvedSession } | null> {
    const credentialHash = sha256Hex(key);
    const principal = await this.fromCredential(credentialHash);
    if (!principal || principal.kind === 'user') return null;
    const secret = randomBytes(32).toString('base64url');
    const entity = await this.sessions.save(
      this.sessions.create({
        tokenHash: sha256Hex(secret),
        kind: principal.kind,
        credentialHash,
        subject: principal.id,
        expiresAt: new Date(Date.now() + this.config.consoleSessionTtlMs),
      }),
    );
    // expired rows are swept whenever someone signs in: cheap, and no scheduler to run
    await this.sessions.delete({ expiresAt: LessThan(new Date()) });
    this.logger.log(`console session opened for ${entity.subject}`);
    return { secret, session: { tokenHash: entity.tokenHash, principal, csrfToken: this.csrf(secret), expiresAt: entity.expiresAt } };
  }

  /** The session behind a cookie's secret, or null (unknown, expired, or its key revoked). */
  async resolve(secret: string): Promise<ResolvedSession | null> {
    const tokenHash = sha256Hex(secret);
    const cache = this.authCache.cache<Cached>(CACHE);
    let entity = cache.get(tokenHash)?.entity;
    if (entity === undefined) {
      entity = await this.sessions.findOne({ where: { tokenHash } });
      cache.set(tokenHash, { entity });
    }
    if (!entity || entity.expiresAt.getTime() <= Date.now()) return null;
    const principal = await this.principalOf(entity);
    if (!principal) return null;
    return { tokenHash, principal, csrfToken: this.csrf(secret), expiresAt: entity.expiresAt };
  }

  /** True when the header carries this session's CSRF token. */
  csrfMatches(session: ResolvedSession, given: string | undefined): boolean {
    if (!given) return false;
    const a = Buffer.from(given);
    const b = Buffer.from(session.csrfToken);
    return a.length === b.length && timingSafeEqual(a, b);
  }

  async close(tokenHash: string): Promise<void> {
    await this.sessions.delete({ tokenHash });
    await this.authCache.invalidate(CACHE, tokenHash);
  }

  private async principalOf(s: SessionEntity): Promise<Principal | null> {
    if (s.kind === 'user') return null; // OIDC sign-in to the console: not built yet
    return s.credentialHash ? this.fromCredential(s.credentialHash) : null;
  }

  private async fromCredential(hash: string): Promise<Principal | null> {
    if (this.admin.matchesHash(hash)) return { kind: 'admin', id: 'admin' };
    return this.apiKeys.authenticateHash(hash);
  }

  /** Derived from the session secret, so nothing more is stored; useless without the secret. */
  private csrf(secret: string): string {
    return createHmac('sha256', secret).update('patchbay-console-csrf').digest('base64url');
  }
}
