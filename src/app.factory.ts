import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { SwaggerModule } from '@nestjs/swagger';
import { randomUUID } from 'node:crypto';
import { LogController } from 'fastify';
import type { DestinationStream } from 'pino';
import { AppModule } from './app.module.js';
import { serveConsole } from './web-console/console-static.js';
import { createPino, PinoNestLogger } from './common/logging/logger.js';
import { InputGuardPipe } from './common/http/input-guards.js';
import { ProblemFilter } from './common/http/problem.filter.js';
import { LettaErrorFilter } from './compat/compat-error.filter.js';
import { createValidationPipe } from './common/http/validation.js';
import type { AppConfig } from './config/app-config.js';
import { type EmbeddedDatabase, startEmbeddedPostgres } from './database/embedded-postgres.launcher.js';
import { MetricsService } from './ops/metrics.service.js';
import { buildOpenApi } from './openapi.js';

export const BODY_LIMIT = 1024 * 1024;

export interface PatchbayApp {
  app: NestFastifyApplication;
  config: AppConfig;
  /** Stops HTTP (draining in-flight requests), closes MCP sessions and the store. */
  close(): Promise<void>;
}

const REQUEST_ID = /^[A-Za-z0-9._:-]{1,64}$/;

/** Builds the whole service: store (embedded when no DATABASE_URL), migrations, HTTP. */
export async function createApp(
  config: AppConfig,
  opts: { databaseUrl?: string; logDestination?: DestinationStream } = {},
): Promise<PatchbayApp> {
  const pino = createPino(config.logLevel, opts.logDestination);
  let embedded: EmbeddedDatabase | undefined;
  let databaseUrl = opts.databaseUrl ?? config.databaseUrl;
  if (!databaseUrl) {
    embedded = await startEmbeddedPostgres({ dataDir: config.dataDir, log: pino.child({ context: 'EmbeddedPostgres' }) });
    databaseUrl = embedded.url;
  }
  const adapter = new FastifyAdapter({
    loggerInstance: pino,
    // Fastify's own per-request lines are off; the onResponse hook below writes one line per request.
    logController: new LogController({ disableRequestLogging: true }),
    bodyLimit: BODY_LIMIT,
    // `/v1/mcp-servers/` (Letta's client) and `/v1/mcp-servers` are the same route.
    routerOptions: { ignoreTrailingSlash: true },
    return503OnClosing: true,
    forceCloseConnections: 'idle',
    genReqId: (req: { headers: Record<string, string | string[] | undefined> }) => {
      const given = req.headers['x-request-id'];
      return typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
    },
  });
  let app: NestFastifyApplication;
  try {
    app = await NestFactory.create<NestFastifyApplication>(AppModule.forRoot(config, databaseUrl), adapter, {
      logger: new PinoNestLogger(pino),
      abortOnError: false,
    });
  } catch (e) {
    await embedded?.stop();
    throw e;
  }
  app.useGlobalPipes(new InputGuardPipe(), createValidationPipe());
  // an unknown /v1 route answers Letta's own `{ detail }`, as Letta's server would
  app.useGlobalFilters(new ProblemFilter([{ prefix: '/v1/', filter: new LettaErrorFilter() }]));

  const fastify = app.getHttpAdapter().getInstance();
  const metrics = app.get(MetricsService);
  fastify.addHook('onRequest', (req, reply, done) => {
    void reply.header('x-request-id', req.id);
    done();
  });
  // Draining: a response finished after close() began must not leave its keep-alive socket
  // open, or server.close() waits for the client's idle timeout instead of exiting.
  let closing = false;
  fastify.addHook('onSend', (_req, reply, _payload, done) => {
    if (closing) void reply.header('connection', 'close');
    done();
  });
  fastify.addHook('onResponse', (req, reply, done) => {
    const route = req.routeOptions?.url ?? 'unmatched';
    const seconds = reply.elapsedTime / 1000;
    metrics.httpRequests.inc({ method: req.method, route, status: String(reply.statusCode) });
    metrics.httpDuration.observe({ method: req.method, route }, seconds);
    if (route !== '/health/live' && route !== '/metrics') {
      req.log.info(
        { method: req.method, route, url: req.url.split('?')[0], status: reply.statusCode, ms: Math.round(reply.elapsedTime) },
        'request',
      );
    }
    done();
  });

  await serveConsole(app, config);
  const document = buildOpenApi(app);
  SwaggerModule.setup('docs', app, document, { jsonDocumentUrl: 'openapi.json', yamlDocumentUrl: 'openapi.yaml' });
  await app.init();

  let closed = false;
  return {
    app,
    config,
    async close() {
      if (closed) return;
      closed = true;
      closing = true;
      try {
        await app.close();
      } finally {
        await embedded?.stop();
        pino.flush?.();
      }
    },
  };
}
