import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server as HttpServer, type ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import { Server } from '@modelcontextprotocol/sdk/server/index.js';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import { CallToolRequestSchema, ListToolsRequestSchema, type CallToolResult, type Tool } from '@modelcontextprotocol/sdk/types.js';

export interface PeerTool {
  name: string;
  description?: string;
  inputSchema?: Tool['inputSchema'];
  run(args: Record<string, unknown>, ctx: PeerToolContext): Promise<CallToolResult> | CallToolResult;
}

export interface PeerToolContext {
  headers: Record<string, string | string[] | undefined>;
  signal: AbortSignal;
  progress(progress: number, total?: number): Promise<void>;
  peer: HttpPeer;
}

export interface HttpPeerOptions {
  /** Extra tools besides the built-ins (echo, slow, drop, marker, add_tool). */
  tools?: PeerTool[];
  /** tools/list page size (default: everything on one page). */
  pageSize?: number;
  /** Answer 401 (with WWW-Authenticate) unless `Authorization: Bearer <requireBearer>`. */
  requireBearer?: string;
  /** How many `drop` calls get their connection destroyed mid-call (default 1). */
  dropTimes?: number;
  /** Listen on this port (default: any free one). */
  port?: number;
}

export interface HttpPeer {
  url: string;
  /** MCP sessions initialised so far (one per handshake). */
  readonly sessions: number;
  /** TCP connections accepted so far. */
  readonly tcpConnections: number;
  /** Tool calls received so far, by tool name. */
  readonly calls: Record<string, number>;
  /** Adds a tool and sends notifications/tools/list_changed on every open session. */
  addTool(tool: PeerTool): Promise<void>;
  close(): Promise<void>;
}

const text = (t: string): CallToolResult => ({ content: [{ type: 'text', text: t }] });
const sleep = (ms: number, signal?: AbortSignal) =>
  new Promise<void>((resolve) => {
    const t = setTimeout(resolve, ms);
    signal?.addEventListener('abort', () => (clearTimeout(t), resolve()));
  });

function builtins(): PeerTool[] {
  return [
    { name: 'echo', inputSchema: { type: 'object', properties: { message: { type: 'string' } } }, run: (a) => text(`Echo: ${String(a.message)}`) },
    {
      name: 'slow',
      description: 'sleeps `ms` in `steps`, sending progress after each step',
      run: async (a, ctx) => {
        const steps = Number(a.steps ?? 1);
        for (let i = 1; i <= steps; i++) {
          await sleep(Number(a.ms ?? 1000) / steps, ctx.signal);
          await ctx.progress(i, steps);
        }
        return text('done');
      },
    },
    { name: 'drop', description: 'the peer destroys the socket of the first `dropTimes` calls', run: async () => (await sleep(300), text('survived')) },
    {
      name: 'marker',
      description: 'returns the Authorization and X-Tenant headers it received',
      run: async (a, ctx) => {
        await sleep(Number(a.delayMs ?? 0));
        return text(JSON.stringify({ authorization: ctx.headers.authorization ?? null, tenant: ctx.headers['x-tenant'] ?? null }));
      },
    },
    {
      name: 'add_tool',
      run: async (a, ctx) => {
        const name = String(a.name ?? `tool_${Date.now()}`);
        await ctx.peer.addTool({ name, run: () => text(name) });
        return text(`added ${name}`);
      },
    },
  ];
}

/** A small in-process streamable-HTTP MCP server (SDK low-level Server, stateful sessions) with test-friendly tools. */
export async function startHttpPeer(opts: HttpPeerOptions = {}): Promise<HttpPeer> {
  const tools = [...builtins(), ...(opts.tools ?? [])];
  const sessions = new Map<string, { transport: StreamableHTTPServerTransport; server: Server }>();
  const sockets = new Set<Socket>();
  const calls: Record<string, number> = {};
  let sessionCount = 0;
  let tcpConnections = 0;
  let dropsLeft = opts.dropTimes ?? 1;
  let peer!: HttpPeer;

  const newSession = (): { transport: StreamableHTTPServerTransport; server: Server } => {
    const server = new Server({ name: 'patchbay-test-peer', version: '1.0.0' }, { capabilities: { tools: { listChanged: true } } });
    server.setRequestHandler(ListToolsRequestSchema, (req) => {
      const size = opts.pageSize ?? tools.length;
      const start = Number(req.params?.cursor ?? 0);
      const page = tools.slice(start, start + size).map((t) => ({
        name: t.name, description: t.description, inputSchema: t.inputSchema ?? { type: 'object' as const },
      }));
      return { tools: page, nextCursor: start + size < tools.length ? String(start + size) : undefined };
    });
    server.setRequestHandler(CallToolRequestSchema, async (req, extra) => {
      const tool = tools.find((t) => t.name === req.params.name);
      calls[req.params.name] = (calls[req.params.name] ?? 0) + 1;
      if (!tool) return { ...text(`unknown tool ${req.params.name}`), isError: true };
      const token = req.params._meta?.progressToken;
      return tool.run(req.params.arguments ?? {}, {
        headers: extra.requestInfo?.headers ?? {},
        signal: extra.signal,
        peer,
        progress: async (progress, total) => {
          if (token !== undefined) await extra.sendNotification({ method: 'notifications/progress', params: { progressToken: token, progress, total } });
        },
      });
    });
    const transport = new StreamableHTTPServerTransport({
      sessionIdGenerator: () => randomUUID(),
      onsessioninitialized: (id) => {
        sessionCount++;
        sessions.set(id, { transport, server });
      },
    });
    transport.onclose = () => transport.sessionId && sessions.delete(transport.sessionId);
    void server.connect(transport);
    return { transport, server };
  };

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    if (opts.requireBearer && req.headers.authorization !== `Bearer ${opts.requireBearer}`) {
      res.writeHead(401, { 'www-authenticate': 'Bearer realm="peer"', 'content-type': 'application/json' }).end('{"error":"unauthorized"}');
      return;
    }
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const raw = Buffer.concat(chunks).toString('utf8');
    const body: unknown = raw ? JSON.parse(raw) : undefined;
    const msg = body as { method?: string; params?: { name?: string } } | undefined;
    if (msg?.method === 'tools/call' && msg.params?.name === 'drop' && dropsLeft > 0) {
      dropsLeft--;
      setTimeout(() => req.socket.destroy(), 100);
    }
    const sid = req.headers['mcp-session-id'];
    const existing = typeof sid === 'string' ? sessions.get(sid) : undefined;
    if (typeof sid === 'string' && !existing) {
      res.writeHead(404).end();
      return;
    }
    const session = existing ?? newSession();
    await session.transport.handleRequest(req, res, body);
  };

  const http: HttpServer = createServer((req, res) => {
    handle(req, res).catch(() => (res.headersSent ? res.destroy() : res.writeHead(500).end()));
  });
  http.on('connection', (s: Socket) => {
    tcpConnections++;
    sockets.add(s);
    s.once('close', () => sockets.delete(s));
  });
  await new Promise<void>((resolve) => http.listen(opts.port ?? 0, '127.0.0.1', resolve));
  const { port } = http.address() as { port: number };

  peer = {
    url: `http://127.0.0.1:${port}/mcp`,
    get sessions() {
      return sessionCount;
    },
    get tcpConnections() {
      return tcpConnections;
    },
    calls,
    addTool: async (tool) => {
      tools.push(tool);
      await Promise.all([...sessions.values()].map((s) => s.server.sendToolListChanged().catch(() => undefined)));
    },
    close: async () => {
      await Promise.all([...sessions.values()].map((s) => s.transport.close().catch(() => undefined)));
      sockets.forEach((s) => s.destroy());
      await new Promise<void>((resolve) => http.close(() => resolve()));
    },
  };
  return peer;
}
