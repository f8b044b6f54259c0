// RFC 8484 wire format: build the GET query, read the answer into our model.
// The codec is @dnsquery/dns-packet: the same API as mafintosh's dns-packet but Uint8Array-based,
// so the service worker needs no Buffer polyfill (about 8 kB gzip instead of 17 kB).
import * as packet from '@dnsquery/dns-packet';
import { t } from '../i18n/messages';
import { parseIPv4, parseIPv6 } from '../hosts/ip';
import type { DnsAnswer, DnsRecord, QueryType } from './model';

/** Bounds on what we keep from one answer: a hostile resolver can send 64 kB of records. */
const MAX_RECORDS = 500;
const PAD_BLOCK = 128; // RFC 8467 §4.1: pad queries to a multiple of 128 octets.

/** The base64url `dns` parameter for one question: ID 0 (cache-friendly), RD + AD, EDNS0 DO + padding. */
export function encodeQuery(name: string, type: QueryType): string {
  const query = (paddingLength: number): packet.Packet => ({
    type: 'query',
    id: 0,
    flags: packet.RECURSION_DESIRED | packet.AUTHENTIC_DATA,
    questions: [{ type, name, class: 'IN' }],
    additionals: [
      {
        type: 'OPT',
        name: '.',
        udpPayloadSize: 4096,
        flags: packet.DNSSEC_OK,
        options: [{ code: 'PADDING', length: paddingLength }],
      } as unknown as packet.Answer, // the codec reads OPT options from `options`; its types say `data`
    ],
  });
  const unpadded = packet.encodingLength(query(0));
  const bytes = packet.encode(query((PAD_BLOCK - (unpadded % PAD_BLOCK)) % PAD_BLOCK));
  return toBase64Url(bytes);
}

export function toBase64Url(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

const utf8 = new TextDecoder('utf-8', { fatal: false });

function text(data: unknown): string {
  if (typeof data === 'string') return data;
  if (data instanceof Uint8Array) return utf8.decode(data);
  return '';
}

function hex(data: unknown): string {
  if (!(data instanceof Uint8Array)) return '';
  return Array.from(data, (b) => b.toString(16).padStart(2, '0')).join('');
}

const stripDot = (name: string) => (name.length > 1 ? name.replace(/\.$/, '') : name);

/** Maps one decoded resource record to our model. Data shapes are per dns-packet's codecs. */
function toRecord(rr: packet.Answer): DnsRecord {
  const base = { name: stripDot(String(rr.name ?? '')), ttl: Number(rr.ttl ?? 0) };
  const data: unknown = rr.data;
  switch (rr.type) {
    case 'A':
    case 'AAAA':
    case 'CNAME':
    case 'NS':
    case 'PTR':
    case 'DNAME': {
      const value = rr.type === 'A' || rr.type === 'AAAA' ? text(data) : stripDot(text(data));
      if (rr.type === 'A' && !parseIPv4(value)) throw new Error(`bad A data`);
      if (rr.type === 'AAAA' && !parseIPv6(value)) throw new Error(`bad AAAA data`);
      return { ...base, type: rr.type, value: rr.type === 'AAAA' ? parseIPv6(value)! : value };
    }
    case 'MX': {
      const mx = data as packet.MxData;
      const exchange = stripDot(String(mx.exchange ?? ''));
      const preference = Number(mx.preference ?? 0);
      return { ...base, type: 'MX', preference, exchange, value: `${preference} ${exchange}` };
    }
    case 'TXT': {
      // One record may be split into several character-strings (long SPF/DKIM): join for meaning,
      // keep the parts for the raw view.
      const parts = Array.isArray(data) ? data : [data];
      const strings = parts.map(text);
      return { ...base, type: 'TXT', strings, value: strings.join('') };
    }
    case 'SOA': {
      const soa = data as packet.SoaData;
      const fields = {
        mname: stripDot(String(soa.mname ?? '')),
        rname: stripDot(String(soa.rname ?? '')),
        serial: Number(soa.serial ?? 0),
        minimum: Number(soa.minimum ?? 0),
      };
      const value = `${fields.mname} ${fields.rname} ${fields.serial} ${soa.refresh ?? 0} ${soa.retry ?? 0} ${soa.expire ?? 0} ${fields.minimum}`;
      return { ...base, type: 'SOA', ...fields, value };
    }
    case 'CAA': {
      const caa = data as packet.CaaData;
      const fields = {
        flags: Number(caa.flags ?? 0),
        tag: String(caa.tag ?? ''),
        caaValue: String(caa.value ?? ''),
      };
      return { ...base, type: 'CAA', ...fields, value: `${fields.flags} ${fields.tag} "${fields.caaValue}"` };
    }
    default:
      return { ...base, type: 'OTHER', rrtype: String(rr.type), value: hex(data) };
  }
}

export type DecodeResult = { ok: true; answer: DnsAnswer } | { ok: false; reason: string };

/** Reads a wire answer. Garbage, truncated or mismatched messages give a reason, never a throw. */
export function decodeAnswer(
  bytes: Uint8Array,
  question: { name: string; type: QueryType },
  resolver: string,
  fetchedAt: number,
): DecodeResult {
  let decoded: packet.Packet;
  try {
    decoded = packet.decode(bytes);
  } catch (error) {
    return { ok: false, reason: t('dns.reason.notDnsMessage', { detail: (error as Error).message }) };
  }
  // The codec reads past the end of a short buffer instead of failing; its byte count tells.
  if ((packet.decode as { bytes?: number }).bytes! > bytes.length) {
    return { ok: false, reason: t('dns.reason.cutShort') };
  }
  if (decoded.type !== 'response') return { ok: false, reason: t('dns.reason.notResponse') };
  const asked = decoded.questions?.[0];
  if (asked && (stripDot(asked.name).toLowerCase() !== question.name || asked.type !== question.type)) {
    return { ok: false, reason: t('dns.reason.differentQuestion') };
  }
  let records: DnsRecord[];
  try {
    records = (decoded.answers ?? []).slice(0, MAX_RECORDS).map(toRecord);
  } catch (error) {
    return { ok: false, reason: t('dns.reason.unreadableRecord', { detail: (error as Error).message }) };
  }
  const soa = decoded.authorities?.find((rr) => rr.type === 'SOA') as packet.SoaAnswer | undefined;
  const answer: DnsAnswer = {
    question,
    status: String(decoded.rcode ?? 'NOERROR'),
    authenticated: decoded.flag_ad === true,
    truncated: decoded.flag_tc === true,
    records,
    resolver,
    fetchedAt,
  };
  const omitted = (decoded.answers?.length ?? 0) - records.length;
  if (omitted > 0) answer.omitted = omitted;
  if (soa) answer.negativeTtl = Math.min(Number(soa.ttl ?? 0), Number(soa.data?.minimum ?? 0));
  const ede = extendedError(decoded);
  if (ede) answer.extendedError = ede;
  return { ok: true, answer };
}

/** RFC 8914 Extended DNS Error: OPT option 15, two bytes of info code, then UTF-8 text. */
function extendedError(decoded: packet.Packet): DnsAnswer['extendedError'] {
  // dns-packet puts OPT options on the record itself, not under `data`.
  const opt = decoded.additionals?.find((rr) => rr.type === 'OPT') as
    { options?: Array<{ code: number; data?: unknown }> } | undefined;
  const options = opt?.options ?? [];
  for (const o of options) {
    if (o.code === 15 && o.data instanceof Uint8Array && o.data.length >= 2) {
      const code = (o.data[0]! << 8) | o.data[1]!;
      return { code, text: utf8.decode(o.data.subarray(2)).slice(0, 500) };
    }
  }
  return undefined;
}
