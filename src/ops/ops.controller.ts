import { Controller, Get, Header, Headers, HttpCode, Redirect } from '@nestjs/common';
import { ApiExcludeEndpoint, ApiOkResponse, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import { HealthCheck, type HealthCheckResult, HealthCheckService, HealthIndicatorService, TypeOrmHealthIndicator } from '@nestjs/terminus';
import { InjectDataSource } from '@nestjs/typeorm';
import { timingSafeEqual } from 'node:crypto';
import { DataSource } from 'typeorm';
import { Public } from '../auth/decorators.js';
import { UnauthorizedError } from '../auth/auth.guard.js';
import { AppConfig } from '../config/app-config.js';
import { MetricsService } from './metrics.service.js';

@ApiTags('operations')
@Controller()
export class OpsController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly typeorm: TypeOrmHealthIndicator,
    private readonly indicator: HealthIndicatorService,
    @InjectDataSource() private readonly db: DataSource,
    private readonly metrics: MetricsService,
    private readonly config: AppConfig,
  ) {}

  /** Where a browser pointed at the bare host lands: the API reference (the console, once there is one). */
  @Get()
  @Public()
  @ApiExcludeEndpoint()
  @Redirect('/docs', 302)
  root(): void {}

  @Get('health/live')
  @Public()
  @HttpCode(200)
  live(): { status: 'ok' } {
    return { status: 'ok' };
  }

  @Get('health/ready')
  @Public()
  // Terminus adds these itself only where it can require() @nestjs/swagger (not under Jest),
  // which would make the served document differ from the committed openapi.json.
  @HealthCheck({ noCache: true, swaggerDocumentation: false })
  @ApiOkResponse({ description: 'The database is reachable and every migration is applied' })
  @ApiServiceUnavailableResponse({ description: 'Not ready: the database is unreachable or a migration is pending' })
  ready(): Promise<HealthCheckResult> {
    return this.health.check([
      () => this.typeorm.pingCheck('database', { timeout: 2000 }),
      async () => {
        const check = this.indicator.check('migrations');
        const pending = await this.db.showMigrations();
        return pending ? check.down({ pending: true }) : check.up();
      },
    ]);
  }

  @Get('metrics')
  @Public()
  @ApiExcludeEndpoint()
  @Header('content-type', 'text/plain; version=0.0.4; charset=utf-8')
  async scrape(@Headers('authorization') auth?: string): Promise<string> {
    const token = this.config.metricsToken;
    if (token) {
      const given = Buffer.from(auth ?? '');
      const want = Buffer.from(`Bearer ${token}`);
      if (given.length !== want.length || !timingSafeEqual(given, want)) throw new UnauthorizedError('Bad metrics token');
    }
    return this.metrics.registry.metrics();
  }
}
