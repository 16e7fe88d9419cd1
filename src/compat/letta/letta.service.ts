import { Injectable, Logger } from '@nestjs/common';
import type { Principal } from '../../auth/principal.js';
import { SecretBox } from '../../common/crypto/secret-box.js';
import { ValidationError } from '../../common/errors/domain-error.js';
import { createValidationPipe } from '../../common/http/validation.js';
import { CreateMcpServerDto, UpdateMcpServerDto, type McpServerView } from '../../mcp-servers/mcp-server.dto.js';
import { McpServerService } from '../../mcp-servers/mcp-server.service.js';
import { MASK, unseal } from '../../mcp-servers/server-sealing.js';
import { ToolCatalogService } from '../../tools/tool-catalog.service.js';
import { ToolCallService } from '../../tools/tool-call.service.js';
import { CompatTenancy } from '../compat-tenancy.js';
import {
  fromLetta, lettaValidationError, toLettaRefresh, toLettaRun, toLettaServer, toLettaTool, type CanonicalFields,
} from './letta.mapper.js';

type Headers = Record<string, string | string[] | undefined>;
type Json = Record<string, unknown>;

const pipe = createValidationPipe();

/** Letta's MCP server API as a thin mapper over the registry, the tool catalogue and tool runs. */
@Injectable()
export class LettaService {
  private readonly logger = new Logger('LettaCompat');

  constructor(
    private readonly servers: McpServerService,
    private readonly catalog: ToolCatalogService,
    private readonly runner: ToolCallService,
    private readonly tenancy: CompatTenancy,
    private readonly box: SecretBox,
  ) {}

  async create(p: Principal, headers: Headers, body: unknown): Promise<Json> {
    const { fields, prefix } = fromLetta(body, 'create');
    const { workspaceId, projectId } = await this.tenancy.workspaceFor(p, headers);
    const dto = await this.checked(CreateMcpServerDto, { workspaceId, ...(projectId ? { projectId } : {}), ...fields }, prefix);
    const view = await this.mapErrors(() => this.servers.create(p, dto), prefix);
    // Letta lists the tools when a server is added; an unreachable server is still saved.
    try {
      await this.catalog.refreshUsable(await this.servers.usable(p, view.id, 'write'));
    } catch (e) {
      this.logger.warn(`tools of new server ${view.id} not listed yet: ${(e as Error).message.slice(0, 200)}`);
    }
    return toLettaServer(view);
  }

  async list(p: Principal, headers: Headers): Promise<Json[]> {
    const scope = await this.tenancy.scope(p, headers);
    const out: Json[] = [];
    let cursor: string | undefined;
    for (let page = 0; page < 100; page++) {
      const res = await this.servers.list(p, {
        ...(scope.workspaceId ? { workspaceId: scope.workspaceId } : {}),
        ...(scope.projectId ? { projectId: scope.projectId } : {}),
        limit: 100,
        ...(cursor ? { cursor } : {}),
      });
      out.push(...res.data.map(toLettaServer));
      if (!res.nextCursor) break;
      cursor = res.nextCursor;
    }
    return out;
  }

  async retrieve(p: Principal, id: string): Promise<Json> {
    return toLettaServer(await this.servers.get(p, id));
  }

  async update(p: Principal, id: string, body: unknown): Promise<Json> {
    const { fields, prefix } = fromLetta(body, 'update');
    await this.keepMasked(p, id, fields);
    const dto = await this.checked(UpdateMcpServerDto, fields, prefix);
    return toLettaServer(await this.mapErrors(() => this.servers.update(p, id, dto), prefix));
  }

  async remove(p: Principal, id: string): Promise<void> {
    await this.servers.remove(p, id);
  }

  async refresh(p: Principal, id: string): Promise<Json> {
    return toLettaRefresh(await this.catalog.refresh(p, id));
  }

  async tools(p: Principal, id: string): Promise<Json[]> {
    const { server } = await this.servers.usable(p, id, 'read');
    return (await this.catalog.list(p, id)).data.map((t) => toLettaTool(t, server.name));
  }

  async tool(p: Principal, id: string, toolRef: string): Promise<Json> {
    const { server } = await this.servers.usable(p, id, 'read');
    return toLettaTool(await this.catalog.get(p, id, toolRef), server.name);
  }

  async run(p: Principal, id: string, toolRef: string, body: unknown): Promise<Json> {
    const args = body && typeof body === 'object' ? (body as Json).args : undefined;
    if (args !== undefined && args !== null && (typeof args !== 'object' || Array.isArray(args))) {
      throw ValidationError.field('args', 'must be an object');
    }
    const result = await this.runner.run(p, id, toolRef, (args as Json | null | undefined) ?? {}, { surface: 'letta' });
    return toLettaRun(result);
  }

  /** The registry's own DTO rules, run on the mapped body; errors named as the Letta body names them. */
  private async checked<T extends object>(cls: new () => T, value: CanonicalFields | Json, prefix: string): Promise<T> {
    try {
      return (await pipe.transform(value, { type: 'body', metatype: cls })) as T;
    } catch (e) {
      throw e instanceof ValidationError ? lettaValidationError(e, prefix) : e;
    }
  }

  private async mapErrors(fn: () => Promise<McpServerView>, prefix: string): Promise<McpServerView> {
    try {
      return await fn();
    } catch (e) {
      throw e instanceof ValidationError ? lettaValidationError(e, prefix) : e;
    }
  }

  /** A retrieved object sent back as is carries masked secrets: those mean "unchanged". */
  private async keepMasked(p: Principal, id: string, fields: CanonicalFields): Promise<void> {
    const masked = (r?: Record<string, string>) => !!r && Object.values(r).includes(MASK);
    if (!masked(fields.headers) && !masked(fields.env)) return;
    const { server } = await this.servers.load(p, id, 'write');
    const current = unseal(this.box, server);
    const merge = (given: Record<string, string>, old: Record<string, string>) =>
      Object.fromEntries(Object.entries(given).map(([k, v]) => [k, v === MASK && k in old ? old[k] : v]));
    if (fields.headers) fields.headers = merge(fields.headers, current.headers);
    if (fields.env) fields.env = merge(fields.env, current.env);
  }
}
