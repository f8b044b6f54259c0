// Loopback RDAP for the end-to-end tests: a registry that also publishes IANA-style bootstrap
// files (RFC 9224) naming itself, and a redirector in the manner of rdap.org (302 to the
// registry that knows the object, 404 when none does). Each records the requests it gets.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import type { RecordedRequest, StubServer } from './stub-servers';

type Handler = (req: IncomingMessage, res: ServerResponse, base: string) => void;

async function listen(handler: Handler): Promise<StubServer> {
  const requests: RecordedRequest[] = [];
  const sockets = new Set<Socket>();
  let base = '';
  const server = createServer((req, res) => {
    requests.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers, at: Date.now() });
    handler(req, res, base);
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  base = `http://127.0.0.1:${(server.address() as { port: number }).port}/`;
  return {
    url: base,
    requests,
    stop: () =>
      new Promise<void>((done) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => done());
      }),
  };
}

/** A body given as a string is sent as it is: JSON too deep for Node's own JSON.stringify. */
const rdapJson = (res: ServerResponse, status: number, body: unknown) =>
  res
    .writeHead(status, { 'Content-Type': 'application/rdap+json' })
    .end(typeof body === 'string' ? body : JSON.stringify(body));

export interface RegistryContents {
  /** RDAP domain objects by registered domain. */
  domains?: Record<string, unknown>;
  /** RDAP IP network objects by the exact address asked about. */
  networks?: Record<string, unknown>;
  /** What the bootstrap files list for this server: TLDs, IPv4 and IPv6 prefixes. */
  bootstrap?: { dns?: string[]; ipv4?: string[]; ipv6?: string[] };
}

/**
 * A registry at `/domain/{name}` and `/ip/{address}` (404 for what it doesn't hold), with
 * `/bootstrap/dns.json`, `ipv4.json` and `ipv6.json` pointing at itself for what it lists.
 */
export function startRdapRegistry(contents: RegistryContents): Promise<StubServer> {
  return listen((req, res, base) => {
    const path = new URL(req.url ?? '/', base).pathname;
    const file = /^\/bootstrap\/(dns|ipv4|ipv6)\.json$/.exec(path);
    if (file) {
      const listed = contents.bootstrap?.[file[1] as 'dns' | 'ipv4' | 'ipv6'] ?? [];
      return void res.writeHead(200, { 'Content-Type': 'application/json' }).end(
        JSON.stringify({
          version: '1.0',
          publication: '2026-01-01T00:00:00Z',
          services: listed.length ? [[listed, [base]]] : [],
        }),
      );
    }
    const query = /^\/(domain|ip)\/(.+)$/.exec(path);
    const name = query ? decodeURIComponent(query[2]!).toLowerCase() : '';
    const object = query?.[1] === 'domain' ? contents.domains?.[name] : contents.networks?.[name];
    if (!object) return void rdapJson(res, 404, { errorCode: 404, title: 'Not Found' });
    rdapJson(res, 200, object);
  });
}

/** Like rdap.org: `/{domain|ip}/{object}` → 302 to `registry` for the objects in `knows`, else 404. */
export function startRdapRedirector(registry: string, knows: string[]): Promise<StubServer> {
  return listen((req, res, base) => {
    const path = new URL(req.url ?? '/', base).pathname;
    const query = /^\/(domain|ip)\/(.+)$/.exec(path);
    if (!query || !knows.includes(decodeURIComponent(query[2]!).toLowerCase()))
      return void rdapJson(res, 404, { errorCode: 404, title: 'No RDAP server known' });
    res.writeHead(302, { Location: new URL(path.slice(1), registry).toString() }).end();
  });
}
