import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString } from 'class-validator';
import { PageQueryDto } from '../common/http/pagination.js';

export class ListOAuthGrantsQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ example: 'ws_01jd8x3v2qf8g6m3s0y1b4k7ze' })
  @IsOptional()
  @IsString()
  workspaceId?: string;
}

export class OAuthGrantView {
  @ApiProperty({ example: 'grant_01jd8x3v2qf8g6m3s0y1b4k7ze' }) id!: string;
  @ApiProperty() workspaceId!: string;
  @ApiProperty({ description: 'the gateway scope: a ws_, proj_ or mcp_ id' }) scopeId!: string;
  @ApiProperty({ description: 'the RFC 8707 resource the tokens are bound to' }) resource!: string;
  @ApiProperty() clientId!: string;
  @ApiProperty({ type: String, nullable: true }) clientName!: string | null;
  @ApiProperty({ description: 'the usr_ or key_ id the client acts as' }) accountId!: string;
  @ApiProperty({ isArray: true, type: String, example: ['execute'] }) scopes!: string[];
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ type: String, nullable: true, format: 'date-time' }) lastUsedAt!: string | null;
  @ApiProperty({ type: String, nullable: true, format: 'date-time' }) revokedAt!: string | null;
}
