import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsString, Length, Matches } from 'class-validator';
import { ROLES, type Role } from '../auth/users/membership.entity.js';

export class CreateWorkspaceDto {
  @ApiProperty({ example: 'Acme' })
  @IsString()
  @Length(1, 200)
  name!: string;
}

export class UpdateWorkspaceDto {
  @ApiPropertyOptional()
  @IsString()
  @Length(1, 200)
  name!: string;
}

export class WorkspaceView {
  @ApiProperty() id!: string;
  @ApiProperty() name!: string;
  @ApiProperty() createdBy!: string;
  @ApiPropertyOptional({ enum: ROLES, description: "the caller's role, for dashboard users" }) role?: Role;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;
}

export class AddMemberDto {
  @ApiProperty({ example: 'usr_01jd8x3v2qf8g6m3s0y1b4k7ze' })
  @IsString()
  @Matches(/^usr_/, { message: 'must be a usr_ id' })
  userId!: string;

  @ApiProperty({ enum: ROLES })
  @IsIn(ROLES)
  role!: Role;
}

export class UpdateMemberDto {
  @ApiProperty({ enum: ROLES })
  @IsIn(ROLES)
  role!: Role;
}

export class MemberView {
  @ApiProperty() workspaceId!: string;
  @ApiProperty() userId!: string;
  @ApiProperty({ type: String, nullable: true }) email!: string | null;
  @ApiProperty({ type: String, nullable: true }) name!: string | null;
  @ApiProperty({ enum: ROLES }) role!: Role;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
}
