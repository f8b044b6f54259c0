// Everything a browser under test tries to send off the machine goes to this loopback "proxy":
// it records the request and answers nothing. Loopback itself is never proxied, so the tests'
// own servers are reached directly. Chromium and Firefox launchers both use it.
import { createServer } from 'node:http';
import type { Socket } from 'node:net';

/** A loopback HTTP proxy that refuses everything and remembers what was asked of it. */
export async function startOutboundRecorder(): Promise<{
  port: number;
  seen: string[];
  stop(): Promise<void>;
}> {
  const seen: string[] = [];
  const sockets = new Set<Socket>();
  const server = createServer((req, res) => {
    seen.push(`${req.method} ${req.url}`);
    res.writeHead(502).end();
  });
  server.on('connect', (req, socket: Socket) => {
    seen.push(`CONNECT ${req.url}`);
    socket.end('HTTP/1.1 502 Bad Gateway\r\n\r\n');
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
