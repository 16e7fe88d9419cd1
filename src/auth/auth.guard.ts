import { type CanActivate, type ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { parse as parseCookies } from 'cookie';
import type { FastifyRequest } from 'fastify';
import { DomainError, ForbiddenError } from '../common/errors/domain-error.js';
import { AdminKeyService } from './admin-key.service.js';
import { API_KEY_PREFIX, ApiKeyService } from './api-keys/api-key.service.js';
import type { Scope } from './api-keys/api-key.entity.js';
import { IS_PUBLIC, REQUIRED_SCOPE } from './decorators.js';
import { grants, type Principal } from './principal.js';
import { RateLimitService } from './rate-limit.service.js';
import { CSRF_HEADER, type ResolvedSession, SESSION_COOKIE, SessionService } from './sessions/session.service.js';
import { OidcUserService } from './users/oidc-user.service.js';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export class UnauthorizedError extends DomainError {
  constructor(message: string) {
    super('unauthorized', 401, message);
  }
}

/**
 * The one global guard: every route is private unless marked @Public(); a private route must
 * declare the scope it needs. Resolves the bearer into a Principal once per request.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly admin: AdminKeyService,
    private readonly apiKeys: ApiKeyService,
    private readonly users: OidcUserService,
    private readonly rateLimits: RateLimitService,
    private readonly sessions: SessionService,
  ) {}

  async canActivate(ctx: ExecutionContext): Promise<boolean> {
    const targets = [ctx.getHandler(), ctx.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets)) return true;
    const scope = this.reflector.getAllAndOverride<Scope | undefined>(REQUIRED_SCOPE, targets);
    if (!scope) throw new ForbiddenError('This route declares no access rule');
    const req = ctx.switchToHttp().getRequest<FastifyRequest & { principal?: Principal; consoleSession?: ResolvedSession }>();
    const principal = await this.fromRequest(req);
    if (principal.kind === 'api_key' && !grants(principal.scopes, scope)) {
      throw new ForbiddenError(`This API key lacks the "${scope}" scope`);
    }
    await this.rateLimits.consume(principal);
    req.principal = principal;
    return true;
  }

  /**
   * The Authorization header when present; otherwise the console's session cookie, whose unsafe
   * requests must also carry the session's CSRF token in `X-Patchbay-CSRF` (a cross-site page can
   * neither read the token nor set a custom header without a CORS preflight we never grant).
   */
  private async fromRequest(req: FastifyRequest & { consoleSession?: ResolvedSession }): Promise<Principal> {
    const cookie = req.headers.authorization === undefined && req.headers.cookie ? parseCookies(req.headers.cookie)[SESSION_COOKIE] : undefined;
    if (!cookie) return this.resolve(req.headers.authorization);
    const session = await this.sessions.resolve(cookie);
    if (!session) throw new UnauthorizedError('The console session has expired or was signed out');
    if (!SAFE_METHODS.has(req.method)) {
      const given = req.headers[CSRF_HEADER];
      if (!this.sessions.csrfMatches(session, typeof given === 'string' ? given : undefined)) {
        throw new DomainError('csrf_failed', 403, `A request authenticated by the session cookie needs the X-Patchbay-CSRF header`);
      }
    }
    req.consoleSession = session;
    return session.principal;
  }

  async resolve(header: string | undefined): Promise<Principal> {
    if (!header) throw new UnauthorizedError('Missing bearer token');
    const m = /^Bearer\s+(\S+)\s*$/i.exec(header);
    if (!m) throw new UnauthorizedError('Authorization must be "Bearer <token>"');
    const token = m[1];
    let principal: Principal | null = null;
    if (token.startsWith(API_KEY_PREFIX)) principal = await this.apiKeys.authenticate(token);
    else if (this.admin.matches(token)) principal = { kind: 'admin', id: 'admin' };
    else if (token.split('.').length === 3) principal = await this.users.authenticate(token);
    if (!principal) throw new UnauthorizedError('Invalid, expired or revoked bearer token');
    return principal;
  }
}
