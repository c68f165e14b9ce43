// Lint rules, including the layering of DESIGN.md section 2 as import restrictions per folder.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

const notCore = ['**/renderer/**', '**/electron/**', '**/cli/**', '**/bench/**', '**/e2e/**', '**/remote/**'];

export default tseslint.config(
  { ignores: ['node_modules/**', 'dist/**', 'core/proto/generated/**', 'out/**', 'release/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.es2022 } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // The neutral floor (the IPC contract, the page policy, shared helpers): every layer may import it,
    // so it imports nothing but its own files and runs anywhere (no DOM, no Node, no Electron).
    files: ['common/**/*.ts'],
    ignores: ['common/**/*.test.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ regex: '^(?!\\./)', message: 'common/ imports nothing from other floors or packages: every layer loads it (docs/ARCHITECTURE.md).' }] }],
      'no-restricted-globals': ['error', 'window', 'document', 'process', 'Buffer', 'require'],
    },
  },
  {
    files: ['common/**/*.test.ts'],
    languageOptions: { globals: { ...globals.node } },
  },
  {
    files: ['core/**/*.ts'],
    ignores: ['core/**/*.test.ts', 'core/**/test-support/**'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          { regex: '^(?!\\.{1,2}/|protobufjs/minimal(\\.js)?$|elkjs(/|$))', message: 'core imports only protobufjs/minimal and elkjs (DESIGN.md section 2).' },
          { group: notCore, message: 'core must not import other layers.' },
        ],
      }],
      'no-restricted-globals': ['error', 'window', 'document', 'process', 'Buffer', 'require'],
    },
  },
  {
    // core/proto (the wire reader, the generated protobuf code) is the bottom of core: io, graph and
    // scope build on it, so it imports nothing of theirs (core/folder-layers.test.ts keeps core acyclic).
    files: ['core/proto/**/*.ts'],
    ignores: ['core/proto/**/*.test.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [
        { regex: '^(?!\\./|protobufjs/minimal(\\.js)?$)', message: 'core/proto imports only its own files and protobufjs/minimal: it sits below every other core folder.' },
      ] }],
    },
  },
  {
    files: ['cli/**/*.ts', 'remote/**/*.ts', 'bin/**/*.mjs', 'scripts/**/*.{js,mjs,ts}', 'bench/**/*.ts', 'e2e/**/*.ts', 'fixtures/**/*.ts', '*.config.{js,ts}'],
    languageOptions: { globals: { ...globals.node } },
  },
  {
    files: ['cli/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['**/renderer/**', '**/electron/**', 'react', 'react-dom', 'electron'], message: 'cli may import core and remote only.' }] }],
    },
  },
  {
    // Tooling sits below the tests: e2e/ may use scripts/ (the page probes, the static server), never the reverse.
    files: ['scripts/**/*.{js,mjs,ts}'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['**/e2e/**'], message: 'scripts/ never imports e2e/: shared helpers live in scripts/ (app-page.ts).' }] }],
    },
  },
  {
    // The remote access layer runs in Node (the CLI and Electron main) and only moves bytes: it never
    // parses graph files, so Electron main may use it, and it may import no other layer.
    files: ['remote/**/*.ts'],
    ignores: ['remote/**/*.test.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [
        { group: ['**/core/**', '**/cli/**', '**/renderer/**', '**/electron/**', 'electron', 'react', 'react-dom'], message: 'remote is a Node layer of its own: it imports no other layer (docs/ARCHITECTURE.md).' },
      ] }],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    ignores: ['renderer/**/*.test.ts'],
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      'no-restricted-imports': ['error', { patterns: [
        { group: ['node:*', 'fs', 'path', '**/cli/**', '**/remote/**'], message: 'renderer runs sandboxed: no Node, no cli, no remote.' },
        { regex: '^electron(/|$)', message: 'renderer runs sandboxed: no Electron APIs (the preload bridges them).' },
        { regex: '(^|/)electron/', message: 'renderer imports nothing of the shell: the IPC contract it shares lives in common/.' },
      ] }],
    },
  },
  {
    // Names from graph files are untrusted: the shipped UI never builds HTML from strings.
    files: ['renderer/**/*.{ts,tsx}'],
    ignores: ['renderer/**/*.test.ts', 'renderer/bench/**'],
    rules: {
      'no-restricted-syntax': ['error',
        { selector: 'MemberExpression[property.name=/^(innerHTML|outerHTML)$/]', message: 'render text, never HTML built from strings (docs/SECURITY.md).' },
        { selector: 'CallExpression[callee.property.name=/^(insertAdjacentHTML|createContextualFragment)$/]', message: 'render text, never HTML built from strings (docs/SECURITY.md).' },
        { selector: 'CallExpression[callee.object.name="document"][callee.property.name=/^(write|writeln)$/]', message: 'render text, never HTML built from strings (docs/SECURITY.md).' },
        { selector: 'JSXAttribute[name.name="dangerouslySetInnerHTML"]', message: 'render text, never HTML built from strings (docs/SECURITY.md).' },
      ],
    },
  },
  {
    files: ['electron/**/*.ts'],
    languageOptions: { globals: { ...globals.node } },
  },
  {
    files: ['electron/preload/**/*.ts'],
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['**/renderer/**', '**/core/**', '**/cli/**', '**/remote/**', 'node:*', 'fs', 'path'], message: 'the sandboxed preload imports only electron and common/ (the IPC contract).' }] }],
    },
  },
  {
    files: ['electron/main/**/*.ts'],
    // Tests may load core to check what the page would read from the bytes main serves.
    ignores: ['electron/main/**/*.test.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['**/renderer/**', '**/core/**'], message: 'electron main never parses untrusted files: no core, no renderer.' }] }],
    },
  },
);
