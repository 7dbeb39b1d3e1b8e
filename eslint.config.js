// Lint, type-aware, plus the import boundaries between runtime folders. The
// per-folder tsconfigs already make most forbidden imports a compile error;
// these rules back them up (and catch what types cannot, like runtime 'electron').
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

const nodeBuiltins = ['node:*', 'fs', 'path', 'os', 'crypto', 'child_process', 'http', 'net', 'url', 'module', 'stream', 'util', 'worker_threads'];

// Patterns are gitignore-style: a leading '#' would start a comment, so '\\#db/*'.
function forbid(groups, message) {
  return { group: groups, message };
}

// One SQLite in the process (two copies break each other's locks: SQLite's "How To Corrupt", 2.3),
// and it is the encrypting one.
const noSecondSqlite = forbid(['better-sqlite3'], 'The app has one SQLite: better-sqlite3-multiple-ciphers (encrypted), opened through db/connection.ts.');
const dbPatterns = [
  { group: ['electron'], message: 'Only electron/ imports electron at runtime.', allowTypeImports: true },
  forbid(['react', 'react-dom', 'zustand', '\\#renderer/*', '../renderer/*', '../../renderer/*', '../e2e/*', '../../e2e/*'], 'db/ is Node: no UI, no e2e code.'),
  noSecondSqlite,
];

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', 'scripts/**/*.mjs', 'bench/**/*.mjs'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // Test matchers (expect.any, expect.objectContaining) are typed any by design.
    files: ['**/*.test.{ts,tsx}', 'e2e/specs/**/*.ts'],
    rules: {
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/unbound-method': 'off',
    },
  },
  {
    files: ['*.config.{js,ts}'],
    ...tseslint.configs.disableTypeChecked,
  },
  {
    files: ['shared/**/*.ts'],
    ignores: ['shared/**/*.test.ts', 'shared/**/*.testing.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': ['error', { patterns: [
        forbid(nodeBuiltins, 'shared/ runs anywhere: no Node built-ins.'),
        forbid(['electron', 'better-sqlite3', 'better-sqlite3-multiple-ciphers', 'pdfmake', 'react', 'react-dom', 'zustand'], 'shared/ holds domain, content and the contract only.'),
        forbid(['\\#db/*', '\\#renderer/*', '../db/*', '../renderer/*', '../e2e/*', '../../db/*', '../../renderer/*', '../../e2e/*'], 'shared/ imports nothing from other folders.'),
      ] }],
    },
  },
  {
    // The core, its loopback host (db/host/) and its test support (db/testing/).
    files: ['db/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': ['error', { patterns: [
        ...dbPatterns,
        { group: ['better-sqlite3-multiple-ciphers'], allowTypeImports: true, message: 'Open database files through db/connection.ts (openKeyed, openDatabase): every open is keyed.' },
      ] }],
    },
  },
  {
    // The one opener; tests and their support may open a file as an attacker would, without the key.
    files: ['db/connection.ts', 'db/**/*.test.ts', 'db/testing/**/*.ts'],
    rules: { '@typescript-eslint/no-restricted-imports': ['error', { patterns: dbPatterns }] },
  },
  {
    files: ['electron/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': ['error', { patterns: [
        forbid(['react', 'react-dom', 'zustand', '\\#renderer/*', '../renderer/*', '../e2e/*'], 'electron/ is the thin shell: it serves the built renderer, never imports it or the tests.'),
      ] }],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      '@typescript-eslint/no-restricted-imports': ['error', { patterns: [
        forbid(nodeBuiltins, 'renderer/ is DOM only: no Node built-ins.'),
        forbid(['electron', 'better-sqlite3', 'better-sqlite3-multiple-ciphers', 'pdfmake', '\\#db/*', '../db/*', '../../db/*', '../e2e/*', '../../e2e/*'], 'renderer/ reaches the core only through the API client.'),
      ] }],
    },
  },
  {
    files: ['renderer/components/**/*.tsx'],
    ignores: ['**/*.test.tsx'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [
        { group: ['**/api/client', '**/api/bridge'], importNames: ['api', 'createClient', 'pickBridge', 'httpBridge'], message: 'Components call store actions; only stores call the API client.' },
      ] }],
    },
  },
  {
    files: ['e2e/**/*.ts', 'scripts/**/*.ts', 'bench/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': ['error', { patterns: [
        { group: ['electron'], message: 'Only electron/ imports electron at runtime.', allowTypeImports: true },
        noSecondSqlite,
      ] }],
    },
  },
);
