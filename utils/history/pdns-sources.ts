// Every passive-DNS source Hostlens can ask, in the order their sections list them.
import type { PdnsAdapter } from './adapter';
import { mnemonic } from './mnemonic';

export const PDNS_SOURCES: readonly PdnsAdapter[] = [mnemonic];
