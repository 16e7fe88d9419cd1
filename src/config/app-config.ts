import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { join, resolve } from 'node:path';

export class ConfigError extends Error {}

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

/**
 * Every setting Patchbay reads, parsed and validated once at boot (`AppConfig.fromEnv`).
 * A bad or missing value throws a ConfigError whose message names the variable; main.ts
 * prints that one line and exits.
 */
export class AppConfig {
  readonly nodeEnv!: string;
  readonly port!: number;
  readonly databaseUrl?: string;
  readonly dataDir!: string;
  readonly adminApiKey?: string;
  readonly encryptionKeys!: string[];
  readonly oidcIssuer?: string;
  readonly oidcAudience?: string;
  readonly publicUrl!: string;
  readonly monitorIntervalMs!: number;
  readonly monitorEnabled!: boolean;
  /** Checks one replica runs at once (MONITOR_CONCURRENCY). */
  readonly monitorConcurrency!: number;
  /** How long a claimed server stays leased to the replica checking it (MONITOR_LEASE_MS). */
  readonly monitorLeaseMs!: number;
  /** Longest wait between checks of a failing server (MONITOR_BACKOFF_MAX_MS; default 10 intervals, at most 30 min). */
  readonly monitorBackoffMaxMs!: number;
  /** Comment line sent on every idle /api/events stream this often (SSE_HEARTBEAT_MS). */
  readonly sseHeartbeatMs!: number;
  readonly stdioCommands!: string[] | 'catalog';
  readonly allowPrivateNetworks!: boolean;
  readonly logLevel!: LogLevel;
  readonly metricsToken?: string;
  readonly rateLimit!: { perKeyPerMinute: number; perWorkspacePerMinute: number };
  readonly runLimit!: {
    perKeyPerMinute: number;
    perWorkspacePerMinute: number;
    concurrentPerKey: number;
    concurrentPerWorkspace: number;
  };
  readonly keyCacheTtlMs!: number;

  constructor(values: Omit<AppConfig, 'isProduction'>) {
    Object.assign(this, values);
  }

  get isProduction(): boolean {
    return this.nodeEnv === 'production';
  }

  static fromEnv(env: NodeJS.ProcessEnv = process.env): AppConfig {
    const nodeEnv = oneOf(env, 'NODE_ENV', ['development', 'production', 'test'] as const, 'development');
    const dataDir = resolve(env.PATCHBAY_DATA_DIR || './.patchbay');
    const port = int(env, 'PORT', 8080, 0, 65535);
    const databaseUrl = optional(env, 'DATABASE_URL');
    if (databaseUrl && !/^postgres(ql)?:\/\//.test(databaseUrl)) {
      throw new ConfigError('DATABASE_URL must be a postgres:// or postgresql:// URL');
    }
    const adminApiKey = optional(env, 'ADMIN_API_KEY');
    if (adminApiKey !== undefined && adminApiKey.length < 24) {
      throw new ConfigError('ADMIN_API_KEY must be at least 24 characters');
    }
    const oidcIssuer = optional(env, 'OIDC_ISSUER');
    const oidcAudience = optional(env, 'OIDC_AUDIENCE');
    if (oidcIssuer) url(oidcIssuer, 'OIDC_ISSUER');
    if (!!oidcIssuer !== !!oidcAudience) {
      throw new ConfigError(`${oidcIssuer ? 'OIDC_AUDIENCE' : 'OIDC_ISSUER'} must be set together with ${oidcIssuer ? 'OIDC_ISSUER' : 'OIDC_AUDIENCE'}`);
    }
    // PATCHBAY_PORT: the host port docker-compose.yml publishes the container's PORT on
    const publicPort = int(env, 'PATCHBAY_PORT', port, 1, 65535);
    const publicUrl = (optional(env, 'PUBLIC_URL') ?? `http://localhost:${publicPort}`).replace(/\/+$/, '');
    url(publicUrl, 'PUBLIC_URL');
    const rawStdio = (env.MCP_STDIO_COMMANDS ?? '').trim();
    const stdioCommands: string[] | 'catalog' =
      rawStdio === 'catalog' ? 'catalog' : rawStdio.split(',').map((s) => s.trim()).filter(Boolean);
    const logLevel: LogLevel = oneOf(env, 'LOG_LEVEL', LOG_LEVELS, 'info');
    return new AppConfig({
      nodeEnv,
      port,
      databaseUrl,
      dataDir,
      adminApiKey,
      encryptionKeys: encryptionKeys(env, dataDir, nodeEnv === 'production'),
      oidcIssuer,
      oidcAudience,
      publicUrl,
      monitorIntervalMs: int(env, 'MONITOR_INTERVAL_MS', 60_000, 100, 86_400_000),
      monitorEnabled: bool(env, 'MONITOR_ENABLED', true),
      ...monitorSettings(env),
      stdioCommands,
      allowPrivateNetworks: bool(env, 'MCP_ALLOW_PRIVATE_NETWORKS', false),
      logLevel,
      metricsToken: optional(env, 'METRICS_TOKEN'),
      rateLimit: {
        perKeyPerMinute: int(env, 'RATE_LIMIT_PER_KEY_PER_MINUTE', 1200, 1, 10_000_000),
        perWorkspacePerMinute: int(env, 'RATE_LIMIT_PER_WORKSPACE_PER_MINUTE', 6000, 1, 10_000_000),
      },
      runLimit: {
        perKeyPerMinute: int(env, 'TOOL_RUNS_PER_KEY_PER_MINUTE', 600, 1, 10_000_000),
        perWorkspacePerMinute: int(env, 'TOOL_RUNS_PER_WORKSPACE_PER_MINUTE', 3000, 1, 10_000_000),
        concurrentPerKey: int(env, 'TOOL_RUNS_CONCURRENT_PER_KEY', 32, 1, 100_000),
        concurrentPerWorkspace: int(env, 'TOOL_RUNS_CONCURRENT_PER_WORKSPACE', 128, 1, 100_000),
      },
      keyCacheTtlMs: int(env, 'AUTH_CACHE_TTL_MS', 30_000, 0, 3_600_000),
    });
  }
}

function monitorSettings(env: NodeJS.ProcessEnv) {
  const interval = int(env, 'MONITOR_INTERVAL_MS', 60_000, 100, 86_400_000);
  const defaultBackoff = Math.max(interval, Math.min(interval * 10, 1_800_000));
  return {
    monitorConcurrency: int(env, 'MONITOR_CONCURRENCY', 32, 1, 10_000),
    monitorLeaseMs: int(env, 'MONITOR_LEASE_MS', 60_000, 1_000, 3_600_000),
    monitorBackoffMaxMs: int(env, 'MONITOR_BACKOFF_MAX_MS', defaultBackoff, 100, 86_400_000),
    sseHeartbeatMs: int(env, 'SSE_HEARTBEAT_MS', 15_000, 50, 600_000),
  };
}

function optional(env: NodeJS.ProcessEnv, name: string): string | undefined {
  const v = env[name];
  return v === undefined || v.trim() === '' ? undefined : v.trim();
}

/** An enumerated setting: a typo (`NODE_ENV=prod`) stops start-up instead of meaning the default. */
function oneOf<T extends string>(env: NodeJS.ProcessEnv, name: string, allowed: readonly T[], def: T): T {
  const raw = optional(env, name);
  if (raw === undefined) return def;
  if ((allowed as readonly string[]).includes(raw)) return raw as T;
  throw new ConfigError(`${name} must be one of ${allowed.join(', ')}, got "${raw.slice(0, 40)}"`);
}

function int(env: NodeJS.ProcessEnv, name: string, def: number, min: number, max: number): number {
  const raw = optional(env, name);
  if (raw === undefined) return def;
  if (!/^\d+$/.test(raw)) throw new ConfigError(`${name} must be a whole number, got "${raw.slice(0, 40)}"`);
  const n = Number(raw);
  if (n < min || n > max) throw new ConfigError(`${name} must be between ${min} and ${max}, got ${n}`);
  return n;
}

function bool(env: NodeJS.ProcessEnv, name: string, def: boolean): boolean {
  const raw = optional(env, name)?.toLowerCase();
  if (raw === undefined) return def;
  if (['true', '1', 'yes'].includes(raw)) return true;
  if (['false', '0', 'no'].includes(raw)) return false;
  throw new ConfigError(`${name} must be true or false, got "${raw.slice(0, 40)}"`);
}

function url(value: string, name: string): void {
  try {
    const u = new URL(value);
    if (u.protocol !== 'http:' && u.protocol !== 'https:') throw new Error();
  } catch {
    throw new ConfigError(`${name} must be an http(s) URL`);
  }
}

function checkKey(value: string, name: string): string {
  const raw = Buffer.from(value, 'base64');
  if (raw.length !== 32 || raw.toString('base64').replace(/=+$/, '') !== value.replace(/=+$/, '')) {
    throw new ConfigError(`${name} must be 32 random bytes encoded as base64 (openssl rand -base64 32)`);
  }
  return value;
}

/** ENCRYPTION_KEY first (encrypts), then ENCRYPTION_KEYS_PREVIOUS (decrypt only, for rotation). */
function encryptionKeys(env: NodeJS.ProcessEnv, dataDir: string, production: boolean): string[] {
  const previous = (optional(env, 'ENCRYPTION_KEYS_PREVIOUS') ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)
    .map((k) => checkKey(k, 'ENCRYPTION_KEYS_PREVIOUS'));
  const given = optional(env, 'ENCRYPTION_KEY');
  if (given) return [checkKey(given, 'ENCRYPTION_KEY'), ...previous];
  if (production) throw new ConfigError('ENCRYPTION_KEY is required when NODE_ENV=production');
  const file = join(dataDir, 'encryption.key');
  if (!existsSync(file)) {
    mkdirSync(dataDir, { recursive: true });
    writeFileSync(file, randomBytes(32).toString('base64') + '\n', { mode: 0o600 });
  }
  return [checkKey(readFileSync(file, 'utf8').trim(), `ENCRYPTION_KEY (from ${file})`), ...previous];
}
