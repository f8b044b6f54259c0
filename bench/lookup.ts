// Cold lookup of a host (every record type in parallel) against the slowest single question,
// both through the real engine against the loopback DoH server (dnsdist + Knot). The goal is a
// ratio ≤ 1.2: asking everything at once should cost about as much as asking once.
import { createServer } from 'node:http';
import { NAME_RECORD_TYPES } from '../utils/dns/model';
import { normalizeHost } from '../utils/hosts/host';
import { AnswerCache } from '../utils/lookup/answer-cache';
import { createDnsEngine } from '../utils/lookup/dns-engine';
import { buildDnsReport } from '../utils/lookup/dns-report';
import { RequestGate } from '../utils/lookup/request-gate';
import { startDnsServers } from '../tests/e2e/support/dns-servers';

const ROUNDS = 30;
/** A public resolver is a network round trip away; loopback is not. Model one of 20 ms. */
const MODEL_RTT_MS = 20;

/** An HTTP proxy in front of the DoH server that holds every request for `delayMs`. */
async function latencyProxy(
  target: string,
  delayMs: number,
): Promise<{ url: string; stop(): Promise<void> }> {
  const server = createServer(async (req, res) => {
    await new Promise((r) => setTimeout(r, delayMs));
    const upstream = await fetch(new URL(req.url ?? '/', target));
    res.writeHead(upstream.status, { 'Content-Type': upstream.headers.get('Content-Type') ?? '' });
    res.end(Buffer.from(await upstream.arrayBuffer()));
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as { port: number };
  return {
    url: `http://127.0.0.1:${port}/dns-query`,
    stop: () => new Promise((done) => server.close(() => done())),
  };
}
const coldEngine = () =>
  createDnsEngine({ cache: new AnswerCache(), gate: new RequestGate({ maxConcurrent: 12 }) });
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function measure(resolver: string, label: string): Promise<string[]> {
  const host = normalizeHost('trump-email.com')!;
  const whole: number[] = [];
  const fanOut: number[] = [];
  const slowestSingle: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    let t = performance.now();
    const report = await buildDnsReport(host, resolver, coldEngine());
    whole.push(performance.now() - t);
    if (report.statusError) throw new Error(report.statusError.message);
    // The parallel fan-out alone (without the MX exchanges' follow-up questions).
    const ask = coldEngine();
    t = performance.now();
    await Promise.all(NAME_RECORD_TYPES.map((type) => ask({ resolver, name: host.name, type })));
    fanOut.push(performance.now() - t);
    const singles: number[] = [];
    for (const type of NAME_RECORD_TYPES) {
      const one = coldEngine();
      t = performance.now();
      await one({ resolver, name: host.name, type });
      singles.push(performance.now() - t);
    }
    slowestSingle.push(Math.max(...singles));
  }
  const base = median(slowestSingle);
  return [
    `lookup (${label}): slowest single question (baseline) ${base.toFixed(2)} ms, median of ${ROUNDS}`,
    `lookup (${label}): all ${NAME_RECORD_TYPES.length} record types in parallel ${median(fanOut).toFixed(2)} ms, ratio ${(median(fanOut) / base).toFixed(2)}x (goal ≤ 1.2x)`,
    `lookup (${label}): whole report (+ _dmarc, + MX exchanges' A/AAAA) ${median(whole).toFixed(2)} ms, ratio ${(median(whole) / base).toFixed(2)}x`,
  ];
}

export async function benchLookup(): Promise<string[]> {
  const servers = await startDnsServers();
  const proxy = await latencyProxy(servers.dohUrl, MODEL_RTT_MS);
  try {
    return [
      ...(await measure(servers.dohUrl, 'loopback, CPU-bound')),
      ...(await measure(proxy.url, `${MODEL_RTT_MS} ms round trip`)),
    ];
  } finally {
    await proxy.stop();
    await servers.stop();
  }
}
