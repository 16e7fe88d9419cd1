import { Injectable } from '@nestjs/common';
import type { Principal } from '../auth/principal.js';
import { ConflictError, NotFoundError, ValidationError } from '../common/errors/domain-error.js';
import {
  ConnectionPool, type McpClientAdapter, type UpstreamTarget,
} from '../connections/index.js';
import { UpstreamRpcError } from '../connections/upstream-errors.js';
import { ErrorCode, McpError } from '@modelcontextprotocol/sdk/types.js';
import type { GetPromptResult, Prompt, ReadResourceResult, Resource, ResourceTemplate } from '../connections/mcp-client.adapter.js';
import { McpServerService, type UsableServer } from '../mcp-servers/mcp-server.service.js';

export interface ListOf<T> {
  data: T[];
  nextCursor: null;
}

const deadlines = (t: UpstreamTarget) => ({ timeoutMs: t.requestTimeoutMs, maxTotalTimeoutMs: t.maxTotalTimeoutMs });

/**
 * A server's resources and prompts, asked of the upstream through the pooled client (nothing is
 * stored). Same access rules and typed upstream errors as tools; a server that does not offer
 * resources or prompts answers an empty list.
 */
@Injectable()
export class ServerResourcesService {
  constructor(
    private readonly servers: McpServerService,
    private readonly pool: ConnectionPool,
  ) {}

  async listResources(principal: Principal, serverId: string): Promise<ListOf<Resource>> {
    const data = await this.withServer(principal, serverId, (c, t) => (c.serverCapabilities?.resources ? c.listResources(deadlines(t)) : Promise.resolve([])));
    return { data, nextCursor: null };
  }

  async listResourceTemplates(principal: Principal, serverId: string): Promise<ListOf<ResourceTemplate>> {
    const data = await this.withServer(principal, serverId, (c, t) => (c.serverCapabilities?.resources ? c.listResourceTemplates(deadlines(t)) : Promise.resolve([])));
    return { data, nextCursor: null };
  }

  async readResource(principal: Principal, serverId: string, uri: string): Promise<ReadResourceResult> {
    if (!uri) throw ValidationError.field('uri', 'is required');
    if (!isAbsoluteUri(uri)) throw ValidationError.field('uri', 'must be an absolute URI (scheme:...)');
    return this.withServer(principal, serverId, async (c, t) => {
      if (!c.serverCapabilities?.resources) throw new NotFoundError(`Resource ${uri.slice(0, 200)}`);
      try {
        return await c.readResource(uri, deadlines(t));
      } catch (err) {
        // MCP: -32002 "resource not found"; servers also answer an unknown URI with invalid params.
        const rpc = err instanceof UpstreamRpcError ? err.rpcCode : err instanceof McpError ? err.code : undefined;
        if (rpc === -32002 || rpc === ErrorCode.InvalidParams) throw new NotFoundError(`Resource ${uri.slice(0, 200)}`);
        throw err;
      }
    });
  }

  async listPrompts(principal: Principal, serverId: string): Promise<ListOf<Prompt>> {
    const data = await this.withServer(principal, serverId, (c, t) => (c.serverCapabilities?.prompts ? c.listPrompts(deadlines(t)) : Promise.resolve([])));
    return { data, nextCursor: null };
  }

  async getPrompt(principal: Principal, serverId: string, name: string, args: Record<string, unknown> = {}): Promise<GetPromptResult> {
    if (!name || name.length > 256) throw ValidationError.field('name', 'must be a prompt name of 1 to 256 characters');
    const errors = Object.entries(args)
      .filter(([, v]) => typeof v !== 'string')
      .map(([k]) => ({ field: `arguments.${k}`, message: 'must be a string (MCP prompt arguments are strings)' }));
    if (errors.length) throw new ValidationError(errors);
    return this.withServer(principal, serverId, async (c, t) => {
      // Like tools: an unknown name is the caller's 404, not an upstream failure.
      const known = c.serverCapabilities?.prompts ? await c.listPrompts(deadlines(t)) : [];
      if (!known.some((p) => p.name === name)) throw new NotFoundError(`Prompt ${name}`);
      return c.getPrompt(name, args as Record<string, string>, deadlines(t));
    });
  }

  /** For the other surfaces that already hold the server. */
  async withUsable<T>(usable: UsableServer, fn: (client: McpClientAdapter, target: UpstreamTarget) => Promise<T>): Promise<T> {
    if (!usable.server.enabled) throw new ConflictError(`MCP server ${usable.server.id} is disabled`);
    return this.pool.withClient(usable.target, (c) => fn(c, usable.target));
  }

  private async withServer<T>(principal: Principal, serverId: string, fn: (client: McpClientAdapter, target: UpstreamTarget) => Promise<T>): Promise<T> {
    return this.withUsable(await this.servers.usable(principal, serverId, 'read'), fn);
  }
}

/** An RFC 3986 absolute URI as MCP resource URIs are: a scheme, then no whitespace or control characters. */
export function isAbsoluteUri(uri: string): boolean {
  return uri.length <= 8192 && /^[A-Za-z][A-Za-z0-9+.-]*:[^\s\x00-\x1f\x7f]*$/.test(uri) && URL.canParse(uri);
}
