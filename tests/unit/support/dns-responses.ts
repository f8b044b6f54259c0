// Builds real wire-format DNS responses for unit tests, with the same codec the product uses.
import * as packet from '@dnsquery/dns-packet';
import type { DnsAnswer, DnsRecord, QueryType } from '@/utils/dns/model';

export function responseBytes(
  name: string,
  type: string,
  answers: packet.Answer[],
  extra: Partial<packet.Packet> = {},
): Uint8Array {
  return packet.encode({
    type: 'response',
    id: 0,
    flags: packet.RECURSION_DESIRED | packet.RECURSION_AVAILABLE,
    questions: [{ name, type: type as packet.RecordType, class: 'IN' }],
    answers,
    ...extra,
  });
}

export function dohResponse(bytes: Uint8Array, init: ResponseInit = {}): Response {
  return new Response(bytes as BodyInit, {
    status: 200,
    headers: { 'Content-Type': 'application/dns-message' },
    ...init,
  });
}

export function answer(
  name: string,
  type: QueryType,
  records: DnsRecord[],
  extra: Partial<DnsAnswer> = {},
): DnsAnswer {
  return {
    question: { name, type },
    status: 'NOERROR',
    authenticated: false,
    truncated: false,
    records,
    resolver: 'https://doh.test/dns-query',
    fetchedAt: 1_000_000,
    ...extra,
  };
}

export const a = (name: string, value: string, ttl = 300): DnsRecord => ({ name, type: 'A', ttl, value });
