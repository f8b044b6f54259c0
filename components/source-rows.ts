// What the options page says about each source: its name, who receives what, whether it takes
// a key. One table, so the switch, the key field and the base URL field can't disagree.
import type { KeyedSource } from '@/utils/settings/source-keys';

export interface SourceRow {
  id:
    | 'mnemonic'
    | 'cof'
    | 'otx'
    | 'securitytrails'
    | 'virustotal'
    | 'dnsdb'
    | 'validin'
    | 'rdap'
    | 'certspotter'
    | 'crtsh';
  label: string;
  /** Who runs it, what it receives, what it costs. */
  about: string;
  /** The key's slot in storage, when the source takes one. */
  key?: KeyedSource;
  /** `required`: the source stays off until a key is given. */
  keyNeed?: 'required' | 'optional';
  keyHint?: string;
}

export const SOURCE_ROWS: readonly SourceRow[] = [
  {
    id: 'mnemonic',
    label: 'Mnemonic',
    about:
      'public passive DNS by mnemonic.no; no key needed (10 lookups a minute); receives host names and addresses.',
    key: 'mnemonic',
    keyNeed: 'optional',
    keyHint: 'optional: an Argus API key raises the limits',
  },
  {
    id: 'cof',
    label: 'Passive DNS server (COF)',
    about:
      'a server you choose that speaks the Passive DNS Common Output Format (CIRCL, D4, your own); receives host names and addresses.',
    key: 'cof',
    keyNeed: 'optional',
    keyHint: 'user:password for basic auth, or a token',
  },
  {
    id: 'otx',
    label: 'AlienVault OTX',
    about:
      'passive DNS by LevelBlue (otx.alienvault.com); needs a free key; receives host names and addresses.',
    key: 'otx',
    keyNeed: 'required',
  },
  {
    id: 'securitytrails',
    label: 'SecurityTrails',
    about:
      'A-record history by Recorded Future (api.securitytrails.com); needs a key; each host costs one query credit of your plan; receives host names.',
    key: 'securitytrails',
    keyNeed: 'required',
  },
  {
    id: 'virustotal',
    label: 'VirusTotal',
    about:
      'resolutions by Google (virustotal.com); needs a key; a free key allows 4 lookups a minute and only non-commercial use; receives host names and addresses.',
    key: 'virustotal',
    keyNeed: 'required',
  },
  {
    id: 'dnsdb',
    label: 'DNSDB',
    about: 'passive DNS by DomainTools (api.dnsdb.info); needs a key; receives host names and addresses.',
    key: 'dnsdb',
    keyNeed: 'required',
  },
  {
    id: 'validin',
    label: 'Validin',
    about: 'passive DNS by Validin (app.validin.com); needs a key; receives host names and addresses.',
    key: 'validin',
    keyNeed: 'required',
  },
  {
    id: 'rdap',
    label: 'RDAP',
    about:
      'registration data from the domain’s registry or the address’s regional registry, found in IANA’s lists (data.iana.org), else through rdap.org; receives the registered domain or the address.',
  },
  {
    id: 'certspotter',
    label: 'Cert Spotter',
    about:
      'certificate transparency by SSLMate (api.certspotter.com); no key needed; receives the registered domain.',
    key: 'certspotter',
    keyNeed: 'optional',
    keyHint: 'optional: raises the hourly limit',
  },
  {
    id: 'crtsh',
    label: 'crt.sh',
    about:
      'certificate transparency by Sectigo (crt.sh); no key needed, often slow, asked with a short timeout; receives the registered domain.',
  },
];
