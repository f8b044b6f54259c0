// Asks the background for one section's data about a host and keeps it in its own state, so
// each section (history, registration, certificates) fills in as soon as its source answers.
import { useEffect, useState } from 'preact/hooks';

/** `ask` sends the message; `failed` is what to show if the background does not answer. */
export function useSectionQuery<T>(
  input: string | null,
  ask: (input: string) => Promise<T>,
  failed: T,
): T | null {
  const [value, setValue] = useState<T | null>(null);
  useEffect(() => {
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
    // `ask` and `failed` are module-level constants at every call site: only `input` changes.
  }, [input]);
  return value;
}
