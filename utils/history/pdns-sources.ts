// Every passive-DNS source Hostlens can ask, in the order their outcomes are listed.
import type { PdnsAdapter } from './adapter';
import { cof } from './cof';
import { dnsdb } from './dnsdb';
import { mnemonic } from './mnemonic';
import { otx } from './otx';
import { securitytrails } from './securitytrails';
import { validin } from './validin';
import { virustotal } from './virustotal';

export const PDNS_SOURCES: readonly PdnsAdapter[] = [
  mnemonic,
  cof,
  otx,
  securitytrails,
  virustotal,
  dnsdb,
  validin,
];
