import { Injectable } from '@nestjs/common';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import type { Principal } from '../auth/principal.js';
import { ConflictError, DomainError } from '../common/errors/domain-error.js';
import { newId } from '../common/ids/ids.js';
import { ConnectionPool } from '../connections/index.js';
import { McpServerService, type UsableServer } from '../mcp-servers/mcp-server.service.js';
import { MetricsService } from '../ops/metrics.service.js';
import { ArgsValidator } from './args-validator.js';
import { ExecutionRecorder, redactArgs } from './execution-recorder.service.js';
import { RunLimiter } from './run-limiter.service.js';
import type { RunResultView } from './tool.dto.js';
import type { ToolEntity } from './tool.entity.js';
import { redact } from '../common/redact.js';
import { ToolCatalogService } from './tool-catalog.service.js';

export interface RunOptions {
  /** rest | gateway | letta | project: recorded on the execution */
  via?: string;
  onProgress?: (p: { progress: number; total?: number; message?: string }) => void;
  signal?: AbortSignal;
}

export interface Execution {
  id: string;
  result: CallToolResult;
  durationMs: number;
}

/**
 * Runs one tool for a caller: access, enabled checks, argument validation against the
 * tool's schema, run limits, the pooled call with its deadlines, and the execution record
 * (written after the response, in batches).
 */
@Injectable()
export class ToolRunService {
  private readonly runs;
  private readonly runSeconds;

  constructor(
    private readonly servers: McpServerService,
    private readonly catalog: ToolCatalogService,
    private readonly validator: ArgsValidator,
    private readonly limiter: RunLimiter,
    private readonly pool: ConnectionPool,
    private readonly recorder: ExecutionRecorder,
    metrics: MetricsService,
  ) {
    this.runs = metrics.counter('patchbay_tool_runs_total', 'Tool runs by outcome and surface', ['status', 'via']);
    this.runSeconds = metrics.histogram('patchbay_tool_run_duration_seconds', 'Tool run latency', ['via'], [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30]);
  }

  /** REST shape: `{ id, status, funcReturn, stdout, stderr, durationMs, content }`. */
  async run(principal: Principal, serverId: string, toolRef: string, args: Record<string, unknown>, opts: RunOptions = {}): Promise<RunResultView> {
    const usable = await this.servers.usable(principal, serverId, 'execute');
    const tool = await this.catalog.find(usable, toolRef);
    const { id, result, durationMs } = await this.execute(principal, usable, tool, args, opts);
    return toRunResult(id, result, durationMs);
  }

  /** The MCP result unchanged (the gateway's path); the same checks and record as run(). */
  async execute(principal: Principal, usable: UsableServer, tool: ToolEntity, args: Record<string, unknown>, opts: RunOptions = {}): Promise<Execution> {
    const { server, target } = usable;
    if (!server.enabled) throw new ConflictError(`MCP server ${server.id} is disabled`);
    if (!tool.enabled) throw new ConflictError(`Tool ${tool.name} is disabled on this server`);
    this.validator.check(tool.definitionHash, tool.inputSchema, args);
    const release = await this.limiter.acquire(principal, server.workspaceId);
    const id = newId('exec');
    const startedAt = new Date();
    const t0 = performance.now();
    const via = opts.via ?? 'rest';
    let result: CallToolResult | undefined;
    let failure: DomainError | Error | undefined;
    try {
      result = await this.pool.callTool(target, tool.name, args, { onProgress: opts.onProgress, signal: opts.signal });
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
      this.recorder.record({
        id,
        workspaceId: server.workspaceId,
        projectId: server.projectId,
        serverId: server.id,
        serverName: server.name,
        toolId: tool.id,
        toolName: tool.name,
        callerId: principal.id,
        callerKind: principal.kind,
        via,
        status,
        errorCode: failure ? ((failure as DomainError).code ?? 'internal_error') : result?.isError ? 'tool_error' : null,
        errorMessage: failure ? redact(failure.message).slice(0, 1000) : result?.isError ? redact(textOf(result)).slice(0, 1000) : null,
        args: redactArgs(args) as Record<string, unknown>,
        durationMs,
        startedAt,
      });
    }
  }
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
