// A loopback server in the format of crt.sh's JSON output (`GET /?q=<name>&output=json`), for the
// certificates specs. It can fail the way crt.sh often does: HTML error pages with 502/503/504.
// Every request is recorded (privacy checks: only the registered domain may be sent).
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { Socket } from 'node:net';

export interface CrtshServer {
  url: string;
  requests: Array<{ method: string; url: string; headers: IncomingHttpHeaders; at: number }>;
  stop(): Promise<void>;
}

export interface CrtshOptions {
  /** Answer this status with crt.sh's kind of HTML page… */
  failWith?: number;
  /** …to this many requests (all of them when absent), then answer normally. */
  failTimes?: number;
}

/** `rows` by the `q` asked: crt.sh's row objects (`id`, `issuer_name`, `name_value`, `not_before`…). */
export async function startCrtshServer(
  rows: Record<string, unknown[]>,
  { failWith, failTimes = Infinity }: CrtshOptions = {},
): Promise<CrtshServer> {
  const requests: CrtshServer['requests'] = [];
  const sockets = new Set<Socket>();
  let failed = 0;
  const server = createServer((req, res) => {
    requests.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers, at: Date.now() });
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    if (failWith !== undefined && failed < failTimes) {
      failed++;
      return void res
        .writeHead(failWith, { 'Content-Type': 'text/html; charset=UTF-8' })
        .end(`<html><head><title>${failWith}</title></head><body><h1>crt.sh is busy</h1></body></html>`);
    }
    if (url.pathname !== '/' || url.searchParams.get('output') !== 'json')
      return void res.writeHead(404, { 'Content-Type': 'text/html' }).end('<html>not found</html>');
    res
      .writeHead(200, { 'Content-Type': 'application/json' })
      .end(JSON.stringify(rows[url.searchParams.get('q') ?? ''] ?? []));
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as { port: number };
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    stop: () =>
      new Promise<void>((done) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => done());
      }),
  };
}
