import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsArray, IsIn, IsInt, IsObject, IsOptional, IsString, Length, Matches, Max, MaxLength, Min, ValidateNested,
} from 'class-validator';
import { IsOptionalNonNull } from '../../common/http/validation.js';

export class CustomHeaderDto {
  @ApiProperty() @IsString() @Length(1, 128) name!: string;
  @ApiProperty() @IsString() @MaxLength(8192) value!: string;
}

const HEADER = /^[A-Za-z0-9!#$%&'*+.^_`|~-]{1,128}$/;

/** Fields a project-style create and update share. */
export class ProjectServerFieldsDto {
  @ApiPropertyOptional({ type: String, nullable: true }) @IsOptional() @IsString() @MaxLength(2000)
  description?: string | null;

  @ApiPropertyOptional({ enum: ['stdio', 'http', 'sse'] }) @IsOptionalNonNull() @IsIn(['stdio', 'http', 'sse'])
  transportType?: 'stdio' | 'http' | 'sse';

  @ApiPropertyOptional() @IsOptionalNonNull() @IsString() @MaxLength(2048)
  url?: string;

  @ApiPropertyOptional({ enum: ['direct', 'proxy'], default: 'proxy', description: 'proxy: clients reach the server through Patchbay\'s MCP gateway (the answer\'s gatewayUrl); direct: clients use the server\'s own url' }) @IsOptionalNonNull() @IsIn(['direct', 'proxy'])
  connectionType?: 'direct' | 'proxy';

  @ApiPropertyOptional({ example: 'npx' }) @IsOptionalNonNull() @IsString() @Length(1, 256)
  command?: string;

  @ApiPropertyOptional({ description: 'one string, split like a shell would (quotes, escapes); nothing is executed by a shell', example: '-y @modelcontextprotocol/server-everything "a b"' })
  @IsOptionalNonNull() @IsString() @MaxLength(16384)
  args?: string;

  @ApiPropertyOptional({ type: 'object', additionalProperties: { type: 'string' } }) @IsOptionalNonNull() @IsObject()
  env?: Record<string, string>;

  @ApiPropertyOptional({ type: [CustomHeaderDto] }) @IsOptionalNonNull() @IsArray() @ValidateNested({ each: true }) @Type(() => CustomHeaderDto)
  customHeaders?: CustomHeaderDto[];

  @ApiPropertyOptional({ type: String, nullable: true }) @IsOptional() @IsString() @Length(1, 512)
  oauthClientId?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, description: 'write-only' }) @IsOptional() @IsString() @Length(1, 4096)
  oauthClientSecret?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, example: 'read write' }) @IsOptional() @IsString() @MaxLength(1024)
  oauthScope?: string | null;

  @ApiPropertyOptional({ description: 'optional outbound HTTP proxy Patchbay uses to reach the server (any connectionType)', example: 'http://proxy.internal:3128' })
  @IsOptionalNonNull() @IsString() @MaxLength(2048)
  proxyUrl?: string;

  @ApiPropertyOptional({ description: 'write-only credential sent to the proxy' }) @IsOptionalNonNull() @IsString() @Length(1, 4096)
  proxyAuthToken?: string;

  @ApiPropertyOptional({ default: 'Authorization' }) @IsOptionalNonNull() @IsString() @Matches(HEADER, { message: 'must be an HTTP header name' })
  proxyAuthHeader?: string;

  @ApiPropertyOptional() @IsOptionalNonNull() @IsInt() @Min(100) @Max(600_000)
  requestTimeout?: number;

  @ApiPropertyOptional() @IsOptionalNonNull() @IsInt() @Min(100) @Max(3_600_000)
  maxTotalTimeout?: number;
}

export class CreateProjectServerDto extends ProjectServerFieldsDto {
  @ApiProperty() @IsString() @Matches(/^proj_/, { message: 'must be a proj_ id' })
  projectId!: string;

  @ApiProperty() @IsString() @Length(1, 100) @Matches(/^[^\x00-\x1f]+$/, { message: 'must not contain control characters' })
  name!: string;
}

export class UpdateProjectServerDto extends ProjectServerFieldsDto {
  @ApiPropertyOptional() @IsOptionalNonNull() @IsString() @Length(1, 100) @Matches(/^[^\x00-\x1f]+$/, { message: 'must not contain control characters' })
  name?: string;
}

export class ListProjectServersQueryDto {
  @ApiPropertyOptional() @IsOptional() @IsString() projectId?: string;
}
