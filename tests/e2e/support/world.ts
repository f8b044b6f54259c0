// The reader's world for the end-to-end tests: the release build meets the services a fresh
// install uses under their real names, served by local TLS servers on loopback.
//
// - The default resolver (cloudflare-dns.com) is dnsdist + Knot itself, on a TLS DoH listener
//   that global setup starts (dns-servers.ts).
// - IANA's RDAP bootstrap serves the files IANA published (recorded by another project:
//   tests/fixtures/recorded/iana-bootstrap), and every RDAP server they name (about 350) is one
//   stand-in registry, so a registration lookup of any name goes where it would for a user.
// - Mnemonic, rdap.org, Cert Spotter and crt.sh are small servers in the formats of the real
//   ones; by default they answer as the real services do for a name they know nothing about (an
//   empty list, a 404), and a spec gives them the answers it needs — recorded ones where others
//   have recorded them (recorded-world.ts).
//
// Chromium reaches the article and the default services through `--host-resolver-rules` (a name
// may map to a port); the registries, and everything in Firefox, go through a loopback proxy that
// routes `CONNECT name:443` (and plain `http://name/`) to the right port (outbound-recorder.ts).
// Every certificate is our own self-signed one; both browsers are told to accept it.
import { readFileSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { inject } from 'vitest';
import {
  certSpotterHandler,
  listen,
  mnemonicHandler,
  type Handler,
  type MnemonicRow,
  type RecordedRequest,
  type StubServerWithPort,
} from './stub-servers';
import { ARTICLE_HOST, COM_REGISTRY, DEFAULT_SERVICE_HOSTS } from './world-names';

export { ARTICLE_HOST, DEFAULT_SERVICE_HOSTS } from './world-names';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The self-signed certificate (PEM) for every stand-in name, and its key. */
    worldTls: { cert: string; key: string };
    /** dnsdist's TLS DoH listener on loopback: the stand-in for the default resolver. */
    defaultResolverPort: number;
  }
}

/** What the stand-ins know. Anything else gets the real service's "nothing known" answer. */
export interface WorldContents {
  /** Mnemonic passive-DNS rows (matched on either side, as the real API does). */
  mnemonic?: MnemonicRow[];
  /** RDAP domain objects the registries hold, by name (whichever registry the bootstrap names). */
  rdapDomains?: Record<string, unknown>;
  /** Cert Spotter issuances by the `domain` asked. */
  certspotter?: Record<string, unknown[]>;
  /** crt.sh rows by the `q` asked. */
  crtsh?: Record<string, unknown[]>;
}

export interface World {
  /** Loopback port of each default service's name (HTTPS stand-ins and the resolver). */
  readonly ports: ReadonlyMap<string, number>;
  /**
   * Where the proxy sends the rest of the world: `tls` for `CONNECT name:443` (the registries and
   * the default services), `http` for plain `http://name/` (registries the bootstrap lists only
   * over http).
   */
  readonly proxyRoutes: { tls: ReadonlyMap<string, number>; http: ReadonlyMap<string, number> };
  /** Whether the extension may reach `host` in this world (the leak guards' test). */
  knows(host: string): boolean;
  /** Requests each stand-in received, by its real name (the resolver's are dnsdist's own). */
  requests(host: string): RecordedRequest[];
  /** Chromium's `--host-resolver-rules`: the world's names to loopback, everything else to nowhere. */
  hostResolverRules(): string;
  stop(): Promise<void>;
}

const json = (res: ServerResponse, status: number, body: unknown, type = 'application/json') =>
  res.writeHead(status, { 'Content-Type': type }).end(JSON.stringify(body));

const RECORDED = new URL('../../fixtures/recorded/', import.meta.url);
/** IANA's bootstrap files as published (recorded in 2024 by meeb/whoisit; see the folder's README). */
const BOOTSTRAP = Object.fromEntries(
  ['dns', 'ipv4', 'ipv6'].map((file) => [
    file,
    readFileSync(new URL(`iana-bootstrap/${file}.json`, RECORDED), 'utf8'),
  ]),
) as Record<'dns' | 'ipv4' | 'ipv6', string>;

/** Every RDAP server the bootstrap files name, split by the scheme they're listed with. */
function bootstrapServers(): { https: Set<string>; http: Set<string> } {
  const servers = { https: new Set<string>(), http: new Set<string>() };
  for (const text of Object.values(BOOTSTRAP)) {
    const { services } = JSON.parse(text) as { services: string[][][] };
    for (const service of services)
      for (const base of service.at(-1) ?? []) {
        const url = new URL(base);
        servers[url.protocol === 'http:' ? 'http' : 'https'].add(url.hostname);
      }
  }
  return servers;
}

/** `data.iana.org/rdap/{dns,ipv4,ipv6}.json`, as IANA published them; `asn.json` is not recorded. */
const bootstrapHandler: Handler = (req, res) => {
  const path = new URL(req.url ?? '/', 'https://x').pathname;
  const file = /^\/rdap\/(dns|ipv4|ipv6)\.json$/.exec(path)?.[1] as keyof typeof BOOTSTRAP | undefined;
  if (!file) return void res.writeHead(404, { 'Content-Type': 'text/html' }).end('<html>Not Found</html>');
  res.writeHead(200, { 'Content-Type': 'application/json' }).end(BOOTSTRAP[file]);
};

/**
 * Any registry the bootstrap names: `<its base path>domain/{name}` answers the object the spec
 * gave for that name, 404 for the rest (as registries do for a name they don't hold). With
 * `Access-Control-Allow-Origin: *`, as rdap.verisign.com answers and RFC 7480 §5.6 asks: the
 * extension holds no host permission for registries, so Firefox's background page reads the
 * answer only because of it.
 */
function registryHandler(domains: Record<string, unknown>): Handler {
  return (req, res) => {
    res.setHeader('Access-Control-Allow-Origin', '*');
    const path = new URL(req.url ?? '/', 'https://x').pathname;
    const match = /\/domain\/([^/]+)$/.exec(path);
    const object = match ? domains[decodeURIComponent(match[1]!).toLowerCase()] : undefined;
    if (!object) return void res.writeHead(404, { 'Content-Type': 'application/rdap+json' }).end();
    json(res, 200, object, 'application/rdap+json');
  };
}

/** rdap.org: a 302 to the registry for the objects it holds, 404 for the rest. */
function rdapOrgHandler(domains: Record<string, unknown>): Handler {
  return (req, res) => {
    const match = /^\/domain\/(.+)$/.exec(new URL(req.url ?? '/', 'https://x').pathname);
    const name = match ? decodeURIComponent(match[1]!).toLowerCase() : '';
    if (!domains[name])
      return void json(res, 404, {
        errorCode: 404,
        title: 'Not Found',
        description: ['No RDAP server found'],
      });
    res.writeHead(302, { Location: `${COM_REGISTRY.base}domain/${name}` }).end();
  };
}

/** crt.sh: `/?q=<name>&output=json` (or `identity=`, the same search), `[]` for what it doesn't know. */
function crtshHandler(rows: Record<string, unknown[]>): Handler {
  return (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'https://x');
    if (url.pathname !== '/' || url.searchParams.get('output') !== 'json')
      return void res.writeHead(404, { 'Content-Type': 'text/html' }).end('<html>not found</html>');
    const name = url.searchParams.get('q') ?? url.searchParams.get('identity') ?? '';
    json(res, 200, rows[name.toLowerCase()] ?? []);
  };
}

/** The run's certificate and resolver, for a process that is not a vitest spec (the benchmarks). */
let services: { tls: { cert: string; key: string }; resolverPort: number } | undefined;
export function useWorldServices(given: NonNullable<typeof services>): void {
  services = given;
}

/** Starts the stand-ins (in the spec's process; the resolver runs once per run, in global setup). */
export async function startWorld(contents: WorldContents = {}): Promise<World> {
  const tls = services?.tls ?? inject('worldTls');
  const resolverPort = services?.resolverPort ?? inject('defaultResolverPort');
  const domains = contents.rdapDomains ?? {};
  const handlers: Record<string, Handler> = {
    [DEFAULT_SERVICE_HOSTS.mnemonic]: mnemonicHandler(contents.mnemonic ?? []),
    [DEFAULT_SERVICE_HOSTS.bootstrap]: bootstrapHandler,
    [DEFAULT_SERVICE_HOSTS.rdapOrg]: rdapOrgHandler(domains),
    [DEFAULT_SERVICE_HOSTS.certspotter]: certSpotterHandler(contents.certspotter ?? {}),
    [DEFAULT_SERVICE_HOSTS.crtsh]: crtshHandler(contents.crtsh ?? {}),
  };
  const servers = new Map<string, StubServerWithPort>();
  for (const [host, handler] of Object.entries(handlers))
    servers.set(host, await listen(handler, '', { tls, host }));
  const ports = new Map<string, number>([
    [DEFAULT_SERVICE_HOSTS.resolver, resolverPort],
    ...[...servers].map(([host, server]) => [host, server.port] as const),
  ]);
  // One registry stand-in for all the servers the bootstrap names, over TLS and plain HTTP.
  const registry = {
    tls: await listen(registryHandler(domains), '', { tls, host: COM_REGISTRY.host }),
    http: await listen(registryHandler(domains), ''),
  };
  const listed = bootstrapServers();
  const proxyRoutes = {
    tls: new Map<string, number>([
      ...[...listed.https].map((host) => [host, registry.tls.port] as const),
      ...ports,
    ]),
    http: new Map([...listed.http].map((host) => [host, registry.http.port] as const)),
  };
  return {
    ports,
    proxyRoutes,
    knows: (host) => host === ARTICLE_HOST || proxyRoutes.tls.has(host) || proxyRoutes.http.has(host),
    requests: (host) =>
      servers.get(host)?.requests ??
      [...registry.tls.requests, ...registry.http.requests].filter(
        (r) => r.headers.host?.replace(/:\d+$/, '') === host,
      ),
    hostResolverRules: () =>
      [
        // No port: the article's own port (in its URL) is kept.
        `MAP ${ARTICLE_HOST} 127.0.0.1`,
        ...[...ports].map(([host, port]) => `MAP ${host} 127.0.0.1:${port}`),
        'MAP * ~NOTFOUND',
        'EXCLUDE 127.0.0.1',
        'EXCLUDE localhost',
      ].join(' , '),
    stop: async () => {
      await Promise.all([...servers.values(), registry.tls, registry.http].map((s) => s.stop()));
    },
  };
}
