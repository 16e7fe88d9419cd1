import fastifyStatic from '@fastify/static';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { AppConfig } from '../config/app-config.js';

/** The built console: CONSOLE_DIR, or `console/` beside the compiled app (`vite build` writes dist/console). */
export function consoleDir(config: AppConfig): string {
  return config.consoleDir ?? join(import.meta.dirname, '..', 'console');
}

/**
 * Serves the single-page console under /console/ (index.html for /console/). Static files only: the
 * console talks to the public API like any other client. The pages allow nothing but this origin
 * (no CDN, no inline script) and cannot be framed. `unsafe-eval` is there for Ajv, which compiles each tool's
 * input schema into a validator function for the "try it" form (Ajv's code generation escapes schema values).
 */
export async function serveConsole(app: NestFastifyApplication, config: AppConfig): Promise<void> {
  const root = consoleDir(config);
  if (!existsSync(join(root, 'index.html'))) {
    app.getHttpAdapter().getInstance().log.warn({ root }, 'the web console is not built (npm run build); /console/ will answer 404');
  }
  await app.register(fastifyStatic, {
    root,
    prefix: '/console/',
    index: 'index.html',
    // one route per built file, read at start-up (a build is immutable while it runs); also keeps every
    // route visible to the route walk (printRoutes hides a wildcard under a method-less prefix node)
    wildcard: false,
    setHeaders(res, path) {
      void res.header(
        'content-security-policy',
        "default-src 'self'; script-src 'self' 'unsafe-eval'; img-src 'self' data:; media-src 'self' data:; style-src 'self' 'unsafe-inline'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'",
      );
      void res.header('x-content-type-options', 'nosniff');
      void res.header('referrer-policy', 'same-origin');
      // hashed asset names never change; index.html must be re-read to pick up a new build
      void res.header('cache-control', path.includes('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache');
    },
  });
}
