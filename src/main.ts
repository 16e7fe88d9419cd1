import 'reflect-metadata';
import { inspect } from 'node:util';
import { createApp, type PatchbayApp } from './app.factory.js';
import { AppConfig, ConfigError } from './config/app-config.js';

async function main(): Promise<void> {
  let config: AppConfig;
  try {
    config = AppConfig.fromEnv();
  } catch (e) {
    if (e instanceof ConfigError) {
      process.stderr.write(`patchbay: configuration error: ${e.message}\n`);
      process.exit(1);
    }
    throw e;
  }
  let service: PatchbayApp | undefined;
  try {
    service = await createApp(config);
    await service.app.listen({ port: config.port, host: '0.0.0.0' });
  } catch (e) {
    // stop what did start (the embedded PostgreSQL above all) before saying why
    await service?.close().catch(() => undefined);
    if ((e as NodeJS.ErrnoException)?.code === 'EADDRINUSE') throw new Error(`port ${config.port} is in use; set PORT to another port`);
    throw e;
  }
  const running = service;
  running.app.getHttpAdapter().getInstance().log.info({ port: config.port, console: `${config.publicUrl}/console/` }, 'patchbay listening');

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    running.app.getHttpAdapter().getInstance().log.info({ signal }, 'draining and shutting down');
    const force = setTimeout(() => process.exit(1), 25_000);
    force.unref();
    running
      .close()
      .then(() => process.exit(0))
      .catch(() => process.exit(1));
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
}

/** A one-line reason for whatever was thrown, never "undefined". */
function failureReason(e: unknown): string {
  if (e instanceof Error) return e.message || e.name || inspect(e, { depth: 1, breakLength: Infinity });
  if (typeof e === 'string' && e) return e;
  if (e === undefined || e === null) return 'an unknown error (nothing was thrown with it)';
  return inspect(e, { depth: 1, breakLength: Infinity });
}

main().catch((e: unknown) => {
  process.stderr.write(`patchbay: failed to start: ${failureReason(e)}\n`);
  process.exit(1);
});
