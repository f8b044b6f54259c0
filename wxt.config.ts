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

// The card's code, loaded by the content script with `import()` on the first card of a page
// (utils/page/load-card.ts): a content script may import only the extension's web-accessible
// files. Host access to the page, which `scripting` would need, is never asked for.
const CARD_SCRIPT_FILE = 'card.js';

// Anything the user adds in options (a custom resolver, a self-hosted source) is asked for at
// run time, from these.
const OPTIONAL_ORIGINS = ['https://*/*', 'http://127.0.0.1/*', 'http://localhost/*', 'http://[::1]/*'];

export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill', '@wxt-dev/i18n/module'],
  webExt: { disabled: true },
  manifest: ({ browser, manifestVersion }) => {
    // One manifest for users and tests alike: the end-to-end suite loads this very build.
    const base = {
      // Texts come from locales/<lang>.yml (see utils/i18n/messages.ts).
      default_locale: 'en',
      name: '__MSG_extName__',
      description: '__MSG_extDescription__',
      permissions: ['storage', 'alarms', 'notifications', 'contextMenus', 'activeTab'],
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
        permissions: [...base.permissions, ...DEFAULT_SOURCE_ORIGINS],
        optional_permissions: OPTIONAL_ORIGINS,
        web_accessible_resources: [CARD_SCRIPT_FILE],
      };
    }
    return {
      ...base,
      host_permissions: DEFAULT_SOURCE_ORIGINS,
      optional_host_permissions: OPTIONAL_ORIGINS,
      web_accessible_resources: [
        { resources: [CARD_SCRIPT_FILE], matches: ['<all_urls>'], use_dynamic_url: true },
      ],
    };
  },
  vite: () => ({
    plugins: [preact()],
    // tldts's unminified ES build makes the popup 2.5× larger after bundling than its own
    // minified build (119 vs 47 kB gzip, measured with bench/bundle-sizes.ts).
    resolve: { alias: { tldts: 'tldts/dist/index.esm.min.js' } },
  }),
});
