import { Controller, Delete, Get, Header, HttpCode, Logger, Param, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiProduces, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { CurrentPrincipal, Public, RequireScope } from '../auth/decorators.js';
import type { Principal } from '../auth/principal.js';
import { DomainError } from '../common/errors/domain-error.js';
import { IdPipe } from '../common/http/validation.js';
import { AppConfig } from '../config/app-config.js';
import { buildClientMetadataDocument, CLIENT_METADATA_PATH, OAUTH_CALLBACK_PATH, type PatchbayClientMetadata } from './client-metadata.js';
import { OAuthConnectService } from './oauth-connect.service.js';
import { connectedPage, failedPage, PAGE_HEADERS } from './oauth-pages.js';
import { ApiRoute } from '../common/http/api-docs.js';
import { ClientMetadataView } from './client-metadata.view.js';

/** Where the authorization server sends the person back: public, answers a small HTML page. */
@ApiTags('oauth')
@Controller()
export class OAuthCallbackController {
  private readonly logger = new Logger('OAuth');

  constructor(
    private readonly connect: OAuthConnectService,
    private readonly config: AppConfig,
  ) {}

  @Get(OAUTH_CALLBACK_PATH.slice(1))
  @Public()
  @ApiRoute({ kind: 'public', ok: { type: 'string', description: 'a small HTML page saying the server is connected' }, okDescription: 'The authorization finished', errors: { schema: { type: 'string', description: 'a small HTML page naming the problem and the request id' }, contentType: 'text/html', statuses: [400] }, summary: 'OAuth callback', description: 'Where an upstream authorization server sends the person back (`code`, `state`, or `error`). Public: the one-time `state` identifies the flow. Answers an HTML page; a bad, replayed or expired state is a 400 page.' })
  @ApiProduces('text/html')
  @ApiQuery({ name: 'state', required: false, schema: { type: 'string' } })
  @ApiQuery({ name: 'code', required: false, schema: { type: 'string' } })
  @ApiQuery({ name: 'error', required: false, schema: { type: 'string' } })
  async callback(@Req() req: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    let status = 200;
    let html: string;
    try {
      const r = await this.connect.complete((req.query ?? {}) as Record<string, string | string[] | undefined>);
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

  /** Patchbay's OAuth client ID metadata document; its own URL is the client_id. */
  @Get(CLIENT_METADATA_PATH.slice(1))
  @Public()
  @Header('cache-control', 'public, max-age=3600')
  @ApiRoute({ kind: 'public', ok: ClientMetadataView, summary: 'Patchbay\'s OAuth client metadata', description: 'The OAuth client ID metadata document Patchbay presents to upstream authorization servers; its own URL is the client_id.' })
  clientMetadata(): PatchbayClientMetadata {
    return buildClientMetadataDocument(this.config.publicUrl);
  }
}

@ApiTags('mcp-servers')
@ApiBearerAuth()
@Controller('api/mcp-servers/:id')
export class OAuthTokenController {
  constructor(private readonly connect: OAuthConnectService) {}

  /** Forgets the server's upstream OAuth tokens; `/connect` then offers a new authorization. */
  @Delete('oauth')
  @RequireScope('write')
  @HttpCode(204)
  @ApiRoute({ kind: 'delete', status: 204, summary: 'Forget the upstream OAuth tokens', description: 'Deletes the server\'s stored upstream OAuth tokens; `/connect` then offers a new authorization.' })
  async forget(@CurrentPrincipal() p: Principal, @Param('id', new IdPipe('mcp')) id: string): Promise<void> {
    await this.connect.forget(p, id);
  }
}
