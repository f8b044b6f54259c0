// Asks the background for one section's data about a host and keeps it in its own state, so
// each section (history, registration, certificates) fills in as soon as its source answers.
import { useEffect, useRef, useState } from 'preact/hooks';

/** `ask` sends the message; `failed` is what to show if the background does not answer. */
export function useSectionQuery<T>(
  input: string | null,
  ask: (input: string) => Promise<T>,
  failed: T,
): T | null {
  const [value, setValue] = useState<T | null>(null);
  // Only a new `input` asks again; the latest `ask` and `failed` are read when it does.
  const latest = useRef({ ask, failed });
  latest.current = { ask, failed };
  useEffect(() => {
    const { ask, failed } = latest.current;
    if (!input) return;
    let current = true;
    setValue(null);
    ask(input).then(
      (v) => current && setValue(v),
      () => current && setValue(failed),
    );
    return () => {
      current = false;
    };
  }, [input]);
  return value;
}
