// Seeing that something does *not* happen (no card on a page script's click, no request while
// reading) has no event to wait for. Instead of sleeping and looking once, these watch the whole
// window and fail the moment the thing happens.
import { expect } from 'vitest';

/** Fails as soon as `value()` differs from `expected` within `ms`; passes if it never does. */
export async function staysEqual<T>(value: () => T | Promise<T>, expected: T, ms: number, what: string) {
  const end = Date.now() + ms;
  do {
    expect(await value(), what).toEqual(expected);
    await new Promise((r) => setTimeout(r, 50));
  } while (Date.now() < end);
}
