// Once per end-to-end run: build the test copy of the extension and start the DoH server.
import { execFileSync } from 'node:child_process';
import type { TestProject } from 'vitest/node';
import { startDnsServers } from './support/dns-servers';

declare module 'vitest' {
  export interface ProvidedContext {
    dohUrl: string;
  }
}

export default async function setup(project: TestProject) {
  // `--mode e2e` adds the loopback host permission; the release build never has it.
  execFileSync('npx', ['wxt', 'build', '--mode', 'e2e'], { stdio: ['ignore', 'ignore', 'inherit'] });
  const servers = await startDnsServers();
  project.provide('dohUrl', servers.dohUrl);
  return () => servers.stop();
}
