import { Ajv } from 'ajv';
import type { FieldError } from '../../common/errors/domain-error.js';
import { schemaErrors } from '../../common/http/schema-errors.js';
import type { Transport } from '../mcp-server.entity.js';

/** What a template contributes to a server's configuration. */
export interface ConnectorResult {
  transport: Transport;
  url?: string;
  command?: string;
  args?: string[];
  env?: Record<string, string>;
  headers?: Record<string, string>;
  authType?: 'none' | 'api_key';
  apiKey?: string;
  authHeader?: string;
}

export interface ConnectorTemplate {
  id: string;
  name: string;
  description: string;
  transport: Transport;
  /** JSON Schema of `connectorConfig`; properties with `x-secret: true` are never stored in clear. */
  configSchema: Record<string, unknown>;
  build(config: Record<string, unknown>): ConnectorResult;
}

const SAFE_PATH = '^/(?!.*(^|/)\\.\\.(/|$))[A-Za-z0-9._/@+ -]*$';

export const CONNECTORS: readonly ConnectorTemplate[] = [
  {
    id: 'everything',
    name: 'MCP "everything" reference server',
    description: 'The protocol test server from the MCP project (stdio, via npx).',
    transport: 'stdio',
    configSchema: { type: 'object', additionalProperties: false, properties: {} },
    build: () => ({ transport: 'stdio', command: 'npx', args: ['-y', '@modelcontextprotocol/server-everything', 'stdio'] }),
  },
  {
    id: 'filesystem',
    name: 'Filesystem',
    description: 'Read and write files under the given directories (stdio, via npx).',
    transport: 'stdio',
    configSchema: {
      type: 'object',
      additionalProperties: false,
      required: ['paths'],
      properties: {
        paths: { type: 'array', minItems: 1, maxItems: 16, items: { type: 'string', pattern: SAFE_PATH, maxLength: 512 } },
      },
    },
    build: (c) => ({
      transport: 'stdio',
      command: 'npx',
      args: ['-y', '@modelcontextprotocol/server-filesystem', '--', ...(c.paths as string[])],
    }),
  },
  {
    id: 'fetch',
    name: 'Fetch',
    description: 'Fetch web pages as markdown (stdio, via uvx).',
    transport: 'stdio',
    configSchema: { type: 'object', additionalProperties: false, properties: {} },
    build: () => ({ transport: 'stdio', command: 'uvx', args: ['mcp-server-fetch'] }),
  },
  {
    id: 'github',
    name: 'GitHub',
    description: "GitHub's hosted MCP server (streamable HTTP, personal access token).",
    transport: 'streamable_http',
    configSchema: {
      type: 'object',
      additionalProperties: false,
      required: ['token'],
      properties: { token: { type: 'string', minLength: 1, maxLength: 512, 'x-secret': true } },
    },
    build: (c) => ({
      transport: 'streamable_http',
      url: 'https://api.githubcopilot.com/mcp/',
      authType: 'api_key',
      apiKey: c.token as string,
      authHeader: 'Authorization',
    }),
  },
  {
    id: 'remote',
    name: 'Any remote MCP server',
    description: 'A streamable-HTTP or SSE endpoint with an optional bearer token.',
    transport: 'streamable_http',
    configSchema: {
      type: 'object',
      additionalProperties: false,
      required: ['url'],
      properties: {
        url: { type: 'string', pattern: '^https?://', maxLength: 2048 },
        transport: { enum: ['streamable_http', 'sse'], default: 'streamable_http' },
        token: { type: 'string', minLength: 1, maxLength: 4096, 'x-secret': true },
      },
    },
    build: (c) => ({
      transport: (c.transport as Transport) ?? 'streamable_http',
      url: c.url as string,
      ...(c.token ? { authType: 'api_key' as const, apiKey: c.token as string, authHeader: 'Authorization' } : {}),
    }),
  },
];

/** Commands the templates run: what `MCP_STDIO_COMMANDS=catalog` allows. */
export const CATALOG_COMMANDS = [...new Set(CONNECTORS.map((c) => c.build(sampleConfig(c)).command).filter((c): c is string => !!c))];

function sampleConfig(c: ConnectorTemplate): Record<string, unknown> {
  return c.id === 'filesystem' ? { paths: ['/tmp'] } : c.id === 'github' ? { token: 'x' } : c.id === 'remote' ? { url: 'https://x' } : {};
}

const ajv = new Ajv({ allErrors: true, strict: false, useDefaults: true });
const validators = new Map(CONNECTORS.map((c) => [c.id, ajv.compile(c.configSchema)]));

export function findConnector(id: string): ConnectorTemplate | undefined {
  return CONNECTORS.find((c) => c.id === id);
}

/** Validates `connectorConfig` against the template's schema; errors name `connectorConfig.<path>`. */
export function validateConnectorConfig(template: ConnectorTemplate, config: Record<string, unknown>): FieldError[] {
  const validate = validators.get(template.id)!;
  if (validate(config)) return [];
  return schemaErrors('connectorConfig', validate.errors);
}

/** The config with secret properties removed, for storing in clear. */
export function publicConfig(template: ConnectorTemplate, config: Record<string, unknown>): Record<string, unknown> {
  const props = (template.configSchema.properties ?? {}) as Record<string, { 'x-secret'?: boolean }>;
  return Object.fromEntries(Object.entries(config).filter(([k]) => !props[k]?.['x-secret']));
}
