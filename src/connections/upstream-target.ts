import type { OAuthClientProvider } from '@modelcontextprotocol/sdk/client/auth.js';
import type { FetchLike } from '@modelcontextprotocol/sdk/shared/transport.js';

export type McpTransport = 'streamable_http' | 'sse' | 'stdio';

/** The decrypted configuration of one registered MCP server, as the pool needs it to connect. */
export interface UpstreamTarget {
  serverId: string;
  workspaceId: string;
  /** The project the server belongs to, if any (a deleted project ends its connections). */
  projectId?: string | null;
  transport: McpTransport;
  /** http(s) endpoint for `streamable_http` / `sse`. */
  url?: string;
  /** Extra request headers; already include the auth header. Values are secrets: never logged. */
  headers?: Record<string, string>;
  /** stdio only. Checked against the stdio policy before every launch. */
  command?: string;
  args?: string[];
  env?: Record<string, string>;
  /** Per-request deadline (ms). */
  requestTimeoutMs: number;
  /** Whole-call deadline (ms); the per-request one is reset on progress, this one is not. */
  maxTotalTimeoutMs: number;
  /** Changes whenever config or credential changes; the pool key is serverId (+ credentialOwner) + fingerprint. */
  fingerprint: string;
  /**
   * `per_user` OAuth servers: the principal (usr_/key_ id) whose own upstream account this target uses. Part of the
   * pool key and of the fingerprint: a connection is never shared across people. Absent: the server's shared credential.
   */
  credentialOwner?: string;
  /** OAuth servers (later). */
  authProvider?: OAuthClientProvider;
  /**
   * Wraps the (SSRF-safe) fetch of HTTP transports, e.g. to add a per-request upstream OAuth token.
   * Never used to forward the caller's own bearer.
   */
  wrapFetch?: (base: FetchLike) => FetchLike;
  /** Optional forward HTTP proxy for outbound traffic. */
  proxy?: { url: string; headers?: Record<string, string> };
}

export const DEFAULT_REQUEST_TIMEOUT_MS = 30_000;
export const DEFAULT_MAX_TOTAL_TIMEOUT_MS = 300_000;

/** The secret values a target carries (auth and custom header values, env values, proxy credentials), for the redactor. */
export function targetSecrets(target: Pick<UpstreamTarget, 'headers' | 'env' | 'proxy'>): { values: string[] } {
  return {
    values: [
      ...Object.values(target.headers ?? {}),
      ...Object.values(target.env ?? {}),
      ...Object.values(target.proxy?.headers ?? {}),
    ].flatMap((v) => [v, v.replace(/^[A-Za-z]+\s+/, '')]),
  };
}
