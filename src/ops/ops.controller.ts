import { Controller, Get, Header, Headers, HttpCode } from '@nestjs/common';
import { ApiProduces, ApiTags, getSchemaPath } from '@nestjs/swagger';
import { HealthCheck, type HealthCheckResult, HealthCheckService, HealthIndicatorService, TypeOrmHealthIndicator } from '@nestjs/terminus';
import { InjectDataSource } from '@nestjs/typeorm';
import { timingSafeEqual } from 'node:crypto';
import { DataSource } from 'typeorm';
import { Public } from '../auth/decorators.js';
import { UnauthorizedError } from '../auth/auth.guard.js';
import { AppConfig } from '../config/app-config.js';
import { MetricsService } from './metrics.service.js';
import { ApiRoute } from '../common/http/api-docs.js';
import { HealthLiveView, HealthReadyView } from './ops.views.js';

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

  @Get('health/live')
  @Public()
  @HttpCode(200)
  @ApiRoute({ kind: 'public', ok: HealthLiveView, summary: 'Liveness', description: 'Answers 200 while the process serves HTTP; no dependency is checked.' })
  live(): { status: 'ok' } {
    return { status: 'ok' };
  }

  @Get('health/ready')
  @Public()
  // Terminus adds these itself only where it can require() @nestjs/swagger (not under Jest),
  // which would make the served document differ from the committed openapi.json.
  @HealthCheck({ noCache: true, swaggerDocumentation: false })
  @ApiRoute({ kind: 'public', ok: HealthReadyView, okDescription: 'The database is reachable and every migration is applied', also: [503], errors: { schema: { $ref: getSchemaPath(HealthReadyView) }, statuses: [503] }, summary: 'Readiness', description: 'Checks that the database answers and that no migration is pending; 503 (never 500) otherwise.' })
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
  @Header('content-type', 'text/plain; version=0.0.4; charset=utf-8')
  @ApiRoute({ kind: 'public', ok: { type: 'string', description: 'Prometheus text exposition format' }, also: [401], summary: 'Prometheus metrics', description: 'HTTP, tool-run, monitor and gateway metrics. Public unless `METRICS_TOKEN` is set; then it needs `Authorization: Bearer <METRICS_TOKEN>` (401 otherwise).' })
  @ApiProduces('text/plain')
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
