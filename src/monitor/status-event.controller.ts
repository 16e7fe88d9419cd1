import { Controller, Get, Headers, Param, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { CurrentPrincipal, RequireScope } from '../auth/decorators.js';
import type { Principal } from '../auth/principal.js';
import type { Page } from '../common/http/pagination.js';
import { assertId, IdPipe } from '../common/http/validation.js';
import { EventStreamService } from './event-stream.service.js';
import { EventsQueryDto, ListStatusEventsQueryDto, StatusEventPage, type StatusEventView } from './status-event.dto.js';
import { StatusEventService } from './status-event.service.js';
import { ApiRoute } from '../common/http/api-docs.js';

@ApiTags('mcp-servers')
@ApiBearerAuth()
@Controller('api/mcp-servers/:id/status-events')
export class StatusEventController {
  constructor(private readonly events: StatusEventService) {}

  /** The server's status history (and tool-list changes), newest first. */
  @Get()
  @RequireScope('read')
  @ApiRoute({ kind: 'read', ok: StatusEventPage, summary: 'List status events', description: 'The server\'s status history (connected, disconnected, error) and tool-list changes, newest first.' })
  list(
    @CurrentPrincipal() p: Principal,
    @Param('id', new IdPipe('mcp')) id: string,
    @Query() q: ListStatusEventsQueryDto,
  ): Promise<Page<StatusEventView>> {
    return this.events.list(p, id, q);
  }
}

@ApiTags('events')
@ApiBearerAuth()
@Controller('api/events')
export class EventsController {
  constructor(
    private readonly events: StatusEventService,
    private readonly hub: EventStreamService,
  ) {}

  /**
   * Server-Sent Events of the caller's workspaces: `status_changed` and `tools_changed` events (data = a
   * status event), comment heartbeats, and replay of what was missed after `Last-Event-ID`.
   */
  @Get()
  @RequireScope('read')
  @ApiProduces('text/event-stream')
  @ApiHeader({ name: 'Last-Event-ID', required: false, description: 'resume after this evt_ id' })
  @ApiRoute({ kind: 'list', ok: { type: 'string', description: 'text/event-stream; each event: `id: evt_...`, `event: status_changed | tools_changed`, `data: <StatusEventView JSON>`' }, summary: 'Stream status events', description: 'Server-Sent Events of the caller\'s workspaces: `status_changed` and `tools_changed` (data: a StatusEventView), comment heartbeats, and replay of what was missed after `Last-Event-ID`.' })
  async stream(
    @CurrentPrincipal() p: Principal,
    @Query() q: EventsQueryDto,
    @Headers('last-event-id') lastEventId: string | undefined,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const resumeAfter = lastEventId?.trim() ? assertId(lastEventId.trim(), 'evt', 'Last-Event-ID') : undefined;
    const filter = await this.events.streamFilter(p, q.workspaceId);
    await this.hub.open(reply, filter, resumeAfter);
  }
}
