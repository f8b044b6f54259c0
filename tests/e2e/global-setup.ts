// Once per end-to-end run: build the extension exactly as users get it (the release build, its
// release manifest), make the test world's certificate and start the DoH servers: plain HTTP for
// specs that set a custom resolver, TLS for the stand-in of the default one.
import { execFileSync } from 'node:child_process';
import type { TestProject } from 'vitest/node';
import { startDnsServers } from './support/dns-servers';
import { makeWorldCertificate } from './support/world-tls';

declare module 'vitest' {
  export interface ProvidedContext {
    dohUrl: string;
  }
}

export default async function setup(project: TestProject) {
  execFileSync('npx', ['wxt', 'build'], { stdio: ['ignore', 'ignore', 'inherit'] });
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
