// The `exportEvidence` message (from the popup, on the user's click): the tab's page address and
// title, each host it names with live DNS asked now — the click is the user's intent, and the
// DNS cache answers what it can — and history and registration only as already kept in
// `storage.local`: no history or registration source is asked.
//
// The page's address and title come from `tabs.get` when the browser fills them: Chrome and
// Firefox do only for an extension holding the `tabs` permission, a host permission for the page,
// or the `activeTab` grant, which the user gives by opening the popup from the toolbar on that
// tab. Hostlens has no host access to the pages people read, so otherwise they come from what the
// tab's content script reported with its hosts: the address is the browser's own word for the
// sender's frame, the title the page's. With neither, the report says "not available".
import { browser } from 'wxt/browser';
import { historyCacheKey } from '../history/history-client';
import type { ObservationPage } from '../history/model';
import { rdapCacheKey, type RdapAnswer } from '../history/rdap-client';
import { normalizeHost, type Host } from '../hosts/host';
import { t } from '../i18n/messages';
import type { AskDns } from '../lookup/dns-engine';
import { buildDnsReport } from '../lookup/dns-report';
import { createStoredCache } from '../lookup/stored-cache';
import type { EvidenceExport } from '../messages/protocol';
import { messageSchemas } from '../messages/schemas';
import type { MarkedHost } from '../page/page-marks';
import { loadSettings } from '../settings/settings';
import { loadSourceKeys } from '../settings/source-keys';
import { readTabHosts, readTabPage } from '../tab-hosts/tab-hosts';
import { enabledPdnsSources } from '../history/enabled-sources';
import { evidenceMarkdown } from './evidence-markdown';
import { buildEvidenceReport, evidenceFilename, evidenceHost, type EvidenceHost } from './evidence-report';

/** Hosts in one report: a page naming more is summarised with a count. */
export const MAX_EVIDENCE_HOSTS = 500;
/** Hosts whose DNS is asked at once (each asks ~10 questions; the lookup gate bounds the rest). */
const PARALLEL = 6;

export interface EvidenceDeps {
  askDns: AskDns;
  readTabHosts(tabId: number): Promise<MarkedHost[]>;
  /** The tab's address and title; null for each the browser does not give. */
  readTab(tabId: number): Promise<{ url: string | null; title: string | null }>;
  resolverUrl(): Promise<string>;
  /** Kept passive-DNS answers for a host, one per source that had answered. Never fetches. */
  keptHistory(host: Host): Promise<ObservationPage[]>;
  /** The kept registration answer for a host. Never fetches. */
  keptRegistration(host: Host): Promise<RdapAnswer | null>;
  now(): number;
}

/**
 * The real readers: storage, settings, `tabs.get`; `askDns` is the lookup runtime's. Make one per
 * export: it reads the settings once, so every host of a report uses the same resolver and sources.
 */
export function evidenceDeps(askDns: AskDns): EvidenceDeps {
  // The same stored caches the history and RDAP clients write (same names and keys).
  const pdnsCache = createStoredCache<ObservationPage>('pdns', { maxEntries: 300 });
  const rdapCache = createStoredCache<RdapAnswer>('rdap', { maxEntries: 500 });
  const settings = Promise.all([loadSettings(), loadSourceKeys()]).then(([{ settings }, keys]) => ({
    resolverUrl: settings.resolverUrl,
    rdap: settings.rdap,
    // In the card's order (PDNS_SOURCES).
    pdns: enabledPdnsSources(settings, keys).enabled,
  }));
  return {
    askDns,
    readTabHosts,
    async readTab(tabId) {
      const [tab, reported] = await Promise.all([
        browser.tabs.get(tabId).catch(() => undefined),
        readTabPage(tabId),
      ]);
      return { url: tab?.url || reported.url, title: tab?.title || reported.title };
    },
    resolverUrl: async () => (await settings).resolverUrl,
    async keptHistory(host) {
      const pages = await Promise.all(
        (await settings).pdns.map((s) =>
          pdnsCache.get(historyCacheKey(s.adapter, s.base, host)).catch(() => undefined),
        ),
      );
      return pages.filter((p): p is ObservationPage => p !== undefined);
    },
    async keptRegistration(host) {
      const key = rdapCacheKey(host, (await settings).rdap);
      return (await rdapCache.get(key).catch(() => undefined)) ?? null;
    },
    now: Date.now,
  };
}

async function hostEvidence(marked: MarkedHost, resolver: string, deps: EvidenceDeps): Promise<EvidenceHost> {
  // Hosts in a tab's list were normalized by our own detector; the fallback only keeps types whole.
  const host: Host = normalizeHost(marked.host) ?? {
    name: marked.host,
    display: marked.host,
    kind: marked.kind,
  };
  const [dns, history, registration] = await Promise.all([
    buildDnsReport(host, resolver, deps.askDns, { now: deps.now }),
    deps.keptHistory(host).catch(() => []),
    deps.keptRegistration(host).catch(() => null),
  ]);
  return evidenceHost({ marked, display: host.display, dns, history, registration });
}

export async function handleExportEvidence(data: unknown, deps: EvidenceDeps): Promise<EvidenceExport> {
  const request = messageSchemas.exportEvidence.safeParse(data);
  if (!request.success) return { ok: false, message: t('evidence.malformedRequest') };
  const { tabId } = request.data;
  const [marked, page, resolver] = await Promise.all([
    deps.readTabHosts(tabId),
    deps.readTab(tabId),
    deps.resolverUrl(),
  ]);
  if (marked.length === 0) return { ok: false, message: t('evidence.noHosts') };

  const shown = marked.slice(0, MAX_EVIDENCE_HOSTS);
  const hosts: EvidenceHost[] = new Array<EvidenceHost>(shown.length);
  let next = 0;
  const worker = async () => {
    for (let i = next++; i < shown.length; i = next++)
      hosts[i] = await hostEvidence(shown[i]!, resolver, deps);
  };
  await Promise.all(Array.from({ length: Math.min(PARALLEL, shown.length) }, worker));

  const createdAt = deps.now();
  const report = buildEvidenceReport({
    createdAt,
    page,
    resolver,
    hosts,
    omittedHosts: marked.length - shown.length,
  });
  return {
    ok: true,
    json: JSON.stringify(report, null, 2),
    markdown: evidenceMarkdown(report),
    // Without extension: the popup adds `.json` or `.md` to what it saves.
    filename: evidenceFilename(page.url, createdAt, 'json').replace(/\.json$/, ''),
  };
}
