// History sources' names and default endpoints: plain constants, importable anywhere (no zod).
export const MNEMONIC_SOURCE = 'Mnemonic';
/**
 * The COF source's name as data keeps it (observations, outcomes, the stored cache): an English
 * identifier. Users read `sourceLabel`, its translated description.
 */
export const COF_SOURCE = 'Passive DNS server (COF)';
export const MNEMONIC_DEFAULT_BASE = 'https://api.mnemonic.no';
export const CERTSPOTTER_DEFAULT_BASE = 'https://api.certspotter.com';
export const CRTSH_DEFAULT_BASE = 'https://crt.sh';
/** IANA's RDAP bootstrap files (RFC 9224): dns.json, ipv4.json, ipv6.json live here. */
export const RDAP_BOOTSTRAP_DEFAULT_BASE = 'https://data.iana.org/rdap/';
/** Asked when IANA lists no server, or the bootstrap file can't be read (redirects to the registry). */
export const RDAP_FALLBACK_DEFAULT_BASE = 'https://rdap.org/';
export const COF_DEFAULT_BASE = 'https://www.circl.lu/pdns/query/';
export const OTX_DEFAULT_BASE = 'https://otx.alienvault.com/';
export const SECURITYTRAILS_DEFAULT_BASE = 'https://api.securitytrails.com/';
export const VIRUSTOTAL_DEFAULT_BASE = 'https://www.virustotal.com/';
export const DNSDB_DEFAULT_BASE = 'https://api.dnsdb.info/';
export const VALIDIN_DEFAULT_BASE = 'https://app.validin.com/';
