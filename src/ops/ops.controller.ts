import { Controller, Get, Header, Headers, HttpCode, Res, ServiceUnavailableException } from '@nestjs/common';
import { ApiProduces, ApiTags, getSchemaPath } from '@nestjs/swagger';
import { HealthCheck, type HealthCheckResult, HealthCheckService, HealthIndicatorService } from '@nestjs/terminus';
import { InjectDataSource } from '@nestjs/typeorm';
import type { FastifyReply } from 'fastify';
import { timingSafeEqual } from 'node:crypto';
import { DataSource } from 'typeorm';
import { Public } from '../auth/decorators.js';
import { UnauthorizedError } from '../auth/auth.guard.js';
import { AppConfig } from '../config/app-config.js';
import { MetricsService } from './metrics.service.js';
import { ApiRoute } from '../common/http/api-docs.js';
import { HealthLiveView, HealthReadyView } from './ops.views.js';

/** A readiness probe answers well inside a load balancer's timeout, whatever the database does. */
const READY_TIMEOUT_MS = 1000;

function withTimeout<T>(p: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  return Promise.race([
    p,
    new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms))),
  ]).finally(() => clearTimeout(timer));
}

/** The driver's reason without anything that could carry a secret (connection strings are never in pg's messages). */
function reason(e: unknown): string {
  const err = e as { code?: string; message?: string };
  return err.code ? `unreachable (${err.code})` : (err.message ?? 'unreachable').slice(0, 200);
}

@ApiTags('operations')
@Controller()
export class OpsController {
  /** Migrations, once all applied, stay applied for the life of the process. */
  private migrated = false;

  constructor(
    private readonly health: HealthCheckService,
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
  async ready(@Res({ passthrough: true }) reply: FastifyReply): Promise<HealthCheckResult> {
    // Every check answers up or down, never throws: a database that is away is a 503 naming it, not a 500;
    // the body is Terminus' own (which check failed, and why), as load balancers and probes expect.
    return this.health.check([
      async () => {
        const check = this.indicator.check('database');
        try {
          await withTimeout(this.db.query('SELECT 1'), READY_TIMEOUT_MS);
          return check.up();
        } catch (e) {
          return check.down({ message: reason(e) });
        }
      },
      async () => {
        const check = this.indicator.check('migrations');
        if (this.migrated) return check.up();
        try {
          const pending = await withTimeout(this.db.showMigrations(), READY_TIMEOUT_MS);
          this.migrated = !pending;
          return pending ? check.down({ pending: true }) : check.up();
        } catch (e) {
          return check.down({ message: reason(e) });
        }
      },
    ]).catch((e: unknown) => {
      if (!(e instanceof ServiceUnavailableException)) throw e;
      void reply.status(503);
      return e.getResponse() as HealthCheckResult;
    });
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
