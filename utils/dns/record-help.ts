// One plain sentence per record type, for readers who are not engineers.
import { t } from '../i18n/messages';

const HELP = {
  A: () => t('dns.help.A'),
  AAAA: () => t('dns.help.AAAA'),
  CNAME: () => t('dns.help.CNAME'),
  MX: () => t('dns.help.MX'),
  NS: () => t('dns.help.NS'),
  TXT: () => t('dns.help.TXT'),
  SOA: () => t('dns.help.SOA'),
  CAA: () => t('dns.help.CAA'),
  PTR: () => t('dns.help.PTR'),
  SPF: () => t('dns.help.SPF'),
  DMARC: () => t('dns.help.DMARC'),
} as const;

/** The explanation alone: "the IPv6 address a name points to." (undefined for a type we don't explain). */
export function recordExplanation(type: string): string | undefined {
  return Object.hasOwn(HELP, type) ? HELP[type as keyof typeof HELP]() : undefined;
}

/** For a tooltip, led by the type: "AAAA: the IPv6 address a name points to." */
export function recordHelp(type: string): string | undefined {
  const text = recordExplanation(type);
  return text === undefined ? undefined : `${type}: ${text}`;
}
