import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayNotEmpty, ArrayUnique, IsArray, IsDateString, IsIn, IsOptional, IsString, Length, Matches } from 'class-validator';
import { IsOptionalNonNull } from '../../common/http/validation.js';
import { PageQueryDto } from '../../common/http/pagination.js';
import { SCOPES, type Scope } from './api-key.entity.js';

export class CreateApiKeyDto {
  @ApiProperty({ example: 'ws_01jd8x3v2qf8g6m3s0y1b4k7ze' })
  @IsString()
  @Matches(/^ws_/, { message: 'must be a ws_ id' })
  workspaceId!: string;

  @ApiProperty({ example: 'ci pipeline' })
  @IsString()
  @Length(1, 200)
  name!: string;

  @ApiProperty({ enum: SCOPES, isArray: true, example: ['read', 'execute'] })
  @IsArray()
  @ArrayNotEmpty()
  @ArrayUnique()
  @IsIn(SCOPES, { each: true })
  scopes!: Scope[];

  @ApiPropertyOptional({ format: 'date-time' })
  @IsOptionalNonNull()
  @IsDateString({ strict: true })
  expiresAt?: string;
}

export class ListApiKeysQueryDto extends PageQueryDto {
  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  workspaceId?: string;
}

export class ApiKeyView {
  @ApiProperty() id!: string;
  @ApiProperty() workspaceId!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ description: 'the first characters of the secret' }) prefix!: string;
  @ApiProperty({ enum: SCOPES, isArray: true }) scopes!: Scope[];
  @ApiProperty() createdBy!: string;
  @ApiProperty({ type: String, nullable: true, format: 'date-time' }) expiresAt!: string | null;
  @ApiProperty({ type: String, nullable: true, format: 'date-time' }) revokedAt!: string | null;
  @ApiProperty({ type: String, nullable: true, format: 'date-time' }) lastUsedAt!: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
}

export class CreatedApiKeyView extends ApiKeyView {
  @ApiProperty({ description: 'the secret, shown only in this response' }) key!: string;
}
