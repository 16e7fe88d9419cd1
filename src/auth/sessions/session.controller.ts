import { Body, Controller, Delete, Get, HttpCode, Post, Req, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { serialize } from 'cookie';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ApiRoute } from '../../common/http/api-docs.js';
import { AppConfig } from '../../config/app-config.js';
import { UnauthorizedError } from '../auth.guard.js';
import { SCOPES } from '../api-keys/api-key.entity.js';
import { CurrentPrincipal, Public, RequireScope } from '../decorators.js';
import type { Principal } from '../principal.js';
import { CreateSessionDto, SessionView } from './session.dto.js';
import { type ResolvedSession, SESSION_COOKIE, SessionService } from './session.service.js';

type SessionRequest = FastifyRequest & { consoleSession?: ResolvedSession };

/**
 * The console's sign-in: a key in, an HttpOnly SameSite=Strict cookie out. Cookie-authenticated
 * unsafe requests must echo `csrfToken` in `X-Patchbay-CSRF` (the guard checks it).
 */
@ApiTags('session')
@Controller('api/session')
export class SessionController {
  constructor(
    private readonly sessions: SessionService,
    private readonly config: AppConfig,
  ) {}

  @Post()
  @Public()
  @ApiRoute({ kind: 'create', ok: SessionView, summary: 'Sign in to the console', description: 'Exchanges a Patchbay key (admin or workspace key) for a console session: an HttpOnly, SameSite=Strict cookie (Secure over https). Cookie-authenticated unsafe requests must send the returned `csrfToken` in `X-Patchbay-CSRF`. Public; a wrong key is a 401.', also: [401] })
  async create(@Body() dto: CreateSessionDto, @Req() req: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply): Promise<SessionView> {
    const opened = await this.sessions.open(dto.key);
    if (!opened) throw new UnauthorizedError('That key is not a valid, unexpired Patchbay key');
    const { secret, session } = opened;
    void reply.header('set-cookie', this.cookie(req, secret, session.expiresAt));
    void reply.header('cache-control', 'no-store');
    return view(session.principal, session.csrfToken, session.expiresAt);
  }

  @Get()
  @RequireScope('read')
  @ApiRoute({ kind: 'read', ok: SessionView, summary: 'The current session', description: 'Who the cookie (or bearer) is, its scopes and, for a cookie session, its CSRF token and expiry.' })
  current(@CurrentPrincipal() p: Principal, @Req() req: SessionRequest, @Res({ passthrough: true }) reply: FastifyReply): SessionView {
    void reply.header('cache-control', 'no-store');
    const s = req.consoleSession;
    return view(p, s?.csrfToken ?? null, s?.expiresAt ?? null);
  }

  @Delete()
  @RequireScope('read')
  @HttpCode(204)
  @ApiRoute({ kind: 'delete', status: 204, summary: 'Sign out', description: 'Ends the console session and clears its cookie.' })
  async remove(@Req() req: SessionRequest, @Res({ passthrough: true }) reply: FastifyReply): Promise<void> {
    if (req.consoleSession) await this.sessions.close(req.consoleSession.tokenHash);
    void reply.header('set-cookie', this.cookie(req, '', new Date(0)));
  }

  private cookie(req: FastifyRequest, value: string, expires: Date): string {
    const secure = this.config.publicUrl.startsWith('https://') || req.protocol === 'https';
    return serialize(SESSION_COOKIE, value, { httpOnly: true, sameSite: 'strict', secure, path: '/', expires });
  }
}

function view(p: Principal, csrfToken: string | null, expiresAt: Date | null): SessionView {
  return {
    kind: p.kind,
    subject: p.id,
    workspaceId: p.kind === 'api_key' ? p.workspaceId : null,
    scopes: p.kind === 'api_key' ? [...p.scopes] : [...SCOPES],
    csrfToken,
    expiresAt: expiresAt?.toISOString() ?? null,
  };
}
