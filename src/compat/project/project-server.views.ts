// OpenAPI shapes of the project-style surface: `{ success, ... }` bodies.
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { SchemaObject } from '@nestjs/swagger';

export class ProjectServerView {
  @ApiProperty() id!: string;
  @ApiProperty() projectId!: string;
  @ApiProperty() workspaceId!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ type: String, nullable: true }) description!: string | null;
  @ApiProperty({ enum: ['stdio', 'http', 'sse'] }) transportType!: string;
  @ApiProperty({ type: String, nullable: true }) url!: string | null;
  @ApiProperty({ enum: ['direct', 'proxy'], description: 'proxy: clients reach the server through Patchbay\'s gateway (`gatewayUrl`); direct: at its own `url`' })
  connectionType!: string;
  @ApiProperty({ description: 'the Patchbay MCP gateway endpoint serving this server' }) gatewayUrl!: string;
  @ApiProperty({ type: String, nullable: true }) command!: string | null;
  @ApiProperty({ description: 'one shell-quoted string' }) args!: string;
  @ApiProperty({ type: 'object', additionalProperties: { type: 'string' }, description: 'values masked' }) env!: Record<string, string>;
  @ApiProperty({ type: 'array', items: { type: 'object', properties: { name: { type: 'string' }, value: { type: 'string' } } } })
  customHeaders!: Array<{ name: string; value: string }>;
  @ApiProperty({ type: String, nullable: true }) oauthClientId!: string | null;
  @ApiProperty() hasOauthClientSecret!: boolean;
  @ApiProperty({ type: String, nullable: true }) oauthScope!: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'outbound HTTP proxy Patchbay uses to reach the server' }) proxyUrl!: string | null;
  @ApiProperty() hasProxyAuthToken!: boolean;
  @ApiProperty({ type: String, nullable: true }) proxyAuthHeader!: string | null;
  @ApiProperty({ type: Number, nullable: true }) requestTimeout!: number | null;
  @ApiProperty({ type: Number, nullable: true }) maxTotalTimeout!: number | null;
  @ApiProperty() enabled!: boolean;
  @ApiProperty({ enum: ['connected', 'disconnected', 'error', 'connecting', 'unknown'] }) status!: string;
  @ApiProperty({ type: String, nullable: true }) lastError!: string | null;
  @ApiProperty({ type: String, nullable: true, format: 'date-time' }) lastCheckedAt!: string | null;
  @ApiProperty() toolCount!: number;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;
}

export class ProjectCreatedView {
  @ApiProperty({ enum: [true] }) success!: true;
  @ApiProperty() message!: string;
  @ApiProperty() serverId!: string;
  @ApiProperty({ description: 'where MCP clients reach it through Patchbay' }) gatewayUrl!: string;
}

export class ProjectMessageView {
  @ApiProperty() success!: boolean;
  @ApiProperty() message!: string;
}

export class ProjectServerAnswer {
  @ApiProperty() success!: boolean;
  @ApiPropertyOptional() message?: string;
  @ApiProperty({ type: ProjectServerView }) server!: ProjectServerView;
}

export class ProjectServerListAnswer {
  @ApiProperty() success!: boolean;
  @ApiProperty({ type: [ProjectServerView] }) servers!: ProjectServerView[];
}

export class ProjectConnectAnswer {
  @ApiProperty() success!: boolean;
  @ApiProperty() message!: string;
  @ApiProperty({ enum: ['connected', 'disconnected', 'error', 'auth_required'] }) status!: string;
  @ApiPropertyOptional({ type: Number, nullable: true }) latencyMs?: number | null;
  @ApiPropertyOptional() toolCount?: number;
  @ApiPropertyOptional({ description: 'status `auth_required`: the OAuth authorization a person must open first' }) authorizationUrl?: string;
}

export class ProjectRunAnswer {
  @ApiProperty({ description: 'false when the tool answered with isError' }) success!: boolean;
  @ApiProperty({ description: 'exec_ id of the stored execution record' }) executionId!: string;
  @ApiProperty() durationMs!: number;
  @ApiProperty({ type: 'object', additionalProperties: true, description: 'the MCP CallToolResult as the server sent it' }) result!: Record<string, unknown>;
}

const OBJECTS = { type: 'array', items: { type: 'object', additionalProperties: true } } as const;

export class ProjectToolsAnswer {
  @ApiProperty() success!: boolean;
  @ApiProperty({ ...OBJECTS, description: '{ id, name, title, description, inputSchema, enabled }' }) tools!: unknown[];
}

export class ProjectResourcesAnswer {
  @ApiProperty() success!: boolean;
  @ApiProperty({ ...OBJECTS }) resources!: unknown[];
  @ApiProperty({ ...OBJECTS }) resourceTemplates!: unknown[];
}

export class ProjectReadResourceAnswer {
  @ApiProperty() success!: boolean;
  @ApiProperty({ ...OBJECTS }) contents!: unknown[];
}

export class ProjectPromptsAnswer {
  @ApiProperty() success!: boolean;
  @ApiProperty({ ...OBJECTS }) prompts!: unknown[];
}

export class ProjectPromptAnswer {
  @ApiProperty() success!: boolean;
  @ApiPropertyOptional() description?: string;
  @ApiProperty({ ...OBJECTS }) messages!: unknown[];
}

export const PROJECT_ERROR: SchemaObject = {
  type: 'object',
  required: ['success', 'message', 'code'],
  properties: {
    success: { type: 'boolean', enum: [false] },
    message: { type: 'string' },
    code: { type: 'string' },
    requestId: { type: 'string' },
    errors: { type: 'array', items: { type: 'object', required: ['field', 'message'], properties: { field: { type: 'string' }, message: { type: 'string' } } } },
  },
};

/** The project-style document's example create request (a remote HTTP server reached through the gateway). */
export const PROJECT_CREATE_EXAMPLE = {
  projectId: 'proj_01jd8x3v2qf8g6m3s0y1b4k7ze',
  name: 'github',
  description: 'GitHub issues and pull requests',
  transportType: 'http',
  url: 'https://api.githubcopilot.com/mcp/',
  connectionType: 'proxy',
  customHeaders: [{ name: 'X-Team', value: 'platform' }],
  requestTimeout: 30000,
  maxTotalTimeout: 300000,
};
