import { Body, Controller, Delete, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiTags } from '@nestjs/swagger';
import type { Page } from '../../common/http/pagination.js';
import { IdPipe } from '../../common/http/validation.js';
import { CurrentPrincipal, RequireScope } from '../decorators.js';
import type { Principal } from '../principal.js';
import { ApiKeyView, CreateApiKeyDto, CreatedApiKeyView, ListApiKeysQueryDto } from './api-key.dto.js';
import { ApiKeyService } from './api-key.service.js';

@ApiTags('api-keys')
@ApiBearerAuth()
@Controller('api/api-keys')
export class ApiKeyController {
  constructor(private readonly keys: ApiKeyService) {}

  @Post()
  @RequireScope('admin')
  @ApiCreatedResponse({ type: CreatedApiKeyView })
  create(@CurrentPrincipal() p: Principal, @Body() dto: CreateApiKeyDto): Promise<CreatedApiKeyView> {
    return this.keys.create(p, dto);
  }

  @Get()
  @RequireScope('admin')
  list(@CurrentPrincipal() p: Principal, @Query() q: ListApiKeysQueryDto): Promise<Page<ApiKeyView>> {
    return this.keys.list(p, q);
  }

  @Delete(':id')
  @RequireScope('admin')
  @HttpCode(204)
  revoke(@CurrentPrincipal() p: Principal, @Param('id', new IdPipe('key')) id: string): Promise<void> {
    return this.keys.revoke(p, id);
  }
}
