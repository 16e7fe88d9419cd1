import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsObject, IsString, MaxLength } from 'class-validator';
import { IsOptionalNonNull } from '../common/http/validation.js';

export class ReadResourceQueryDto {
  @ApiProperty({ description: 'the resource URI, as listed', example: 'demo://resource/static/document/architecture.md' })
  @IsString() @MaxLength(4096)
  uri!: string;
}

export class GetPromptDto {
  @ApiPropertyOptional({ type: 'object', additionalProperties: { type: 'string' }, description: "the prompt's arguments (strings)" })
  @IsOptionalNonNull() @IsObject()
  arguments?: Record<string, string>;
}

export class DetectDto {
  @ApiProperty({ example: 'https://mcp.example.com/mcp' })
  @IsString() @MaxLength(2048)
  url!: string;
}

export class ResourceListView {
  @ApiProperty({ type: 'array', items: { type: 'object', additionalProperties: true }, description: 'MCP Resource objects, unchanged' })
  data!: unknown[];
  @ApiProperty({ type: String, nullable: true }) nextCursor!: null;
}

export class OAuthMetadataView {
  @ApiProperty() resource!: string;
  @ApiProperty({ type: [String] }) authorizationServers!: string[];
  @ApiProperty() issuer!: string;
  @ApiProperty({ type: String, nullable: true }) authorizationEndpoint!: string | null;
  @ApiProperty({ type: String, nullable: true }) tokenEndpoint!: string | null;
  @ApiProperty({ type: String, nullable: true }) registrationEndpoint!: string | null;
  @ApiProperty({ type: [String] }) scopesSupported!: string[];
  @ApiProperty({ type: [String] }) codeChallengeMethodsSupported!: string[];
  @ApiProperty() supportsDynamicRegistration!: boolean;
  @ApiProperty() supportsClientIdMetadataDocument!: boolean;
}

export class ValidateErrorView {
  @ApiProperty() code!: string;
  @ApiProperty() message!: string;
}

export class DetectResultView {
  @ApiProperty() url!: string;
  @ApiProperty({ enum: ['streamable_http', 'sse'], nullable: true, type: String }) transport!: 'streamable_http' | 'sse' | null;
  @ApiProperty({ enum: ['none', 'api_key', 'oauth'] }) authType!: 'none' | 'api_key' | 'oauth';
  @ApiProperty({ type: OAuthMetadataView, nullable: true }) oauth!: OAuthMetadataView | null;
  @ApiProperty({ type: 'object', nullable: true, additionalProperties: true, description: 'serverInfo from initialize, when it answered' })
  serverInfo!: Record<string, unknown> | null;
  @ApiProperty({ type: String, nullable: true }) protocolVersion!: string | null;
  @ApiProperty({ type: () => ValidateErrorView, nullable: true, description: 'why nothing MCP was found (unreachable, timeout, not MCP); null when it was' })
  error!: ValidateErrorView | null;
}

export class ValidateResultView {
  @ApiProperty({ description: 'true when Patchbay connected and listed the tools' }) ok!: boolean;
  @ApiProperty({ enum: ['streamable_http', 'sse', 'stdio'] }) transport!: string;
  @ApiProperty({ type: 'object', nullable: true, additionalProperties: true }) serverInfo!: Record<string, unknown> | null;
  @ApiProperty({ type: 'object', nullable: true, additionalProperties: true }) capabilities!: Record<string, unknown> | null;
  @ApiProperty({ type: String, nullable: true }) instructions!: string | null;
  @ApiProperty({ type: 'array', items: { type: 'object', additionalProperties: true }, description: 'MCP Tool objects, unchanged' })
  tools!: unknown[];
  @ApiProperty() toolCount!: number;
  @ApiProperty() latencyMs!: number;
  @ApiProperty({ type: ValidateErrorView, nullable: true }) error!: ValidateErrorView | null;
  @ApiPropertyOptional({ type: DetectResultView, description: 'for a server that wants authorization: what detect found' })
  detected?: DetectResultView;
}

export class ReadResourceResultView {
  @ApiProperty({ type: 'array', items: { type: 'object', additionalProperties: true }, description: 'MCP resource contents ({ uri, mimeType?, text | blob })' })
  contents!: unknown[];
}

export class GetPromptResultView {
  @ApiPropertyOptional() description?: string;
  @ApiProperty({ type: 'array', items: { type: 'object', additionalProperties: true }, description: 'MCP prompt messages ({ role, content })' })
  messages!: unknown[];
}
