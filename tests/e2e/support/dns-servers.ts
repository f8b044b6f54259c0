// A real DoH server on loopback for the end-to-end tests: Knot DNS (authoritative, our zone
// files) behind dnsdist (plain-HTTP DoH, no certificate). Both from Debian's packages; see
// ../shared/docs/toolchain.md §5. Ports are picked free at start so runs don't clash.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join, resolve } from 'node:path';
import * as packet from '@dnsquery/dns-packet';

const ZONES = resolve(import.meta.dirname, '../../fixtures/zones');
const TMP = resolve(import.meta.dirname, '../../.tmp');

export interface DnsServers {
  /** RFC 8484 endpoint, plain HTTP: `http://127.0.0.1:<port>/dns-query`. */
  dohUrl: string;
  /**
   * The same server over TLS (HTTP/2) at `https://<any name>:<tlsPort>/dns-query`, when a
   * certificate was given: the stand-in for the default resolver under its real name.
   */
  tlsPort?: number;
  /**
   * Replaces one zone's records and reloads it in Knot (a private copy of the zones; the
   * fixtures are never written). The text is the zone file body after `$ORIGIN`/`$TTL`; the
   * SOA serial is bumped here, as a zone edit must.
   */
  setZone(domain: string, records: string): Promise<void>;
  stop(): Promise<void>;
}

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

function which(binary: string, aptPackage: string): string {
  for (const dir of ['/usr/sbin', '/usr/bin', '/sbin', '/bin']) {
    if (spawnSync('test', ['-x', join(dir, binary)]).status === 0) return join(dir, binary);
  }
  throw new Error(`${binary} is not installed: apt-get install -y ${aptPackage}`);
}

/** Base64url DNS query for one question, as the extension sends it. */
export function dohQuery(name: string, type: packet.RecordType): string {
  const bytes = packet.encode({
    type: 'query',
    id: 0,
    flags: packet.RECURSION_DESIRED,
    questions: [{ name, type, class: 'IN' }],
  });
  return Buffer.from(bytes).toString('base64url');
}

async function waitForDoh(dohUrl: string, children: ChildProcess[], logs: () => string): Promise<void> {
  const deadline = Date.now() + 20_000;
  let last = '';
  while (Date.now() < deadline) {
    for (const child of children) {
      if (child.exitCode !== null)
        throw new Error(`${child.spawnfile} exited (${child.exitCode}):\n${logs()}`);
    }
    try {
      const response = await fetch(`${dohUrl}?dns=${dohQuery('mail1.trump-email.com', 'A')}`);
      if (response.ok) {
        const answer = packet.decode(new Uint8Array(await response.arrayBuffer()));
        if (answer.rcode === ('NOERROR' as never) && (answer.answers?.length ?? 0) > 0) return;
        last = `rcode ${answer.rcode}`;
      } else last = `HTTP ${response.status}`;
    } catch (error) {
      last = (error as Error).message;
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`the DoH server did not answer in 20 s (${last}):\n${logs()}`);
}

/** `many.big.test`: 1,000 A records (10.x.y.z); `long.big.test`: one 63,750-character TXT. */
export const BIG_ZONE = { records: 1000, txtStrings: 255, txtStringLength: 250 } as const;

function bigZone(): string {
  const lines = [
    '$ORIGIN big.test.',
    '$TTL 300',
    '@ IN SOA ns1 hostmaster 1 3600 600 86400 60',
    '@ IN NS ns1',
  ];
  lines.push('ns1 IN A 127.0.0.1');
  for (let i = 0; i < BIG_ZONE.records; i++)
    lines.push(`many IN A 10.${Math.floor(i / 250)}.${i % 250}.${1 + (i % 200)}`);
  const strings = Array.from(
    { length: BIG_ZONE.txtStrings },
    (_, i) => `"${String(i).padStart(3, '0')}${'x'.repeat(BIG_ZONE.txtStringLength - 3)}"`,
  );
  lines.push(`long IN TXT ${strings.join(' ')}`);
  return `${lines.join('\n')}\n`;
}

/** `n0.load.test` … `n499.load.test`, each on its own (public-looking) address: load tests. */
export const LOAD_ZONE = { names: 500, host: (i: number) => `n${i}.load.test` } as const;

function loadZone(): string {
  const lines = [
    '$ORIGIN load.test.',
    '$TTL 300',
    '@ IN SOA ns1 hostmaster 1 3600 600 86400 60',
    '@ IN NS ns1',
  ];
  lines.push('ns1 IN A 127.0.0.1');
  for (let i = 0; i < LOAD_ZONE.names; i++)
    lines.push(`n${i} IN A 45.33.${Math.floor(i / 250)}.${(i % 250) + 1}`);
  return `${lines.join('\n')}\n`;
}

export async function startDnsServers(tls?: { certFile: string; keyFile: string }): Promise<DnsServers> {
  const knotd = which('knotd', 'knot');
  const dnsdist = which('dnsdist', 'dnsdist');
  mkdirSync(TMP, { recursive: true });
  const dir = mkdtempSync(join(TMP, 'dns-'));
  mkdirSync(join(dir, 'run'));
  mkdirSync(join(dir, 'db'));
  const [knotPort, dohPort, tlsPort] = [await freePort(), await freePort(), await freePort()];

  const zones = readdirSync(ZONES).filter((f) => f.endsWith('.zone'));
  // Knot reads a private copy, so a test can edit a zone without touching the fixtures.
  const zoneDir = join(dir, 'zones');
  mkdirSync(zoneDir);
  for (const file of zones) copyFileSync(join(ZONES, file), join(zoneDir, file));
  // Hostile-but-valid sizes, generated rather than kept as 100 kB fixtures: an answer of 1,000
  // A records (16 kB) and a TXT record of 255 strings (64 kB, near DNS's 65,535-byte limit).
  // Both exceed UDP, so dnsdist asks Knot again over TCP.
  zones.push('big.test.zone', 'load.test.zone');
  writeFileSync(join(zoneDir, 'big.test.zone'), bigZone());
  writeFileSync(join(zoneDir, 'load.test.zone'), loadZone());
  writeFileSync(
    join(dir, 'knot.conf'),
    [
      'server:',
      `    rundir: "${dir}/run"`,
      `    listen: 127.0.0.1@${knotPort}`,
      'database:',
      `    storage: "${dir}/db"`,
      'zone:',
      ...zones.flatMap((file) => [
        `  - domain: ${file.replace(/\.zone$/, '')}`,
        `    storage: "${zoneDir}"`,
        `    file: "${file}"`,
      ]),
      '',
    ].join('\n'),
  );
  writeFileSync(
    join(dir, 'dnsdist.conf'),
    [
      "setSecurityPollSuffix('')", // no secpoll lookups to the outside
      `newServer({address='127.0.0.1:${knotPort}', name='knot'})`,
      `addDOHLocal('127.0.0.1:${dohPort}', nil, nil, '/dns-query')`,
      ...(tls
        ? [`addDOHLocal('127.0.0.1:${tlsPort}', '${tls.certFile}', '${tls.keyFile}', '/dns-query')`]
        : []),
      // A resolver failure on demand, for the "SERVFAIL in plain words" story.
      "addAction(makeRule('servfail.test.'), RCodeAction(DNSRCode.SERVFAIL))",
      '',
    ].join('\n'),
  );

  let output = '';
  const collect = (name: string, child: ChildProcess) => {
    child.stdout?.on('data', (d) => (output += `[${name}] ${d}`));
    child.stderr?.on('data', (d) => (output += `[${name}] ${d}`));
    return child;
  };
  const children = [
    collect('knotd', spawn(knotd, ['-c', join(dir, 'knot.conf')], { stdio: ['ignore', 'pipe', 'pipe'] })),
    collect(
      'dnsdist',
      spawn(dnsdist, ['--supervised', '--disable-syslog', '-C', join(dir, 'dnsdist.conf')], {
        stdio: ['pipe', 'pipe', 'pipe'],
      }),
    ),
  ];
  const kill = () => children.forEach((c) => c.exitCode === null && c.kill('SIGKILL'));
  process.once('exit', kill);

  const dohUrl = `http://127.0.0.1:${dohPort}/dns-query`;
  try {
    await waitForDoh(dohUrl, children, () => output);
  } catch (error) {
    kill();
    throw error;
  }
  let serial = 2030010100;
  return {
    dohUrl,
    ...(tls && { tlsPort }),
    async setZone(domain, records) {
      serial++;
      writeFileSync(
        join(zoneDir, `${domain}.zone`),
        [
          `$ORIGIN ${domain}.`,
          '$TTL 300',
          `@ IN SOA ns1 hostmaster ${serial} 3600 600 86400 60`,
          records,
          '',
        ].join('\n'),
      );
      const knotc = which('knotc', 'knot');
      const reload = spawnSync(knotc, ['-c', join(dir, 'knot.conf'), '-b', 'zone-reload', domain], {
        encoding: 'utf8',
      });
      if (reload.status !== 0)
        throw new Error(`knotc zone-reload ${domain}: ${reload.stdout}${reload.stderr}`);
    },
    async stop() {
      process.removeListener('exit', kill);
      await Promise.all(
        children.map(
          (c) =>
            new Promise<void>((done) => {
              if (c.exitCode !== null) return done();
              c.once('exit', () => done());
              c.kill('SIGTERM');
              setTimeout(() => c.kill('SIGKILL'), 2000).unref();
            }),
        ),
      );
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
