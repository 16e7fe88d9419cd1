import { Injectable } from '@nestjs/common';
import type { Principal } from '../../auth/principal.js';
import { ConnectService } from '../../connect/connect.service.js';
import { ConnectionPool } from '../../connections/index.js';
import { McpServerService } from '../../mcp-servers/mcp-server.service.js';
import { ServerHealth } from '../../mcp-servers/server-health.service.js';
import { ToolCallService } from '../../tools/tool-call.service.js';
import { ServerResourcesService } from '../../resources/server-resources.service.js';
import { ToolCatalogService } from '../../tools/tool-catalog.service.js';
import { CompatTenancy } from '../compat-tenancy.js';
import type { CreateProjectServerDto, UpdateProjectServerDto } from './project-server.dto.js';
import { toCanonical, toProjectServer } from './project-server.mapper.js';

type Json = Record<string, unknown>;

/** The project-style `/api/mcp/servers` API: every call one registry, catalogue, pool or monitor call. */
@Injectable()
export class ProjectServersService {
  /** Servers with a connection attempt in flight on this replica: their status reads `connecting`. */
  private readonly connecting = new Set<string>();

  constructor(
    private readonly servers: McpServerService,
    private readonly catalog: ToolCatalogService,
    private readonly mcp: ServerResourcesService,
    private readonly connects: ConnectService,
    private readonly calls: ToolCallService,
    private readonly health: ServerHealth,
    private readonly pool: ConnectionPool,
    private readonly tenancy: CompatTenancy,
  ) {}

  async create(p: Principal, dto: CreateProjectServerDto): Promise<Json> {
    const { workspaceId, projectId } = await this.tenancy.project(p, dto.projectId);
    const { fields, internal } = toCanonical(dto, 'create');
    const view = await this.servers.create(p, { ...fields, workspaceId, projectId, name: dto.name }, internal);
    return { success: true, message: `MCP server "${view.name}" created`, serverId: view.id };
  }

  async list(p: Principal, projectId?: string): Promise<Json> {
    const project = projectId ? await this.tenancy.project(p, projectId) : null;
    const servers: Json[] = [];
    let cursor: string | undefined;
    for (let page = 0; page < 100; page++) {
      const res = await this.servers.list(p, {
        ...(project ? { workspaceId: project.workspaceId, projectId: project.projectId } : {}),
        limit: 100,
        ...(cursor ? { cursor } : {}),
      });
      for (const v of res.data) servers.push(await this.get(p, v.id).then((r) => r.server as Json));
      if (!res.nextCursor) break;
      cursor = res.nextCursor;
    }
    return { success: true, servers };
  }

  async get(p: Principal, id: string): Promise<Json> {
    const { server } = await this.servers.load(p, id, 'read');
    return { success: true, server: toProjectServer(server, this.connecting.has(id)) };
  }

  async update(p: Principal, id: string, dto: UpdateProjectServerDto): Promise<Json> {
    const { fields, internal } = toCanonical(dto, 'update');
    await this.servers.update(p, id, { ...fields, ...(dto.name !== undefined ? { name: dto.name } : {}) }, internal);
    return { success: true, message: 'MCP server updated', ...(await this.get(p, id)) };
  }

  async remove(p: Principal, id: string): Promise<Json> {
    await this.servers.remove(p, id);
    return { success: true, message: 'MCP server deleted' };
  }

  async connect(p: Principal, id: string): Promise<Json> {
    this.connecting.add(id);
    try {
      const r = await this.connects.connect(p, id);
      if (r.kind === 'authorization') {
        return { success: false, message: 'OAuth authorization required', status: 'auth_required', authorizationUrl: r.authorizationUrl };
      }
      const { outcome, toolCount } = r;
      if (!outcome.ok) return { success: false, message: outcome.error, status: outcome.status, latencyMs: outcome.latencyMs ?? null, toolCount };
      return { success: true, message: 'connected', status: 'connected', latencyMs: outcome.latencyMs ?? null, toolCount };
    } finally {
      this.connecting.delete(id);
    }
  }

  /** Closes the live connection (and any child process) and records the server as disconnected. */
  async disconnect(p: Principal, id: string): Promise<Json> {
    const usable = await this.servers.usable(p, id, 'write');
    await this.pool.closeServer(id);
    await this.health.record(usable, { ok: false, status: 'disconnected', error: 'disconnected: closed on request' });
    return { success: true, message: 'disconnected', status: 'disconnected' };
  }

  async tools(p: Principal, id: string): Promise<Json> {
    const { data } = await this.catalog.list(p, id);
    const tools = data.map((t) => ({ id: t.id, name: t.name, title: t.title, description: t.description, inputSchema: t.inputSchema, enabled: t.enabled }));
    return { success: true, tools };
  }

  /** Runs a tool (the one tool-call path): `{ success, executionId, result }` with the MCP result as is. */
  async runTool(p: Principal, id: string, tool: string, args: Record<string, unknown>): Promise<Json> {
    const { id: executionId, result, durationMs } = await this.calls.call(p, id, tool, args, { surface: 'project' });
    return { success: !result.isError, executionId, durationMs, result };
  }

  async resources(p: Principal, id: string): Promise<Json> {
    const usable = await this.servers.usable(p, id, 'read');
    const [resources, resourceTemplates] = await this.mcp.withUsable(usable, async (c, t) => {
      if (!c.serverCapabilities?.resources) return [[], []];
      const o = { timeoutMs: t.requestTimeoutMs, maxTotalTimeoutMs: t.maxTotalTimeoutMs };
      return Promise.all([c.listResources(o), c.listResourceTemplates(o)]);
    });
    return { success: true, resources, resourceTemplates };
  }

  async readResource(p: Principal, id: string, uri: string): Promise<Json> {
    return { success: true, ...(await this.mcp.readResource(p, id, uri)) };
  }

  async prompts(p: Principal, id: string): Promise<Json> {
    return { success: true, prompts: (await this.mcp.listPrompts(p, id)).data };
  }

  async getPrompt(p: Principal, id: string, name: string, args: Record<string, unknown>): Promise<Json> {
    return { success: true, ...(await this.mcp.getPrompt(p, id, name, args)) };
  }

}
