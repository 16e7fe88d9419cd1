// OpenAPI shapes of the Letta surface (Letta's own snake_case names).
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { SchemaObject } from '@nestjs/swagger';

const TYPES = ['stdio', 'sse', 'streamable_http'];
const STRING_MAP = { type: 'object', additionalProperties: { type: 'string' }, nullable: true } as const;

/** Letta's StdioMcpServer / SseMcpServer / StreamableHTTPMcpServer in one shape; `type` names which. */
export class LettaMcpServerView {
  @ApiProperty({ example: 'mcp_01jd8x3v2qf8g6m3s0y1b4k7ze' }) id!: string;
  @ApiProperty() server_name!: string;
  @ApiProperty({ enum: TYPES, description: 'the transport (Letta\'s newer name for mcp_server_type)' }) type!: string;
  @ApiProperty({ enum: TYPES }) mcp_server_type!: string;
  @ApiPropertyOptional({ description: 'sse and streamable_http' }) server_url?: string;
  @ApiPropertyOptional({ type: String, nullable: true }) auth_header?: string | null;
  @ApiPropertyOptional({ type: String, nullable: true, description: 'masked when set' }) auth_token?: string | null;
  @ApiPropertyOptional({ ...STRING_MAP, description: 'values masked' }) custom_headers?: Record<string, string> | null;
  @ApiPropertyOptional({ description: 'stdio' }) command?: string;
  @ApiPropertyOptional({ type: [String], description: 'stdio' }) args?: string[];
  @ApiPropertyOptional({ ...STRING_MAP, description: 'stdio; values masked' }) env?: Record<string, string> | null;
}

const CONFIG: SchemaObject = {
  type: 'object',
  description: 'the server: `type` (or `mcp_server_type`) with `server_url` (sse, streamable_http) or `command` + `args` (stdio)',
  properties: {
    type: { type: 'string', enum: TYPES },
    mcp_server_type: { type: 'string', enum: TYPES },
    server_url: { type: 'string' },
    auth_header: { type: ['string', 'null'] },
    auth_token: { type: ['string', 'null'] },
    token: { type: ['string', 'null'], description: 'older name of auth_token' },
    custom_headers: { type: ['object', 'null'], additionalProperties: { type: 'string' } },
    command: { type: 'string' },
    args: { type: 'array', items: { type: 'string' } },
    env: { type: ['object', 'null'], additionalProperties: { type: 'string' } },
  },
};

export const LETTA_CREATE_BODY: SchemaObject = {
  type: 'object',
  required: ['server_name', 'config'],
  properties: { server_name: { type: 'string' }, config: CONFIG },
  example: { server_name: 'everything', config: { mcp_server_type: 'stdio', command: 'npx', args: ['-y', '@modelcontextprotocol/server-everything'] } },
};

export const LETTA_UPDATE_BODY: SchemaObject = {
  type: 'object',
  properties: { server_name: { type: ['string', 'null'] }, config: CONFIG },
  example: { config: { mcp_server_type: 'streamable_http', server_url: 'https://mcp.example.com/mcp', token: 'sk-new' } },
};

export const LETTA_RUN_BODY: SchemaObject = {
  type: 'object',
  properties: { args: { type: 'object', additionalProperties: true } },
  example: { args: { message: 'hello' } },
};

/** Letta's Tool, for an external MCP tool. */
export class LettaToolView {
  @ApiProperty() id!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ type: String, nullable: true }) description!: string | null;
  @ApiProperty({ enum: ['external_mcp'] }) tool_type!: string;
  @ApiProperty() source_type!: string;
  @ApiProperty({ type: 'object', additionalProperties: true }) json_schema!: Record<string, unknown>;
  @ApiProperty({ type: 'object', additionalProperties: true }) args_json_schema!: Record<string, unknown>;
  @ApiProperty({ type: [String] }) tags!: string[];
  @ApiProperty({ type: 'object', additionalProperties: true }) metadata_!: Record<string, unknown>;
  @ApiProperty() return_char_limit!: number;
}

/** Letta's ToolReturnMessage-like run result. */
export class LettaRunResultView {
  @ApiProperty({ enum: ['success', 'error'] }) status!: string;
  @ApiProperty({
    description: 'the tool\'s text; its structured content (an object) when it returned one; the list of content parts (text, image as Letta\'s ImageContent) when it returned images or other non-text content',
    oneOf: [{ type: 'string' }, { type: 'object', additionalProperties: true }, { type: 'array', items: { type: 'object', additionalProperties: true } }],
  })
  func_return!: unknown;
  @ApiProperty({ type: [String] }) stdout!: string[];
  @ApiProperty({ type: [String] }) stderr!: string[];
  @ApiProperty({ type: 'null', nullable: true }) agent_state!: null;
  @ApiProperty({ type: 'null', nullable: true }) sandbox_config_fingerprint!: null;
}

export class LettaRefreshView {
  @ApiProperty({ type: [String] }) added!: string[];
  @ApiProperty({ type: [String] }) updated!: string[];
  @ApiProperty({ type: [String] }) deleted!: string[];
}

/** Letta (FastAPI) errors: `detail` a message, or the 422 list of `{ loc, msg, type }`. */
export const LETTA_ERROR: SchemaObject = {
  type: 'object',
  required: ['detail'],
  properties: {
    detail: {
      oneOf: [
        { type: 'string' },
        {
          type: 'array',
          items: {
            type: 'object',
            required: ['loc', 'msg', 'type'],
            properties: { loc: { type: 'array', items: { type: 'string' } }, msg: { type: 'string' }, type: { type: 'string' } },
          },
        },
      ],
    },
    code: { type: 'string' },
    request_id: { type: 'string' },
  },
};

export const LETTA_STATUSES = {
  read: [401, 403, 404, 422, 429],
  write: [401, 403, 404, 409, 422, 429],
  upstream: [401, 403, 404, 409, 422, 429, 502, 504],
};
