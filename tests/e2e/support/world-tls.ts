// One self-signed certificate for every name of the test world (world-names.ts), made once per
// run with Debian's openssl. The browsers under test are told to accept it; nothing trusts it
// beyond the run.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { ARTICLE_HOST, COM_REGISTRY, DEFAULT_SERVICE_HOSTS } from './world-names';

const TMP = resolve(import.meta.dirname, '../../.tmp');

export interface WorldCertificate {
  certFile: string;
  keyFile: string;
  cert: string;
  key: string;
  remove(): void;
}

export function makeWorldCertificate(): WorldCertificate {
  mkdirSync(TMP, { recursive: true });
  const dir = mkdtempSync(join(TMP, 'tls-'));
  const names = [ARTICLE_HOST, COM_REGISTRY.host, ...Object.values(DEFAULT_SERVICE_HOSTS)];
  const certFile = join(dir, 'world.crt');
  const keyFile = join(dir, 'world.key');
  execFileSync(
    'openssl',
    [
      'req',
      '-x509',
      '-newkey',
      'ec',
      '-pkeyopt',
      'ec_paramgen_curve:prime256v1',
      '-nodes',
      '-days',
      '30',
      '-subj',
      '/CN=hostlens test world',
      '-addext',
      `subjectAltName=${[...names.map((n) => `DNS:${n}`), 'IP:127.0.0.1'].join(',')}`,
      '-keyout',
      keyFile,
      '-out',
      certFile,
    ],
    { stdio: ['ignore', 'ignore', 'pipe'] },
  );
  return {
    certFile,
    keyFile,
    cert: readFileSync(certFile, 'utf8'),
    key: readFileSync(keyFile, 'utf8'),
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}
