// Everything a browser under test tries to send off the machine goes to this loopback proxy.
// Requests for the test world's names (world.ts) are passed to their loopback servers: Firefox
// can map a name to loopback but not to a port, so it reaches the stand-ins this way
// (`CONNECT api.mnemonic.no:443` → the stand-in's port; `GET http://news.example-paper.com:<port>/…`
// → 127.0.0.1:<port>). Anything else is recorded and answered with nothing. Loopback itself is
// never proxied, so the tests' own servers are reached directly.
import { createServer, request as httpRequest } from 'node:http';
import { connect, type Socket } from 'node:net';

export interface OutboundRecorder {
  port: number;
  /** What was refused: `CONNECT host:port` or `METHOD absolute-url`. */
  seen: string[];
  stop(): Promise<void>;
}

/**
 * `routes` maps a host name to the loopback port its TLS server listens on (for `CONNECT`);
 * `passHosts` are names whose plain-HTTP requests go to 127.0.0.1 on the URL's own port, and
 * `httpRoutes` names whose plain-HTTP requests go to a given loopback port.
 */
export async function startOutboundRecorder(
  routes: ReadonlyMap<string, number> = new Map(),
  passHosts: ReadonlySet<string> = new Set(),
  httpRoutes: ReadonlyMap<string, number> = new Map(),
): Promise<OutboundRecorder> {
  const seen: string[] = [];
  const sockets = new Set<Socket>();
  const server = createServer((req, res) => {
    const target = URL.canParse(req.url ?? '') ? new URL(req.url!) : null;
    const port =
      target?.protocol !== 'http:'
        ? undefined
        : passHosts.has(target.hostname)
          ? Number(target.port || 80)
          : httpRoutes.get(target.hostname);
    if (!target || port === undefined) {
      seen.push(`${req.method} ${req.url}`);
      return void res.writeHead(502).end();
    }
    const upstream = httpRequest(
      {
        host: '127.0.0.1',
        port,
        method: req.method,
        path: `${target.pathname}${target.search}`,
        headers: req.headers,
      },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    upstream.on('error', () => res.writeHead(502).end());
    req.pipe(upstream);
  });
  server.on('connect', (req, socket: Socket, head: Buffer) => {
    const [host = '', port = ''] = (req.url ?? '').split(/:(?=\d+$)/);
    const local = port === '443' ? routes.get(host) : undefined;
    if (local === undefined) {
      seen.push(`CONNECT ${req.url}`);
      return void socket.end('HTTP/1.1 502 Bad Gateway\r\n\r\n');
    }
    const upstream = connect(local, '127.0.0.1', () => {
      socket.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      if (head.length) upstream.write(head);
      upstream.pipe(socket);
      socket.pipe(upstream);
    });
    sockets.add(upstream);
    upstream.on('close', () => sockets.delete(upstream));
    upstream.on('error', () => socket.destroy());
    socket.on('error', () => upstream.destroy());
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  return {
    port: (server.address() as { port: number }).port,
    seen,
    stop: () =>
      new Promise<void>((done) => {
        for (const socket of sockets) socket.destroy(); // a keep-alive connection must not hold the run
        server.close(() => done());
      }),
  };
}
