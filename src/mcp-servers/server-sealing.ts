import { createHash } from 'node:crypto';
import type { SecretBox } from '../common/crypto/secret-box.js';
import { DEFAULT_MAX_TOTAL_TIMEOUT_MS, DEFAULT_REQUEST_TIMEOUT_MS, type UpstreamTarget } from '../connections/index.js';
import type { McpServerEntity } from './mcp-server.entity.js';
import type { McpServerView } from './mcp-server.dto.js';
import type { ServerConfig, ValidServerConfig } from './server-config.js';

export const MASK = '********';

/** Writes a validated config onto the entity, secrets sealed. */
export function sealInto(box: SecretBox, e: McpServerEntity, c: ValidServerConfig): void {
  e.transport = c.transport;
  e.url = c.url;
  e.command = c.command;
  e.args = c.args;
  e.envKeys = Object.keys(c.env);
  e.envSealed = e.envKeys.length ? box.encryptJson(c.env) : null;
  e.headerNames = Object.keys(c.headers);
  e.headersSealed = e.headerNames.length ? box.encryptJson(c.headers) : null;
  e.authType = c.authType;
  e.authHeader = c.authType === 'api_key' ? (c.authHeader ?? 'Authorization') : null;
  e.apiKeySealed = c.apiKey ? box.encrypt(c.apiKey) : null;
  e.oauthClientId = c.oauthClientId;
  e.oauthClientSecretSealed = c.oauthClientSecret ? box.encrypt(c.oauthClientSecret) : null;
  e.oauthTokenEndpoint = c.oauthTokenEndpoint;
  e.oauthAuthorizationEndpoint = c.oauthAuthorizationEndpoint;
  e.oauthScopes = c.oauthScopes;
  e.oauthGrant = c.oauthGrant;
  e.oauthOmitResource = c.oauthOmitResource;
  e.credentialMode = c.credentialMode;
  e.connectorId = c.connectorId;
  e.connectorConfig = c.connectorConfig;
  e.connectionType = c.connectionType;
  e.proxyUrl = c.proxyUrl;
  e.proxyAuthSealed = c.proxyAuth ? box.encrypt(c.proxyAuth) : null;
  e.proxyAuthHeader = c.proxyAuthHeader;
  e.requestTimeout = c.requestTimeout;
  e.maxTotalTimeout = c.maxTotalTimeout;
}

/** The entity's whole config with secrets opened (for merging a PATCH, or connecting). */
export function unseal(box: SecretBox, e: McpServerEntity): ValidServerConfig {
  return {
    transport: e.transport,
    url: e.url,
    command: e.command,
    args: e.args ?? [],
    env: e.envSealed ? box.decryptJson<Record<string, string>>(e.envSealed) : {},
    headers: e.headersSealed ? box.decryptJson<Record<string, string>>(e.headersSealed) : {},
    authType: e.authType,
    apiKey: e.apiKeySealed ? box.decrypt(e.apiKeySealed) : null,
    authHeader: e.authHeader,
    oauthClientId: e.oauthClientId,
    oauthClientSecret: e.oauthClientSecretSealed ? box.decrypt(e.oauthClientSecretSealed) : null,
    oauthTokenEndpoint: e.oauthTokenEndpoint,
    oauthAuthorizationEndpoint: e.oauthAuthorizationEndpoint,
    oauthScopes: e.oauthScopes,
    oauthGrant: e.oauthGrant,
    oauthOmitResource: e.oauthOmitResource,
    credentialMode: e.credentialMode,
    connectorId: e.connectorId,
    connectorConfig: e.connectorConfig,
    connectionType: e.connectionType,
    proxyUrl: e.proxyUrl,
    proxyAuth: e.proxyAuthSealed ? box.decrypt(e.proxyAuthSealed) : null,
    proxyAuthHeader: e.proxyAuthHeader,
    requestTimeout: e.requestTimeout,
    maxTotalTimeout: e.maxTotalTimeout,
  };
}

/** Whether each caller of the server uses their own upstream OAuth account (`credentialMode: per_user`). */
export function perUserCredentials(e: Pick<McpServerEntity, 'authType' | 'transport' | 'credentialMode'>): boolean {
  return e.credentialMode === 'per_user' && e.authType === 'oauth' && e.transport !== 'stdio';
}

/**
 * What the connection pool needs, secrets in clear (never logged, never returned). `owner`: for a `per_user` server,
 * the principal whose own credential the target carries (in its pool key and fingerprint); none for the monitor.
 */
export function toTarget(e: McpServerEntity, c: ServerConfig, owner?: string): UpstreamTarget {
  const headers = { ...c.headers };
  if (c.authType === 'api_key' && c.apiKey) {
    const name = c.authHeader ?? 'Authorization';
    headers[name] = name.toLowerCase() === 'authorization' ? `Bearer ${c.apiKey}` : c.apiKey;
  }
  const target: UpstreamTarget = {
    serverId: e.id,
    workspaceId: e.workspaceId,
    projectId: e.projectId,
    transport: e.transport,
    url: c.url ?? undefined,
    headers,
    command: c.command ?? undefined,
    args: c.args,
    env: c.env,
    requestTimeoutMs: c.requestTimeout ?? DEFAULT_REQUEST_TIMEOUT_MS,
    maxTotalTimeoutMs: c.maxTotalTimeout ?? DEFAULT_MAX_TOTAL_TIMEOUT_MS,
    fingerprint: '',
  };
  if (c.proxyUrl) {
    const proxyHeaders: Record<string, string> = {};
    if (c.proxyAuth) {
      const name = c.proxyAuthHeader ?? 'Proxy-Authorization';
      proxyHeaders[name] = /authorization$/i.test(name) && !/^\w+ /.test(c.proxyAuth) ? `Bearer ${c.proxyAuth}` : c.proxyAuth;
    }
    target.proxy = { url: c.proxyUrl, headers: proxyHeaders };
  }
  // The credential and every connection setting, hashed: a change opens a new client.
  target.fingerprint = createHash('sha256')
    .update(JSON.stringify([e.configVersion, target.transport, target.url, headers, target.command, target.args, target.env, target.proxy]))
    .digest('hex')
    .slice(0, 32);
  if (owner && perUserCredentials(e)) {
    target.credentialOwner = owner;
    target.fingerprint = `${target.fingerprint}:${createHash('sha256').update(owner).digest('hex').slice(0, 16)}`;
  }
  return target;
}

/**
 * What a view of a server reads from its row: no secret, only whether one is set (a list selects exactly this,
 * see ServerRepository.listViews, so showing servers never opens or even loads a sealed column).
 */
export type ServerViewRow = Omit<McpServerView, 'env' | 'headers'> & { envKeys: string[]; headerNames: string[] };

export function toView(e: McpServerEntity): McpServerView {
  const iso = (d: Date | null) => d?.toISOString() ?? null;
  return viewOf({
    id: e.id,
    workspaceId: e.workspaceId,
    projectId: e.projectId,
    name: e.name,
    description: e.description,
    transport: e.transport,
    url: e.url,
    command: e.command,
    args: e.args,
    envKeys: e.envKeys,
    authType: e.authType,
    authHeader: e.authHeader,
    hasApiKey: !!e.apiKeySealed,
    headerNames: e.headerNames,
    oauthClientId: e.oauthClientId,
    hasOauthClientSecret: !!e.oauthClientSecretSealed,
    oauthTokenEndpoint: e.oauthTokenEndpoint,
    oauthAuthorizationEndpoint: e.oauthAuthorizationEndpoint,
    oauthScopes: e.oauthScopes,
    oauthExpiresAt: iso(e.oauthExpiresAt),
    credentialMode: e.credentialMode,
    connectorId: e.connectorId,
    connectorConfig: e.connectorConfig,
    requestTimeout: e.requestTimeout,
    maxTotalTimeout: e.maxTotalTimeout,
    enabled: e.enabled,
    connectorStatus: e.connectorStatus,
    lastCheckedAt: iso(e.lastCheckedAt),
    lastConnectedAt: iso(e.lastConnectedAt),
    lastError: e.lastError,
    consecutiveFailures: e.consecutiveFailures,
    lastLatencyMs: e.lastLatencyMs,
    toolCount: e.toolCount,
    createdBy: e.createdBy,
    createdAt: e.createdAt.toISOString(),
    updatedAt: e.updatedAt.toISOString(),
  });
}

/** The view (field order as documented): env and header names with their values masked. */
export function viewOf(r: ServerViewRow): McpServerView {
  return {
    id: r.id,
    workspaceId: r.workspaceId,
    projectId: r.projectId,
    name: r.name,
    description: r.description,
    transport: r.transport,
    url: r.url,
    command: r.command,
    args: r.args ?? [],
    env: masked(r.envKeys),
    authType: r.authType,
    authHeader: r.authHeader,
    hasApiKey: r.hasApiKey,
    headers: masked(r.headerNames),
    oauthClientId: r.oauthClientId,
    hasOauthClientSecret: r.hasOauthClientSecret,
    oauthTokenEndpoint: r.oauthTokenEndpoint,
    oauthAuthorizationEndpoint: r.oauthAuthorizationEndpoint,
    oauthScopes: r.oauthScopes,
    oauthExpiresAt: r.oauthExpiresAt,
    credentialMode: r.credentialMode,
    connectorId: r.connectorId,
    connectorConfig: r.connectorConfig,
    requestTimeout: r.requestTimeout,
    maxTotalTimeout: r.maxTotalTimeout,
    enabled: r.enabled,
    connectorStatus: r.connectorStatus,
    lastCheckedAt: r.lastCheckedAt,
    lastConnectedAt: r.lastConnectedAt,
    lastError: r.lastError,
    consecutiveFailures: r.consecutiveFailures,
    lastLatencyMs: r.lastLatencyMs,
    toolCount: r.toolCount,
    createdBy: r.createdBy,
    createdAt: r.createdAt,
    updatedAt: r.updatedAt,
  };
}

function masked(names: string[] | null): Record<string, string> {
  const out: Record<string, string> = {};
  for (const k of names ?? []) out[k] = MASK;
  return out;
}
