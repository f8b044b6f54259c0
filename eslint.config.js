// Lint rules that encode Hostlens conventions; each restriction says why.
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['.output/**', '.wxt/**', 'node_modules/**', 'tests/.tmp/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      globals: {
        console: 'readonly',
        process: 'readonly',
        URL: 'readonly',
        setTimeout: 'readonly',
        clearTimeout: 'readonly',
      },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // Product code renders attacker-controlled text (TXT, RDAP, passive DNS): Preact text only.
    files: ['entrypoints/**', 'components/**', 'utils/**'],
    rules: {
      'no-restricted-properties': [
        'error',
        // TXT records, RDAP fields and passive-DNS rows are attacker text: render through Preact only.
        {
          property: 'innerHTML',
          message: 'External text must never reach innerHTML; render through Preact.',
        },
        {
          property: 'outerHTML',
          message: 'External text must never reach outerHTML; render through Preact.',
        },
        { property: 'insertAdjacentHTML', message: 'No raw HTML sinks; render through Preact.' },
      ],
      'no-restricted-syntax': [
        'error',
        {
          selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']",
          message: 'External text must never be rendered as HTML.',
        },
      ],
    },
  },
  {
    // The content script runs on every page: keep zod (and other heavy code) out of it. The card
    // (entrypoints/card.ts) runs in the same world and counts as content script.
    files: ['entrypoints/content/**', 'entrypoints/card.ts', 'utils/page/**', 'utils/detect/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'zod', message: 'zod stays in the background and extension pages.' },
            { name: 'tldts', message: 'The PSL (~48 kB gz) stays out of the content script.' },
            {
              name: 'wxt/utils/storage',
              message:
                'Storage is closed to content scripts (utils/storage/close-storage-to-pages.ts): ask the background.',
            },
          ],
        },
      ],
    },
  },
  {
    // Preact hooks follow React's rules: a hook after an early return runs on some renders only
    // and shifts every later hook's state (dns-section.tsx did this unnoticed).
    files: ['components/**', 'entrypoints/**', 'utils/**'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
    },
  },
  {
    files: ['tests/**', 'bench/**', '*.config.*', '.ci/**'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
);
