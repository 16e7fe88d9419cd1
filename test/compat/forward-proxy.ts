import { createServer, request as httpRequest, type IncomingMessage, type Server } from 'node:http';
import { connect, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';

/** A real forward HTTP proxy (CONNECT tunnels and absolute-URI requests) that checks a credential header and counts. */
export interface ForwardProxy {
  url: string;
  counts: { connects: number; forwarded: number; refused: number };
  close(): Promise<void>;
}

export async function startForwardProxy(opts: { header: string; value: string }): Promise<ForwardProxy> {
  const counts = { connects: 0, forwarded: 0, refused: 0 };
  const sockets = new Set<Socket>();
  const allowed = (req: IncomingMessage) => req.headers[opts.header.toLowerCase()] === opts.value;
  const server: Server = createServer((req, res) => {
    if (!allowed(req)) {
      counts.refused++;
      res.writeHead(407, { 'proxy-authenticate': 'Bearer' }).end();
      return;
    }
    counts.forwarded++;
    const target = new URL(req.url ?? '');
    const headers = { ...req.headers };
    delete headers[opts.header.toLowerCase()];
    const upstream = httpRequest({ host: target.hostname, port: target.port, path: target.pathname + target.search, method: req.method, headers }, (r) => {
      res.writeHead(r.statusCode ?? 502, r.headers);
      r.pipe(res);
    });
    upstream.on('error', () => res.destroy());
    req.pipe(upstream);
  });
  server.on('connection', (s: Socket) => (sockets.add(s), s.on('close', () => sockets.delete(s))));
  server.on('connect', (req: IncomingMessage, client: Socket, head: Buffer) => {
    if (!allowed(req)) {
      counts.refused++;
      client.end('HTTP/1.1 407 Proxy Authentication Required\r\nProxy-Authenticate: Bearer\r\n\r\n');
      return;
    }
    counts.connects++;
    const [host, port] = (req.url ?? '').split(':');
    const upstream = connect(Number(port), host, () => {
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      if (head.length) upstream.write(head);
      upstream.pipe(client);
      client.pipe(upstream);
    });
    sockets.add(upstream);
    upstream.on('close', () => sockets.delete(upstream));
    upstream.on('error', () => client.destroy());
    client.on('error', () => upstream.destroy());
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    counts,
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}
