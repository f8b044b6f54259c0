// Loopback HTTP servers for the end-to-end tests: a DoH endpoint that misbehaves on purpose,
// and a server for fixture pages. Each records the requests it gets (privacy checks).
import { createServer, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from 'node:http';

export interface RecordedRequest {
  method: string;
  /** Path and query, e.g. `/dns-query?dns=AAAB…`. */
  url: string;
  headers: IncomingHttpHeaders;
}

export interface StubServer {
  /** For DoH stubs the full endpoint `http://127.0.0.1:<port>/dns-query`; for page servers the origin. */
  url: string;
  /** Every request received so far, oldest first. */
  requests: RecordedRequest[];
  /** Closes the server and every open connection (hanging requests included). */
  stop(): Promise<void>;
}

export type StubHandler = (req: IncomingMessage, res: ServerResponse) => void;

async function listen(handler: StubHandler, path: string): Promise<StubServer> {
  const requests: RecordedRequest[] = [];
  const server = createServer((req, res) => {
    requests.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers });
    handler(req, res);
  });
  await new Promise<void>((done, fail) => {
    server.once('error', fail);
    server.listen(0, '127.0.0.1', done);
  });
  const { port } = server.address() as { port: number };
  let stopped: Promise<void> | undefined;
  return {
    url: `http://127.0.0.1:${port}${path}`,
    requests,
    stop: () =>
      (stopped ??= new Promise<void>((done) => {
        server.close(() => done());
        server.closeAllConnections(); // a hanging request must not hold the stop
      })),
  };
}

/** Ways a DoH endpoint can fail. */
export const stubHandlers = {
  /** 429 Too Many Requests with `Retry-After: 30`. */
  rateLimited: ((_req, res) => {
    res.writeHead(429, { 'Retry-After': '30', 'Content-Type': 'text/plain' }).end('slow down');
  }) satisfies StubHandler,
  /** Accepts the request and never answers; the client must time out. */
  hang: (() => undefined) satisfies StubHandler,
  /** 200 `application/dns-message` whose body is not a DNS message. */
  garbage: ((_req, res) => {
    res
      .writeHead(200, { 'Content-Type': 'application/dns-message' })
      .end(Buffer.from([0xde, 0xad, 0xbe, 0xef, 1, 2, 3]));
  }) satisfies StubHandler,
  /** 500 with an HTML error page. */
  serverError: ((_req, res) => {
    res
      .writeHead(500, { 'Content-Type': 'text/html' })
      .end('<html><body><h1>Internal error</h1></body></html>');
  }) satisfies StubHandler,
};

/** A DoH endpoint at `<url>` = `http://127.0.0.1:<port>/dns-query` answering every request with `handler`. */
export function startStubServer(handler: StubHandler): Promise<StubServer> {
  return listen(handler, '/dns-query');
}

/** Serves fixture pages (`{ '/story.html': '<html>…' }`) as UTF-8 HTML on loopback; others are 404. */
export function startPageServer(pages: Record<string, string>): Promise<StubServer> {
  return listen((req, res) => {
    const page = pages[new URL(req.url ?? '/', 'http://127.0.0.1').pathname];
    if (page === undefined) res.writeHead(404, { 'Content-Type': 'text/plain' }).end('not found');
    else res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' }).end(page);
  }, '');
}
