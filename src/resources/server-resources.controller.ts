import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, RequireScope } from '../auth/decorators.js';
import type { Principal } from '../auth/principal.js';
import { IdPipe } from '../common/http/validation.js';
import type { GetPromptResult, Prompt, ReadResourceResult, Resource, ResourceTemplate } from '../connections/mcp-client.adapter.js';
import { GetPromptDto, GetPromptResultView, ReadResourceQueryDto, ReadResourceResultView, ResourceListView } from './resources.dto.js';
import { ServerResourcesService, type ListOf } from './server-resources.service.js';
import { ApiRoute } from '../common/http/api-docs.js';

@ApiTags('mcp-servers')
@ApiBearerAuth()
@Controller('api/mcp-servers/:id')
export class ServerResourcesController {
  constructor(private readonly resources: ServerResourcesService) {}

  @Get('resources')
  @RequireScope('read')
  @ApiRoute({ kind: 'upstream', ok: ResourceListView, summary: 'List resources', description: 'The server\'s MCP resources, asked live (every page).' })
  list(@CurrentPrincipal() p: Principal, @Param('id', new IdPipe('mcp')) id: string): Promise<ListOf<Resource>> {
    return this.resources.listResources(p, id);
  }

  @Get('resources/templates')
  @RequireScope('read')
  @ApiRoute({ kind: 'upstream', ok: ResourceListView, summary: 'List resource templates', description: 'The server\'s MCP resource templates, asked live.' })
  templates(@CurrentPrincipal() p: Principal, @Param('id', new IdPipe('mcp')) id: string): Promise<ListOf<ResourceTemplate>> {
    return this.resources.listResourceTemplates(p, id);
  }

  @Get('resources/read')
  @RequireScope('read')
  @ApiRoute({ kind: 'upstream', ok: ReadResourceResultView, summary: 'Read a resource', description: 'Reads one resource by `uri`; the MCP ReadResourceResult unchanged.' })
  read(
    @CurrentPrincipal() p: Principal,
    @Param('id', new IdPipe('mcp')) id: string,
    @Query() q: ReadResourceQueryDto,
  ): Promise<ReadResourceResult> {
    return this.resources.readResource(p, id, q.uri);
  }

  @Get('prompts')
  @RequireScope('read')
  @ApiRoute({ kind: 'upstream', ok: ResourceListView, summary: 'List prompts', description: 'The server\'s MCP prompts, asked live.' })
  prompts(@CurrentPrincipal() p: Principal, @Param('id', new IdPipe('mcp')) id: string): Promise<ListOf<Prompt>> {
    return this.resources.listPrompts(p, id);
  }

  @Post('prompts/:name/get')
  @RequireScope('read')
  @HttpCode(200)
  @ApiRoute({ kind: 'upstream', ok: GetPromptResultView, summary: 'Get a prompt', description: 'Renders prompt `name` with `arguments`; the MCP GetPromptResult unchanged.' })
  getPrompt(
    @CurrentPrincipal() p: Principal,
    @Param('id', new IdPipe('mcp')) id: string,
    @Param('name') name: string,
    @Body() dto: GetPromptDto,
  ): Promise<GetPromptResult> {
    return this.resources.getPrompt(p, id, name, dto.arguments ?? {});
  }
}
