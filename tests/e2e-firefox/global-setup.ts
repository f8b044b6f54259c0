// Once per Firefox run, as for Chromium (../e2e/global-setup.ts): build the extension exactly as
// users get it (the Firefox release build, .output/firefox-mv2), make the test world's
// certificate and start the DoH servers of its own (the Chromium stage stops its servers when it
// ends): plain HTTP, and TLS for the stand-in of the default resolver (cloudflare-dns.com).
import { execFileSync } from 'node:child_process';
import type { TestProject } from 'vitest/node';
import { startDnsServers } from '../e2e/support/dns-servers';
import { makeWorldCertificate } from '../e2e/support/world-tls';

declare module 'vitest' {
  export interface ProvidedContext {
    dohUrl: string;
  }
}

export default async function setup(project: TestProject) {
  execFileSync('npx', ['wxt', 'build', '-b', 'firefox'], { stdio: ['ignore', 'ignore', 'inherit'] });
  const certificate = makeWorldCertificate();
  const servers = await startDnsServers(certificate);
  project.provide('dohUrl', servers.dohUrl);
  project.provide('defaultResolverPort', servers.tlsPort!);
  project.provide('worldTls', { cert: certificate.cert, key: certificate.key });
  return async () => {
    await servers.stop();
    certificate.remove();
  };
}
