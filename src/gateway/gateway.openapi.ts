// The OpenAPI description of `/mcp/{scopeId}`, which GatewayHttp registers on Fastify directly (outside Nest's
// router, so @nestjs/swagger cannot see it). buildOpenApi merges these paths into the document.
import type { PathItemObject, ResponseObject, SchemaObject } from '@nestjs/swagger';

const problem = (description: string): ResponseObject => ({
  description,
  content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } },
});

const JSONRPC: SchemaObject = {
  type: 'object',
  description: 'a JSON-RPC 2.0 message (or batch) of the Model Context Protocol',
  required: ['jsonrpc'],
  properties: { jsonrpc: { type: 'string', enum: ['2.0'] }, id: { type: ['string', 'integer'] }, method: { type: 'string' }, params: { type: 'object', additionalProperties: true } },
  additionalProperties: true,
};

const ERRORS: Record<string, ResponseObject> = {
  '400': problem('Not a valid MCP request'),
  '401': problem('Missing or invalid bearer; `WWW-Authenticate: Bearer resource_metadata="..."` names the protected resource metadata'),
  '403': problem('The key lacks the `execute` scope, or the Origin is not allowed'),
  '404': problem('No such scope, or an unknown `Mcp-Session-Id`'),
  '429': problem('Rate limit exceeded; see `Retry-After`'),
};

const parameters: PathItemObject['parameters'] = [
  {
    name: 'scopeId',
    in: 'path',
    required: true,
    description: 'a `proj_` or `ws_` id (every enabled tool of the scope, named `<server>__<tool>`) or an `mcp_` id (that server passed through)',
    schema: { type: 'string', pattern: '^(proj|ws|mcp)_[0-9a-z]{26}$' },
  },
];

const session = { name: 'Mcp-Session-Id', in: 'header', required: false, description: 'the session a pass-through `initialize` opened', schema: { type: 'string' } } as const;

export function gatewayPaths(): Record<string, PathItemObject> {
  return {
    '/mcp/{scopeId}': {
      parameters,
      post: {
        tags: ['gateway'],
        operationId: 'Gateway_post',
        summary: 'MCP gateway: send a message',
        description:
          'The streamable-HTTP MCP endpoint (MCP 2025-03-26 to 2025-11-25, and 2026-07-28), negotiated per request: a request carrying the 2026-07-28 `_meta` envelope ' +
          '(`io.modelcontextprotocol/protocolVersion`, client capabilities; `Mcp-Method`/`Mcp-Name` headers) is answered statelessly without `initialize` ' +
          '(`server/discover`, `subscriptions/listen`, caching hints on lists); anything else as before. ' +
          'Send JSON-RPC requests and notifications; answers JSON, or an SSE stream when the client asked for progress. ' +
          'Every `tools/call` goes through the same checks and records as a REST run. Needs a bearer with the `execute` scope.',
        security: [{ bearer: [] }],
        parameters: [session, { name: 'MCP-Protocol-Version', in: 'header', required: false, schema: { type: 'string', example: '2026-07-28' } }],
        requestBody: { required: true, content: { 'application/json': { schema: JSONRPC } } },
        responses: {
          '200': {
            description: 'The JSON-RPC response, or a stream of messages ending with it',
            content: { 'application/json': { schema: JSONRPC }, 'text/event-stream': { schema: { type: 'string' } } },
          },
          '202': { description: 'A notification or response was accepted' },
          ...ERRORS,
        },
      },
      get: {
        tags: ['gateway'],
        operationId: 'Gateway_stream',
        summary: 'MCP gateway: open a notification stream',
        description: 'Server-to-client messages as Server-Sent Events: the session\'s, or `notifications/tools/list_changed` for the scope.',
        security: [{ bearer: [] }],
        parameters: [session],
        responses: { '200': { description: 'text/event-stream of JSON-RPC messages', content: { 'text/event-stream': { schema: { type: 'string' } } } }, ...ERRORS },
      },
      delete: {
        tags: ['gateway'],
        operationId: 'Gateway_endSession',
        summary: 'MCP gateway: end a session',
        description: 'Closes the pass-through session named by `Mcp-Session-Id` and its upstream connection.',
        security: [{ bearer: [] }],
        parameters: [{ ...session, required: true }],
        responses: { '200': { description: 'The session is closed' }, ...ERRORS },
      },
    },
  };
}
