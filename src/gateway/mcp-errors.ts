import { ErrorCode, McpError, type CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { DomainError, UpstreamError } from '../common/errors/domain-error.js';
import { UpstreamRpcError } from '../connections/index.js';

/** JSON-RPC code for "too many requests" (implementation-defined server error range). */
export const RATE_LIMITED = -32029;

/** A domain error as the JSON-RPC error a downstream MCP client understands. */
export function toMcpError(err: unknown): McpError {
  if (err instanceof McpError) return err;
  if (err instanceof UpstreamRpcError) return new McpError(err.rpcCode, err.message, err.data);
  if (err instanceof DomainError) {
    const data: Record<string, unknown> = { code: err.code, status: err.status };
    if (err.errors?.length) data.errors = err.errors;
    if (err.headers?.['retry-after']) data.retryAfter = Number(err.headers['retry-after']);
    if (err.extensions?.authorizationUrl) data.authorizationUrl = err.extensions.authorizationUrl;
    const code =
      err.status === 400 || err.status === 404 || err.status === 409 ? ErrorCode.InvalidParams
        : err.status === 429 ? RATE_LIMITED
          : err.status === 504 ? ErrorCode.RequestTimeout
            : ErrorCode.InternalError;
    return new McpError(code, err.message, data);
  }
  return new McpError(ErrorCode.InternalError, 'Internal error');
}

/**
 * For tools/call: an upstream that failed (unreachable, timed out, circuit open) is reported to the model as an
 * `isError` result, as the spec advises for tool execution errors; everything else is a JSON-RPC error.
 */
export function toolFailure(err: unknown): CallToolResult {
  if (err instanceof UpstreamError && !(err instanceof UpstreamRpcError)) {
    // per_user server, caller not connected: the text carries their own authorization URL
    const url = err.extensions?.authorizationUrl;
    const text = url ? `${err.message}\n${url}` : err.message;
    return { content: [{ type: 'text', text }], isError: true, _meta: { 'patchbay/error': err.code, ...(url ? { 'patchbay/authorizationUrl': url } : {}) } };
  }
  throw toMcpError(err);
}
