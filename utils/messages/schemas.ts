// zod schemas for every inbound message payload (background only).
import { normalizeHost } from '../hosts/host';
import { MAX_NOTE, MAX_TAG, MAX_TAGS } from '../watchlist/limits';
import { MAX_PAGE_HOSTS, MAX_PAGE_TITLE } from '../page/page-marks';
import { z } from '../zod-jitless';
import type { ProtocolMap } from './protocol';

export { MAX_PAGE_HOSTS };

/** A host as our own detector or normalizer writes it; anything else did not come from us. */
function normalizedHost() {
  return z
    .string()
    .max(253)
    .refine((host) => normalizeHost(host)?.name === host, 'not a normalized host');
}

export const messageSchemas = {
  // A question with no data: anything sent along is not from our content script.
  getPageSettings: z.undefined(),
  lookupHost: z.object({
    input: z.string().min(1).max(2048),
    fresh: z.boolean().optional(),
  }),
  lookupHistory: z.object({ input: z.string().min(1).max(2048), fresh: z.boolean().optional() }),
  lookupRegistration: z.object({ input: z.string().min(1).max(2048), fresh: z.boolean().optional() }),
  lookupCertificates: z.object({ input: z.string().min(1).max(2048), fresh: z.boolean().optional() }),
  isPinned: normalizedHost(),
  pinHost: normalizedHost(),
  unpinHost: normalizedHost(),
  openDetails: normalizedHost(),
  // Received by content scripts (no zod there): it carries no data, and runtime messages to a
  // content script come only from our own extension.
  walkMarks: z.undefined(),
  reportPageHosts: z.object({
    // The page's own title, for the evidence report: the browser shows it to an extension with
    // neither `tabs` nor host access only after an `activeTab` grant (utils/evidence).
    title: z.string().max(MAX_PAGE_TITLE),
    hosts: z
      .array(
        z.object({
          host: normalizedHost(),
          kind: z.enum(['domain', 'ipv4', 'ipv6']),
          count: z.number().int().min(1).max(1_000_000),
          context: z.string().max(400),
        }),
      )
      .max(MAX_PAGE_HOSTS),
  }),
  getWatchlist: z.undefined(),
  watchHost: z.object({
    host: normalizedHost(),
    note: z.string().max(MAX_NOTE).optional(),
    tags: z.array(z.string().trim().min(1).max(MAX_TAG)).max(MAX_TAGS).optional(),
  }),
  checkNow: normalizedHost().nullable(),
  getChangeLog: z.object({
    host: normalizedHost().optional(),
    limit: z.number().int().min(1).max(10_000).optional(),
  }),
  markChangesSeen: z.undefined(),
  exportWatchlist: z.enum(['json', 'csv']),
  importWatchlist: z.object({ format: z.enum(['json', 'csv']), text: z.string().max(5_000_000) }),
  exportChangeLog: z.undefined(),
  exportEvidence: z.object({ tabId: z.number().int().nonnegative() }),
  clearAllData: z.undefined(),
} satisfies { [K in keyof ProtocolMap]: z.ZodType<Parameters<ProtocolMap[K]>[0]> };
