import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsString, Length } from 'class-validator';
import { SCOPES, type Scope } from '../api-keys/api-key.entity.js';

export class CreateSessionDto {
  @ApiProperty({ description: 'A Patchbay key: the platform admin key or a workspace API key (pbk_...)' })
  @IsString()
  @Length(1, 512)
  key!: string;
}

export class SessionView {
  @ApiProperty({ enum: ['admin', 'api_key', 'user'] })
  kind!: 'admin' | 'api_key' | 'user';

  @ApiProperty({ description: '`admin`, the key_ id, or the usr_ id' })
  subject!: string;

  @ApiPropertyOptional({ type: String, nullable: true, description: 'The workspace an API key belongs to' })
  workspaceId!: string | null;

  @ApiProperty({ enum: SCOPES, isArray: true, description: 'Scopes of an API key; all of them for the admin key' })
  scopes!: Scope[];

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    description: 'Send as `X-Patchbay-CSRF` on every unsafe request authenticated by the session cookie; null when the caller used a bearer',
  })
  csrfToken!: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, format: 'date-time' })
  expiresAt!: string | null;
}
