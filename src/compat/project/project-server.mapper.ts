import { parse, quote } from 'shell-quote';
import { ValidationError, type FieldError } from '../../common/errors/domain-error.js';
import type { McpServerFieldsDto } from '../../mcp-servers/mcp-server.dto.js';
import type { McpServerEntity, Transport } from '../../mcp-servers/mcp-server.entity.js';
import type { InternalServerFields } from '../../mcp-servers/mcp-server.service.js';
import { MASK, toView } from '../../mcp-servers/server-sealing.js';
import type { ProjectServerFieldsDto } from './project-server.dto.js';

export type ProjectStatus = 'connected' | 'disconnected' | 'error' | 'connecting' | 'unknown';

const TRANSPORT: Record<string, Transport> = { stdio: 'stdio', http: 'streamable_http', sse: 'sse' };
const TYPE_OF: Record<Transport, string> = { stdio: 'stdio', streamable_http: 'http', sse: 'sse' };

/** One command-line string -> argv, split as a POSIX shell would; `$VAR` stays literal and operators are refused. */
export function splitArgs(line: string): string[] {
  const out: string[] = [];
  for (const token of parse(line, (name) => `$${name}`)) {
    if (typeof token === 'string') out.push(token);
    else if ('op' in token && token.op === 'glob') out.push(token.pattern);
    else if ('comment' in token) throw ValidationError.field('args', 'must not contain a comment (#)');
    else throw ValidationError.field('args', `must not contain shell operators (${(token as { op: string }).op}); nothing runs through a shell`);
  }
  return out;
}

/** A project-style body -> the registry's fields, plus the forward-proxy settings only this surface sets. */
export function toCanonical(dto: ProjectServerFieldsDto, mode: 'create' | 'update'): { fields: McpServerFieldsDto; internal: InternalServerFields } {
  const fields: McpServerFieldsDto = {};
  const internal: InternalServerFields = {};
  const errors: FieldError[] = [];
  if (dto.description !== undefined) fields.description = dto.description;
  if (dto.transportType !== undefined) fields.transport = TRANSPORT[dto.transportType];
  if (dto.url !== undefined) fields.url = dto.url;
  if (dto.command !== undefined) fields.command = dto.command;
  if (dto.args !== undefined) fields.args = splitArgs(dto.args);
  if (dto.env !== undefined) fields.env = dto.env;
  if (dto.customHeaders !== undefined) {
    const headers: Record<string, string> = {};
    for (const [i, h] of dto.customHeaders.entries()) {
      if (Object.keys(headers).some((k) => k.toLowerCase() === h.name.toLowerCase())) {
        errors.push({ field: `customHeaders[${i}].name`, message: `header ${h.name} is given twice` });
      }
      headers[h.name] = h.value;
    }
    fields.headers = headers;
  }
  if (dto.oauthClientId !== undefined || dto.oauthClientSecret !== undefined || dto.oauthScope !== undefined) {
    if (dto.oauthClientId !== undefined) fields.oauthClientId = dto.oauthClientId;
    if (dto.oauthClientSecret !== undefined) fields.oauthClientSecret = dto.oauthClientSecret;
    if (dto.oauthScope !== undefined) fields.oauthScopes = dto.oauthScope;
    if (dto.oauthClientId) fields.authType = 'oauth';
    else if (dto.oauthClientId === null) fields.authType = 'none';
  }
  if (dto.requestTimeout !== undefined) fields.requestTimeout = dto.requestTimeout;
  if (dto.maxTotalTimeout !== undefined) fields.maxTotalTimeout = dto.maxTotalTimeout;

  const proxyGiven = dto.proxyUrl !== undefined || dto.proxyAuthToken !== undefined || dto.proxyAuthHeader !== undefined;
  if (dto.connectionType !== undefined) internal.connectionType = dto.connectionType;
  if (dto.connectionType === 'direct') {
    Object.assign(internal, { proxyUrl: null, proxyAuth: null, proxyAuthHeader: null });
  } else if (proxyGiven) {
    // connectionType proxy (the default) = clients reach the server through Patchbay's gateway; proxyUrl is only
    // an optional outbound HTTP proxy for Patchbay's own connection.
    if (dto.proxyUrl !== undefined) internal.proxyUrl = dto.proxyUrl;
    if (dto.proxyAuthToken !== undefined) internal.proxyAuth = dto.proxyAuthToken;
    if (dto.proxyAuthHeader !== undefined || mode === 'create') internal.proxyAuthHeader = dto.proxyAuthHeader ?? 'Authorization';
  }
  if (errors.length) throw new ValidationError(errors);
  return { fields, internal };
}

function withoutCredentials(url: string): string {
  try {
    const u = new URL(url);
    if (u.username || u.password) {
      u.username = u.username ? MASK : '';
      u.password = '';
    }
    return u.href;
  } catch {
    return url;
  }
}

export function statusOf(e: McpServerEntity, connecting: boolean): ProjectStatus {
  if (connecting) return 'connecting';
  return e.connectorStatus === '' ? 'unknown' : e.connectorStatus;
}

/** A server in the project-style shape; no secret (env, header values, client secret, proxy credential) is shown. */
export function toProjectServer(e: McpServerEntity, connecting: boolean): Record<string, unknown> {
  const v = toView(e);
  return {
    id: v.id,
    projectId: v.projectId,
    workspaceId: v.workspaceId,
    name: v.name,
    description: v.description,
    transportType: TYPE_OF[v.transport],
    url: v.url,
    connectionType: e.connectionType,
    command: v.command,
    args: quote(v.args),
    env: v.env,
    customHeaders: Object.keys(v.headers).map((name) => ({ name, value: MASK })),
    oauthClientId: v.oauthClientId,
    hasOauthClientSecret: v.hasOauthClientSecret,
    oauthScope: v.oauthScopes,
    proxyUrl: e.proxyUrl ? withoutCredentials(e.proxyUrl) : null,
    hasProxyAuthToken: !!e.proxyAuthSealed,
    proxyAuthHeader: e.proxyUrl ? e.proxyAuthHeader : null,
    requestTimeout: v.requestTimeout,
    maxTotalTimeout: v.maxTotalTimeout,
    enabled: v.enabled,
    status: statusOf(e, connecting),
    lastError: v.lastError,
    lastCheckedAt: v.lastCheckedAt,
    toolCount: v.toolCount,
    createdAt: v.createdAt,
    updatedAt: v.updatedAt,
  };
}
