// Loopback servers speaking the keyed passive-DNS formats (../shared/docs/data-sources.md §2.1,
// §2.4, §2.7), for end-to-end tests of the history sections. Each records every request, the
// OPTIONS preflights too (whether the browser sends one for a keyed request is [unverified],
// §8), answers preflights permissively, and can be switched to a 429 with Retry-After.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import type { RecordedRequest, StubServer } from './stub-servers';

export interface PdnsServerOptions {
  /** Answer every GET with this status (e.g. 429, 401) instead of data. */
  status?: number;
  /** Sent with a 429. */
  retryAfter?: string;
}

export interface PdnsServer extends StubServer {
  /** Switches the answer of later requests: 200 for data again, 429/401/502 to fail. */
  setStatus(status: number, retryAfter?: string): void;
}

const CORS = {
  'Access-Control-Allow-Origin': '*',
  'Access-Control-Allow-Methods': 'GET, OPTIONS',
  'Access-Control-Allow-Headers': '*',
  'Access-Control-Expose-Headers': '*',
  'Access-Control-Max-Age': '600',
};

type Serve = (query: string, url: URL, res: ServerResponse) => void;

async function listenPdns(path: RegExp, options: PdnsServerOptions, serve: Serve): Promise<PdnsServer> {
  const requests: RecordedRequest[] = [];
  const sockets = new Set<Socket>();
  let status = options.status ?? 200;
  let retryAfter = options.retryAfter ?? '30';
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    requests.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers, at: Date.now() });
    for (const [name, value] of Object.entries(CORS)) res.setHeader(name, value);
    if (req.method === 'OPTIONS') return void res.writeHead(204).end();
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const match = path.exec(url.pathname);
    if (!match) return void res.writeHead(404, { 'Content-Type': 'text/plain' }).end('not found');
    if (status === 429)
      return void res
        .writeHead(429, { 'Content-Type': 'text/plain', 'Retry-After': retryAfter })
        .end('quota exhausted');
    if (status !== 200)
      return void res
        .writeHead(status, { 'Content-Type': 'text/html' })
        .end(`<html><h1>${status}</h1></html>`);
    serve(decodeURIComponent(match[1]!), url, res);
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
    setStatus: (next, after) => {
      status = next;
      if (after !== undefined) retryAfter = after;
    },
    stop: () =>
      new Promise<void>((done) => {
        for (const socket of sockets) socket.destroy(); // a hanging request must not block the stop
        server.close(() => done());
      }),
  };
}

/** COF rows about `query`: its own records, and those whose data names it (as CIRCL answers). */
function matching(rows: Array<Record<string, unknown>>, query: string) {
  const q = query.toLowerCase();
  const clean = (v: unknown) => (typeof v === 'string' ? v.toLowerCase().replace(/\.$/, '') : v);
  return rows.filter((r) => {
    const rdata = Array.isArray(r.rdata) ? r.rdata : [r.rdata];
    return clean(r.rrname) === q || rdata.some((v) => clean(v) === q);
  });
}

const ndjson = (lines: unknown[]) => lines.map((l) => `${JSON.stringify(l)}\n`).join('');

/**
 * A COF server (CIRCL style): `GET /pdns/query/{query}` answers NDJSON. Its `url` plus
 * `/pdns/query/` is the base to set in the options.
 */
export function startCofServer(
  rows: Array<Record<string, unknown>>,
  options: PdnsServerOptions = {},
): Promise<PdnsServer> {
  return listenPdns(/^\/pdns\/query\/(.+)$/, options, (query, _url, res) => {
    res.writeHead(200, { 'Content-Type': 'application/x-ndjson' }).end(ndjson(matching(rows, query)));
  });
}

/** A DNSDB v2 server: rrset and rdata/ip lookups answer the same COF rows wrapped in SAF. */
export function startDnsdbServer(
  rows: Array<Record<string, unknown>>,
  options: PdnsServerOptions = {},
): Promise<PdnsServer> {
  return listenPdns(/^\/dnsdb\/v2\/lookup\/(?:rrset\/name|rdata\/ip)\/(.+)$/, options, (query, _url, res) => {
    const objs = matching(rows, query).map((obj) => ({ obj }));
    res
      .writeHead(200, { 'Content-Type': 'application/x-ndjson' })
      .end(ndjson([{ cond: 'begin' }, ...objs, { cond: 'succeeded' }]));
  });
}

/** An OTX server: `GET /api/v1/indicators/{section}/{query}/passive_dns` with OTX's row shape. */
export function startOtxServer(
  rows: Array<{ hostname: string; address: string; record_type: string; first: string; last: string }>,
  options: PdnsServerOptions = {},
): Promise<PdnsServer> {
  return listenPdns(/^\/api\/v1\/indicators\/[^/]+\/([^/]+)\/passive_dns$/, options, (query, _url, res) => {
    const q = query.toLowerCase();
    const list = rows.filter((r) => r.hostname.toLowerCase() === q || r.address.toLowerCase() === q);
    res
      .writeHead(200, { 'Content-Type': 'application/json' })
      .end(JSON.stringify({ passive_dns: list, count: list.length }));
  });
}

/**
 * A VirusTotal API v3 server: `GET /api/v3/{domains|ip_addresses}/{query}/resolutions` answers
 * resolutions in VirusTotal's shape. Its `url` plus `/` is the base to set in the options.
 */
export function startVirusTotalServer(
  rows: Array<{ host_name: string; ip_address: string; date: number }>,
  options: PdnsServerOptions = {},
): Promise<PdnsServer> {
  return listenPdns(
    /^\/api\/v3\/(?:domains|ip_addresses)\/([^/]+)\/resolutions$/,
    options,
    (query, _url, res) => {
      const q = query.toLowerCase();
      const data = rows
        .filter((r) => r.host_name === q || r.ip_address === q)
        .map((attributes) => ({ type: 'resolution', attributes }));
      res
        .writeHead(200, { 'Content-Type': 'application/json' })
        .end(JSON.stringify({ data, meta: { count: data.length } }));
    },
  );
}
