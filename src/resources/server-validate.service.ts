import { Injectable } from '@nestjs/common';
import { AccessService } from '../auth/access.service.js';
import type { Principal } from '../auth/principal.js';
import { DomainError, ValidationError } from '../common/errors/domain-error.js';
import { assertId } from '../common/http/validation.js';
import { newId } from '../common/ids/ids.js';
import { classifyFailure, ConnectionPool, type McpClientAdapter } from '../connections/index.js';
import type { CreateMcpServerDto } from '../mcp-servers/mcp-server.dto.js';
import type { McpServerEntity } from '../mcp-servers/mcp-server.entity.js';
import { applyFields, emptyConfig, type InternalServerFields } from '../mcp-servers/mcp-server.service.js';
import { ServerConfigValidator } from '../mcp-servers/server-config.js';
import { toTarget } from '../mcp-servers/server-sealing.js';
import { ProjectService } from '../projects/project.service.js';
import type { ValidateResultView } from './resources.dto.js';
import { ServerDetectService } from './server-detect.service.js';

/**
 * A create body tried live: the same validation as create (fields, connector template, SSRF and
 * stdio policy), then one connection with a throw-away server id, the tools listed, and that
 * connection (and any child process) closed again. Nothing is saved.
 */
@Injectable()
export class ServerValidateService {
  constructor(
    private readonly access: AccessService,
    private readonly projects: ProjectService,
    private readonly validator: ServerConfigValidator,
    private readonly pool: ConnectionPool,
    private readonly detector: ServerDetectService,
  ) {}

  async validate(principal: Principal, dto: CreateMcpServerDto, internal: InternalServerFields = {}): Promise<ValidateResultView> {
    assertId(dto.workspaceId, 'ws', 'workspaceId');
    const tenant = await this.access.tenant(principal, dto.workspaceId, 'write');
    if (dto.projectId) {
      assertId(dto.projectId, 'proj', 'projectId');
      if (!(await this.projects.exists(tenant, dto.projectId))) throw ValidationError.field('projectId', 'no such project in this workspace');
    }
    const { cfg, explicit } = applyFields(emptyConfig(), { ...dto, ...internal });
    const valid = await this.validator.validate(cfg, explicit);
    const probe = { id: newId('mcp'), workspaceId: tenant.workspaceId, transport: valid.transport, configVersion: 0 } as McpServerEntity;
    const target = toTarget(probe, valid);
    const t0 = performance.now();
    const result: ValidateResultView = {
      ok: false, transport: valid.transport, serverInfo: null, capabilities: null, instructions: null, tools: [], toolCount: 0, latencyMs: 0, error: null,
    };
    try {
      await this.pool.withClient(target, async (c: McpClientAdapter) => {
        result.serverInfo = (c.serverInfo as Record<string, unknown> | undefined) ?? null;
        result.capabilities = (c.serverCapabilities as Record<string, unknown> | undefined) ?? null;
        result.instructions = c.instructions ?? null;
        result.tools = c.serverCapabilities?.tools ? await c.listTools({ timeoutMs: target.requestTimeoutMs, maxTotalTimeoutMs: target.maxTotalTimeoutMs }) : [];
      }, { retryOnBroken: false });
      result.ok = true;
      result.toolCount = result.tools.length;
    } catch (err) {
      const e = err instanceof DomainError ? err : classifyFailure(err, 'MCP server').error;
      if (e instanceof ValidationError) throw e;
      result.error = { code: e.code, message: e.message.replace(probe.id, 'the server') };
      if (e.code === 'upstream_auth_required' && target.url) {
        result.detected = await this.detector.detect(target.url).catch(() => undefined);
      }
    } finally {
      result.latencyMs = Math.round(performance.now() - t0);
      await this.pool.closeServer(probe.id);
    }
    return result;
  }
}
