#!/usr/bin/env node
/*
 * An MCP server implementing what the official conformance suite's server scenarios (@modelcontextprotocol/conformance,
 * `server --suite all`) call: the `test_*` tools, `test://` resources and templates, `test_*` prompts, completions,
 * logging and subscriptions. Written against the SDK's low-level Server so every answer is exactly what we wrote.
 * Plain CommonJS so `node conformance-server.cjs` runs it without a TS loader.
 *
 *   node conformance-server.cjs --stdio
 *   node conformance-server.cjs --http [--port=N]   prints "listening http://127.0.0.1:N/mcp" on stdout when ready
 *
 * Over HTTP: stateful sessions (one Server each), an in-memory event store (resumable streams, SEP-1699 priming
 * events), and DNS-rebinding protection (Host and Origin must be loopback, else 403).
 */
const http = require('node:http');
const { randomUUID } = require('node:crypto');
const { Server } = require('@modelcontextprotocol/sdk/server/index.js');
const { StdioServerTransport } = require('@modelcontextprotocol/sdk/server/stdio.js');
const { StreamableHTTPServerTransport } = require('@modelcontextprotocol/sdk/server/streamableHttp.js');
const T = require('@modelcontextprotocol/sdk/types.js');

const PNG = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==';
const WAV = 'UklGRiYAAABXQVZFZm10IBAAAAABAAEAQB8AAAB9AAACABAAZGF0YQIAAAA=';
const EMPTY = { type: 'object', properties: {} };
const text = (t) => ({ content: [{ type: 'text', text: t }] });
const delay = (ms) => new Promise((r) => setTimeout(r, ms));

const TOOLS = [
  { name: 'test_simple_text', description: 'Returns one text item', inputSchema: EMPTY },
  { name: 'test_image_content', description: 'Returns one PNG image', inputSchema: EMPTY },
  { name: 'test_audio_content', description: 'Returns one WAV clip', inputSchema: EMPTY },
  { name: 'test_embedded_resource', description: 'Returns an embedded text resource', inputSchema: EMPTY },
  { name: 'test_multiple_content_types', description: 'Returns text, image and resource together', inputSchema: EMPTY },
  { name: 'test_tool_with_logging', description: 'Sends three log messages while it runs', inputSchema: EMPTY },
  { name: 'test_tool_with_progress', description: 'Reports progress 0, 50, 100', inputSchema: EMPTY },
  { name: 'test_error_handling', description: 'Always fails (isError result)', inputSchema: EMPTY },
  { name: 'test_reconnection', description: 'Closes its SSE stream mid-call (SEP-1699), then answers', inputSchema: EMPTY },
  {
    name: 'test_sampling',
    description: 'Asks the client for an LLM completion',
    inputSchema: { type: 'object', properties: { prompt: { type: 'string', description: 'The prompt to send' } }, required: ['prompt'] },
  },
  {
    name: 'test_elicitation',
    description: 'Asks the user for input',
    inputSchema: { type: 'object', properties: { message: { type: 'string', description: 'The message to show' } }, required: ['message'] },
  },
  { name: 'test_elicitation_sep1034_defaults', description: 'Elicitation with defaults for every primitive type (SEP-1034)', inputSchema: EMPTY },
  { name: 'test_elicitation_sep1330_enums', description: 'Elicitation with the five enum shapes (SEP-1330)', inputSchema: EMPTY },
  {
    name: 'json_schema_2020_12_tool',
    description: 'Input schema using JSON Schema 2020-12 features (SEP-1613)',
    inputSchema: {
      $schema: 'https://json-schema.org/draft/2020-12/schema',
      type: 'object',
      $defs: { address: { $anchor: 'address', type: 'object', properties: { street: { type: 'string' }, city: { type: 'string' } } } },
      properties: { name: { type: 'string' }, address: { $ref: '#/$defs/address' } },
      additionalProperties: false,
      // SEP-2106 (2026-07-28 requirements): composition and conditional keywords, each satisfied by any arguments.
      allOf: [{ anyOf: [{ type: 'object' }, { required: [] }] }],
      if: { required: ['name'] },
      then: { properties: { name: { minLength: 0 } } },
      else: { properties: { address: { type: 'object' } } },
    },
  },
];

const RESOURCES = [
  { uri: 'test://static-text', name: 'static-text', title: 'Static Text Resource', description: 'A static text resource', mimeType: 'text/plain' },
  { uri: 'test://static-binary', name: 'static-binary', title: 'Static Binary Resource', description: 'A PNG image', mimeType: 'image/png' },
  { uri: 'test://watched-resource', name: 'watched-resource', title: 'Watched Resource', description: 'Subscribable', mimeType: 'text/plain' },
];

const PROMPTS = [
  { name: 'test_simple_prompt', title: 'Simple Test Prompt', description: 'A prompt without arguments' },
  {
    name: 'test_prompt_with_arguments',
    title: 'Prompt With Arguments',
    description: 'A prompt with two required arguments',
    arguments: [
      { name: 'arg1', description: 'First test argument', required: true },
      { name: 'arg2', description: 'Second test argument', required: true },
    ],
  },
  {
    name: 'test_prompt_with_embedded_resource',
    title: 'Prompt With Embedded Resource',
    description: 'A prompt embedding a resource',
    arguments: [{ name: 'resourceUri', description: 'URI of the resource to embed', required: true }],
  },
  { name: 'test_prompt_with_image', title: 'Prompt With Image', description: 'A prompt with an image' },
];

const ELICIT_DEFAULTS = {
  type: 'object',
  properties: {
    name: { type: 'string', description: 'User name', default: 'John Doe' },
    age: { type: 'integer', description: 'User age', default: 30 },
    score: { type: 'number', description: 'User score', default: 95.5 },
    status: { type: 'string', description: 'User status', enum: ['active', 'inactive', 'pending'], default: 'active' },
    verified: { type: 'boolean', description: 'Verification status', default: true },
  },
  required: [],
};

const titled = (label) => ['First', 'Second', 'Third'].map((w, i) => ({ const: `value${i + 1}`, title: `${w} ${label}` }));
const ELICIT_ENUMS = {
  type: 'object',
  properties: {
    untitledSingle: { type: 'string', description: 'Select one option', enum: ['option1', 'option2', 'option3'] },
    titledSingle: { type: 'string', description: 'Select one option with titles', oneOf: titled('Option') },
    legacyEnum: { type: 'string', description: 'Select one option (legacy)', enum: ['opt1', 'opt2', 'opt3'], enumNames: ['Option One', 'Option Two', 'Option Three'] },
    untitledMulti: { type: 'array', description: 'Select multiple options', minItems: 1, maxItems: 3, items: { type: 'string', enum: ['option1', 'option2', 'option3'] } },
    titledMulti: { type: 'array', description: 'Select multiple options with titles', minItems: 1, maxItems: 3, items: { anyOf: titled('Choice') } },
  },
  required: [],
};

/** One Server per connection (a stdio process, or one HTTP session). */
function createServer(closeStream) {
  const server = new Server(
    { name: 'patchbay-conformance-peer', version: '1.0.0' },
    {
      capabilities: {
        tools: { listChanged: true },
        resources: { subscribe: true, listChanged: true },
        prompts: { listChanged: true },
        logging: {},
        completions: {},
      },
    },
  );
  const subscriptions = new Set();
  const log = (level, data) => server.sendLoggingMessage({ level, logger: 'conformance-peer', data }).catch(() => undefined);

  const elicit = async (params, label) => {
    const r = await server.elicitInput(params);
    return text(`${label}: action=${r.action}, content=${JSON.stringify(r.content || {})}`);
  };

  const tools = {
    test_simple_text: async () => text('This is a simple text response for testing.'),
    test_image_content: async () => ({ content: [{ type: 'image', data: PNG, mimeType: 'image/png' }] }),
    test_audio_content: async () => ({ content: [{ type: 'audio', data: WAV, mimeType: 'audio/wav' }] }),
    test_embedded_resource: async () => ({
      content: [{ type: 'resource', resource: { uri: 'test://embedded-resource', mimeType: 'text/plain', text: 'This is an embedded resource content.' } }],
    }),
    test_multiple_content_types: async () => ({
      content: [
        { type: 'text', text: 'Multiple content types test:' },
        { type: 'image', data: PNG, mimeType: 'image/png' },
        { type: 'resource', resource: { uri: 'test://mixed-content-resource', mimeType: 'application/json', text: JSON.stringify({ test: 'data', value: 123 }) } },
      ],
    }),
    test_tool_with_logging: async (_args, extra) => {
      for (const [i, data] of ['Tool execution started', 'Tool processing data', 'Tool execution completed'].entries()) {
        if (i) await delay(50);
        await extra.sendNotification({ method: 'notifications/message', params: { level: 'info', data } });
      }
      return text('Tool with logging executed successfully');
    },
    test_tool_with_progress: async (_args, extra) => {
      const progressToken = extra._meta?.progressToken ?? 0;
      for (const [i, progress] of [0, 50, 100].entries()) {
        if (i) await delay(50);
        await extra.sendNotification({ method: 'notifications/progress', params: { progressToken, progress, total: 100, message: `Completed step ${progress} of 100` } });
      }
      return text(String(progressToken));
    },
    test_error_handling: async () => ({ isError: true, content: [{ type: 'text', text: 'This tool intentionally returns an error for testing' }] }),
    test_reconnection: async (_args, extra) => {
      closeStream?.(extra.requestId);
      await delay(100);
      return text('Reconnection test completed successfully. If you received this, the client properly reconnected after stream closure.');
    },
    test_sampling: async (args) => {
      const r = await server.createMessage({ messages: [{ role: 'user', content: { type: 'text', text: String(args.prompt) } }], maxTokens: 100 });
      const content = Array.isArray(r.content) ? r.content[0] : r.content;
      return text(`LLM response: ${content?.text ?? 'No response'}`);
    },
    test_elicitation: (args) =>
      elicit(
        {
          mode: 'form',
          message: String(args.message),
          requestedSchema: { type: 'object', properties: { response: { type: 'string', description: "User's response" } }, required: ['response'] },
        },
        'User response',
      ),
    test_elicitation_sep1034_defaults: () =>
      elicit({ mode: 'form', message: 'Please review and update the form fields with defaults', requestedSchema: ELICIT_DEFAULTS }, 'Elicitation completed'),
    test_elicitation_sep1330_enums: () =>
      elicit({ mode: 'form', message: 'Please select options from the enum fields', requestedSchema: ELICIT_ENUMS }, 'Elicitation completed'),
    json_schema_2020_12_tool: async (args) => text(`JSON Schema 2020-12 tool called with: ${JSON.stringify(args)}`),
  };

  server.setRequestHandler(T.ListToolsRequestSchema, async () => ({ tools: TOOLS }));
  server.setRequestHandler(T.CallToolRequestSchema, async (req, extra) => {
    const tool = tools[req.params.name];
    if (!tool) throw new T.McpError(T.ErrorCode.InvalidParams, `Unknown tool: ${req.params.name}`);
    try {
      return await tool(req.params.arguments ?? {}, extra);
    } catch (e) {
      return { isError: true, content: [{ type: 'text', text: `${req.params.name} failed: ${e.message}` }] };
    }
  });

  server.setRequestHandler(T.ListResourcesRequestSchema, async () => ({ resources: RESOURCES }));
  server.setRequestHandler(T.ListResourceTemplatesRequestSchema, async () => ({
    resourceTemplates: [
      { uriTemplate: 'test://template/{id}/data', name: 'template', title: 'Resource Template', description: 'Parameter substitution', mimeType: 'application/json' },
    ],
  }));
  server.setRequestHandler(T.ReadResourceRequestSchema, async (req) => {
    const { uri } = req.params;
    if (uri === 'test://static-text') return { contents: [{ uri, mimeType: 'text/plain', text: 'This is the content of the static text resource.' }] };
    if (uri === 'test://static-binary') return { contents: [{ uri, mimeType: 'image/png', blob: PNG }] };
    if (uri === 'test://watched-resource') return { contents: [{ uri, mimeType: 'text/plain', text: 'Watched resource content' }] };
    const m = /^test:\/\/template\/([^/]+)\/data$/.exec(uri);
    if (m) return { contents: [{ uri, mimeType: 'application/json', text: JSON.stringify({ id: m[1], templateTest: true, data: `Data for ID: ${m[1]}` }) }] };
    throw new T.McpError(-32002, `Resource not found: ${uri}`);
  });
  server.setRequestHandler(T.SubscribeRequestSchema, async (req) => {
    subscriptions.add(req.params.uri);
    void log('info', `Subscribed to resource: ${req.params.uri}`);
    return {};
  });
  server.setRequestHandler(T.UnsubscribeRequestSchema, async (req) => {
    subscriptions.delete(req.params.uri);
    void log('info', `Unsubscribed from resource: ${req.params.uri}`);
    return {};
  });

  server.setRequestHandler(T.ListPromptsRequestSchema, async () => ({ prompts: PROMPTS }));
  server.setRequestHandler(T.GetPromptRequestSchema, async (req) => {
    const a = req.params.arguments ?? {};
    const user = (content) => ({ role: 'user', content });
    switch (req.params.name) {
      case 'test_simple_prompt':
        return { messages: [user({ type: 'text', text: 'This is a simple prompt for testing.' })] };
      case 'test_prompt_with_arguments':
        return { messages: [user({ type: 'text', text: `Prompt with arguments: arg1='${a.arg1}', arg2='${a.arg2}'` })] };
      case 'test_prompt_with_embedded_resource':
        return {
          messages: [
            user({ type: 'resource', resource: { uri: a.resourceUri, mimeType: 'text/plain', text: 'Embedded resource content for testing.' } }),
            user({ type: 'text', text: 'Please process the embedded resource above.' }),
          ],
        };
      case 'test_prompt_with_image':
        return { messages: [user({ type: 'image', data: PNG, mimeType: 'image/png' }), user({ type: 'text', text: 'Please analyze the image above.' })] };
      default:
        throw new T.McpError(T.ErrorCode.InvalidParams, `Unknown prompt: ${req.params.name}`);
    }
  });

  server.setRequestHandler(T.SetLevelRequestSchema, async (req) => {
    void log('info', `Log level set to: ${req.params.level}`);
    return {};
  });
  server.setRequestHandler(T.CompleteRequestSchema, async () => ({ completion: { values: [], total: 0, hasMore: false } }));
  return server;
}

/** An event store in memory: every SSE event gets an id, so a client reconnecting with Last-Event-ID resumes. */
function memoryEventStore() {
  const events = [];
  return {
    async storeEvent(streamId, message) {
      const eventId = `${streamId}::${String(events.length).padStart(8, '0')}`;
      events.push({ eventId, streamId, message });
      return eventId;
    },
    async replayEventsAfter(lastEventId, { send }) {
      const at = events.findIndex((e) => e.eventId === lastEventId);
      if (at < 0) throw new Error('unknown event id');
      const { streamId } = events[at];
      for (const e of events.slice(at + 1)) if (e.streamId === streamId && Object.keys(e.message).length) await send(e.eventId, e.message);
      return streamId;
    },
  };
}

const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]']);
function loopbackHost(value, withScheme) {
  if (value === undefined) return withScheme; // Origin may be absent, Host may not
  try {
    return LOOPBACK.has(new URL(withScheme ? value : `http://${value}`).hostname);
  } catch {
    return false;
  }
}

function serveHttp(port) {
  const sessions = new Map();
  const reply = (res, status, message) => {
    res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify({ jsonrpc: '2.0', error: { code: -32000, message }, id: null }));
  };
  const httpServer = http.createServer(async (req, res) => {
    if (!req.url.startsWith('/mcp')) return reply(res, 404, 'Not found');
    if (!loopbackHost(req.headers.host, false) || !loopbackHost(req.headers.origin, true)) return reply(res, 403, 'Host or Origin not allowed');
    let body;
    if (req.method === 'POST') {
      const chunks = [];
      for await (const c of req) chunks.push(c);
      try {
        body = JSON.parse(Buffer.concat(chunks).toString('utf8'));
      } catch {
        return reply(res, 400, 'Parse error');
      }
    }
    const sid = req.headers['mcp-session-id'];
    let transport = typeof sid === 'string' ? sessions.get(sid) : undefined;
    if (!transport) {
      if (sid !== undefined || req.method !== 'POST' || !T.isInitializeRequest(body)) return reply(res, sid ? 404 : 400, sid ? 'Session not found' : 'No session');
      transport = new StreamableHTTPServerTransport({
        sessionIdGenerator: () => randomUUID(),
        eventStore: memoryEventStore(),
        retryInterval: 1000,
        onsessioninitialized: (id) => sessions.set(id, transport),
      });
      const t = transport;
      t.onclose = () => t.sessionId && sessions.delete(t.sessionId);
      await createServer((requestId) => t.closeSSEStream(requestId)).connect(t);
    }
    await transport.handleRequest(req, res, body);
  });
  httpServer.listen(port, '127.0.0.1', () => {
    process.stdout.write(`listening http://127.0.0.1:${httpServer.address().port}/mcp\n`);
  });
  const stop = () => {
    httpServer.closeAllConnections();
    process.exit(0);
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}

const argv = process.argv.slice(2);
if (argv.includes('--http')) {
  serveHttp(Number((argv.find((a) => a.startsWith('--port=')) || '--port=0').slice('--port='.length)));
} else {
  void createServer().connect(new StdioServerTransport());
}
