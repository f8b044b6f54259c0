// A default-resolver stand-in of a spec's own: dnsdist + Knot with a private copy of the zones,
// over TLS with the world's certificate, for a spec that edits a zone (`setZone`) which other
// specs must not see. Hand its `tlsPort` to launchFirefox({ resolverPort }): Firefox then
// reaches it as https://cloudflare-dns.com/dns-query, like the shared one.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { inject } from 'vitest';
import { startDnsServers, type DnsServers } from '../../e2e/support/dns-servers';

const TMP = resolve(import.meta.dirname, '../../.tmp');

export async function startOwnResolver(): Promise<DnsServers & { tlsPort: number }> {
  // dnsdist reads the certificate from files; global setup hands the spec's process the PEM text.
  const { cert, key } = inject('worldTls');
  mkdirSync(TMP, { recursive: true });
  const dir = mkdtempSync(join(TMP, 'own-resolver-'));
  const files = { certFile: join(dir, 'world.crt'), keyFile: join(dir, 'world.key') };
  writeFileSync(files.certFile, cert);
  writeFileSync(files.keyFile, key, { mode: 0o600 });
  try {
    const servers = await startDnsServers(files);
    return {
      ...servers,
      tlsPort: servers.tlsPort!,
      async stop() {
        await servers.stop();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
}
