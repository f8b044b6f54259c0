// One plain sentence per record type, for readers who are not engineers.

export const RECORD_HELP: Record<string, string> = {
  A: 'A: the IPv4 address a name points to; where browsers and mail servers connect.',
  AAAA: 'AAAA: the IPv6 address a name points to.',
  CNAME: 'CNAME: this name is an alias; the real records live at the target name.',
  MX: 'MX: the servers that receive e-mail for this domain, lowest number tried first.',
  NS: 'NS: the name servers that hold this domain’s records (often the hosting or DNS provider).',
  TXT: 'TXT: free text the domain owner publishes; SPF and DMARC mail policies and ownership proofs live here.',
  SOA: 'SOA: administrative data for the zone: primary name server, contact, serial number, timers.',
  CAA: 'CAA: which certificate authorities may issue HTTPS certificates for this domain.',
  PTR: 'PTR: the name the owner of an address gave it (reverse DNS); it proves nothing unless the name resolves back.',
  SPF: 'SPF: the list of servers allowed to send mail as this domain.',
  DMARC:
    'DMARC: what receiving servers should do with mail that fails SPF/DKIM checks, and where to send reports.',
};
