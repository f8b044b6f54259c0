// History sources' names and default endpoints: plain constants, importable anywhere (no zod).
export const MNEMONIC_SOURCE = 'Mnemonic';
export const MNEMONIC_DEFAULT_BASE = 'https://api.mnemonic.no';
export const CERTSPOTTER_DEFAULT_BASE = 'https://api.certspotter.com';
