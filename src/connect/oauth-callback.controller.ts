import { Controller, Get, Logger, Req, Res } from '@nestjs/common';
import { ApiProduces, ApiQuery, ApiTags } from '@nestjs/swagger';
import { ApiRoute } from '../common/http/api-docs.js';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Public } from '../auth/decorators.js';
import { DomainError } from '../common/errors/domain-error.js';
import { OAUTH_CALLBACK_PATH } from '../oauth/client-metadata.js';
import { connectedPage, failedPage, PAGE_HEADERS } from '../oauth/oauth-pages.js';
import { ConnectService } from './connect.service.js';

/** Where the authorization server sends the person back: public, answers a small HTML page. */
@ApiTags('oauth')
@Controller()
export class OAuthCallbackController {
  private readonly logger = new Logger('OAuth');

  constructor(
    private readonly connects: ConnectService,
  ) {}

  @Get(OAUTH_CALLBACK_PATH.slice(1))
  @Public()
  @ApiRoute({ kind: 'public', ok: { type: 'string', description: 'a small HTML page saying the server is connected' }, okDescription: 'The authorization finished', errors: { schema: { type: 'string', description: 'a small HTML page naming the problem and the request id' }, contentType: 'text/html', statuses: [400] }, summary: 'OAuth callback', description: 'Where an upstream authorization server sends the person back (`code`, `state`, or `error`). Public: the one-time `state` identifies the flow. Answers an HTML page; a bad, replayed or expired state is a 400 page, and a denial is recorded on the server as `error`.' })
  @ApiProduces('text/html')
  @ApiQuery({ name: 'state', required: false, schema: { type: 'string' } })
  @ApiQuery({ name: 'code', required: false, schema: { type: 'string' } })
  @ApiQuery({ name: 'error', required: false, schema: { type: 'string' } })
  async callback(@Req() req: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    let status = 200;
    let html: string;
    try {
      const r = await this.connects.completeAuthorization((req.query ?? {}) as Record<string, string | string[] | undefined>);
      html = connectedPage(r.serverName, r.outcome && !r.outcome.ok ? r.outcome.error : undefined);
    } catch (err) {
      // A bad, replayed or expired state (or a server deleted meanwhile) is the visitor's problem: a 400, never a 500.
      if (err instanceof DomainError) {
        status = err.status >= 500 ? err.status : 400;
        html = failedPage(err.message, String(req.id));
      } else {
        status = 500;
        this.logger.error(`OAuth callback failed: ${(err as Error)?.message ?? String(err)}`);
        html = failedPage('Something went wrong on our side.', String(req.id));
      }
    }
    await reply.code(status).headers(PAGE_HEADERS).send(html);
  }
}
