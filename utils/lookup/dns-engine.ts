// The background's way to ask one DNS question: cache first, then one shared request per
// identical question, a concurrency limit per resolver, and a hold after a 429.
import { queryDoh, type DohQuestion } from '../dns/query-doh';
import { resolverLabel } from '../dns/resolver-label';
import { t } from '../i18n/messages';
import type { DnsAnswer } from '../dns/model';
import { AnswerCache } from './answer-cache';
import { fail, formatWait, type Result } from './errors';
import { RequestGate } from './request-gate';
import { createInflightSharing } from './share-inflight';

export interface DnsEngineOptions {
  cache: AnswerCache;
  gate: RequestGate;
  fetch?: typeof fetch;
  timeoutMs?: number;
  now?: () => number;
}

export type AskDns = (question: DohQuestion) => Promise<Result<DnsAnswer>>;

export function createDnsEngine(options: DnsEngineOptions): AskDns {
  const now = options.now ?? Date.now;
  const share = createInflightSharing<Result<DnsAnswer>>();

  return async (question) => {
    const key = AnswerCache.key(question.resolver, question.name, question.type);
    if (!question.fresh) {
      const cached = options.cache.get(key);
      if (cached) return { ok: true, value: cached };
    }
    const label = resolverLabel(question.resolver);
    // Limits are per endpoint: scheme, host and port.
    const origin = URL.canParse(question.resolver) ? new URL(question.resolver).origin : question.resolver;
    const blocked = options.gate.blockedUntil(origin);
    if (blocked !== undefined) {
      return fail({
        kind: 'rate-limited',
        retryAt: blocked,
        message: t('dns.error.slowDown', { resolver: label, wait: formatWait(blocked - now()) }),
      });
    }
    return share(`${key}|${question.fresh ? 'fresh' : ''}`, () =>
      options.gate.run(origin, async () => {
        const result = await queryDoh(question, { fetch: options.fetch, timeoutMs: options.timeoutMs, now });
        if (result.ok) options.cache.set(key, result.value);
        else if (result.error.kind === 'rate-limited' && result.error.retryAt) {
          options.gate.block(origin, result.error.retryAt);
        }
        return result;
      }),
    );
  };
}
