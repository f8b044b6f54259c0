// Every message between contexts, declared once. Types only (plus the messenger): this file is
// imported by the content script, so no zod here; the background validates each payload with
// the schemas in `./schemas.ts` on receipt.
import { defineExtensionMessaging } from '@webext-core/messaging';
import type { Host } from '../hosts/host';
import type { DnsReport } from '../lookup/dns-report';
import type { HistoryReport, Section } from '../history/history-report';
import type { CertificatesReport } from '../history/handle-certificates';
import type { RdapFinding } from '../history/rdap-client';
import type { MarkedHost } from '../page/page-marks';
import type { PageSettings } from '../settings/settings-item';
import type { Change, WatchRow } from '../watchlist/model';

export interface LookupRequest {
  /** What the user typed or the detector found: a name, URL, e-mail address or IP, maybe defanged. */
  input: string;
  /** Bypass caches (user asked to refresh). */
  fresh?: boolean;
}

export type LookupResponse = { ok: true; report: DnsReport } | { ok: false; message: string; host?: Host };

export type HistoryResponse = { ok: true; report: HistoryReport } | { ok: false; message: string };

export interface WatchlistView {
  rows: WatchRow[];
  /** Changes the user has not looked at yet (the toolbar badge). */
  unseen: number;
  /** A problem to show above the list (a failed migration, sync storage full). */
  problem?: string;
}

export interface CheckSummary {
  checked: number;
  /** Checks that could not finish now and will run later (a source's limit, offline). */
  postponed: number;
  changes: Change[];
  /** Plain-words problems, one per host that had one. */
  problems: string[];
}

export type ExportFormat = 'json' | 'csv';

export interface ImportReport {
  added: number;
  updated: number;
  unchanged: number;
  /** Rows that were not imported, by line (1-based, as a text editor counts), with why. */
  rejected: Array<{ line: number; reason: string }>;
  /** Set when nothing could be imported at all (not JSON/CSV, sync storage full...). */
  problem?: string;
}

export type EvidenceExport =
  { ok: true; json: string; markdown: string; filename: string } | { ok: false; message: string };

export type ActionResult = { ok: true } | { ok: false; message: string };

export interface ProtocolMap {
  /**
   * What the sender's page follows (card trigger, delay, look of the marks) and whether Hostlens
   * stays off there, judged from the address the browser gives for the sender: the page sends
   * nothing. Content scripts ask this instead of reading storage, which is closed to them.
   */
  getPageSettings(): PageSettings;
  /** Live DNS of one host. Allowed from content scripts. */
  lookupHost(request: LookupRequest): LookupResponse;
  /** Passive-DNS history and neighbours of one host. Allowed from content scripts. */
  lookupHistory(request: LookupRequest): HistoryResponse;
  /** Registration (RDAP) of a name's registered domain or an IP's network. From content scripts too. */
  lookupRegistration(request: LookupRequest): Section<RdapFinding>;
  /** Names in Certificate Transparency for a name's registered domain. Allowed from content scripts. */
  lookupCertificates(request: LookupRequest): Section<CertificatesReport>;
  /** Every host marked on the sender's page (the whole list, replacing the last one). From content scripts. */
  reportPageHosts(page: { title: string; hosts: MarkedHost[] }): void;
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
  /** Background → content script: the keyboard shortcut was pressed; enter or leave walk mode. */
  walkMarks(): void;

  // The rest come from extension pages only (popup, watchlist, options); the background refuses
  // them from content scripts (`MESSAGE_SENDERS`), so a page can never change the watchlist,
  // keys or settings.

  /** Every watched host with its state, newest check first. */
  getWatchlist(): WatchlistView;
  /** Pins a host, or updates its note and tags. */
  watchHost(entry: { host: string; note?: string; tags?: string[] }): ActionResult;
  /** Checks one host (or all when null) now, whatever the schedule says. */
  checkNow(host: string | null): CheckSummary;
  /** The change log, newest first; `host` narrows it to one host. */
  getChangeLog(query: { host?: string; limit?: number }): Change[];
  /** The user has seen the change log: the badge goes away. */
  markChangesSeen(): void;
  exportWatchlist(format: ExportFormat): string;
  /** Adds and updates hosts from a file; never removes any. */
  importWatchlist(request: { format: ExportFormat; text: string }): ImportReport;
  exportChangeLog(): string;
  /** The evidence report of one tab's page: hosts with their records (looked up now), history and registration already fetched. */
  exportEvidence(request: { tabId: number }): EvidenceExport;
  /** Deletes every watched host, snapshot, change, cache and key; settings go back to defaults. */
  clearAllData(): ActionResult;
}

/**
 * Who may send a message, checked on receipt by `serve` (`./serve.ts`):
 * - `contentScript`: content scripts and extension pages alike. A content script runs in a page
 *   that may be hostile, so these only look up, report the page's hosts, or pin a host shown on
 *   the sender's own page (`handle-pins.ts` narrows that further);
 * - `extensionPage`: Hostlens's own pages only (popup, watchlist, options);
 * - `background`: sent by the background to a tab's content script; refused from anyone else.
 */
export type Sender = 'contentScript' | 'extensionPage' | 'background';

/**
 * Every message's sender, in one table. `satisfies` makes a message without an entry (or an
 * entry without a message) a compile error, so a new message can't slip in unchecked; the
 * content-script refusal spec (`tests/e2e/content-script-messages.e2e.test.ts`) walks it.
 */
export const MESSAGE_SENDERS = {
  getPageSettings: 'contentScript',
  lookupHost: 'contentScript',
  lookupHistory: 'contentScript',
  lookupRegistration: 'contentScript',
  lookupCertificates: 'contentScript',
  reportPageHosts: 'contentScript',
  isPinned: 'contentScript',
  pinHost: 'contentScript',
  // Unpinning drops a host's snapshots and change log: the card links to the details view instead.
  unpinHost: 'extensionPage',
  openDetails: 'contentScript',
  walkMarks: 'background',
  getWatchlist: 'extensionPage',
  watchHost: 'extensionPage',
  checkNow: 'extensionPage',
  getChangeLog: 'extensionPage',
  markChangesSeen: 'extensionPage',
  exportWatchlist: 'extensionPage',
  importWatchlist: 'extensionPage',
  exportChangeLog: 'extensionPage',
  exportEvidence: 'extensionPage',
  clearAllData: 'extensionPage',
} as const satisfies Record<keyof ProtocolMap, Sender>;

/**
 * The one answer to a message its sender may not send: an error (the caller's `sendMessage`
 * rejects with it), never an empty value a caller could take for "nothing there".
 */
export const refusalMessage = (type: string, from: 'a content script' | 'an extension page') =>
  `hostlens: refused ${type} from ${from}`;

export const { sendMessage, onMessage } = defineExtensionMessaging<ProtocolMap>({
  // The library logs every message by default; host names stay out of the console.
  logger: { debug() {}, log() {}, warn: console.warn, error: console.error },
});
