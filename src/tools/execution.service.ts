import type { Surface } from './tool-call.service.js';
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { Repository } from 'typeorm';
import { AccessService, tenantWhere } from '../auth/access.service.js';
import type { Principal } from '../auth/principal.js';
import { NotFoundError } from '../common/errors/domain-error.js';
import { mapPage, paginate, type Page } from '../common/http/pagination.js';
import { assertId } from '../common/http/validation.js';
import { ExecutionEntity } from './execution.entity.js';
import { ExecutionRecorder } from './execution-recorder.service.js';
import type { ExecutionView, ListExecutionsQueryDto } from './tool.dto.js';

@Injectable()
export class ExecutionService {
  constructor(
    @InjectRepository(ExecutionEntity) private readonly executions: Repository<ExecutionEntity>,
    private readonly access: AccessService,
    private readonly recorder: ExecutionRecorder,
  ) {}

  /** Newest first. Records still buffered are flushed first, so a caller sees its own runs. */
  async list(principal: Principal, q: ListExecutionsQueryDto): Promise<Page<ExecutionView>> {
    if (q.workspaceId !== undefined) assertId(q.workspaceId, 'ws', 'workspaceId');
    if (q.serverId !== undefined) assertId(q.serverId, 'mcp', 'serverId');
    if (q.cursor !== undefined) assertId(q.cursor, 'exec', 'cursor');
    await this.recorder.flush();
    const where = {
      ...tenantWhere<ExecutionEntity>(this.access.readable(principal, q.workspaceId)),
      ...(q.serverId ? { serverId: q.serverId } : {}),
      ...(q.status ? { status: q.status } : {}),
    };
    return mapPage(await paginate(this.executions, where, q, 'DESC'), view);
  }

  async get(principal: Principal, id: string): Promise<ExecutionView> {
    await this.recorder.flush();
    const row = await this.executions.findOne({ where: { id, ...tenantWhere<ExecutionEntity>(this.access.readable(principal)) } });
    if (!row) throw new NotFoundError('Execution');
    return view(row);
  }
}

function view(e: ExecutionEntity): ExecutionView {
  return {
    id: e.id,
    workspaceId: e.workspaceId,
    projectId: e.projectId,
    serverId: e.serverId,
    serverName: e.serverName,
    toolId: e.toolId,
    toolName: e.toolName,
    callerId: e.callerId,
    callerKind: e.callerKind,
    grantId: e.grantId,
    // records from before the pass-through was recorded said `gateway` for the aggregate endpoint
    surface: (e.via === 'gateway' ? 'aggregate' : e.via) as Surface,
    status: e.status,
    errorCode: e.errorCode,
    errorMessage: e.errorMessage,
    args: e.args,
    durationMs: e.durationMs,
    startedAt: e.startedAt.toISOString(),
    createdAt: e.createdAt.toISOString(),
  };
}
