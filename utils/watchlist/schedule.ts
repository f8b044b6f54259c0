// When each watched host is checked next. Hosts are spread over the interval (a stable offset
// per host, so 500 hosts pinned at once don't all come due together), and a check a source
// postponed backs off: 15 min, 30 min, 1 h... never beyond the interval itself.

const BACKOFF_BASE_MS = 15 * 60_000;

/** A stable number in [0, 1) from the host name (FNV-1a): the same host always lands in the same place. */
export function spreadFraction(host: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < host.length; i++) {
    h ^= host.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h / 0x1_0000_0000;
}

/** After a completed check: the interval, plus up to a tenth of it depending on the host. */
export function nextRegularCheck(host: string, checkedAt: number, intervalMs: number): number {
  return checkedAt + intervalMs + Math.floor(spreadFraction(host) * intervalMs * 0.1);
}

/** After a postponed check (`failures` in a row, at least 1). */
export function nextRetry(failures: number, checkedAt: number, intervalMs: number): number {
  const wait = Math.min(intervalMs, BACKOFF_BASE_MS * 2 ** Math.min(10, Math.max(0, failures - 1)));
  return checkedAt + wait;
}

/** Hosts due now, the longest-waiting first, at most `limit` of them. */
export function dueHosts(
  states: Array<{ host: string; nextCheckAt: number }>,
  now: number,
  limit: number,
): string[] {
  return states
    .filter((s) => s.nextCheckAt <= now)
    .sort((a, b) => a.nextCheckAt - b.nextCheckAt || a.host.localeCompare(b.host))
    .slice(0, limit)
    .map((s) => s.host);
}
