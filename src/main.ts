import 'reflect-metadata';
import { createApp } from './app.factory.js';
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
  const service = await createApp(config);
  await service.app.listen({ port: config.port, host: '0.0.0.0' });
  service.app.getHttpAdapter().getInstance().log.info({ port: config.port, console: `${config.publicUrl}/console/` }, 'patchbay listening');

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    service.app.getHttpAdapter().getInstance().log.info({ signal }, 'draining and shutting down');
    const force = setTimeout(() => process.exit(1), 25_000);
    force.unref();
    service
      .close()
      .then(() => process.exit(0))
      .catch(() => process.exit(1));
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
}

main().catch((e: unknown) => {
  process.stderr.write(`patchbay: failed to start: ${(e as Error)?.message ?? String(e)}\n`);
  process.exit(1);
});
