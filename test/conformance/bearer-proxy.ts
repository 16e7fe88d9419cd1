import { createServer, request, type IncomingHttpHeaders, type Server } from 'node:http';

export interface BearerProxy {
  url: string;
  close(): Promise<void>;
}

/**
 * The conformance suite's server mode has no option for request headers, and the gateway needs a bearer: this
 * forwards every request on 127.0.0.1 to `target` with `Authorization: Bearer <token>` added, streaming both ways.
 * Host and Origin pass unchanged (the suite's DNS-rebinding scenario sets them).
 */
export async function startBearerProxy(target: string, token: string): Promise<BearerProxy> {
  const to = new URL(target);
  const server: Server = createServer((req, res) => {
    const headers: IncomingHttpHeaders = { ...req.headers, authorization: `Bearer ${token}` };
    const upstream = request(
      { host: to.hostname, port: to.port, path: to.pathname + to.search, method: req.method, headers },
      (up) => {
        res.writeHead(up.statusCode ?? 502, up.headers);
        up.pipe(res);
      },
    );
    upstream.once('error', () => (res.headersSent ? res.destroy() : res.writeHead(502).end()));
    // A client that goes away (the suite cancels SSE readers) takes the upstream request with it.
    res.once('close', () => upstream.destroy());
    req.pipe(upstream);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  return {
    url: `http://127.0.0.1:${port}/mcp`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
