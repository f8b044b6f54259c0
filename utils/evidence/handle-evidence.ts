// The `exportEvidence` message (from the popup, on the user's click): the tab's page address and
// title, each host it names with live DNS asked now (this click is the user's intent; the DNS
// cache answers what it can), and history and registration only as already kept — no source
// is asked for them.
import { browser } from 'wxt/browser';
import { enabledPdnsSources } from '../history/enabled-sources';
import { historyCacheKey } from '../history/history-client';
import type { ObservationPage } from '../history/model';
import type { RdapAnswer } from '../history/rdap-client';
import { rdapCacheKey } from '../history/rdap-client';
import { normalizeHost, type Host } from '../hosts/host';
import { buildDnsReport } from '../lookup/dns-report';
import type { AskDns } from '../lookup/dns-engine';
import { createStoredCache } from '../lookup/stored-cache';
import type { EvidenceExport } from '../messages/protocol';
import { messageSchemas } from '../messages/schemas';
import { loadSettings } from '../settings/settings';
import { loadSourceKeys } from '../settings/source-keys';
import { readTabHosts } from '../tab-hosts/tab-hosts';
import { evidenceMarkdown } from './evidence-markdown';
import {
  EVIDENCE_FORMAT,
  evidenceHost,
  LIMITS,
  type EvidenceHost,
  type EvidenceReport,
} from './evidence-report';

/** Hosts in one report: a page naming more is summarised with a count. */
const MAX_HOSTS = 300;
/** Hosts whose DNS is asked at once (each asks ~10 questions). */
const PARALLEL = 4;

const pdnsCache = createStoredCache<ObservationPage>('pdns', { maxEntries: 300 });
const rdapCache = createStoredCache<RdapAnswer>('rdap', { maxEntries: 500 });

export function evidenceFilename(url: string | null, now: number, ext: 'json' | 'md'): string {
  let site = 'page';
  try {
    if (url) site = new URL(url).hostname.replace(/[^a-z0-9.-]/gi, '_').slice(0, 60) || 'page';
  } catch {
    // Not a URL: keep "page".
  }
  return `hostlens-evidence-${site}-${new Date(now).toISOString().replace(/[:.]/g, '-')}.${ext}`;
}

export async function handleExportEvidence(
  data: unknown,
  askDns: AskDns,
  now = Date.now,
): Promise<EvidenceExport> {
  const request = messageSchemas.exportEvidence.safeParse(data);
  if (!request.success) return { ok: false, message: 'Hostlens received a malformed export request.' };
  const { tabId } = request.data;
  const [marked, { settings }, keys] = await Promise.all([
    readTabHosts(tabId),
    loadSettings(),
    loadSourceKeys(),
  ]);
  if (marked.length === 0) return { ok: false, message: 'Hostlens found no hosts on this page to report.' };
  // The address and title: readable when the user opened the popup on the tab (activeTab) or
  // Hostlens may access the site; otherwise the report says so.
  const tab = await browser.tabs.get(tabId).catch(() => null);
  const { enabled } = enabledPdnsSources(settings, keys);

  const shown = marked.slice(0, MAX_HOSTS);
  const hosts: EvidenceHost[] = new Array(shown.length);
  let next = 0;
  const worker = async () => {
    for (let i = next++; i < shown.length; i = next++) {
      const m = shown[i]!;
      const host: Host = normalizeHost(m.host) ?? { name: m.host, display: m.host, kind: m.kind };
      const dns = await buildDnsReport(host, settings.resolverUrl, askDns, { now });
      const pages: ObservationPage[] = [];
      for (const s of enabled) {
        const page = await pdnsCache.get(historyCacheKey(s.adapter, s.base, host));
        if (page) pages.push(page);
      }
      const rdap = await rdapCache.get(rdapCacheKey(host, settings.rdap));
      hosts[i] = evidenceHost(
        m,
        dns,
        pages.length ? pages : null,
        rdap?.outcome === 'found' ? rdap.record : null,
      );
    }
  };
  await Promise.all(Array.from({ length: PARALLEL }, worker));

  const created = now();
  const report: EvidenceReport = {
    format: EVIDENCE_FORMAT,
    version: 1,
    createdAt: new Date(created).toISOString(),
    page: { url: tab?.url ?? null, title: tab?.title ?? null },
    resolver: settings.resolverUrl,
    hosts,
    omittedHosts: marked.length - shown.length,
    limits: LIMITS,
  };
  return {
    ok: true,
    json: JSON.stringify(report, null, 2),
    markdown: evidenceMarkdown(report),
    filename: evidenceFilename(report.page.url, created, 'json').replace(/\.json$/, ''),
  };
}
