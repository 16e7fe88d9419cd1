import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class HealthLiveView {
  @ApiProperty({ enum: ['ok'] }) status!: 'ok';
}


/** @nestjs/terminus' HealthCheckResult. */
export class HealthReadyView {
  @ApiProperty({ enum: ['ok', 'error', 'shutting_down'] }) status!: string;
  @ApiPropertyOptional({ type: 'object', additionalProperties: true, description: 'indicator name -> { status: up | down, ... }' }) info?: Record<string, unknown>;
  @ApiPropertyOptional({ type: 'object', additionalProperties: true, description: 'indicator name -> { status: up | down, ... }' }) error?: Record<string, unknown>;
  @ApiProperty({ type: 'object', additionalProperties: true }) details!: Record<string, unknown>;
}
