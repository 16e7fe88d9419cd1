import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { join, resolve } from 'node:path';

import type { LogLevel } from '../common/logging/logger.js';

export type { LogLevel };

const LOG_LEVELS: readonly LogLevel[] = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];

export class ConfigError extends Error {}

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
  /**
   * OAUTH_CLIENT_METADATA_URL: Patchbay's client_id at authorization servers that take client ID
   * metadata documents; default `${PUBLIC_URL}/oauth/client-metadata.json`. Only an https URL is
   * used (else Patchbay registers dynamically).
   */
  readonly oauthClientMetadataUrl?: string;
  readonly monitorIntervalMs!: number;
  readonly monitorEnabled!: boolean;
  /** Checks one replica runs at once (MONITOR_CONCURRENCY). */
  readonly monitorConcurrency!: number;
  /** How long a claimed server stays leased to the replica checking it (MONITOR_LEASE_MS). */
  readonly monitorLeaseMs!: number;
  /** Longest wait between checks of a failing server (MONITOR_BACKOFF_MAX_MS; default 10 intervals, at most 30 min). */
  readonly monitorBackoffMaxMs!: number;
  /** A connect lists a server's tools again when they were listed longer ago than this (TOOLS_STALE_MS). */
  readonly toolsStaleMs!: number;
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
  /** Execution records the database cannot take are fsync'd here and replayed when it returns (EXECUTION_JOURNAL_DIR). */
  readonly executionJournalDir!: string;
  /** Upper bound of that journal; past it, runs are refused rather than acknowledged unrecorded (EXECUTION_JOURNAL_MAX_BYTES). */
  readonly executionJournalMaxBytes!: number;
  /** A replica not heard from for this long is gone: its unfinished runs become `interrupted` (REPLICA_LEASE_MS). */
  readonly replicaLeaseMs!: number;
  /** First wait before an open circuit lets a probe through, doubled per failed probe up to the max (CIRCUIT_PROBE_*_MS). */
  readonly circuitProbe!: { initialMs: number; maxMs: number };
  /** Patchbay as the OAuth authorization server of its gateway (src/authorization). */
  readonly authz!: AuthzSettings;
  /** Live stdio processes per workspace (MCP_STDIO_MAX_PER_WORKSPACE) and in total (MCP_STDIO_MAX_TOTAL). */
  readonly stdioMaxPerWorkspace!: number;
  readonly stdioMaxTotal!: number;
  /** Upstream connections of their own for pass-through sessions (relays, log level, subscriptions). */
  readonly gatewaySessions!: {
    /** At most this many per MCP server (GATEWAY_SESSION_CONNECTIONS_PER_SERVER). */
    connectionsPerServer: number;
    /** Closed (or given back) after this long unused (GATEWAY_SESSION_CONNECTION_IDLE_MS). */
    connectionIdleMs: number;
    /** A request waits this long for a busy server's connection before it is refused (GATEWAY_SESSION_CONNECTION_WAIT_MS). */
    connectionWaitMs: number;
  };
  /** How long a console sign-in lasts (CONSOLE_SESSION_TTL_MS, default 12 h). */
  readonly consoleSessionTtlMs!: number;
  /** Folder of the built console (CONSOLE_DIR; default `console/` beside the compiled app). */
  readonly consoleDir?: string;

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
    const oauthClientMetadataUrl = optional(env, 'OAUTH_CLIENT_METADATA_URL');
    if (oauthClientMetadataUrl) url(oauthClientMetadataUrl, 'OAUTH_CLIENT_METADATA_URL');
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
      oauthClientMetadataUrl,
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
      ...durabilitySettings(env, dataDir),
      authz: authzSettings(env),
      stdioMaxPerWorkspace: int(env, 'MCP_STDIO_MAX_PER_WORKSPACE', 10, 1, 10_000),
      stdioMaxTotal: int(env, 'MCP_STDIO_MAX_TOTAL', 100, 1, 100_000),
      gatewaySessions: {
        connectionsPerServer: int(env, 'GATEWAY_SESSION_CONNECTIONS_PER_SERVER', 4, 1, 1_000),
        connectionIdleMs: int(env, 'GATEWAY_SESSION_CONNECTION_IDLE_MS', 30_000, 100, 3_600_000),
        connectionWaitMs: int(env, 'GATEWAY_SESSION_CONNECTION_WAIT_MS', 10_000, 0, 600_000),
      },
      consoleSessionTtlMs: int(env, 'CONSOLE_SESSION_TTL_MS', 12 * 3_600_000, 60_000, 30 * 24 * 3_600_000),
      consoleDir: optional(env, 'CONSOLE_DIR'),
    });
  }
}

export interface AuthzSettings {
  /** OAUTH_ACCESS_TOKEN_TTL_SECONDS: gateway access tokens' lifetime. */
  accessTokenTtlSeconds: number;
  /** OAUTH_REFRESH_TOKEN_TTL_SECONDS: a refresh token's lifetime (each use rotates it). */
  refreshTokenTtlSeconds: number;
  /** OAUTH_REGISTRATION_TTL_SECONDS: a dynamically registered client unused this long is dropped. */
  registrationTtlSeconds: number;
  /** OAUTH_REGISTRATIONS_PER_MINUTE: dynamic registrations per client address per minute. */
  registrationsPerMinute: number;
  /** OAUTH_CLIENTS: pre-registered clients, a JSON array of RFC 7591 client metadata. */
  clients: Record<string, unknown>[];
  /** OIDC_CLIENT_ID / OIDC_CLIENT_SECRET: Patchbay as a relying party of OIDC_ISSUER for sign-in. */
  oidcClientId?: string;
  oidcClientSecret?: string;
}

function authzSettings(env: NodeJS.ProcessEnv): AuthzSettings {
  let clients: Record<string, unknown>[] = [];
  const raw = optional(env, 'OAUTH_CLIENTS');
  if (raw) {
    try {
      clients = JSON.parse(raw) as Record<string, unknown>[];
    } catch {
      throw new ConfigError('OAUTH_CLIENTS must be a JSON array of client metadata objects');
    }
    if (!Array.isArray(clients) || !clients.every((c) => c && typeof c === 'object' && typeof c.client_id === 'string')) {
      throw new ConfigError('OAUTH_CLIENTS must be a JSON array of objects, each with a client_id');
    }
  }
  const oidcClientId = optional(env, 'OIDC_CLIENT_ID');
  if (oidcClientId && !optional(env, 'OIDC_ISSUER')) throw new ConfigError('OIDC_CLIENT_ID needs OIDC_ISSUER');
  return {
    accessTokenTtlSeconds: int(env, 'OAUTH_ACCESS_TOKEN_TTL_SECONDS', 600, 10, 86_400),
    refreshTokenTtlSeconds: int(env, 'OAUTH_REFRESH_TOKEN_TTL_SECONDS', 30 * 86_400, 60, 365 * 86_400),
    registrationTtlSeconds: int(env, 'OAUTH_REGISTRATION_TTL_SECONDS', 86_400, 60, 30 * 86_400),
    registrationsPerMinute: int(env, 'OAUTH_REGISTRATIONS_PER_MINUTE', 20, 1, 100_000),
    clients,
    oidcClientId,
    oidcClientSecret: optional(env, 'OIDC_CLIENT_SECRET'),
  };
}

function monitorSettings(env: NodeJS.ProcessEnv) {
  const interval = int(env, 'MONITOR_INTERVAL_MS', 60_000, 100, 86_400_000);
  const defaultBackoff = Math.max(interval, Math.min(interval * 10, 1_800_000));
  return {
    monitorConcurrency: int(env, 'MONITOR_CONCURRENCY', 32, 1, 10_000),
    monitorLeaseMs: int(env, 'MONITOR_LEASE_MS', 60_000, 1_000, 3_600_000),
    monitorBackoffMaxMs: int(env, 'MONITOR_BACKOFF_MAX_MS', defaultBackoff, 100, 86_400_000),
    sseHeartbeatMs: int(env, 'SSE_HEARTBEAT_MS', 15_000, 50, 600_000),
    toolsStaleMs: int(env, 'TOOLS_STALE_MS', 3_600_000, 0, 604_800_000),
  };
}

function durabilitySettings(env: NodeJS.ProcessEnv, dataDir: string) {
  const initialMs = int(env, 'CIRCUIT_PROBE_INITIAL_MS', 1_000, 50, 600_000);
  const maxMs = int(env, 'CIRCUIT_PROBE_MAX_MS', 4_000, 50, 3_600_000);
  if (maxMs < initialMs) throw new ConfigError(`CIRCUIT_PROBE_MAX_MS must be at least CIRCUIT_PROBE_INITIAL_MS (${initialMs}), got ${maxMs}`);
  return {
    executionJournalDir: resolve(optional(env, 'EXECUTION_JOURNAL_DIR') ?? join(dataDir, 'journal')),
    executionJournalMaxBytes: int(env, 'EXECUTION_JOURNAL_MAX_BYTES', 256 * 1024 * 1024, 64 * 1024, 64 * 1024 ** 3),
    replicaLeaseMs: int(env, 'REPLICA_LEASE_MS', 15_000, 1_000, 3_600_000),
    circuitProbe: { initialMs, maxMs },
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
