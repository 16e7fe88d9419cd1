import { Controller, Delete, Get, Header, HttpCode, Param } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Public, RequireScope } from '../auth/decorators.js';
import type { Principal } from '../auth/principal.js';
import { IdPipe } from '../common/http/validation.js';
import { AppConfig } from '../config/app-config.js';
import { buildClientMetadataDocument, CLIENT_METADATA_PATH, type PatchbayClientMetadata } from './client-metadata.js';
import { OAuthConnectService } from './oauth-connect.service.js';
import { ApiRoute } from '../common/http/api-docs.js';
import { ClientMetadataView } from './client-metadata.view.js';

/** Patchbay's OAuth client ID metadata document; its own URL is the client_id. Public. */
@ApiTags('oauth')
@Controller()
export class OAuthClientMetadataController {
  constructor(private readonly config: AppConfig) {}

  @Get(CLIENT_METADATA_PATH.slice(1))
  @Public()
  @Header('cache-control', 'public, max-age=3600')
  @ApiRoute({ kind: 'public', ok: ClientMetadataView, summary: 'Patchbay\'s OAuth client metadata', description: 'The OAuth client ID metadata document Patchbay presents to upstream authorization servers; its own URL is the client_id.' })
  clientMetadata(): PatchbayClientMetadata {
    return buildClientMetadataDocument(this.config.publicUrl, undefined, this.config.oauthClientMetadataUrl);
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
