// Asks the background for a host's live DNS; the component only renders the states.
import { useCallback, useRef, useState } from 'preact/hooks';
import { t } from '@/utils/i18n/messages';
import { askBackground } from '@/utils/messages/ask-background';
import type { LookupResponse } from '@/utils/messages/protocol';

export type LookupState =
  | { phase: 'idle' }
  | { phase: 'loading'; input: string }
  | { phase: 'done'; input: string; response: LookupResponse };

export function useHostLookup() {
  const [state, setState] = useState<LookupState>({ phase: 'idle' });
  const latest = useRef(0);
  const lookUp = useCallback(async (input: string, fresh = false) => {
    const id = ++latest.current;
    setState({ phase: 'loading', input });
    let response: LookupResponse;
    try {
      response = await askBackground('lookupHost', { input, fresh });
    } catch {
      response = { ok: false, message: t('lookup.backgroundSilent') };
    }
    // A slower earlier lookup must not overwrite a newer one.
    if (id === latest.current) setState({ phase: 'done', input, response });
  }, []);
  return { state, lookUp };
}
