import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, RequireScope } from '../auth/decorators.js';
import type { Principal } from '../auth/principal.js';
import type { Page } from '../common/http/pagination.js';
import { IdPipe } from '../common/http/validation.js';
import { CreateMcpServerDto, ListMcpServersQueryDto, McpServerView, UpdateMcpServerDto } from './mcp-server.dto.js';
import { McpServerService } from './mcp-server.service.js';
import { ApiRoute, PageOf } from '../common/http/api-docs.js';

@ApiTags('mcp-servers')
@ApiBearerAuth()
@Controller('api/mcp-servers')
export class McpServerController {
  constructor(private readonly servers: McpServerService) {}

  @Post()
  @RequireScope('write')
  @ApiRoute({ kind: 'create', status: 201, ok: McpServerView, summary: 'Register an MCP server', description: 'Saves a server of the workspace (`workspaceId`). `transport` is inferred from `url` (streamable_http) or `command` (stdio) when absent; `apiKey` without `authType` implies `api_key`. Secrets are stored encrypted and never returned. Nothing is contacted: use `/connect` or `/refresh`.' })
  create(@CurrentPrincipal() p: Principal, @Body() dto: CreateMcpServerDto): Promise<McpServerView> {
    return this.servers.create(p, dto);
  }

  @Get()
  @RequireScope('read')
  @ApiRoute({ kind: 'list', ok: PageOf(McpServerView), summary: 'List MCP servers', description: 'The servers the caller can read, filtered by workspace, project or `status` (connectorStatus).' })
  list(@CurrentPrincipal() p: Principal, @Query() q: ListMcpServersQueryDto): Promise<Page<McpServerView>> {
    return this.servers.list(p, q);
  }

  @Get(':id')
  @RequireScope('read')
  @ApiRoute({ kind: 'read', ok: McpServerView, summary: 'Get an MCP server', description: 'One server, without its secrets (`hasApiKey`, `hasOauthClientSecret`; env and header values masked), with its last known status.' })
  get(@CurrentPrincipal() p: Principal, @Param('id', new IdPipe('mcp')) id: string): Promise<McpServerView> {
    return this.servers.get(p, id);
  }

  @Patch(':id')
  @RequireScope('write')
  @ApiRoute({ kind: 'update', ok: McpServerView, summary: 'Update an MCP server', description: 'Changes the given fields; `null` clears a nullable one. Changing where or how it connects drops its live connections.' })
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
  @ApiRoute({ kind: 'delete', status: 204, summary: 'Delete an MCP server', description: 'Deletes the server with its tools, credentials and status history; execution records are kept.' })
  remove(@CurrentPrincipal() p: Principal, @Param('id', new IdPipe('mcp')) id: string): Promise<void> {
    return this.servers.remove(p, id);
  }
}
