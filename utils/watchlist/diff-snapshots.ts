// What changed between two checks of a watched host, in the words the change log shows. The
// first check is the baseline (no changes). A part of the snapshot that could not be read this
// time (`incomplete`) is not compared: an outage is never reported as a change.
//
// Each change keeps its English `message` (the change log's CSV column and older entries have
// it); the reader sees `describeChange`, built from the change's fields in the UI's language.
import { formatDay } from '../i18n/format';
import { t } from '../i18n/messages';
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

/** A stored day (`2026-01-31`, as `day` writes it) in the reader's format. */
function shownDay(value: string): string {
  const ms = /^\d{4}-\d{2}-\d{2}$/.test(value) ? Date.parse(`${value}T00:00:00Z`) : NaN;
  if (Number.isFinite(ms)) return formatDay(ms);
  return value === 'unknown' || value === '' ? t('changes.unknown') : value;
}

const orUnknown = (value: string | undefined) => value || t('changes.unknown');
const spaced = (value: string | undefined) => (value ?? '').split(' ').filter(Boolean);

/**
 * One change in the reader's language, from its structured fields (the same sentence as its
 * stored English `message`, with dates in the reader's format). A shape this version doesn't
 * know (an entry written by another version) shows its stored message.
 */
export function describeChange(c: Change): string {
  const previous = c.previous ?? '';
  switch (c.kind) {
    case 'added':
      return t('changes.recordAdded', { type: c.subject, value: c.value });
    case 'removed':
      return t('changes.recordRemoved', { type: c.subject, value: c.value });
    case 'new-name':
      return t('changes.newName', { address: c.subject, name: c.value });
    case 'status':
      if (c.subject === 'status') {
        if (c.value === 'NXDOMAIN') return t('changes.noLongerExists');
        if (previous === 'NXDOMAIN') return t('changes.existsAgain', { status: c.value });
        return t('changes.statusChanged', { previous, status: c.value });
      }
      if (c.subject === 'addresses') {
        if (c.value === 'none')
          return t('changes.stoppedResolving', { addresses: spaced(previous).join(', ') });
        if (previous === 'none') return t('changes.resolvesAgain', { addresses: spaced(c.value).join(', ') });
      }
      break;
    case 'registration':
      switch (c.subject) {
        case 'registered':
          return c.value === 'no' ? t('changes.unregistered') : t('changes.registered');
        case 'registrar':
          return t('changes.registrar', { previous: orUnknown(previous), value: orUnknown(c.value) });
        case 'expires':
          return t('changes.expires', { previous: shownDay(previous), value: shownDay(c.value) });
        case 'status':
          return c.value
            ? t('changes.registryStatusAdded', { status: c.value })
            : t('changes.registryStatusRemoved', { status: previous });
        case 'nameservers': {
          const { added, removed } = setDiff(spaced(previous), spaced(c.value));
          const list = [...added.map((n) => `+${n}`), ...removed.map((n) => `−${n}`)].join(', ');
          return t('changes.nameServers', { list });
        }
      }
  }
  return c.message;
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
