import { ValidationError, type FieldError } from '../../common/errors/domain-error.js';
import type { McpServerView, UpdateMcpServerDto } from '../../mcp-servers/mcp-server.dto.js';
import type { Transport } from '../../mcp-servers/mcp-server.entity.js';
import { MASK } from '../../mcp-servers/server-sealing.js';
import type { RefreshResultView, RunResultView, ToolView } from '../../tools/tool.dto.js';

/** Letta's default cap on a tool's returned characters. */
export const LETTA_RETURN_CHAR_LIMIT = 50_000;

type Json = Record<string, unknown>;

/** The canonical create/update fields a Letta body maps to (the registry's own DTO, in part). */
export type CanonicalFields = Pick<UpdateMcpServerDto, 'name' | 'transport' | 'url' | 'command' | 'args' | 'env' | 'headers' | 'apiKey' | 'authHeader'> & {
  authType?: 'none' | 'api_key';
};

/** Where each canonical field came from in a Letta body, to name it in a 422. */
export interface LettaFieldMap {
  prefix: string;
}

const TYPES = new Set(['stdio', 'sse', 'streamable_http']);

/**
 * A Letta create/update body -> canonical fields. Accepts `{ server_name, config: { mcp_server_type, ... } }`
 * and the older flat `{ server_name, type, server_url | command, ... }`. Masked values (what we
 * answer for secrets) mean "keep": they are resolved against `existing` by the caller.
 */
export function fromLetta(body: unknown, mode: 'create' | 'update'): { fields: CanonicalFields; prefix: string } {
  if (!body || typeof body !== 'object' || Array.isArray(body)) throw ValidationError.field('body', 'must be a JSON object');
  const b = body as Json;
  const nested = b.config !== undefined && b.config !== null;
  if (nested && (typeof b.config !== 'object' || Array.isArray(b.config))) throw ValidationError.field('config', 'must be an object');
  const c = (nested ? b.config : b) as Json;
  const prefix = nested ? 'config.' : '';
  const errors: FieldError[] = [];
  const str = (obj: Json, key: string, at: string): string | undefined => {
    const v = obj[key];
    if (v === undefined || v === null) return undefined;
    if (typeof v !== 'string') errors.push({ field: at, message: 'must be a string' });
    return typeof v === 'string' ? v : undefined;
  };
  const record = (key: string): Record<string, string> | undefined => {
    const v = c[key];
    if (v === undefined || v === null) return undefined;
    if (typeof v !== 'object' || Array.isArray(v) || Object.values(v as Json).some((x) => typeof x !== 'string')) {
      errors.push({ field: prefix + key, message: 'must be an object of string values' });
      return undefined;
    }
    return v as Record<string, string>;
  };

  const fields: CanonicalFields = {};
  const name = str(b, 'server_name', 'server_name');
  if (name !== undefined) fields.name = name;
  else if (mode === 'create') errors.push({ field: 'server_name', message: 'is required' });

  const type = str(c, 'mcp_server_type', prefix + 'mcp_server_type') ?? str(c, 'type', prefix + 'type') ?? str(b, 'type', 'type');
  if (type !== undefined && !TYPES.has(type)) errors.push({ field: prefix + 'mcp_server_type', message: 'must be one of stdio, sse, streamable_http' });
  else if (type !== undefined) fields.transport = type as Transport;

  const url = str(c, 'server_url', prefix + 'server_url');
  const command = str(c, 'command', prefix + 'command');
  if (url !== undefined) fields.url = url;
  if (command !== undefined) fields.command = command;
  if (c.args !== undefined && c.args !== null) {
    if (!Array.isArray(c.args) || c.args.some((a) => typeof a !== 'string')) errors.push({ field: prefix + 'args', message: 'must be an array of strings' });
    else fields.args = c.args as string[];
  }
  const env = record('env');
  if (env) fields.env = env;
  const headers = record('custom_headers');
  if (headers) fields.headers = headers;

  const authHeader = str(c, 'auth_header', prefix + 'auth_header');
  // `token` is the older name (Letta's UpdateSSEMCPServer / UpdateStreamableHTTPMCPServer); auth_token wins when both come.
  const authToken = str(c, 'auth_token', prefix + 'auth_token') ?? str(c, 'token', prefix + 'token');
  if (authToken !== undefined && authToken !== MASK) {
    const header = authHeader ?? 'Authorization';
    fields.authType = 'api_key';
    fields.authHeader = header;
    // Letta sends the header value as given; we add "Bearer " for Authorization ourselves.
    fields.apiKey = header.toLowerCase() === 'authorization' ? authToken.replace(/^Bearer\s+/i, '') : authToken;
  } else if (authToken === undefined && (c.auth_token === null || (!('auth_token' in c) && c.token === null)) && mode === 'update') {
    fields.authType = 'none';
  } else if (authHeader !== undefined && authToken === MASK) {
    fields.authHeader = authHeader;
  }

  if (mode === 'create' && fields.transport === undefined && fields.url === undefined && fields.command === undefined) {
    errors.push({ field: prefix + 'mcp_server_type', message: 'give mcp_server_type with server_url (sse, streamable_http) or command (stdio)' });
  }
  if (errors.length) throw new ValidationError(errors);
  return { fields, prefix };
}

const CANONICAL_TO_LETTA: Array<[RegExp, string]> = [
  [/^name$/, 'server_name'],
  [/^url$/, 'server_url'],
  [/^transport$/, 'mcp_server_type'],
  [/^apiKey$/, 'auth_token'],
  [/^authType$/, 'auth_token'],
  [/^authHeader$/, 'auth_header'],
  [/^headers(\.|$)/, 'custom_headers$1'],
  [/^(command|args|env)(\.|$)/, '$1$2'],
];

/** Renames the fields of a registry validation error to the Letta body's own. */
export function lettaValidationError(err: ValidationError, prefix: string): ValidationError {
  const errors = (err.errors ?? []).map((e) => {
    for (const [re, to] of CANONICAL_TO_LETTA) {
      if (re.test(e.field)) return { field: (to === 'server_name' ? '' : prefix) + e.field.replace(re, to), message: e.message };
    }
    if (e.field === 'workspaceId') return { field: 'X-Workspace-Id', message: e.message };
    if (e.field === 'projectId') return { field: 'X-Project-Id', message: e.message };
    return e;
  });
  return new ValidationError(errors, errors.map((e) => `${e.field}: ${e.message}`).join('; '));
}

/** A registry view as Letta's StdioMcpServer / SseMcpServer / StreamableHTTPMcpServer; secrets masked. */
export function toLettaServer(v: McpServerView): Json {
  // `type` is the name Letta's newer document uses; `mcp_server_type` the one its client still reads.
  const base = { id: v.id, server_name: v.name, type: v.transport, mcp_server_type: v.transport };
  if (v.transport === 'stdio') {
    return { ...base, command: v.command, args: v.args, env: Object.keys(v.env).length ? v.env : null };
  }
  return {
    ...base,
    server_url: v.url,
    auth_header: v.hasApiKey ? (v.authHeader ?? 'Authorization') : null,
    auth_token: v.hasApiKey ? MASK : null,
    custom_headers: Object.keys(v.headers).length ? v.headers : null,
  };
}

/** A stored tool as Letta's Tool (an external MCP tool). */
export function toLettaTool(t: ToolView, serverName: string): Json {
  const metadata = { mcp: { server_name: serverName, server_id: t.serverId } };
  return {
    id: t.id,
    name: t.name,
    description: t.description,
    tool_type: 'external_mcp',
    source_type: 'python',
    json_schema: { name: t.name, description: t.description ?? '', parameters: t.inputSchema },
    args_json_schema: t.inputSchema,
    tags: [`mcp:${serverName}`],
    metadata_: metadata,
    metadata,
    return_char_limit: LETTA_RETURN_CHAR_LIMIT,
    enable_parallel_execution: false,
    default_requires_approval: null,
    created_by_id: null,
    last_updated_by_id: null,
    project_id: null,
  };
}

/**
 * Letta's `func_return`: the text when the tool answered text only (Letta joins text parts), otherwise what the
 * tool returned, not flattened: its structured content, or its content parts with images as Letta's ImageContent.
 */
export function lettaFuncReturn(r: RunResultView): unknown {
  if (r.structuredContent !== undefined && r.status === 'success') return r.structuredContent;
  const blocks = r.content as Array<Record<string, unknown>>;
  if (!blocks?.length || blocks.every((b) => b.type === 'text')) return r.funcReturn;
  return blocks.map((b) => {
    if (b.type === 'text') return { type: 'text', text: b.text };
    if (b.type === 'image') return { type: 'image', source: { type: 'base64', media_type: b.mimeType, data: b.data } };
    return b;
  });
}

export function toLettaRun(r: RunResultView): Json {
  return {
    status: r.status,
    func_return: lettaFuncReturn(r),
    stdout: r.stdout,
    stderr: r.stderr,
    agent_state: null,
    sandbox_config_fingerprint: null,
  };
}

export function toLettaRefresh(r: RefreshResultView): Json {
  return { added: r.added, updated: r.updated, deleted: r.removed };
}
