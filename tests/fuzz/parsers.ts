// Every parser that reads the outside world, with generators of hostile input for each. The same
// table drives `npm test` (a seeded, small run) and `npm run fuzz` (10,000 cases per parser).
// The rule for every case: a typed result or a typed error value — never a throw, never a hang.
import fc from 'fast-check';
import { findHosts } from '@/utils/detect/find-hosts';
import { decodeAnswer } from '@/utils/dns/wire';
import { PDNS_SOURCES } from '@/utils/history/pdns-sources';
import { readRdapDomain, readRdapIp } from '@/utils/history/rdap';
import { readCertSpotter } from '@/utils/history/certspotter';
import { readCrtsh } from '@/utils/history/crtsh';
import { normalizeHost } from '@/utils/hosts/host';
import { parseLookupInput } from '@/utils/hosts/parse-input';
import { messageSchemas } from '@/utils/messages/schemas';
import { parseCsv } from '@/utils/watchlist/csv';
import { parseWatchlistImport } from '@/utils/watchlist/watchlist-io';
import { settingsSchema } from '@/utils/settings/settings';

const HOST = normalizeHost('mail1.trump-email.com')!;
const IP = normalizeHost('66.216.133.29')!;

/** Strings a hostile source would send: markup, bidi, control characters, huge runs. */
const nasty = fc.oneof(
  fc.string(),
  fc.string({ unit: 'binary' }),
  fc.constantFrom(
    '<script>alert(1)</script>',
    '\u202eevil',
    'a\u200bb',
    '\u0000',
    'javascript:alert(1)',
    '"',
    '\\',
  ),
  fc.string({ minLength: 1000, maxLength: 70_000 }).map((s) => s.slice(0, 70_000)),
);

/** JSON values of any shape, deep or wide, plus near-misses of the shapes we expect. */
const anyJson = fc.oneof(
  fc.jsonValue({ maxDepth: 6 }),
  fc.letrec((tie) => ({
    deep: fc.oneof({ depthSize: 'small' }, fc.constant(1), fc.array(tie('deep'), { maxLength: 2 })),
  })).deep,
);

const body = fc.oneof(
  anyJson.map((v) => JSON.stringify(v)),
  nasty,
  fc
    .array(
      anyJson.map((v) => JSON.stringify(v)),
      { maxLength: 20 },
    )
    .map((lines) => lines.join('\n')),
);
const status = fc.oneof(fc.constant(200), fc.integer({ min: 100, max: 599 }));
const contentType = fc.constantFrom('application/json', 'text/html', 'application/x-ndjson', null);

/** Records shaped like the sources' own, with hostile values: the adapters' mapping paths run. */
const shaped = fc.record({
  data: fc.array(
    fc.record({
      query: nasty,
      answer: nasty,
      rrtype: nasty,
      firstSeenTimestamp: fc.anything(),
      lastSeenTimestamp: fc.anything(),
    }),
    { maxLength: 5 },
  ),
  count: fc.anything(),
  passive_dns: fc.array(fc.dictionary(fc.string(), nasty), { maxLength: 5 }),
  records: fc.dictionary(
    fc.constantFrom('A', 'AAAA', 'NS', 'NS_FOR'),
    fc.array(fc.dictionary(fc.string(), fc.anything()), { maxLength: 3 }),
  ),
  ldhName: nasty,
  entities: fc.array(fc.record({ roles: fc.anything(), vcardArray: fc.anything() }), { maxLength: 3 }),
  events: fc.anything(),
});
const sourceBody = fc.oneof(
  body,
  shaped.map((v) => JSON.stringify(v)),
);

export interface FuzzTarget {
  name: string;
  arbitrary: fc.Arbitrary<unknown>;
  /** Runs the parser; returns normally for any input (the property checks it doesn't throw). */
  run(input: unknown): unknown;
}

/** One generated HTTP answer: status, body text and Retry-After. */
type FuzzResponse = { status: number; body: string; retryAfter: string | null };

const response = fc.record({
  status,
  body: sourceBody,
  contentType,
  retryAfter: fc.option(nasty, { nil: null }),
});

export const FUZZ_TARGETS: FuzzTarget[] = [
  {
    name: 'DNS wire decoding',
    arbitrary: fc.uint8Array({ maxLength: 2048 }),
    run: (bytes) => decodeAnswer(bytes as Uint8Array, { name: 'x.example', type: 'A' }, 'r', 0),
  },
  ...PDNS_SOURCES.map((adapter): FuzzTarget => ({
    name: `${adapter.name} adapter`,
    arbitrary: fc.tuple(response, fc.boolean()),
    run: (input) => {
      const [r, ip] = input as [
        { status: number; body: string; contentType: string | null; retryAfter: string | null },
        boolean,
      ];
      return adapter.read({ ...r, headers: {} }, ip ? IP : HOST, 0);
    },
  })),
  {
    name: 'RDAP domain',
    arbitrary: response,
    run: (r) => {
      const { status, body, retryAfter } = r as FuzzResponse;
      return readRdapDomain('trump-email.com', 'rdap.test', status, body, 0, retryAfter);
    },
  },
  {
    name: 'RDAP IP network',
    arbitrary: response,
    run: (r) => {
      const { status, body, retryAfter } = r as FuzzResponse;
      return readRdapIp('66.216.133.29', 'rdap.test', status, body, 0, retryAfter);
    },
  },
  {
    name: 'Cert Spotter',
    arbitrary: response,
    run: (r) => {
      const { status, body, retryAfter } = r as FuzzResponse;
      return readCertSpotter(status, body, 0, retryAfter);
    },
  },
  {
    name: 'crt.sh',
    arbitrary: response,
    run: (r) =>
      readCrtsh(
        {
          ...(r as { status: number; body: string; contentType: string | null; retryAfter: string | null }),
          headers: {},
        },
        'trump-email.com',
        0,
      ),
  },
  { name: 'lookup input', arbitrary: nasty, run: (s) => parseLookupInput(s as string) },
  // Page text is outside data too; tests/fuzz/detector-families.ts has the shapes made to be slow.
  { name: 'hosts in page text', arbitrary: nasty, run: (s) => findHosts(s as string) },
  { name: 'CSV', arbitrary: nasty, run: (s) => parseCsv(s as string) },
  {
    name: 'watchlist import',
    arbitrary: fc.tuple(fc.constantFrom('json', 'csv'), fc.oneof(body, nasty)),
    run: (input) => {
      const [format, text] = input as ['json' | 'csv', string];
      return parseWatchlistImport(format, text, 0);
    },
  },
  {
    name: 'messages between contexts',
    arbitrary: fc.tuple(
      fc.constantFrom(...(Object.keys(messageSchemas) as Array<keyof typeof messageSchemas>)),
      anyJson,
    ),
    run: (input) => {
      const [name, data] = input as [keyof typeof messageSchemas, unknown];
      return messageSchemas[name].safeParse(data);
    },
  },
  { name: 'stored settings', arbitrary: anyJson, run: (v) => settingsSchema.safeParse(v) },
];

/** Runs one target: every case must return within 1 s and without throwing. */
export function fuzzTarget(target: FuzzTarget, numRuns: number, seed?: number) {
  let slowest = 0;
  fc.assert(
    fc.property(target.arbitrary, (input) => {
      const started = performance.now();
      target.run(input);
      const took = performance.now() - started;
      slowest = Math.max(slowest, took);
      return took < 1000;
    }),
    { numRuns, ...(seed !== undefined && { seed }) },
  );
  return { slowest };
}
