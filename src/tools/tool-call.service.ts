import { Injectable } from '@nestjs/common';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import type { Principal } from '../auth/principal.js';
import { ConflictError, DomainError } from '../common/errors/domain-error.js';
import { redact } from '../common/redact.js';
import { newId } from '../common/ids/ids.js';
import { ConnectionPool, type CallOptions } from '../connections/index.js';
import { McpServerService, type UsableServer } from '../mcp-servers/mcp-server.service.js';
import { ServerHealth } from '../mcp-servers/server-health.service.js';
import { MetricsService } from '../ops/metrics.service.js';
import { ArgsValidator } from './args-validator.js';
import { ExecutionRecorder, redactArgs } from './execution-recorder.service.js';
import { RunLimiter } from './run-limiter.service.js';
import type { RunResultView } from './tool.dto.js';
import type { ToolEntity } from './tool.entity.js';
import { ToolCatalogService } from './tool-catalog.service.js';

/** The surface a call came through, stored on its execution record. */
export type Surface = 'rest' | 'letta' | 'project' | 'aggregate' | 'passthrough';

export interface ToolCallOptions {
  surface: Surface;
  onProgress?: (p: { progress: number; total?: number; message?: string }) => void;
  signal?: AbortSignal;
  /**
   * Sends the checked call upstream instead of the shared pool (the pass-through's session connection); its
   * result is returned unchanged.
   */
  invoke?: (name: string, args: Record<string, unknown>, opts: CallOptions) => Promise<CallToolResult>;
  /**
   * `forward`: a tool the catalogue does not hold is still called (and recorded) rather than refused. The
   * pass-through's own upstream connection can be offered tools that depend on the client's capabilities
   * (sampling, elicitation), which the catalogue, listed without them, never saw; there is no schema to check.
   */
  unlisted?: 'refuse' | 'forward';
}

export interface Execution {
  id: string;
  result: CallToolResult;
  durationMs: number;
}

/**
 * The one tool call, for every surface (REST, Letta, project-style, gateway aggregate and pass-through): the
 * server resolved within the caller's workspace, a disabled server or tool refused, the arguments checked against
 * the tool's cached input schema, run limits applied, the call made, the server's status kept true, and the
 * execution record written with the surface it came from.
 */
@Injectable()
export class ToolCallService {
  private readonly runs;
  private readonly runSeconds;

  constructor(
    private readonly servers: McpServerService,
    private readonly catalog: ToolCatalogService,
    private readonly validator: ArgsValidator,
    private readonly limiter: RunLimiter,
    private readonly pool: ConnectionPool,
    private readonly recorder: ExecutionRecorder,
    private readonly health: ServerHealth,
    metrics: MetricsService,
  ) {
    this.runs = metrics.counter('patchbay_tool_runs_total', 'Tool runs by outcome and surface', ['status', 'via']);
    this.runSeconds = metrics.histogram('patchbay_tool_run_duration_seconds', 'Tool run latency', ['via'], [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30]);
  }

  /** REST shape: `{ id, status, funcReturn, stdout, stderr, durationMs, content }`. */
  async run(principal: Principal, serverId: string, toolRef: string, args: Record<string, unknown>, opts: ToolCallOptions = { surface: 'rest' }): Promise<RunResultView> {
    const { id, result, durationMs } = await this.call(principal, serverId, toolRef, args, opts);
    return toRunResult(id, result, durationMs);
  }

  /** `toolRef`: a tool_ id or the tool's name. The MCP result as the upstream sent it. */
  async call(principal: Principal, serverId: string, toolRef: string, args: Record<string, unknown>, opts: ToolCallOptions): Promise<Execution> {
    const usable = await this.servers.usable(principal, serverId, 'execute');
    const tool = opts.unlisted === 'forward' ? ((await this.catalog.lookup(usable, toolRef)) ?? unlisted(usable, toolRef)) : await this.catalog.find(usable, toolRef);
    return this.execute(principal, usable, tool, args, opts);
  }

  private async execute(principal: Principal, usable: UsableServer, tool: ToolEntity, args: Record<string, unknown>, opts: ToolCallOptions): Promise<Execution> {
    const { server, target } = usable;
    if (!server.enabled) throw new ConflictError(`MCP server ${server.id} is disabled`);
    if (!tool.enabled) throw new ConflictError(`Tool ${tool.name} is disabled on this server`);
    if (tool.id) this.validator.check(tool.definitionHash, tool.inputSchema, args);
    const release = await this.limiter.acquire(principal, server.workspaceId);
    const id = newId('exec');
    const startedAt = new Date();
    const t0 = performance.now();
    const via = opts.surface;
    const callOpts: CallOptions = { onProgress: opts.onProgress, signal: opts.signal };
    let result: CallToolResult | undefined;
    let failure: DomainError | Error | undefined;
    const record = {
      id, workspaceId: server.workspaceId, projectId: server.projectId, serverId: server.id, serverName: server.name,
      toolId: tool.id, toolName: tool.name, callerId: principal.id, callerKind: principal.kind, grantId: principal.grantId ?? null, via,
      args: redactArgs(args) as Record<string, unknown>, startedAt,
    };
    // The `running` row is stored while the upstream works; the answer waits for whichever is last.
    const begun = this.recorder.begin(record);
    begun.catch(() => undefined);
    try {
      result = opts.invoke
        ? await opts.invoke(tool.name, args, { timeoutMs: target.requestTimeoutMs, maxTotalTimeoutMs: target.maxTotalTimeoutMs, ...callOpts })
        : await this.pool.callTool(target, tool.name, args, callOpts);
      await begun;
      return { id, result, durationMs: Math.round(performance.now() - t0) };
    } catch (e) {
      failure = e as Error;
      throw e;
    } finally {
      release();
      const durationMs = Math.round(performance.now() - t0);
      const status = failure || result?.isError ? 'error' : 'success';
      this.runs.inc({ status, via });
      this.runSeconds.observe({ via }, durationMs / 1000);
      await this.health.observe(usable, failure);
      this.recorder.complete({
        ...record,
        status,
        errorCode: failure ? ((failure as DomainError).code ?? 'internal_error') : result?.isError ? 'tool_error' : null,
        errorMessage: failure ? redact(failure.message).slice(0, 1000) : result?.isError ? redact(textOf(result)).slice(0, 1000) : null,
        durationMs,
      });
    }
  }
}

/** A tool the catalogue has not seen, as far as a call needs one: enabled, no schema, no id. */
function unlisted(usable: UsableServer, name: string): ToolEntity {
  return { id: null as unknown as string, serverId: usable.server.id, workspaceId: usable.server.workspaceId, name, enabled: true } as ToolEntity;
}

function textOf(result: CallToolResult): string {
  return (result.content ?? [])
    .map((c) => (c.type === 'text' ? c.text : JSON.stringify(c)))
    .join('\n');
}

export function toRunResult(id: string, result: CallToolResult, durationMs: number): RunResultView {
  const out: RunResultView = {
    id,
    status: result.isError ? 'error' : 'success',
    funcReturn: textOf(result) || (result.structuredContent ? JSON.stringify(result.structuredContent) : ''),
    stdout: [],
    stderr: result.isError ? [textOf(result)] : [],
    durationMs,
    content: result.content ?? [],
  };
  if (result.structuredContent) out.structuredContent = result.structuredContent as Record<string, unknown>;
  return out;
}
