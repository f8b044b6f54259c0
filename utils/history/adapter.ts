// What every passive-DNS source looks like to the rest of Hostlens: a request builder, a reader
// of the raw answer (zod schema, unknown keys ignored) and the mapping to the common
// Observation model. The client (`history-client.ts`) adds caching, budgets, holds after
// 402/429 and pagination; adapters stay pure functions that tests can call with recorded shapes.
import type { Host } from '../hosts/host';
import type { Result } from '../lookup/errors';
import type { ObservationPage } from './model';

export type PdnsSourceId = 'mnemonic' | 'cof' | 'otx' | 'securitytrails' | 'virustotal' | 'dnsdb' | 'validin';

/** One GET: the URL and the headers it needs (keys go in headers, never in logs). */
export interface SourceRequest {
  url: string;
  headers: Record<string, string>;
}

/** What came back, as text: adapters decide how to read it. */
export interface SourceResponse {
  status: number;
  body: string;
  contentType: string | null;
  retryAfter: string | null;
  /** Other response headers an adapter asked for (lower-case names), e.g. a pagination cursor. */
  headers?: Record<string, string>;
  /** The URL asked, for messages that must name it (a 404: the base URL is probably wrong). */
  url?: string;
}

/** At most `limit` requests in any `windowMs`: the source's documented (or polite) allowance. */
export interface BudgetWindow {
  limit: number;
  windowMs: number;
}

export interface ReadPage {
  page: ObservationPage;
  /** The next page's request, when the source has more and says how to ask for it. */
  next?: SourceRequest;
}

export interface PdnsAdapter {
  id: PdnsSourceId;
  /** The source's name as the user sees it (options label, messages). */
  name: string;
  /** Who receives the host name, for the options page. */
  operator: string;
  defaultBase: string;
  /** `required`: off until a key is given; `optional`: works without, more with one. */
  key: 'required' | 'optional' | 'none';
  budget: BudgetWindow[];
  maxConcurrent: number;
  /** Pages followed per query (each costs one request of the budget). */
  maxPages: number;
  /** Whether this source can answer for this kind of host (names, addresses). */
  accepts(host: Host): boolean;
  request(base: string, key: string, host: Host): SourceRequest;
  /** Response headers `read` needs besides status, content type and Retry-After. */
  responseHeaders?: string[];
  read(response: SourceResponse, host: Host, now: number): Result<ReadPage>;
}

/** Joins a base URL and a path, whatever the user typed at the end of the base. */
export function joinUrl(base: string, path: string): URL {
  return new URL(path, base.endsWith('/') ? base : `${base}/`);
}
