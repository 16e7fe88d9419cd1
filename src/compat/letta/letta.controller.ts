import { Body, Controller, Delete, Get, Headers, HttpCode, Param, Patch, Post, Res, UseFilters } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { CurrentPrincipal, RequireScope } from '../../auth/decorators.js';
import type { Principal } from '../../auth/principal.js';
import { IdPipe } from '../../common/http/validation.js';
import { ToolRefPipe } from '../../tools/tool-ref.pipe.js';
import { LettaErrorFilter } from '../compat-error.filter.js';
import { LettaConnectService } from './letta-connect.service.js';
import { LettaService } from './letta.service.js';
import { ApiRoute } from '../../common/http/api-docs.js';
import { LETTA_CREATE_BODY, LETTA_ERROR, LETTA_RUN_BODY, LETTA_STATUSES, LETTA_UPDATE_BODY, LettaMcpServerView, LettaRefreshView, LettaRunResultView, LettaToolView } from './letta.views.js';

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
  @ApiRoute({ kind: 'create', ok: LettaMcpServerView, errors: { schema: LETTA_ERROR, statuses: LETTA_STATUSES.write }, summary: 'Letta: add an MCP server', description: 'Letta\'s create: `{ server_name, config: { type | mcp_server_type, ... } }` (or the older flat form). The workspace comes from the API key (or `X-Workspace-Id`), `X-Project-Id` selects a project. The tools are listed at once; an unreachable server is still saved.' })
  @ApiBody({ schema: LETTA_CREATE_BODY })
  create(@CurrentPrincipal() p: Principal, @Headers() h: HeaderBag, @Body() body: unknown): Promise<Json> {
    return this.letta.create(p, h, body);
  }

  @Get('connect/:id')
  @RequireScope('write')
  @ApiRoute({ kind: 'upstream', ok: { type: 'string', description: 'text/event-stream of `data: { event: connection_attempt | oauth_required | authorization_url | waiting_for_auth | success | error, ... }`' }, errors: { schema: LETTA_ERROR, statuses: LETTA_STATUSES.upstream }, summary: 'Letta: connect (stream)', description: 'Connects to the server and streams the steps, including the OAuth authorization URL when one is needed.' })
  @ApiProduces('text/event-stream')
  async connect(@CurrentPrincipal() p: Principal, @Param('id', idPipe) id: string, @Res() reply: FastifyReply): Promise<void> {
    const { name } = await this.connector.open(p, id);
    const abort = new AbortController();
    reply.raw.on('close', () => abort.abort());
    reply.hijack();
    const headers = { ...reply.getHeaders(), 'content-type': 'text/event-stream', 'cache-control': 'no-cache', connection: 'keep-alive', 'x-accel-buffering': 'no' };
    reply.raw.writeHead(200, headers as Record<string, string>);
    try {
      for await (const event of this.connector.attempt(p, id, name, { signal: abort.signal })) {
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
  @ApiRoute({ kind: 'list', ok: [LettaMcpServerView], errors: { schema: LETTA_ERROR, statuses: LETTA_STATUSES.read }, summary: 'Letta: list MCP servers', description: 'Every server of the caller\'s workspace (or of `X-Project-Id`), as a plain array.' })
  list(@CurrentPrincipal() p: Principal, @Headers() h: HeaderBag): Promise<Json[]> {
    return this.letta.list(p, h);
  }

  @Get(':id')
  @RequireScope('read')
  @ApiRoute({ kind: 'read', ok: LettaMcpServerView, errors: { schema: LETTA_ERROR, statuses: LETTA_STATUSES.read }, summary: 'Letta: get an MCP server', description: 'One server in Letta\'s shape; secrets masked.' })
  retrieve(@CurrentPrincipal() p: Principal, @Param('id', idPipe) id: string): Promise<Json> {
    return this.letta.retrieve(p, id);
  }

  @Patch(':id')
  @RequireScope('write')
  @ApiRoute({ kind: 'update', ok: LettaMcpServerView, errors: { schema: LETTA_ERROR, statuses: LETTA_STATUSES.write }, summary: 'Letta: update an MCP server', description: 'Letta\'s update: `{ server_name?, config: {...} }`; masked values sent back mean unchanged; `token` is the older name of `auth_token`.' })
  @ApiBody({ schema: LETTA_UPDATE_BODY })
  update(@CurrentPrincipal() p: Principal, @Param('id', idPipe) id: string, @Body() body: unknown): Promise<Json> {
    return this.letta.update(p, id, body);
  }

  @Delete(':id')
  @RequireScope('write')
  @HttpCode(204)
  @ApiRoute({ kind: 'delete', status: 204, errors: { schema: LETTA_ERROR, statuses: LETTA_STATUSES.read }, summary: 'Letta: delete an MCP server', description: 'Deletes the server with its tools.' })
  remove(@CurrentPrincipal() p: Principal, @Param('id', idPipe) id: string): Promise<void> {
    return this.letta.remove(p, id);
  }

  @Patch(':id/refresh')
  @RequireScope('write')
  @ApiRoute({ kind: 'upstream', ok: LettaRefreshView, errors: { schema: LETTA_ERROR, statuses: LETTA_STATUSES.upstream }, summary: 'Letta: refresh tools', description: 'Lists the upstream tools now and answers the names added, updated and deleted.' })
  refresh(@CurrentPrincipal() p: Principal, @Param('id', idPipe) id: string): Promise<Json> {
    return this.letta.refresh(p, id);
  }

  @Get(':id/tools')
  @RequireScope('read')
  @ApiRoute({ kind: 'read', ok: [LettaToolView], errors: { schema: LETTA_ERROR, statuses: LETTA_STATUSES.read }, summary: 'Letta: list tools', description: 'The server\'s stored tools as Letta Tool objects.' })
  tools(@CurrentPrincipal() p: Principal, @Param('id', idPipe) id: string): Promise<Json[]> {
    return this.letta.tools(p, id);
  }

  @Get(':id/tools/:toolId')
  @RequireScope('read')
@ApiRoute({ kind: 'read', ok: LettaToolView, errors: { schema: LETTA_ERROR, statuses: LETTA_STATUSES.read }, summary: 'Letta: get a tool', description: '`tool_id` is a tool_ id or the tool\'s name.' })
  tool(@CurrentPrincipal() p: Principal, @Param('id', idPipe) id: string, @Param('toolId', ToolRefPipe) toolId: string): Promise<Json> {
    return this.letta.tool(p, id, toolId);
  }

  @Post(':id/tools/:toolId/run')
  @RequireScope('execute')
  @HttpCode(200)
  @ApiRoute({ kind: 'upstream', ok: LettaRunResultView, errors: { schema: LETTA_ERROR, statuses: LETTA_STATUSES.upstream }, summary: 'Letta: run a tool', description: 'Runs the tool with `args`; a tool error is a 200 with `status: "error"`. Recorded like every run (`GET /api/executions`).' })
  @ApiBody({ schema: LETTA_RUN_BODY })
  run(
    @CurrentPrincipal() p: Principal,
    @Param('id', idPipe) id: string,
    @Param('toolId', ToolRefPipe) toolId: string,
    @Body() body: unknown,
  ): Promise<Json> {
    return this.letta.run(p, id, toolId, body);
  }
}

