import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  IsArray, IsBoolean, IsIn, IsInt, IsObject, IsOptional, IsString, Length, Matches, Max, MaxLength, Min,
} from 'class-validator';
import { IsOptionalNonNull } from '../common/http/validation.js';
import { PageQueryDto } from '../common/http/pagination.js';
import { AUTH_TYPES, CONNECTOR_STATUSES, CREDENTIAL_MODES, TRANSPORTS, type AuthType, type ConnectorStatus, type CredentialMode, type Transport } from './mcp-server.entity.js';

/** Fields a create body and a PATCH body share; every one optional here. */
export class McpServerFieldsDto {
  @ApiPropertyOptional({ description: 'a proj_ id of the same workspace', type: String, nullable: true })
  @IsOptional() @IsString() @Matches(/^proj_/, { message: 'must be a proj_ id' })
  projectId?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true }) @IsOptional() @IsString() @MaxLength(2000)
  description?: string | null;

  @ApiPropertyOptional({ enum: TRANSPORTS, description: 'inferred from url/command when absent' })
  @IsOptionalNonNull() @IsIn(TRANSPORTS)
  transport?: Transport;

  @ApiPropertyOptional({ example: 'https://mcp.example.com/mcp' }) @IsOptionalNonNull() @IsString() @MaxLength(2048)
  url?: string;

  @ApiPropertyOptional({ example: 'npx' }) @IsOptionalNonNull() @IsString() @Length(1, 256)
  command?: string;

  @ApiPropertyOptional({ type: [String] }) @IsOptionalNonNull() @IsArray() @IsString({ each: true }) @MaxLength(4096, { each: true })
  args?: string[];

  @ApiPropertyOptional({ type: 'object', additionalProperties: { type: 'string' }, description: 'values are secret: stored encrypted, shown masked' })
  @IsOptionalNonNull() @IsObject()
  env?: Record<string, string>;

  @ApiPropertyOptional({ enum: AUTH_TYPES, default: 'none' }) @IsOptionalNonNull() @IsIn(AUTH_TYPES)
  authType?: AuthType;

  @ApiPropertyOptional({ description: 'write-only', type: String, nullable: true }) @IsOptional() @IsString() @Length(1, 8192)
  apiKey?: string | null;

  @ApiPropertyOptional({ default: 'Authorization', description: 'Authorization gets "Bearer <apiKey>"; any other header the raw key' })
  @IsOptionalNonNull() @IsString() @Matches(/^[A-Za-z0-9!#$%&'*+.^_`|~-]{1,128}$/, { message: 'must be an HTTP header name' })
  authHeader?: string;

  @ApiPropertyOptional({ type: 'object', additionalProperties: { type: 'string' }, description: 'values are secret: stored encrypted, shown masked' })
  @IsOptionalNonNull() @IsObject()
  headers?: Record<string, string>;

  @ApiPropertyOptional({ type: String, nullable: true }) @IsOptional() @IsString() @Length(1, 512)
  oauthClientId?: string | null;

  @ApiPropertyOptional({ description: 'write-only', type: String, nullable: true }) @IsOptional() @IsString() @Length(1, 4096)
  oauthClientSecret?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true }) @IsOptional() @IsString() @MaxLength(2048)
  oauthTokenEndpoint?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true }) @IsOptional() @IsString() @MaxLength(2048)
  oauthAuthorizationEndpoint?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, example: 'read write' }) @IsOptional() @IsString() @MaxLength(1024)
  oauthScopes?: string | null;

  @ApiPropertyOptional({ enum: ['authorization_code', 'client_credentials'] }) @IsOptionalNonNull() @IsIn(['authorization_code', 'client_credentials'])
  oauthGrant?: 'authorization_code' | 'client_credentials';

  @ApiPropertyOptional({ description: 'leave out the RFC 8707 resource parameter' }) @IsOptionalNonNull() @IsBoolean()
  oauthOmitResource?: boolean;

  @ApiPropertyOptional({ enum: CREDENTIAL_MODES, description: 'OAuth servers: `shared` (default, one upstream token for the workspace) or `per_user` (each caller connects their own account)' })
  @IsOptionalNonNull() @IsIn([...CREDENTIAL_MODES])
  credentialMode?: CredentialMode;

  @ApiPropertyOptional({ description: 'an id from GET /api/connectors' }) @IsOptionalNonNull() @IsString() @Length(1, 100)
  connectorId?: string;

  @ApiPropertyOptional({ type: 'object', additionalProperties: true }) @IsOptionalNonNull() @IsObject()
  connectorConfig?: Record<string, unknown>;

  @ApiPropertyOptional({ description: 'ms per upstream request (default 30000)' })
  @IsOptionalNonNull() @IsInt() @Min(100) @Max(600_000)
  requestTimeout?: number;

  @ApiPropertyOptional({ description: 'ms for a whole call, progress included (default 300000)' })
  @IsOptionalNonNull() @IsInt() @Min(100) @Max(3_600_000)
  maxTotalTimeout?: number;

  @ApiPropertyOptional({ default: true }) @IsOptionalNonNull() @IsBoolean()
  enabled?: boolean;
}

export class CreateMcpServerDto extends McpServerFieldsDto {
  @ApiProperty({ example: 'ws_01jd8x3v2qf8g6m3s0y1b4k7ze' })
  @IsString() @Matches(/^ws_/, { message: 'must be a ws_ id' })
  workspaceId!: string;

  @ApiProperty({ example: 'github' })
  @IsString() @Length(1, 100) @Matches(/^[^\x00-\x1f]+$/, { message: 'must not contain control characters' })
  name!: string;
}

export class UpdateMcpServerDto extends McpServerFieldsDto {
  @ApiPropertyOptional()
  @IsOptionalNonNull() @IsString() @Length(1, 100) @Matches(/^[^\x00-\x1f]+$/, { message: 'must not contain control characters' })
  name?: string;
}

export class ListMcpServersQueryDto extends PageQueryDto {
  @ApiPropertyOptional() @IsOptional() @IsString() workspaceId?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() projectId?: string;
  @ApiPropertyOptional({ enum: ['connected', 'disconnected', 'error', 'unknown'] })
  @IsOptional() @IsIn(['connected', 'disconnected', 'error', 'unknown', ''])
  status?: string;
}

export class McpServerView {
  @ApiProperty() id!: string;
  @ApiProperty() workspaceId!: string;
  @ApiProperty({ type: String, nullable: true }) projectId!: string | null;
  @ApiProperty() name!: string;
  @ApiProperty({ type: String, nullable: true }) description!: string | null;
  @ApiProperty({ enum: TRANSPORTS }) transport!: Transport;
  @ApiProperty({ type: String, nullable: true }) url!: string | null;
  @ApiProperty({ type: String, nullable: true }) command!: string | null;
  @ApiProperty({ type: [String] }) args!: string[];
  @ApiProperty({ type: 'object', additionalProperties: { type: 'string' }, description: 'values masked' }) env!: Record<string, string>;
  @ApiProperty({ enum: AUTH_TYPES }) authType!: AuthType;
  @ApiProperty({ type: String, nullable: true }) authHeader!: string | null;
  @ApiProperty() hasApiKey!: boolean;
  @ApiProperty({ type: 'object', additionalProperties: { type: 'string' }, description: 'values masked' }) headers!: Record<string, string>;
  @ApiProperty({ type: String, nullable: true }) oauthClientId!: string | null;
  @ApiProperty() hasOauthClientSecret!: boolean;
  @ApiProperty({ type: String, nullable: true }) oauthTokenEndpoint!: string | null;
  @ApiProperty({ type: String, nullable: true }) oauthAuthorizationEndpoint!: string | null;
  @ApiProperty({ type: String, nullable: true }) oauthScopes!: string | null;
  @ApiProperty({ type: String, nullable: true, format: 'date-time' }) oauthExpiresAt!: string | null;
  @ApiProperty({ enum: CREDENTIAL_MODES }) credentialMode!: CredentialMode;
  @ApiProperty({ type: String, nullable: true }) connectorId!: string | null;
  @ApiProperty({ type: 'object', nullable: true, additionalProperties: true }) connectorConfig!: Record<string, unknown> | null;
  @ApiProperty({ type: Number, nullable: true }) requestTimeout!: number | null;
  @ApiProperty({ type: Number, nullable: true }) maxTotalTimeout!: number | null;
  @ApiProperty() enabled!: boolean;
  @ApiProperty({ enum: CONNECTOR_STATUSES }) connectorStatus!: ConnectorStatus;
  @ApiProperty({ type: String, nullable: true, format: 'date-time' }) lastCheckedAt!: string | null;
  @ApiProperty({ type: String, nullable: true, format: 'date-time' }) lastConnectedAt!: string | null;
  @ApiProperty({ type: String, nullable: true }) lastError!: string | null;
  @ApiProperty() consecutiveFailures!: number;
  @ApiProperty({ type: Number, nullable: true }) lastLatencyMs!: number | null;
  @ApiProperty() toolCount!: number;
  @ApiProperty() createdBy!: string;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;
}
