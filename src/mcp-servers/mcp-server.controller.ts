import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, RequireScope } from '../auth/decorators.js';
import type { Principal } from '../auth/principal.js';
import type { Page } from '../common/http/pagination.js';
import { IdPipe } from '../common/http/validation.js';
import { CreateMcpServerDto, ListMcpServersQueryDto, McpServerView, UpdateMcpServerDto } from './mcp-server.dto.js';
import { McpServerService } from './mcp-server.service.js';

@ApiTags('mcp-servers')
@ApiBearerAuth()
@Controller('api/mcp-servers')
export class McpServerController {
  constructor(private readonly servers: McpServerService) {}

  @Post()
  @RequireScope('write')
  create(@CurrentPrincipal() p: Principal, @Body() dto: CreateMcpServerDto): Promise<McpServerView> {
    return this.servers.create(p, dto);
  }

  @Get()
  @RequireScope('read')
  list(@CurrentPrincipal() p: Principal, @Query() q: ListMcpServersQueryDto): Promise<Page<McpServerView>> {
    return this.servers.list(p, q);
  }

  @Get(':id')
  @RequireScope('read')
  get(@CurrentPrincipal() p: Principal, @Param('id', new IdPipe('mcp')) id: string): Promise<McpServerView> {
    return this.servers.get(p, id);
  }

  @Patch(':id')
  @RequireScope('write')
  update(
    @CurrentPrincipal() p: Principal,
    @Param('id', new IdPipe('mcp')) id: string,
    @Body() dto: UpdateMcpServerDto,
  ): Promise<McpServerView> {
    return this.servers.update(p, id, dto);
  }

  @Delete(':id')
  @RequireScope('write')
  @HttpCode(204)
  remove(@CurrentPrincipal() p: Principal, @Param('id', new IdPipe('mcp')) id: string): Promise<void> {
    return this.servers.remove(p, id);
  }
}
