import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsObject, IsOptional, IsString } from 'class-validator';
import { IsOptionalNonNull } from '../common/http/validation.js';
import { PageQueryDto } from '../common/http/pagination.js';
import type { ExecutionStatus } from './execution.entity.js';

export class ToolView {
  @ApiProperty() id!: string;
  @ApiProperty() serverId!: string;
  @ApiProperty() workspaceId!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ type: String, nullable: true }) title!: string | null;
  @ApiProperty({ type: String, nullable: true }) description!: string | null;
  @ApiProperty({ type: 'object', additionalProperties: true }) inputSchema!: Record<string, unknown>;
  @ApiProperty({ type: 'object', nullable: true, additionalProperties: true }) outputSchema!: Record<string, unknown> | null;
  @ApiProperty({ type: 'object', nullable: true, additionalProperties: true }) annotations!: Record<string, unknown> | null;
  @ApiProperty() enabled!: boolean;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;
}

export class RefreshResultView {
  @ApiProperty({ type: [ToolView] }) data!: ToolView[];
  @ApiProperty({ type: [String] }) added!: string[];
  @ApiProperty({ type: [String] }) updated!: string[];
  @ApiProperty({ type: [String] }) removed!: string[];
}

export class UpdateToolDto {
  @ApiProperty() @IsBoolean() enabled!: boolean;
}

const EXECUTION_STATUSES: ExecutionStatus[] = ['success', 'error', 'interrupted', 'running'];

export class RunToolDto {
  @ApiPropertyOptional({ type: 'object', additionalProperties: true, description: "checked against the tool's inputSchema" })
  @IsOptionalNonNull()
  @IsObject()
  args?: Record<string, unknown>;
}

export class RunResultView {
  @ApiProperty({ description: 'the exec_ id of the stored record' }) id!: string;
  @ApiProperty({ enum: ['success', 'error'] }) status!: 'success' | 'error';
  @ApiProperty({ description: "the tool's text output (non-text content as JSON)" }) funcReturn!: string;
  @ApiProperty({ type: [String] }) stdout!: string[];
  @ApiProperty({ type: [String] }) stderr!: string[];
  @ApiProperty() durationMs!: number;
  @ApiProperty({ type: 'array', items: { type: 'object', additionalProperties: true }, description: 'the MCP content blocks, unchanged' })
  content!: unknown[];
  @ApiPropertyOptional({ type: 'object', additionalProperties: true }) structuredContent?: Record<string, unknown>;
}

export class ListExecutionsQueryDto extends PageQueryDto {
  @ApiPropertyOptional() @IsOptional() @IsString() workspaceId?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() serverId?: string;
  @ApiPropertyOptional({ enum: EXECUTION_STATUSES }) @IsOptional() @IsIn(EXECUTION_STATUSES) status?: ExecutionStatus;
}

export class ExecutionView {
  @ApiProperty() id!: string;
  @ApiProperty() workspaceId!: string;
  @ApiProperty({ type: String, nullable: true }) projectId!: string | null;
  @ApiProperty() serverId!: string;
  @ApiProperty() serverName!: string;
  @ApiProperty({ type: String, nullable: true }) toolId!: string | null;
  @ApiProperty() toolName!: string;
  @ApiProperty() callerId!: string;
  @ApiProperty() callerKind!: string;
  @ApiProperty({ type: String, nullable: true, description: 'the gateway grant (grant_ id) an MCP client called through, if any' }) grantId!: string | null;
  @ApiProperty({ enum: ['rest', 'letta', 'project', 'aggregate', 'passthrough'], description: 'the surface the call came through' })
  surface!: 'rest' | 'letta' | 'project' | 'aggregate' | 'passthrough';
  @ApiProperty({
    enum: EXECUTION_STATUSES,
    description: '`running`: started, outcome not yet written (in flight, or written moments after the response); `interrupted`: the replica running it stopped before it finished',
  })
  status!: ExecutionStatus;
  @ApiProperty({ type: String, nullable: true }) errorCode!: string | null;
  @ApiProperty({ type: String, nullable: true }) errorMessage!: string | null;
  @ApiProperty({ type: 'object', nullable: true, additionalProperties: true }) args!: Record<string, unknown> | null;
  @ApiProperty() durationMs!: number;
  @ApiProperty({ format: 'date-time' }) startedAt!: string;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
}

