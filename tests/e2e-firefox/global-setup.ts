// Once per Firefox run: build the Firefox test copy of the extension and start a DoH server of
// its own (the Chromium stage stops its server when it ends).
import { execFileSync } from 'node:child_process';
import type { TestProject } from 'vitest/node';
import { startDnsServers } from '../e2e/support/dns-servers';

declare module 'vitest' {
  export interface ProvidedContext {
    dohUrl: string;
  }
}

export default async function setup(project: TestProject) {
  // `--mode e2e` adds the loopback host permission, as for Chromium; Firefox builds are MV2
  // and land in .output/firefox-mv2-e2e.
  execFileSync('npx', ['wxt', 'build', '-b', 'firefox', '--mode', 'e2e'], {
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const servers = await startDnsServers();
  project.provide('dohUrl', servers.dohUrl);
  return () => servers.stop();
}
