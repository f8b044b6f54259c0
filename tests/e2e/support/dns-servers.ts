// A real DoH server on loopback for the end-to-end tests: Knot DNS (authoritative for the zone
// files in tests/fixtures/zones/) behind dnsdist (plain-HTTP DoH, no certificate), both from
// Debian's packages; see ../shared/docs/toolchain.md §5. Every start picks free ports and its own
// directory under tests/.tmp/, so parallel runs don't clash. What each name answers: the comments
// at the top of each zone file.
import { spawn, type ChildProcess } from 'node:child_process';
import { accessSync, constants, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import * as packet from '@dnsquery/dns-packet';

export const ZONES_DIR = resolve(import.meta.dirname, '../../fixtures/zones');
const TMP = resolve(import.meta.dirname, '../../.tmp');
const READY_TIMEOUT_MS = 30_000;

export interface DnsServers {
  /** RFC 8484 endpoint, plain HTTP: `http://127.0.0.1:<port>/dns-query`. */
  dohUrl: string;
  /** dnsdist's plain DNS port (UDP and TCP) on 127.0.0.1, same answers as DoH: `dig @127.0.0.1 -p <port>`. */
  dnsPort: number;
  /** Knot itself (UDP and TCP) on 127.0.0.1, without dnsdist's rules (servfail.test is REFUSED there). */
  knotPort: number;
  /** Knot's and dnsdist's output so far (for failure messages). */
  logs(): string;
  /** Stops both servers and removes their directory. Safe to call twice. */
  stop(): Promise<void>;
}

/** A TCP port on 127.0.0.1 that was free a moment ago. */
export function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const server = createServer();
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => done(port));
    });
  });
}

/** Base64url DNS query (ID 0, RD) for one question, ready for `?dns=`. */
export function dohQuery(name: string, type: packet.RecordType): string {
  const bytes = packet.encode({
    type: 'query',
    id: 0,
    flags: packet.RECURSION_DESIRED,
    questions: [{ name, type, class: 'IN' }],
  });
  return Buffer.from(bytes).toString('base64url');
}

/** Asks a DoH endpoint one question from Node (RFC 8484 GET) and decodes the answer. */
export async function resolveDoh(
  dohUrl: string,
  name: string,
  type: packet.RecordType,
  timeoutMs = 5000,
): Promise<packet.Packet & { rcode: string }> {
  const response = await fetch(`${dohUrl}?dns=${dohQuery(name, type)}`, {
    headers: { accept: 'application/dns-message' },
    signal: AbortSignal.timeout(timeoutMs),
  });
  if (!response.ok) throw new Error(`${dohUrl} answered HTTP ${response.status}`);
  return packet.decode(new Uint8Array(await response.arrayBuffer())) as packet.Packet & { rcode: string };
}

function binary(name: string, aptPackage: string): string {
  for (const dir of ['/usr/sbin', '/usr/bin', '/sbin', '/bin', '/usr/local/sbin', '/usr/local/bin']) {
    try {
      accessSync(join(dir, name), constants.X_OK);
      return join(dir, name);
    } catch {
      // not here
    }
  }
  throw new Error(
    `${name} is not installed; the end-to-end tests need it. On Debian: apt-get install -y ${aptPackage}`,
  );
}

const isAlive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

/** Removes `<prefix><pid>-*` directories under tests/.tmp/ left by runs that died (their pid is gone). */
export function sweepStaleDirs(prefix: string): void {
  let names: string[] = [];
  try {
    names = readdirSync(TMP);
  } catch {
    return;
  }
  for (const name of names) {
    const pid = Number(new RegExp(`^${prefix}(\\d+)-`).exec(name)?.[1]);
    if (pid && pid !== process.pid && !isAlive(pid)) rmSync(join(TMP, name), { recursive: true, force: true });
  }
}

function knotConf(dir: string, runDir: string, port: number, zones: string[]): string {
  return [
    '# Written by tests/e2e/support/dns-servers.ts for one test run.',
    'server:',
    `    rundir: "${runDir}"`,
    `    listen: 127.0.0.1@${port}`,
    'log:',
    '  - target: stderr',
    '    any: notice',
    'database:',
    `    storage: "${dir}/db"`,
    'template:',
    '  - id: default',
    `    storage: "${ZONES_DIR}"`,
    '    semantic-checks: on',
    '    zonefile-load: whole',
    // Never write back into the fixtures, never keep a journal.
    '    zonefile-sync: -1',
    '    journal-content: none',
    'zone:',
    ...zones.flatMap((zone) => [`  - domain: ${zone}`, `    file: "${zone}.zone"`]),
    '',
  ].join('\n');
}

function dnsdistConf(knotPort: number, dnsPort: number, dohPort: number): string {
  return [
    '-- Written by tests/e2e/support/dns-servers.ts for one test run.',
    "setSecurityPollSuffix('') -- no secpoll.powerdns.com lookups",
    `setLocal('127.0.0.1:${dnsPort}') -- plain DNS too, for dig`,
    // Forced up: a health check lost under load must not take the only backend away.
    `newServer({address='127.0.0.1:${knotPort}', name='knot'}):setUp()`,
    `addDOHLocal('127.0.0.1:${dohPort}', nil, nil, '/dns-query')`,
    '-- A resolver failure on demand: servfail.test and every name under it.',
    "addAction(makeRule('servfail.test.'), RCodeAction(DNSRCode.SERVFAIL))",
    '',
  ].join('\n');
}

class StartError extends Error {
  constructor(
    message: string,
    readonly portClash: boolean,
  ) {
    super(message);
  }
}

/**
 * Starts Knot + dnsdist on free loopback ports and resolves once a DoH GET gets the SOA of every
 * zone and servfail.test gets SERVFAIL. Rejects with the servers' output if they don't get there.
 */
export async function startDnsServers(): Promise<DnsServers> {
  const knotd = binary('knotd', 'knot');
  const dnsdist = binary('dnsdist', 'dnsdist');
  const zones = readdirSync(ZONES_DIR)
    .filter((f) => f.endsWith('.zone'))
    .map((f) => f.slice(0, -'.zone'.length));
  mkdirSync(TMP, { recursive: true });
  sweepStaleDirs('dns-');
  // Another run may grab a port between our check and the server's bind: then try new ports.
  for (let attempt = 1; ; attempt++) {
    try {
      return await startOnce(knotd, dnsdist, zones);
    } catch (error) {
      if (!(error instanceof StartError && error.portClash) || attempt === 3) throw error;
    }
  }
}

async function startOnce(knotd: string, dnsdist: string, zones: string[]): Promise<DnsServers> {
  const dir = mkdtempSync(join(TMP, `dns-${process.pid}-`));
  // Knot's control socket lives in rundir; a Unix socket path must stay under 108 bytes.
  const runDir =
    join(dir, 'run/knot.sock').length < 100 ? join(dir, 'run') : mkdtempSync(join(tmpdir(), 'hostlens-knot-'));
  mkdirSync(join(dir, 'run'), { recursive: true });
  mkdirSync(join(dir, 'db'));
  const ports = new Set<number>();
  while (ports.size < 3) ports.add(await freePort());
  const [knotPort, dnsPort, dohPort] = [...ports];
  writeFileSync(join(dir, 'knot.conf'), knotConf(dir, runDir, knotPort, zones));
  writeFileSync(join(dir, 'dnsdist.conf'), dnsdistConf(knotPort, dnsPort, dohPort));

  let output = '';
  const start = (name: string, file: string, args: string[]) => {
    const child = spawn(file, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    const collect = (chunk: Buffer) => {
      output += chunk
        .toString()
        .split('\n')
        .filter(Boolean)
        .map((line) => `[${name}] ${line}\n`)
        .join('');
      if (output.length > 100_000) output = output.slice(-50_000);
    };
    child.stdout.on('data', collect);
    child.stderr.on('data', collect);
    child.on('error', (error) => (output += `[${name}] ${error.message}\n`));
    return child;
  };
  const children: ChildProcess[] = [
    start('knotd', knotd, ['-c', join(dir, 'knot.conf')]),
    start('dnsdist', dnsdist, ['--supervised', '--disable-syslog', '-C', join(dir, 'dnsdist.conf')]),
  ];
  // If this process dies without running `exit` handlers (SIGKILL, crash of the runner), the
  // reaper's stdin closes and it kills both servers, so none is left behind holding ports.
  const pids = children.map((c) => c.pid).filter((pid): pid is number => pid !== undefined);
  const reaper = spawn('/bin/sh', ['-c', 'read _ ; kill -9 "$@" 2>/dev/null', 'hostlens-dns-reaper', ...pids.map(String)], {
    stdio: ['pipe', 'ignore', 'ignore'],
    detached: true,
  });
  reaper.unref();
  (reaper.stdin as unknown as { unref?: () => void }).unref?.();

  const killNow = () => {
    reaper.kill('SIGKILL');
    for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  };
  process.once('exit', killNow);

  let stopped: Promise<void> | undefined;
  const stop = () =>
    (stopped ??= (async () => {
      process.removeListener('exit', killNow);
      reaper.kill('SIGKILL');
      await Promise.all(
        children.map(
          (child) =>
            new Promise<void>((done) => {
              if (child.exitCode !== null || child.signalCode !== null) return done();
              const force = setTimeout(() => child.kill('SIGKILL'), 2000);
              child.once('exit', () => {
                clearTimeout(force);
                done();
              });
              child.kill('SIGTERM');
            }),
        ),
      );
      rmSync(dir, { recursive: true, force: true });
      if (!runDir.startsWith(dir)) rmSync(runDir, { recursive: true, force: true });
    })());

  const dohUrl = `http://127.0.0.1:${dohPort}/dns-query`;
  try {
    await waitUntilReady(dohUrl, zones, children, () => output);
  } catch (error) {
    await stop();
    const message = (error as Error).message;
    throw new StartError(message, /address already in use|cannot bind|unable to bind/i.test(message));
  }
  return { dohUrl, dnsPort, knotPort, logs: () => output, stop };
}

async function waitUntilReady(
  dohUrl: string,
  zones: string[],
  children: ChildProcess[],
  logs: () => string,
): Promise<void> {
  const deadline = Date.now() + READY_TIMEOUT_MS;
  let waitingFor = 'the first answer';
  for (;;) {
    for (const child of children) {
      if (child.exitCode !== null || child.signalCode !== null) {
        throw new Error(
          `${child.spawnfile} stopped (${child.exitCode ?? child.signalCode}) while starting:\n${logs()}`,
        );
      }
    }
    try {
      const answers = await Promise.all(zones.map((zone) => resolveDoh(dohUrl, zone, 'SOA', 2000)));
      const missing = zones.filter((_, i) => answers[i].rcode !== 'NOERROR' || !answers[i].answers?.length);
      const servfail = await resolveDoh(dohUrl, 'servfail.test', 'A', 2000);
      if (missing.length === 0 && servfail.rcode === 'SERVFAIL') return;
      waitingFor = missing.length
        ? `the SOA of ${missing.join(', ')} (${answers[zones.indexOf(missing[0])].rcode})`
        : `SERVFAIL for servfail.test (got ${servfail.rcode})`;
    } catch (error) {
      waitingFor = `an answer (${(error as Error).cause ?? (error as Error).message})`;
    }
    if (Date.now() > deadline) {
      throw new Error(
        `the DoH server at ${dohUrl} was not ready after ${READY_TIMEOUT_MS / 1000} s: still waiting for ${waitingFor}.\n` +
          `Server output:\n${logs()}`,
      );
    }
    await new Promise((r) => setTimeout(r, 100));
  }
}
