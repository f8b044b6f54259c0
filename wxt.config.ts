import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';
import { PRESET_ORIGINS } from './utils/dns/resolver-presets';
import {
  CERTSPOTTER_DEFAULT_BASE,
  CRTSH_DEFAULT_BASE,
  MNEMONIC_DEFAULT_BASE,
  RDAP_FALLBACK_DEFAULT_BASE,
} from './utils/history/sources';

// Keyless sources on by default: granted at install, like the preset resolvers.
// RDAP: IANA's bootstrap files and rdap.org (the fallback); registry servers are reached
// directly (RFC 7480 asks them to send CORS headers) — see README "Limits and privacy".
// Keyed sources are not here: they are asked for when the user switches one on.
const DEFAULT_SOURCE_ORIGINS = [
  ...PRESET_ORIGINS,
  `${MNEMONIC_DEFAULT_BASE}/*`,
  'https://data.iana.org/*',
  `${RDAP_FALLBACK_DEFAULT_BASE}*`,
  `${CERTSPOTTER_DEFAULT_BASE}/*`,
  `${CRTSH_DEFAULT_BASE}/*`,
];

// Hosts that may receive a name without asking: the preset DoH resolvers. Anything the user
// adds in options (a custom resolver, a self-hosted source) is asked for at run time.
const OPTIONAL_ORIGINS = ['https://*/*', 'http://127.0.0.1/*', 'http://localhost/*', 'http://[::1]/*'];

export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill', '@wxt-dev/i18n/module'],
  webExt: { disabled: true },
  manifest: ({ browser, manifestVersion, mode }) => {
    // `--mode e2e` builds the copy the end-to-end tests load: it may reach the loopback servers
    // without a permission prompt (a prompt can't be clicked in headless Chromium). Release
    // builds never carry it.
    const hostPermissions =
      mode === 'e2e' ? [...DEFAULT_SOURCE_ORIGINS, 'http://127.0.0.1/*'] : DEFAULT_SOURCE_ORIGINS;
    const base = {
      // Texts come from locales/<lang>.yml (see utils/i18n/messages.ts).
      default_locale: 'en',
      name: '__MSG_extName__',
      description: '__MSG_extDescription__',
      // `scripting`: the card's code is injected into a tab only when the reader asks for a card.
      permissions: ['storage', 'scripting', 'alarms', 'notifications', 'contextMenus', 'activeTab'],
      commands: {
        'walk-marks': {
          suggested_key: { default: 'Alt+Shift+H' },
          description: '__MSG_commands_walkMarks__',
        },
      },
      ...(browser === 'firefox' && {
        browser_specific_settings: {
          gecko: { id: 'hostlens@hostlens.invalid', data_collection_permissions: { required: ['none'] } },
        },
      }),
    };
    if (manifestVersion === 2) {
      // MV2 (Firefox default) has no host_permissions keys: origins live in (optional_)permissions.
      return {
        ...base,
        permissions: [...base.permissions, ...hostPermissions],
        optional_permissions: OPTIONAL_ORIGINS,
      };
    }
    return { ...base, host_permissions: hostPermissions, optional_host_permissions: OPTIONAL_ORIGINS };
  },
  vite: () => ({
    plugins: [preact()],
    // tldts's unminified ES build makes the popup 2.5× larger after bundling than its own
    // minified build (119 vs 47 kB gzip, measured with bench/bundle-sizes.ts).
    resolve: { alias: { tldts: 'tldts/dist/index.esm.min.js' } },
  }),
});
