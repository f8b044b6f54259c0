// Picks out the TXT records readers ask about: SPF (who may send mail for the domain,
// RFC 7208 §4.5) and DMARC (what receivers should do with failing mail, RFC 7489 §6.3).

export type TxtKind = 'SPF' | 'DMARC' | null;

export function txtKind(value: string): TxtKind {
  if (/^v=spf1(\s|$)/i.test(value)) return 'SPF';
  if (/^v=DMARC1\s*(;|$)/i.test(value)) return 'DMARC';
  return null;
}
