// Asks the background for a host's passive-DNS history; its own state, apart from live DNS, so
// a slow or failing history source never holds up the DNS section.
import { askBackground } from '@/utils/messages/ask-background';
import { t } from '@/utils/i18n/messages';
import type { HistoryResponse } from '@/utils/messages/protocol';
import { useSectionQuery } from './use-section-query';

const noAnswer = (): HistoryResponse => ({ ok: false, message: t('history.noAnswer') });
const ask = (input: string) => askBackground('lookupHistory', { input });

export function useHistoryLookup(input: string | null): HistoryResponse | null {
  return useSectionQuery(input, ask, noAnswer());
}
