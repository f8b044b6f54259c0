// What changed between two checks of a watched host, in the words the change log shows. The
// first check is the baseline (no changes). A part of the snapshot that could not be read this
// time (`incomplete`) is not compared: an outage is never reported as a change.
import type { Change, RegistrationFacts, Snapshot } from './model';

const ADDRESS_TYPES = ['A', 'AAAA'];

const addresses = (s: Snapshot) => ADDRESS_TYPES.flatMap((t) => s.records[t] ?? []);

function setDiff(before: string[], after: string[]) {
  const was = new Set(before);
  const is = new Set(after);
  return { added: after.filter((v) => !was.has(v)), removed: before.filter((v) => !is.has(v)) };
}

const day = (ms: number | undefined) =>
  ms === undefined ? 'unknown' : new Date(ms).toISOString().slice(0, 10);

function dnsChanges(host: string, at: number, prev: Snapshot, next: Snapshot): Change[] {
  const changes: Change[] = [];
  const change = (c: Omit<Change, 'host' | 'at'>) => changes.push({ host, at, ...c });
  if (prev.status !== next.status) {
    change({
      kind: 'status',
      subject: 'status',
      value: next.status,
      previous: prev.status,
      message:
        next.status === 'NXDOMAIN'
          ? 'no longer exists (NXDOMAIN)'
          : prev.status === 'NXDOMAIN'
            ? `exists again (${next.status})`
            : `DNS status changed from ${prev.status} to ${next.status}`,
    });
  }
  const before = addresses(prev);
  const after = addresses(next);
  if (before.length > 0 && after.length === 0)
    change({
      kind: 'status',
      subject: 'addresses',
      value: 'none',
      previous: before.join(' '),
      message: `stopped resolving (was ${before.join(', ')})`,
    });
  else if (before.length === 0 && after.length > 0)
    change({
      kind: 'status',
      subject: 'addresses',
      value: after.join(' '),
      previous: 'none',
      message: `resolves again, to ${after.join(', ')}`,
    });
  const types = [...new Set([...Object.keys(prev.records), ...Object.keys(next.records)])].sort();
  for (const type of types) {
    const { added, removed } = setDiff(prev.records[type] ?? [], next.records[type] ?? []);
    for (const value of removed)
      change({ kind: 'removed', subject: type, value, message: `${type} record removed: ${value}` });
    for (const value of added)
      change({ kind: 'added', subject: type, value, message: `${type} record added: ${value}` });
  }
  return changes;
}

function historyChanges(host: string, at: number, prev: Snapshot, next: Snapshot): Change[] {
  const changes: Change[] = [];
  for (const [address, names] of Object.entries(next.namesOnAddresses)) {
    // An address watched for the first time is a baseline too: its names are not "new".
    const before = prev.namesOnAddresses[address];
    if (!before) continue;
    for (const name of setDiff(before, names).added)
      changes.push({
        host,
        at,
        kind: 'new-name',
        subject: address,
        value: name,
        message: `new name on ${address}: ${name}`,
      });
  }
  return changes;
}

function registrationChanges(
  host: string,
  at: number,
  prev: RegistrationFacts | null,
  next: RegistrationFacts | null,
): Change[] {
  const changes: Change[] = [];
  const change = (subject: string, value: string, previous: string, message: string) =>
    changes.push({ host, at, kind: 'registration', subject, value, previous, message });
  if (!prev || !next) {
    if (prev && !next) change('registered', 'no', 'yes', 'the registry no longer has a record of the domain');
    if (!prev && next) change('registered', 'yes', 'no', 'the domain is registered now');
    return changes;
  }
  if ((prev.registrar ?? '') !== (next.registrar ?? ''))
    change(
      'registrar',
      next.registrar ?? '',
      prev.registrar ?? '',
      `registrar changed from ${prev.registrar ?? 'unknown'} to ${next.registrar ?? 'unknown'}`,
    );
  if (prev.expires !== next.expires)
    change(
      'expires',
      day(next.expires),
      day(prev.expires),
      `expiry date changed from ${day(prev.expires)} to ${day(next.expires)}`,
    );
  const statuses = setDiff(prev.statuses, next.statuses);
  for (const s of statuses.added) change('status', s, '', `registry status added: ${s}`);
  for (const s of statuses.removed) change('status', '', s, `registry status removed: ${s}`);
  const ns = setDiff(prev.nameservers, next.nameservers);
  if (ns.added.length || ns.removed.length)
    change(
      'nameservers',
      next.nameservers.join(' '),
      prev.nameservers.join(' '),
      `name servers changed: ${[...ns.added.map((n) => `+${n}`), ...ns.removed.map((n) => `−${n}`)].join(', ')}`,
    );
  return changes;
}

/** The changes from `prev` to `next`, in the order a reader would want them. */
export function diffSnapshots(host: string, prev: Snapshot | undefined, next: Snapshot): Change[] {
  if (!prev) return [];
  const at = next.takenAt;
  const skip = new Set([...prev.incomplete, ...next.incomplete]);
  return [
    ...(skip.has('dns') ? [] : dnsChanges(host, at, prev, next)),
    ...(skip.has('history') ? [] : historyChanges(host, at, prev, next)),
    ...(skip.has('registration') || prev.registration === undefined || next.registration === undefined
      ? []
      : registrationChanges(host, at, prev.registration, next.registration)),
  ];
}

/**
 * The snapshot to keep: the parts this check could not read are carried over from the last one,
 * so the next comparison is against what was last known.
 */
export function carryOver(prev: Snapshot | undefined, next: Snapshot): Snapshot {
  if (!prev) return next;
  const kept = { ...next };
  if (next.incomplete.includes('dns')) {
    kept.status = prev.status;
    kept.records = prev.records;
  }
  if (next.incomplete.includes('history')) kept.namesOnAddresses = prev.namesOnAddresses;
  if (next.incomplete.includes('registration')) kept.registration = prev.registration;
  // What was carried over is known again: compare it normally next time.
  kept.incomplete = [];
  return kept;
}
