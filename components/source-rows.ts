// What the options page says about each source: its name, who receives what, whether it takes
// a key. One table, so the switch, the key field and the base URL field can't disagree.
import { t } from '@/utils/i18n/messages';
import type { KeyedSource } from '@/utils/settings/keyed-sources';

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
  /** The source's name as the user reads it (brand names stay as they are). */
  readonly label: string;
  /** Who runs it, what it receives, what it costs, in the user's language. */
  readonly about: string;
  /** The key's slot in storage, when the source takes one. */
  key?: KeyedSource;
  /** `required`: the source stays off until a key is given. */
  keyNeed?: 'required' | 'optional';
  readonly keyHint?: string;
}

export const SOURCE_ROWS: readonly SourceRow[] = [
  {
    id: 'mnemonic',
    label: 'Mnemonic',
    get about() {
      return t('sources.about.mnemonic');
    },
    key: 'mnemonic',
    keyNeed: 'optional',
    get keyHint() {
      return t('sources.keyHint.mnemonic');
    },
  },
  {
    id: 'cof',
    get label() {
      return t('sources.cofLabel');
    },
    get about() {
      return t('sources.about.cof');
    },
    key: 'cof',
    keyNeed: 'optional',
    get keyHint() {
      return t('sources.keyHint.cof');
    },
  },
  {
    id: 'otx',
    label: 'AlienVault OTX',
    get about() {
      return t('sources.about.otx');
    },
    key: 'otx',
    keyNeed: 'required',
  },
  {
    id: 'securitytrails',
    label: 'SecurityTrails',
    get about() {
      return t('sources.about.securitytrails');
    },
    key: 'securitytrails',
    keyNeed: 'required',
  },
  {
    id: 'virustotal',
    label: 'VirusTotal',
    get about() {
      return t('sources.about.virustotal');
    },
    key: 'virustotal',
    keyNeed: 'required',
  },
  {
    id: 'dnsdb',
    label: 'DNSDB',
    get about() {
      return t('sources.about.dnsdb');
    },
    key: 'dnsdb',
    keyNeed: 'required',
  },
  {
    id: 'validin',
    label: 'Validin',
    get about() {
      return t('sources.about.validin');
    },
    key: 'validin',
    keyNeed: 'required',
  },
  {
    id: 'rdap',
    label: 'RDAP',
    get about() {
      return t('sources.about.rdap');
    },
  },
  {
    id: 'certspotter',
    label: 'Cert Spotter',
    get about() {
      return t('sources.about.certspotter');
    },
    key: 'certspotter',
    keyNeed: 'optional',
    get keyHint() {
      return t('sources.keyHint.certspotter');
    },
  },
  {
    id: 'crtsh',
    label: 'crt.sh',
    get about() {
      return t('sources.about.crtsh');
    },
  },
];
