import { Controller, Get, Header, Param } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Public } from '../auth/decorators.js';
import { AppConfig } from '../config/app-config.js';
import { ApiRoute } from '../common/http/api-docs.js';
import { ProtectedResourceMetadataView } from './gateway.views.js';

/** RFC 9728 protected resource metadata for `/mcp/{scopeId}`, named in the gateway's 401 `WWW-Authenticate`. */
@ApiTags('gateway')
@Controller('.well-known/oauth-protected-resource/mcp')
export class ProtectedResourceController {
  constructor(private readonly config: AppConfig) {}

  @Get(':scopeId')
  @Public()
  @Header('cache-control', 'public, max-age=300')
  @ApiRoute({ kind: 'public', ok: ProtectedResourceMetadataView, summary: 'Gateway protected resource metadata', description: 'RFC 9728 metadata for `/mcp/{scopeId}`, named by the gateway\'s 401 `WWW-Authenticate: Bearer resource_metadata=...`.' })
  metadata(@Param('scopeId') scopeId: string): Record<string, unknown> {
    const doc: Record<string, unknown> = {
      resource: `${this.config.publicUrl}/mcp/${encodeURIComponent(scopeId)}`,
      bearer_methods_supported: ['header'],
      scopes_supported: ['execute'],
      resource_name: 'Patchbay MCP gateway',
    };
    // Patchbay is the authorization server of its own gateway (src/authorization).
    doc.authorization_servers = [this.config.publicUrl];
    return doc;
  }
}
