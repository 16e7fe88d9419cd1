import { Inject, Injectable } from '@nestjs/common';
import { ValidationError, type FieldError } from '../common/errors/domain-error.js';
import { AppConfig } from '../config/app-config.js';
import {
  assertStdioAllowed, assertUrlAllowed, CONNECTIONS_OPTIONS, resolveConnectionsOptions, type ConnectionsOptions,
} from '../connections/index.js';
import { findConnector, publicConfig, validateConnectorConfig } from './connectors/connector-catalog.js';
import type { AuthType, ConnectionType, CredentialMode, Transport } from './mcp-server.entity.js';

/** A server's whole configuration, secrets in clear: what create/update validate and seal. */
export interface ServerConfig {
  transport?: Transport;
  url: string | null;
  command: string | null;
  args: string[];
  env: Record<string, string>;
  headers: Record<string, string>;
  authType: AuthType;
  apiKey: string | null;
  authHeader: string | null;
  oauthClientId: string | null;
  oauthClientSecret: string | null;
  oauthTokenEndpoint: string | null;
  oauthAuthorizationEndpoint: string | null;
  oauthScopes: string | null;
  oauthGrant: string | null;
  oauthOmitResource: boolean;
  credentialMode: CredentialMode;
  connectorId: string | null;
  connectorConfig: Record<string, unknown> | null;
  /** project-style: `proxy` (clients reach the server through Patchbay's gateway) or `direct` (at its own url) */
  connectionType: ConnectionType;
  proxyUrl: string | null;
  proxyAuth: string | null;
  proxyAuthHeader: string | null;
  requestTimeout: number | null;
  maxTotalTimeout: number | null;
}

export type ValidServerConfig = ServerConfig & { transport: Transport };

const HEADER_NAME = /^[A-Za-z0-9!#$%&'*+.^_`|~-]{1,128}$/;
const FORBIDDEN_HEADERS = new Set([
  'host', 'content-length', 'content-type', 'connection', 'transfer-encoding', 'upgrade', 'te', 'trailer', 'keep-alive',
  'expect', 'accept', 'mcp-session-id', 'mcp-protocol-version', 'last-event-id', 'cookie', 'proxy-authorization',
]);
const ENV_NAME = /^[A-Za-z_][A-Za-z0-9_]{0,127}$/;

/**
 * The rules a server configuration must meet before it is saved: one transport and the fields
 * it needs, a connector template applied and its config validated, headers and env well-formed,
 * every URL outside private networks (unless allowed), and stdio only within the operator's policy.
 */
@Injectable()
export class ServerConfigValidator {
  private readonly options: ConnectionsOptions;

  constructor(
    private readonly config: AppConfig,
    @Inject(CONNECTIONS_OPTIONS) options: Partial<ConnectionsOptions>,
  ) {
    this.options = resolveConnectionsOptions(options);
  }

  /** `explicit` names the fields the caller sent in this request (for template/raw conflicts). */
  async validate(cfg: ServerConfig, explicit: ReadonlySet<string>): Promise<ValidServerConfig> {
    const errors: FieldError[] = [];
    const out: ServerConfig = { ...cfg, args: [...cfg.args], env: { ...cfg.env }, headers: { ...cfg.headers } };

    if (out.connectorId && (explicit.has('connectorId') || explicit.has('connectorConfig'))) {
      const template = findConnector(out.connectorId);
      if (!template) throw ValidationError.field('connectorId', 'no such connector; see GET /api/connectors');
      const given = { ...(out.connectorConfig ?? {}) };
      const problems = validateConnectorConfig(template, given);
      if (problems.length) throw new ValidationError(problems);
      if (template.transport === 'stdio') {
        for (const f of ['command', 'args', 'url'] as const) {
          if (explicit.has(f)) errors.push({ field: f, message: `comes from connector "${template.id}"; set connectorConfig instead` });
        }
      }
      const built = template.build(given);
      out.transport = built.transport;
      out.url = built.url ?? null;
      out.command = built.command ?? null;
      out.args = built.args ?? [];
      if (built.env) out.env = { ...out.env, ...built.env };
      if (built.headers) out.headers = { ...out.headers, ...built.headers };
      if (built.authType) {
        out.authType = built.authType;
        out.apiKey = built.apiKey ?? null;
        out.authHeader = built.authHeader ?? null;
      }
      out.connectorConfig = publicConfig(template, given);
    }

    if (!out.transport && out.url && out.command) {
      throw new ValidationError([
        { field: 'url', message: 'give either url or command, not both' },
        { field: 'command', message: 'give either url or command, not both' },
      ]);
    }
    out.transport ??= out.command ? 'stdio' : out.url ? inferHttpTransport(out.url) : undefined;
    if (!out.transport) {
      throw new ValidationError([
        { field: 'url', message: 'give url (streamable_http or sse) or command (stdio), or a connectorId' },
      ]);
    }
    if (out.transport === 'stdio') {
      if (!out.command) errors.push({ field: 'command', message: 'is required for stdio' });
      if (out.url) errors.push({ field: 'url', message: 'is not used by stdio; remove it' });
      if (out.authType === 'oauth') errors.push({ field: 'authType', message: 'oauth needs an HTTP transport' });
      if (Object.keys(out.headers).length) errors.push({ field: 'headers', message: 'are not used by stdio' });
      if (this.options.stdioCommands === 'catalog' && !out.connectorId) {
        errors.push({ field: 'command', message: 'this Patchbay runs stdio servers only from connector templates (connectorId)' });
      }
    } else {
      if (!out.url) errors.push({ field: 'url', message: `is required for ${out.transport}` });
      if (out.command) errors.push({ field: 'command', message: `is not used by ${out.transport}; remove it` });
      if (out.args.length) errors.push({ field: 'args', message: `are not used by ${out.transport}` });
      if (Object.keys(out.env).length) errors.push({ field: 'env', message: 'is only for stdio servers' });
    }
    if (out.credentialMode === 'per_user') {
      // Each caller's own upstream account exists only for OAuth over HTTP (a stdio child cannot be one per person).
      if (out.authType !== 'oauth') errors.push({ field: 'credentialMode', message: 'per_user needs authType oauth' });
      else if (out.oauthGrant === 'client_credentials') errors.push({ field: 'credentialMode', message: 'per_user needs the authorization_code grant (a person approves)' });
      if (out.transport === 'stdio') errors.push({ field: 'credentialMode', message: 'per_user needs an HTTP transport, not stdio' });
    }
    if (out.authType === 'api_key' && !out.apiKey) errors.push({ field: 'apiKey', message: 'is required when authType is api_key' });
    if (out.authType !== 'api_key') out.apiKey = null;
    for (const [name, value] of Object.entries(out.headers)) {
      if (!HEADER_NAME.test(name)) errors.push({ field: `headers.${name}`, message: 'is not a valid HTTP header name' });
      else if (FORBIDDEN_HEADERS.has(name.toLowerCase())) errors.push({ field: `headers.${name}`, message: 'is set by Patchbay and cannot be overridden' });
      if (typeof value !== 'string' || /[\r\n\0]/.test(value) || value.length > 8192) {
        errors.push({ field: `headers.${name}`, message: 'must be a string of at most 8192 characters without line breaks' });
      }
    }
    if (Object.keys(out.headers).length > 50) errors.push({ field: 'headers', message: 'at most 50 headers' });
    for (const [name, value] of Object.entries(out.env)) {
      if (!ENV_NAME.test(name)) errors.push({ field: `env.${name}`, message: 'is not a valid environment variable name' });
      if (typeof value !== 'string' || value.length > 32768 || value.includes('\0')) {
        errors.push({ field: `env.${name}`, message: 'must be a string of at most 32768 characters' });
      }
    }
    if (errors.length) throw new ValidationError(errors);

    const policy = { allowPrivateNetworks: this.config.allowPrivateNetworks };
    if (out.transport === 'stdio') {
      assertStdioAllowed({ command: out.command!, args: out.args, env: out.env }, this.options);
    } else {
      await assertUrlAllowed(out.url!, 'url', policy);
    }
    for (const field of ['oauthTokenEndpoint', 'oauthAuthorizationEndpoint', 'proxyUrl'] as const) {
      if (out[field]) await assertUrlAllowed(out[field]!, field, policy);
    }
    return out as ValidServerConfig;
  }
}

export function inferHttpTransport(url: string): Transport {
  try {
    return /\/sse\/?$/.test(new URL(url).pathname) ? 'sse' : 'streamable_http';
  } catch {
    return 'streamable_http';
  }
}
