// The background's lookup machinery, rebuilt each time a service worker starts.
//
// Lifetime: cache and rate-limit holds live in memory and are mirrored to `storage.session`
// (cleared when the browser closes, survives a worker being stopped). `ready` resolves once the
// mirror has been read back; message handlers await it before answering.
import { storage } from 'wxt/utils/storage';
import { AnswerCache, type CacheEntry } from './answer-cache';
import { createDnsEngine, type AskDns } from './dns-engine';
import { RequestGate } from './request-gate';

const cacheMirror = storage.defineItem<Array<[string, CacheEntry]>>('session:dnsCache', { fallback: [] });
const holdsMirror = storage.defineItem<Record<string, number>>('session:rateLimitHolds', { fallback: {} });

export interface LookupRuntime {
  ready: Promise<void>;
  ask: AskDns;
  cache: AnswerCache;
}

/** Coalesces bursts of writes (a 9-question lookup changes the cache 9 times). */
function debounced<T>(write: (value: T) => Promise<void>, ms: number): (value: T) => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let latest: T;
  return (value) => {
    latest = value;
    clearTimeout(timer);
    timer = setTimeout(() => void write(latest).catch(() => undefined), ms);
  };
}

export function createLookupRuntime(options: { fetch?: typeof fetch } = {}): LookupRuntime {
  const cache = new AnswerCache({
    maxEntries: 2000,
    persist: debounced((e) => cacheMirror.setValue(e), 250),
  });
  const gate = new RequestGate({
    // Browsers speak HTTP/2 only over TLS: an https:// resolver multiplexes a host report's 9
    // questions on one connection, while a plain-http one (a local resolver) gets the browser's
    // 6 connections per host — queue the rest here, so their timeouts start when they are sent.
    maxConcurrent: (endpoint) => (endpoint.startsWith('http://') ? 6 : 12),
    persist: (holds) => void holdsMirror.setValue(holds),
  });
  const ready = Promise.all([cacheMirror.getValue(), holdsMirror.getValue()])
    .then(([entries, holds]) => {
      cache.restore(entries);
      gate.restore(holds);
    })
    // A broken mirror only costs a cold cache.
    .catch(() => undefined);
  const ask = createDnsEngine({ cache, gate, fetch: options.fetch });
  return { ready, ask, cache };
}
