import { Body, Controller, Delete, Get, Headers, HttpCode, Param, Patch, Post, Res, UseFilters } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { CurrentPrincipal, RequireScope } from '../../auth/decorators.js';
import type { Principal } from '../../auth/principal.js';
import { IdPipe } from '../../common/http/validation.js';
import { ToolRefPipe } from '../../tools/tool-ref.pipe.js';
import { LettaErrorFilter } from '../compat-error.filter.js';
import { LettaConnectService } from './letta-connect.service.js';
import { LettaService } from './letta.service.js';

type Json = Record<string, unknown>;
type HeaderBag = Record<string, string | string[] | undefined>;
const idPipe = new IdPipe('mcp', 'mcp_server_id');

/**
 * Letta's `/v1/mcp-servers/` API (snake_case), so `@letta-ai/letta-client` works unchanged.
 * Letta's client calls the collection with a trailing slash (`/v1/mcp-servers/`); the Fastify
 * adapter ignores trailing slashes (app.factory.ts), so these routes serve both spellings.
 */
@ApiTags('letta')
@ApiBearerAuth()
@UseFilters(LettaErrorFilter)
@Controller('v1/mcp-servers')
export class LettaController {
  constructor(
    private readonly letta: LettaService,
    private readonly connector: LettaConnectService,
  ) {}

  @Post()
  @RequireScope('write')
  @HttpCode(200)
  @ApiOperation({ summary: 'Letta: add an MCP server ({ server_name, config: { mcp_server_type, ... } } or the flat form with type)' })
  create(@CurrentPrincipal() p: Principal, @Headers() h: HeaderBag, @Body() body: unknown): Promise<Json> {
    return this.letta.create(p, h, body);
  }

  @Get('connect/:id')
  @RequireScope('write')
  @ApiOkResponse({ description: 'text/event-stream of { event: connection_attempt | oauth_required | authorization_url | waiting_for_auth | success | error }' })
  async connect(@CurrentPrincipal() p: Principal, @Param('id', idPipe) id: string, @Res() reply: FastifyReply): Promise<void> {
    await this.connector.open(p, id);
    const abort = new AbortController();
    reply.raw.on('close', () => abort.abort());
    reply.hijack();
    const headers = { ...reply.getHeaders(), 'content-type': 'text/event-stream', 'cache-control': 'no-cache', connection: 'keep-alive', 'x-accel-buffering': 'no' };
    reply.raw.writeHead(200, headers as Record<string, string>);
    try {
      for await (const event of this.connector.attempt(p, id, { signal: abort.signal })) {
        if (abort.signal.aborted) break;
        reply.raw.write(`data: ${JSON.stringify(event)}\n\n`);
      }
    } catch (e) {
      if (!abort.signal.aborted) reply.raw.write(`data: ${JSON.stringify({ event: 'error', message: (e as Error).message })}\n\n`);
    } finally {
      reply.raw.end();
    }
  }

  @Get()
  @RequireScope('read')
  @ApiOperation({ summary: 'Letta: list MCP servers (a plain array)' })
  list(@CurrentPrincipal() p: Principal, @Headers() h: HeaderBag): Promise<Json[]> {
    return this.letta.list(p, h);
  }

  @Get(':id')
  @RequireScope('read')
  retrieve(@CurrentPrincipal() p: Principal, @Param('id', idPipe) id: string): Promise<Json> {
    return this.letta.retrieve(p, id);
  }

  @Patch(':id')
  @RequireScope('write')
  update(@CurrentPrincipal() p: Principal, @Param('id', idPipe) id: string, @Body() body: unknown): Promise<Json> {
    return this.letta.update(p, id, body);
  }

  @Delete(':id')
  @RequireScope('write')
  @HttpCode(204)
  remove(@CurrentPrincipal() p: Principal, @Param('id', idPipe) id: string): Promise<void> {
    return this.letta.remove(p, id);
  }

  @Patch(':id/refresh')
  @RequireScope('write')
  @ApiOkResponse({ description: '{ added: [names], updated: [names], deleted: [names] }' })
  refresh(@CurrentPrincipal() p: Principal, @Param('id', idPipe) id: string): Promise<Json> {
    return this.letta.refresh(p, id);
  }

  @Get(':id/tools')
  @RequireScope('read')
  tools(@CurrentPrincipal() p: Principal, @Param('id', idPipe) id: string): Promise<Json[]> {
    return this.letta.tools(p, id);
  }

  @Get(':id/tools/:toolId')
  @RequireScope('read')
  tool(@CurrentPrincipal() p: Principal, @Param('id', idPipe) id: string, @Param('toolId', ToolRefPipe) toolId: string): Promise<Json> {
    return this.letta.tool(p, id, toolId);
  }

  @Post(':id/tools/:toolId/run')
  @RequireScope('execute')
  @HttpCode(200)
  @ApiOkResponse({ description: '{ status, func_return, stdout, stderr, agent_state: null, sandbox_config_fingerprint: null }' })
  run(
    @CurrentPrincipal() p: Principal,
    @Param('id', idPipe) id: string,
    @Param('toolId', ToolRefPipe) toolId: string,
    @Body() body: unknown,
  ): Promise<Json> {
    return this.letta.run(p, id, toolId, body);
  }
}

