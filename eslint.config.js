// Layer rules (../shared/design/architecture.md §2) enforced with ESLint's own
// no-restricted-imports. Every folder says where its code may run; these zones keep that true.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';
import { builtinModules } from 'node:module';

const nodeBuiltins = [...new Set(builtinModules.flatMap((m) => [m, `node:${m}`]))];
const noElectron = { name: 'electron', message: "Only main/electron/ may import 'electron'." };
const noNode = nodeBuiltins.map((name) => ({ name, message: 'This layer runs outside Node: no Node built-ins.' }));
// Imports are relative; a path that climbs to a top-level layer folder names that layer.
const layer = (name) => `^(\\.\\./)+${name}(/|$)`;
const deny = (message, ...names) => ({ regex: names.map(layer).join('|'), message });

export default tseslint.config(
  { ignores: ['node_modules/', 'dist/', 'out/', 'release/', 'test-artifacts/', 'db/migrations/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-restricted-imports': ['error', { paths: [noElectron] }],
    },
  },
  {
    files: ['shared/**/*.ts'],
    languageOptions: { globals: {} },
    rules: {
      'no-restricted-imports': ['error', {
        paths: [noElectron, ...noNode],
        patterns: [deny('shared/ imports nothing from other layers.', 'db', 'main', 'renderer')],
      }],
    },
  },
  {
    files: ['db/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: [noElectron],
        patterns: [deny('db/ may import shared/ only.', 'main', 'renderer')],
      }],
    },
  },
  {
    files: ['main/**/*.ts'],
    ignores: ['main/electron/**'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: [noElectron],
        patterns: [deny('main/ may import shared/ and db/ only.', 'renderer')],
      }],
    },
  },
  {
    files: ['main/electron/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [deny('main/electron/ may not import the renderer.', 'renderer')] }],
    },
  },
  {
    // The preload runs in a sandboxed renderer: it sees the contract and nothing else.
    files: ['main/electron/preload.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: noNode,
        patterns: [deny('The preload may import shared/ only.', 'db', 'main', 'renderer', 'app', 'services', 'platform', 'sync', 'web')],
      }],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      'no-restricted-imports': ['error', {
        paths: [noElectron, ...noNode],
        patterns: [
          deny('renderer/ may import shared/ only.', 'db', 'main'),
          { group: ['better-sqlite3', 'drizzle-orm', 'drizzle-orm/*'], message: 'renderer/ may import shared/ only.' },
        ],
      }],
    },
  },
);
