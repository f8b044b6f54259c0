// Every message between contexts, declared once. Types only (plus the messenger): this file is
// imported by the content script, so no zod here; the background validates each payload with
// the schemas in `./schemas.ts` on receipt.
import { defineExtensionMessaging } from '@webext-core/messaging';
import type { Host } from '../hosts/host';
import type { DnsReport } from '../lookup/dns-report';
import type { HistoryReport, Section } from '../history/history-report';
import type { CertificatesReport } from '../history/handle-certificates';
import type { RdapRecord } from '../history/rdap';
import type { MarkedHost } from '../page/page-marks';

export interface LookupRequest {
  /** What the user typed or the detector found: a name, URL, e-mail address or IP, maybe defanged. */
  input: string;
  /** Bypass caches (user asked to refresh). */
  fresh?: boolean;
}

export type LookupResponse = { ok: true; report: DnsReport } | { ok: false; message: string; host?: Host };

export type HistoryResponse = { ok: true; report: HistoryReport } | { ok: false; message: string };

export interface ProtocolMap {
  /** Live DNS of one host. Allowed from content scripts. */
  lookupHost(request: LookupRequest): LookupResponse;
  /** Passive-DNS history and neighbours of one host. Allowed from content scripts. */
  lookupHistory(request: LookupRequest): HistoryResponse;
  /** Registration (RDAP) of a name's registered domain or an IP's network. From content scripts too. */
  lookupRegistration(request: LookupRequest): Section<RdapRecord>;
  /** Names in Certificate Transparency for a name's registered domain. Allowed from content scripts. */
  lookupCertificates(request: LookupRequest): Section<CertificatesReport>;
  /** Every host marked on the sender's page (the whole list, replacing the last one). From content scripts. */
  reportPageHosts(hosts: MarkedHost[]): void;
  /** Whether a host is on the watchlist. */
  isPinned(host: string): boolean;
  /**
   * Pin or unpin one host from its card (a real click in the card; the card lives in the page,
   * so these come from content scripts — the only watchlist changes they may ask for). Returns
   * whether the host is pinned afterwards.
   */
  pinHost(host: string): boolean;
  unpinHost(host: string): boolean;
  /** Opens the host's detail view in a tab. */
  openDetails(host: string): void;
  /** Content script → background: inject the card's script into the sender's frame. */
  injectCard(): void;
  /** Background → content script: the keyboard shortcut was pressed; enter or leave walk mode. */
  walkMarks(): void;
}

export const { sendMessage, onMessage } = defineExtensionMessaging<ProtocolMap>({
  // The library logs every message by default; host names stay out of the console.
  logger: { debug() {}, log() {}, warn: console.warn, error: console.error },
});
