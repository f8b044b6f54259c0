// Asks the background for a host's passive-DNS history; its own state, apart from live DNS, so
// a slow or failing history source never holds up the DNS section.
import { useEffect, useState } from 'preact/hooks';
import { sendMessage, type HistoryResponse } from '@/utils/messages/protocol';

export function useHistoryLookup(input: string | null): HistoryResponse | null {
  const [response, setResponse] = useState<HistoryResponse | null>(null);
  useEffect(() => {
    if (!input) return;
    let current = true;
    setResponse(null);
    sendMessage('lookupHistory', { input }).then(
      (r) => current && setResponse(r),
      () =>
        current && setResponse({ ok: false, message: 'Hostlens’s background did not answer; try again.' }),
    );
    return () => {
      current = false;
    };
  }, [input]);
  return response;
}
