import { HttpStatus } from '@nestjs/common';
import { UnauthorizedError } from '@modelcontextprotocol/sdk/client/auth.js';
import { ErrorCode, McpError } from '@modelcontextprotocol/sdk/types.js';
import { DomainError, UpstreamError } from '../common/errors/domain-error.js';
import { redact, type KnownSecrets } from '../common/redact.js';
import { BlockedAddressError, MessageTooLargeError } from './safe-fetch.js';

/** The upstream answered a request with a JSON-RPC error (unknown tool, bad params...): its answer, not a transport failure. */
export class UpstreamRpcError extends UpstreamError {
  constructor(
    readonly rpcCode: number,
    message: string,
    readonly data?: unknown,
  ) {
    super('upstream_rpc_error', HttpStatus.BAD_GATEWAY, message);
  }
}

/**
 * What went wrong, for the pool's decisions:
 * - broken: the connection is gone (closed, reset, refused, process exited): reconnect once, counts for the breaker.
 * - timeout / protocol: counts for the breaker, no retry.  - auth, rpc, blocked, local: neither.
 */
export type FailureKind = 'broken' | 'timeout' | 'protocol' | 'auth' | 'rpc' | 'blocked' | 'local';

export interface ClassifiedFailure {
  kind: FailureKind;
  error: DomainError;
}

const NETWORK_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH', 'EPIPE',
  'ECONNABORTED', 'ENOENT', 'UND_ERR_SOCKET', 'UND_ERR_CLOSED', 'ERR_STREAM_PREMATURE_CLOSE', 'ERR_STREAM_DESTROYED']);
const TIMEOUT_CODES = new Set(['ETIMEDOUT', 'UND_ERR_CONNECT_TIMEOUT', 'UND_ERR_HEADERS_TIMEOUT', 'UND_ERR_BODY_TIMEOUT']);

function* causes(err: unknown): Generator<unknown> {
  let cur: unknown = err;
  for (let i = 0; i < 6 && cur; i++) {
    yield cur;
    cur = (cur as { cause?: unknown }).cause;
  }
}

function httpStatusOf(err: unknown): number | undefined {
  const e = err as { code?: unknown; name?: string; message?: string };
  if ((e?.name === 'StreamableHTTPError' || e?.name === 'SseError' || /^(Streamable|Sse)/.test(e?.constructor?.name ?? '')) && typeof e.code === 'number') {
    return e.code;
  }
  const m = /\(HTTP (\d{3})\)|Non-200 status code \((\d{3})\)/.exec(e?.message ?? '');
  return m ? Number(m[1] ?? m[2]) : undefined;
}

/**
 * Maps anything thrown by the SDK, undici or the child process to a typed DomainError the API can answer with.
 * Messages are ours; the only upstream text kept (a JSON-RPC error's message, an unexpected error's first line)
 * goes through the redactor with the server's known secrets.
 */
export function classifyFailure(err: unknown, label: string, known: KnownSecrets = {}): ClassifiedFailure {
  const excerpt = (text: string) => redact(text.split('\n')[0], known).slice(0, 200);
  if (err instanceof DomainError) {
    if (err instanceof UpstreamRpcError) return { kind: 'rpc', error: err };
    const kind: FailureKind =
      err.code === 'upstream_timeout' ? 'timeout' : err.code === 'upstream_unreachable' ? 'broken'
        : err.code === 'upstream_auth_required' ? 'auth' : err.code === 'upstream_blocked' ? 'blocked'
          : err.code === 'upstream_protocol_error' ? 'protocol' : 'local';
    return { kind, error: err };
  }
  for (const c of causes(err)) {
    if (c instanceof BlockedAddressError) return { kind: 'blocked', error: UpstreamError.blocked(`${label}: ${c.message}`) };
    if (c instanceof MessageTooLargeError) return { kind: 'protocol', error: UpstreamError.protocol(`${label}: ${c.message}`) };
    if (c instanceof UnauthorizedError) return { kind: 'auth', error: UpstreamError.authRequired(`${label} requires authorization`) };
  }
  const status = httpStatusOf(err);
  if (status === 401 || status === 403) {
    return { kind: 'auth', error: UpstreamError.authRequired(`${label} refused our credentials (HTTP ${status})`) };
  }
  if (err instanceof McpError) {
    if (err.code === ErrorCode.RequestTimeout) return { kind: 'timeout', error: UpstreamError.timeout(`${label} did not answer in time`) };
    if (err.code === ErrorCode.ConnectionClosed) return { kind: 'broken', error: UpstreamError.unreachable(`${label} closed the connection`) };
    return { kind: 'rpc', error: new UpstreamRpcError(err.code, `${label}: ${excerpt(err.message.replace(/^MCP error -?\d+: /, ''))}`, err.data) };
  }
  for (const c of causes(err)) {
    const code = (c as { code?: unknown })?.code;
    if (typeof code === 'string' && TIMEOUT_CODES.has(code)) return { kind: 'timeout', error: UpstreamError.timeout(`${label} did not answer in time`) };
    if (typeof code === 'string' && NETWORK_CODES.has(code)) return { kind: 'broken', error: UpstreamError.unreachable(`${label} is unreachable (${code})`) };
  }
  if (status === 404 || (status !== undefined && status >= 500)) {
    return { kind: 'broken', error: UpstreamError.unreachable(`${label} answered HTTP ${status}`) };
  }
  if (status !== undefined) return { kind: 'protocol', error: UpstreamError.protocol(`${label} answered HTTP ${status}`) };
  const message = err instanceof Error ? err.message : String(err);
  if (/fetch failed|Not connected|socket hang up|terminated|disconnected|other side closed|process exited/i.test(message)) {
    return { kind: 'broken', error: UpstreamError.unreachable(`${label} is unreachable`) };
  }
  if ((err as Error)?.name === 'AbortError') return { kind: 'local', error: new DomainError('request_aborted', 499 as HttpStatus, 'request aborted') };
  return { kind: 'protocol', error: UpstreamError.protocol(`${label}: unexpected upstream behaviour (${excerpt(message)})`) };
}

/** Transport errors (reported via onerror) that mean the connection can no longer be trusted. */
export function isFatalTransportError(err: Error): boolean {
  if ([...causes(err)].some((c) => c instanceof MessageTooLargeError)) return true;
  return /SSE stream disconnected|exceeds \d+ bytes|ReadBuffer exceeded|stdio process exited|SSE error|Maximum reconnection attempts/i.test(err.message);
}
