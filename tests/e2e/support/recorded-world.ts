// What the default services' stand-ins answer in the first-run specs: answers the real services
// gave other projects, recorded by them (tests/fixtures/recorded/, origin and licence in each
// folder's README). No one has published a recorded Mnemonic answer with rows
// (tests/fixtures/recorded/mnemonic/README.md), so its stand-in answers the documented empty form.
import { readFileSync } from 'node:fs';
import type { WorldContents } from './world';

const recorded = (path: string): unknown =>
  JSON.parse(readFileSync(new URL(`../../fixtures/recorded/${path}`, import.meta.url), 'utf8'));

export const RECORDED_WORLD: WorldContents = {
  // Verisign's answer for google.com (meeb/whoisit, recorded 2024-07-29).
  rdapDomains: { 'google.com': recorded('rdap/google.com.verisign.json') },
  // Cert Spotter's answer for sslmate.com (Hsn723/certspotter-client).
  certspotter: { 'sslmate.com': recorded('certspotter/sslmate.com.issuances.json') as unknown[] },
  // crt.sh's answer about crt.sh itself (ninoseki/mihari, recorded 2020-01-12); Hostlens asks
  // for the registered domain, which for crt.sh is the name itself.
  crtsh: { 'crt.sh': recorded('crtsh/crt.sh.identity.json') as unknown[] },
};

/** The names those answers are about, and what a reader should see from them. */
export const RECORDED_NAMES = {
  registration: { name: 'google.com', registrar: 'MarkMonitor Inc.', registered: '1997' },
  certspotter: { name: 'sslmate.com', sees: 'certs.sslmate.com' },
  crtsh: { name: 'crt.sh', sees: 'www.crt.sh' },
} as const;
