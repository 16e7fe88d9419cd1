import { Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { DataSource, In, MoreThan, type FindOptionsWhere, type Repository } from 'typeorm';
import { AccessService, tenantWhere, type TenantFilter } from '../auth/access.service.js';
import type { Principal } from '../auth/principal.js';
import { mapPage, paginate, type Page } from '../common/http/pagination.js';
import { assertId } from '../common/http/validation.js';
import { newId } from '../common/ids/ids.js';
import { McpServerService } from '../mcp-servers/mcp-server.service.js';
import { ServerRepository } from '../mcp-servers/server.repository.js';
import type { EventKind, ListStatusEventsQueryDto, StatusEventView } from './status-event.dto.js';
import { StatusEventEntity } from './status-event.entity.js';

/** Most events one resume replays; a client further behind gets the newest ones after that many. */
export const MAX_REPLAY = 5_000;

/** The stored history of status and tool-list changes: listing, replay for /api/events, tools_changed rows. */
@Injectable()
export class StatusEventService {
  constructor(
    @InjectRepository(StatusEventEntity) private readonly events: Repository<StatusEventEntity>,
    @InjectDataSource() private readonly db: DataSource,
    private readonly servers: McpServerService,
    private readonly access: AccessService,
    private readonly rows: ServerRepository,
  ) {}

  /** A server's events, newest first; a server of another workspace is a 404. */
  async list(principal: Principal, serverId: string, q: ListStatusEventsQueryDto): Promise<Page<StatusEventView>> {
    if (q.cursor !== undefined) assertId(q.cursor, 'evt', 'cursor');
    const { server } = await this.servers.load(principal, serverId, 'read');
    const where: FindOptionsWhere<StatusEventEntity> = {
      serverId: server.id,
      workspaceId: server.workspaceId,
      ...(q.kind ? { kind: q.kind } : {}),
    };
    return mapPage(await paginate(this.events, where, q, 'DESC'), eventView);
  }

  /** Which workspaces a caller's stream covers: `?workspaceId` must be one it can read (else 404). */
  async streamFilter(principal: Principal, workspaceId?: string): Promise<TenantFilter> {
    if (workspaceId !== undefined) {
      assertId(workspaceId, 'ws', 'workspaceId');
      await this.access.tenant(principal, workspaceId, 'read');
    }
    return this.access.readable(principal, workspaceId);
  }

  /** Events after `afterId` in the filter's workspaces, oldest first, one page. */
  async after(filter: TenantFilter, afterId: string, limit: number): Promise<StatusEventView[]> {
    if (filter.workspaceIds !== null && filter.workspaceIds.length === 0) return [];
    const rows = await this.events.find({
      where: { ...tenantWhere<StatusEventEntity>(filter), id: MoreThan(afterId) },
      order: { id: 'ASC' },
      take: limit,
    });
    return rows.map(eventView);
  }

  async byIds(ids: string[]): Promise<StatusEventView[]> {
    if (ids.length === 0) return [];
    const rows = await this.events.find({ where: { id: In(ids) }, order: { id: 'ASC' } });
    return rows.map(eventView);
  }

  /**
   * Stores a tools_changed event for the server's current tool list, once: every replica hears of the change
   * and calls this; under a per-server advisory lock only the first finds the list not yet recorded.
   */
  async recordToolsChanged(serverId: string, workspaceId: string): Promise<StatusEventView | null> {
    return this.db.transaction(async (tx) => {
      await tx.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`patchbay_tools_event:${serverId}`]);
      const server = await this.rows.system.toolSummary(serverId, workspaceId, tx);
      if (!server?.toolsHash) return null;
      const [last]: Array<{ hash: string | null }> = await tx.query(
        `SELECT details->>'toolsHash' AS hash FROM status_events
          WHERE server_id = $1 AND workspace_id = $2 AND kind = 'tools_changed' ORDER BY id DESC LIMIT 1`,
        [serverId, workspaceId],
      );
      if (last?.hash === server.toolsHash) return null;
      const kind: EventKind = 'tools_changed';
      const row = tx.getRepository(StatusEventEntity).create({
        id: newId('evt'),
        workspaceId,
        serverId,
        kind,
        fromStatus: '',
        toStatus: '',
        reason: null,
        details: { toolCount: server.toolCount, toolsHash: server.toolsHash },
      });
      return eventView(await tx.getRepository(StatusEventEntity).save(row));
    });
  }
}

export function eventView(e: StatusEventEntity): StatusEventView {
  return {
    id: e.id,
    workspaceId: e.workspaceId,
    serverId: e.serverId,
    kind: e.kind as EventKind,
    from: e.fromStatus,
    to: e.toStatus,
    reason: e.reason,
    details: e.details,
    at: e.createdAt.toISOString(),
  };
}
