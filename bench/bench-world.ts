// The benchmarks' Chromium runs outside vitest, in the same reader's world as the end-to-end
// tests (tests/e2e/support/world.ts): the release build, articles on a public-looking name, the
// default services stood in for under their real names. This starts what global setup starts
// there: the build, the world's certificate, and dnsdist + Knot (plain HTTP and TLS).
import { execFileSync } from 'node:child_process';
import { startDnsServers, type DnsServers } from '../tests/e2e/support/dns-servers';
import { useWorldServices } from '../tests/e2e/support/world';
import { makeWorldCertificate } from '../tests/e2e/support/world-tls';

export async function startBenchWorld(): Promise<{ dns: DnsServers; stop(): Promise<void> }> {
  execFileSync('npx', ['wxt', 'build'], { stdio: 'ignore' });
  const certificate = makeWorldCertificate();
  const dns = await startDnsServers(certificate);
  useWorldServices({ tls: { cert: certificate.cert, key: certificate.key }, resolverPort: dns.tlsPort! });
  return {
    dns,
    async stop() {
      await dns.stop();
      certificate.remove();
    },
  };
}
