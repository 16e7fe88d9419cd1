import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, RequireScope } from '../auth/decorators.js';
import type { Principal } from '../auth/principal.js';
import { IdPipe } from '../common/http/validation.js';
import type { GetPromptResult, Prompt, ReadResourceResult, Resource, ResourceTemplate } from '../connections/mcp-client.adapter.js';
import { GetPromptDto, ReadResourceQueryDto, ResourceListView } from './resources.dto.js';
import { ServerResourcesService, type ListOf } from './server-resources.service.js';

@ApiTags('mcp-servers')
@ApiBearerAuth()
@Controller('api/mcp-servers/:id')
export class ServerResourcesController {
  constructor(private readonly resources: ServerResourcesService) {}

  @Get('resources')
  @RequireScope('read')
  @ApiOkResponse({ type: ResourceListView })
  list(@CurrentPrincipal() p: Principal, @Param('id', new IdPipe('mcp')) id: string): Promise<ListOf<Resource>> {
    return this.resources.listResources(p, id);
  }

  @Get('resources/templates')
  @RequireScope('read')
  @ApiOkResponse({ type: ResourceListView })
  templates(@CurrentPrincipal() p: Principal, @Param('id', new IdPipe('mcp')) id: string): Promise<ListOf<ResourceTemplate>> {
    return this.resources.listResourceTemplates(p, id);
  }

  @Get('resources/read')
  @RequireScope('read')
  @ApiOkResponse({ description: 'the MCP ReadResourceResult: { contents: [...] }' })
  read(
    @CurrentPrincipal() p: Principal,
    @Param('id', new IdPipe('mcp')) id: string,
    @Query() q: ReadResourceQueryDto,
  ): Promise<ReadResourceResult> {
    return this.resources.readResource(p, id, q.uri);
  }

  @Get('prompts')
  @RequireScope('read')
  @ApiOkResponse({ type: ResourceListView })
  prompts(@CurrentPrincipal() p: Principal, @Param('id', new IdPipe('mcp')) id: string): Promise<ListOf<Prompt>> {
    return this.resources.listPrompts(p, id);
  }

  @Post('prompts/:name/get')
  @RequireScope('read')
  @HttpCode(200)
  @ApiOkResponse({ description: 'the MCP GetPromptResult: { description?, messages: [...] }' })
  getPrompt(
    @CurrentPrincipal() p: Principal,
    @Param('id', new IdPipe('mcp')) id: string,
    @Param('name') name: string,
    @Body() dto: GetPromptDto,
  ): Promise<GetPromptResult> {
    return this.resources.getPrompt(p, id, name, dto.arguments ?? {});
  }
}
