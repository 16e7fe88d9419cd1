import { Body, Controller, Delete, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Page } from '../../common/http/pagination.js';
import { IdPipe } from '../../common/http/validation.js';
import { CurrentPrincipal, RequireScope } from '../decorators.js';
import type { Principal } from '../principal.js';
import { ApiKeyView, CreateApiKeyDto, CreatedApiKeyView, ListApiKeysQueryDto } from './api-key.dto.js';
import { ApiKeyService } from './api-key.service.js';
import { ApiRoute, PageOf } from '../../common/http/api-docs.js';

@ApiTags('api-keys')
@ApiBearerAuth()
@Controller('api/api-keys')
export class ApiKeyController {
  constructor(private readonly keys: ApiKeyService) {}

  @Post()
  @RequireScope('admin')
  @ApiRoute({ kind: 'create', status: 201, ok: CreatedApiKeyView, summary: 'Create an API key', description: 'Creates a workspace API key with the given scopes and optional expiry. The secret (`key`, `pbk_...`) is in this answer only; Patchbay stores its hash.' })
  create(@CurrentPrincipal() p: Principal, @Body() dto: CreateApiKeyDto): Promise<CreatedApiKeyView> {
    return this.keys.create(p, dto);
  }

  @Get()
  @RequireScope('admin')
  @ApiRoute({ kind: 'list', ok: PageOf(ApiKeyView), summary: 'List API keys', description: 'The keys of a workspace, without secrets, with `lastUsedAt` and revocation state.' })
  list(@CurrentPrincipal() p: Principal, @Query() q: ListApiKeysQueryDto): Promise<Page<ApiKeyView>> {
    return this.keys.list(p, q);
  }

  @Delete(':id')
  @RequireScope('admin')
  @HttpCode(204)
  @ApiRoute({ kind: 'delete', status: 204, summary: 'Revoke an API key', description: 'The key stops working at once on every replica.' })
  revoke(@CurrentPrincipal() p: Principal, @Param('id', new IdPipe('key')) id: string): Promise<void> {
    return this.keys.revoke(p, id);
  }
}
