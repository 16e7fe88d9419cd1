/**
 * Response shapes the committed openapi.json does not describe yet (its responses are untyped for
 * these routes); they mirror the server's *View DTOs. Once the document types every response,
 * these become aliases of `components['schemas'][...]`.
 */
import type { components } from './schema';

export type Scope = 'read' | 'write' | 'execute' | 'admin';
export type SessionView = components['schemas']['SessionView'];
export type StatusEventView = components['schemas']['StatusEventView'];
// The document marks fields that have a server-side default (authHeader, enabled) as required.
type Defaulted = 'authHeader' | 'enabled' | 'authType';
export type CreateServerBody = Omit<components['schemas']['CreateMcpServerDto'], Defaulted> & Partial<Pick<components['schemas']['CreateMcpServerDto'], Defaulted>>;
export type UpdateServerBody = Partial<components['schemas']['UpdateMcpServerDto']>;

export interface Page<T> {
  data: T[];
  nextCursor: string | null;
}
export interface Workspace {
  id: string;
  name: string;
  role?: string;
  createdAt: string;
}
export interface Project {
  id: string;
  workspaceId: string;
  name: string;
  description: string | null;
  createdAt: string;
}
export interface ApiKey {
  id: string;
  workspaceId: string;
  name: string;
  prefix: string;
  scopes: Scope[];
  createdBy: string;
  expiresAt: string | null;
  revokedAt: string | null;
  lastUsedAt: string | null;
  createdAt: string;
}
export type ConnectorStatus = 'connected' | 'disconnected' | 'error' | '';
export interface McpServer {
  id: string;
  workspaceId: string;
  projectId: string | null;
  name: string;
  description: string | null;
  transport: 'streamable_http' | 'sse' | 'stdio';
  url: string | null;
  command: string | null;
  args: string[];
  env: Record<string, string>;
  authType: 'none' | 'api_key' | 'oauth';
  authHeader: string | null;
  hasApiKey: boolean;
  headers: Record<string, string>;
  oauthClientId: string | null;
  hasOauthClientSecret: boolean;
  oauthScopes: string | null;
  oauthExpiresAt: string | null;
  enabled: boolean;
  connectorStatus: ConnectorStatus;
  lastCheckedAt: string | null;
  lastError: string | null;
  lastLatencyMs: number | null;
  toolCount: number;
  createdAt: string;
}
export interface Tool {
  id: string;
  serverId: string;
  name: string;
  title: string | null;
  description: string | null;
  inputSchema: Record<string, unknown>;
  outputSchema: Record<string, unknown> | null;
  enabled: boolean;
}
export interface RefreshResult extends Page<Tool> {
  added: string[];
  updated: string[];
  removed: string[];
}
export type ConnectResult = { connectorStatus: string; latencyMs: number | null; lastError: string | null; toolCount: number } | { authorizationUrl: string };
export interface ContentBlock {
  type: string;
  text?: string;
  data?: string;
  mimeType?: string;
  resource?: unknown;
  [k: string]: unknown;
}
export interface RunResult {
  id: string;
  status: 'success' | 'error';
  funcReturn: string;
  durationMs: number;
  content: ContentBlock[];
  structuredContent?: Record<string, unknown>;
}
export interface Execution {
  id: string;
  workspaceId: string;
  serverId: string;
  serverName: string;
  toolName: string;
  callerId: string;
  callerKind: string;
  via: string;
  status: 'success' | 'error' | 'interrupted';
  errorCode: string | null;
  errorMessage: string | null;
  args: Record<string, unknown> | null;
  durationMs: number;
  startedAt: string;
}

/** The body as the document types it (see Defaulted above: the server fills those fields in). */
export const asCreateBody = (b: CreateServerBody) => b as components['schemas']['CreateMcpServerDto'];
export const asUpdateBody = (b: UpdateServerBody) => b as components['schemas']['UpdateMcpServerDto'];
