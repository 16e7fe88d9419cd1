import { createServer, type IncomingMessage, type Server as HttpServer, type ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import { Server } from '@modelcontextprotocol/sdk/server/index.js';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import { ListToolsRequestSchema } from '@modelcontextprotocol/sdk/types.js';

/** One request a path received: its JSON-RPC method (or HTTP method for GET/DELETE) and when. */
export interface Hit {
  method: string;
  at: number;
}

export interface CountingPeer {
  /** `${base}/s/<name>` is one MCP server. */
  base: string;
  url(name: string | number): string;
  /** Requests per path name, in arrival order. */
  hits(name: string | number): Hit[];
  /** Checks a path received: pings on a live connection plus handshakes (a check that had to connect). */
  checks(name: string | number): number[];
  /** GET requests answered 405. */
  readonly gets: number;
  close(): Promise<void>;
}

/**
 * Many stateless streamable-HTTP MCP servers behind one port (SDK Server per request, the way stateless
 * servers are written), counting what each path receives. GET (the optional server stream) answers 405.
 */
export async function startCountingPeer(opts: { tools?: string[] } = {}): Promise<CountingPeer> {
  const hits = new Map<string, Hit[]>();
  const sockets = new Set<Socket>();
  let gets = 0;
  const tools = (opts.tools ?? ['alpha', 'beta']).map((name) => ({ name, inputSchema: { type: 'object' as const } }));

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const m = /^\/s\/([^/?]+)/.exec(req.url ?? '');
    if (!m) return void res.writeHead(404).end();
    const name = m[1];
    const list = hits.get(name) ?? [];
    hits.set(name, list);
    if (req.method !== 'POST') {
      list.push({ method: req.method ?? '?', at: Date.now() });
      if (req.method === 'GET') gets++;
      return void res.writeHead(req.method === 'DELETE' ? 200 : 405, { allow: 'POST' }).end();
    }
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const body: unknown = JSON.parse(Buffer.concat(chunks).toString('utf8'));
    for (const msg of Array.isArray(body) ? body : [body]) list.push({ method: String((msg as { method?: string }).method), at: Date.now() });
    const server = new Server({ name: `counting-${name}`, version: '1.0.0' }, { capabilities: { tools: {} } });
    server.setRequestHandler(ListToolsRequestSchema, () => ({ tools }));
    const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined, enableJsonResponse: true });
    res.on('close', () => void transport.close().catch(() => undefined));
    await server.connect(transport);
    await transport.handleRequest(req, res, body);
  };

  const http: HttpServer = createServer((req, res) => {
    handle(req, res).catch(() => (res.headersSent ? res.destroy() : res.writeHead(500).end()));
  });
  http.on('connection', (s: Socket) => {
    sockets.add(s);
    s.once('close', () => sockets.delete(s));
  });
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  const { port } = http.address() as { port: number };
  const base = `http://127.0.0.1:${port}`;
  return {
    base,
    url: (name) => `${base}/s/${name}`,
    hits: (name) => hits.get(String(name)) ?? [],
    checks: (name) => (hits.get(String(name)) ?? []).filter((h) => h.method === 'ping' || h.method === 'initialize').map((h) => h.at),
    get gets() {
      return gets;
    },
    close: async () => {
      sockets.forEach((s) => s.destroy());
      await new Promise<void>((resolve) => http.close(() => resolve()));
    },
  };
}
