// Loopback HTTP servers for the end-to-end tests: a DoH endpoint that misbehaves on purpose,
// and a server for fixture pages. Each records the requests it gets (privacy checks).
import { createServer, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from 'node:http';
import { createServer as createTlsServer } from 'node:https';
import { ARTICLE_HOST } from './world-names';

export interface RecordedRequest {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
  /** When it arrived (ms since epoch): budgets are checked per window. */
  at: number;
}

export interface StubServer {
  /** Base URL; for DoH stubs, the full endpoint `http://127.0.0.1:<port>/dns-query`. */
  url: string;
  requests: RecordedRequest[];
  stop(): Promise<void>;
}

export type Handler = (req: IncomingMessage, res: ServerResponse) => void;

export interface StubServerWithPort extends StubServer {
  port: number;
}

/**
 * Serves `handler` on a free loopback port, over TLS when `tls` is given (the stand-ins for
 * real services, reached under their real names: see world.ts). `url` is `http://127.0.0.1:<port><path>`
 * (or `https://`); `host` replaces 127.0.0.1 in it.
 */
export async function listen(
  handler: Handler,
  path: string,
  options: { tls?: { cert: string; key: string }; host?: string } = {},
): Promise<StubServerWithPort> {
  const requests: RecordedRequest[] = [];
  const sockets = new Set<import('node:net').Socket>();
  const onRequest = (req: IncomingMessage, res: ServerResponse) => {
    requests.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers, at: Date.now() });
    handler(req, res);
  };
  const server = options.tls ? createTlsServer(options.tls, onRequest) : createServer(onRequest);
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as { port: number };
  return {
    url: `${options.tls ? 'https' : 'http'}://${options.host ?? '127.0.0.1'}:${port}${path}`,
    port,
    requests,
    stop: () =>
      new Promise<void>((done) => {
        for (const socket of sockets) socket.destroy(); // a hanging request must not block the stop
        server.close(() => done());
      }),
  };
}

/** Ways a DoH endpoint can fail. */
export const stubHandlers = {
  rateLimited: ((_req, res) => {
    res.writeHead(429, { 'Retry-After': '30', 'Content-Type': 'text/plain' }).end('slow down');
  }) satisfies Handler,
  /** Never answers; the client must time out. */
  hang: (() => undefined) satisfies Handler,
  garbage: ((_req, res) => {
    res
      .writeHead(200, { 'Content-Type': 'application/dns-message' })
      .end(Buffer.from([0xde, 0xad, 0xbe, 0xef, 1, 2, 3]));
  }) satisfies Handler,
  serverError: ((_req, res) => {
    res
      .writeHead(500, { 'Content-Type': 'text/html' })
      .end('<html><body><h1>Internal error</h1></body></html>');
  }) satisfies Handler,
};

export function startStubServer(handler: Handler): Promise<StubServer> {
  return listen(handler, '/dns-query');
}

/**
 * Serves fixture pages (`{ '/story.html': '<html>…' }`) as UTF-8 HTML, the way a reader meets
 * them: under a public-looking name (`http://news.example-paper.com:<port>`, which the browsers
 * under test map to loopback), never under 127.0.0.1, which an extension may treat differently.
 * A page may come with its own response headers (a Content-Security-Policy, say).
 */
export function startPageServer(
  pages: Record<string, string | { body: string; headers: Record<string, string> }>,
): Promise<StubServerWithPort> {
  return listen(
    (req, res) => {
      const page = pages[new URL(req.url ?? '/', 'http://127.0.0.1').pathname];
      if (page === undefined)
        return void res.writeHead(404, { 'Content-Type': 'text/plain' }).end('not found');
      const { body, headers } = typeof page === 'string' ? { body: page, headers: {} } : page;
      res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', ...headers }).end(body);
    },
    '',
    { host: ARTICLE_HOST },
  );
}

/** A DoH endpoint that answers like `target`, but only after `delayMs`: a slow resolver. */
export function startDelayProxy(target: string, delayMs: number): Promise<StubServer> {
  return listen((req, res) => {
    setTimeout(async () => {
      try {
        const upstream = await fetch(new URL(req.url ?? '/', target));
        res
          .writeHead(upstream.status, { 'Content-Type': upstream.headers.get('Content-Type') ?? '' })
          .end(Buffer.from(await upstream.arrayBuffer()));
      } catch {
        res.writeHead(502).end();
      }
    }, delayMs);
  }, '/dns-query');
}

export interface MnemonicRow {
  query: string;
  answer: string;
  rrtype: string;
  firstSeenTimestamp: number;
  lastSeenTimestamp: number;
  times: number;
}

/** What the specs' Mnemonic has seen of the story's mail server: its 2016 address, 145 times. */
export const MAIL1_MNEMONIC_ROW: MnemonicRow = {
  query: 'mail1.trump-email.com',
  answer: '66.216.133.29',
  rrtype: 'a',
  firstSeenTimestamp: Date.UTC(2016, 4, 3),
  lastSeenTimestamp: Date.UTC(2016, 8, 23),
  times: 145,
};

/**
 * A loopback server in the format of Mnemonic's passive DNS API v3 (`GET /pdns/v3/{query}`):
 * rows match the query on either side, as the real service does. `limitReached` answers as
 * the public service does over quota (402 with `millisUntilResourcesAvailable`).
 */
export function startMnemonicServer(
  rows: MnemonicRow[],
  options: { limitReached?: boolean } = {},
): Promise<StubServer> {
  return listen(mnemonicHandler(rows, options), '');
}

/** What `startMnemonicServer` answers, for a server of one's own (the stand-in under the real name). */
export function mnemonicHandler(rows: MnemonicRow[], options: { limitReached?: boolean } = {}): Handler {
  return (req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const match = /^\/pdns\/v3\/(.+)$/.exec(url.pathname);
    if (!match) return void res.writeHead(404).end();
    if (options.limitReached) {
      return void res.writeHead(402, { 'Content-Type': 'application/json' }).end(
        JSON.stringify({
          responseCode: 402,
          data: null,
          metaData: { millisUntilResourcesAvailable: 3 * 3600_000 },
          messages: [{ message: 'Resource limit exceeded' }],
        }),
      );
    }
    const query = decodeURIComponent(match[1]!);
    const data = rows.filter((r) => r.query === query || r.answer === query);
    res.writeHead(200, { 'Content-Type': 'application/json' }).end(
      JSON.stringify({
        responseCode: 200,
        limit: 100,
        offset: 0,
        count: data.length,
        size: data.length,
        data,
        metaData: {},
        messages: [],
      }),
    );
  };
}

/** A loopback RDAP server (RFC 9083 domain objects at `/domain/{name}`); unknown names get 404. */
export function startRdapServer(domains: Record<string, unknown>): Promise<StubServer> {
  return listen((req, res) => {
    const match = /^\/domain\/(.+)$/.exec(new URL(req.url ?? '/', 'http://127.0.0.1').pathname);
    const object = match ? domains[decodeURIComponent(match[1]!).toLowerCase()] : undefined;
    if (!object) {
      return void res
        .writeHead(404, { 'Content-Type': 'application/rdap+json' })
        .end(JSON.stringify({ errorCode: 404, title: 'Not Found' }));
    }
    res.writeHead(200, { 'Content-Type': 'application/rdap+json' }).end(JSON.stringify(object));
  }, '');
}

/** A loopback server in the format of Cert Spotter's API v1 (`GET /v1/issuances?domain=`). */
export function startCertSpotterServer(issuances: Record<string, unknown[]>): Promise<StubServer> {
  return listen(certSpotterHandler(issuances), '');
}

/** What `startCertSpotterServer` answers, for the stand-in under the real name. */
export function certSpotterHandler(issuances: Record<string, unknown[]>): Handler {
  return (req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    if (url.pathname !== '/v1/issuances') return void res.writeHead(404).end();
    const list = issuances[url.searchParams.get('domain') ?? ''] ?? [];
    res.writeHead(200, { 'Content-Type': 'application/json' }).end(JSON.stringify(list));
  };
}
