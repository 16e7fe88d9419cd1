import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString } from 'class-validator';
import { PageQueryDto } from '../common/http/pagination.js';

export const EVENT_KINDS = ['status_changed', 'tools_changed'] as const;
export type EventKind = (typeof EVENT_KINDS)[number];

export class StatusEventView {
  @ApiProperty({ description: 'evt_ id; ids sort in creation order' }) id!: string;
  @ApiProperty() workspaceId!: string;
  @ApiProperty() serverId!: string;
  @ApiProperty({ enum: EVENT_KINDS }) kind!: EventKind;
  @ApiProperty({ enum: ['connected', 'disconnected', 'error', ''], description: 'status before ("" = never checked); "" for tools_changed' })
  from!: string;
  @ApiProperty({ enum: ['connected', 'disconnected', 'error', ''], description: 'status after; "" for tools_changed' })
  to!: string;
  @ApiProperty({ type: String, nullable: true, description: 'why (the check error), when the server failed' }) reason!: string | null;
  @ApiPropertyOptional({ type: 'object', nullable: true, additionalProperties: true, description: 'tools_changed: toolCount, toolsHash' })
  details!: Record<string, unknown> | null;
  @ApiProperty({ format: 'date-time' }) at!: string;
}

export class StatusEventPage {
  @ApiProperty({ type: [StatusEventView] }) data!: StatusEventView[];
  @ApiProperty({ type: String, nullable: true }) nextCursor!: string | null;
}

export class ListStatusEventsQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: EVENT_KINDS })
  @IsOptional()
  @IsIn(EVENT_KINDS)
  kind?: EventKind;
}

export class EventsQueryDto {
  @ApiPropertyOptional({ description: 'only this workspace (default: every workspace the caller can read)' })
  @IsOptional()
  @IsString()
  workspaceId?: string;
}
