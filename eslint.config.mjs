// ESLint: typescript-eslint's recommended rules over the TypeScript sources, and
// eslint-plugin-regexp's, which keep every regular expression free of super-linear
// backtracking (a pasted line must never freeze the checker) and of the usual mistakes.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import { builtinModules } from 'node:module';
import regexp from 'eslint-plugin-regexp';

/**
 * The plugin's rules that find mistakes (its "problem" rules, and those of its suggestions that
 * point at an expression not doing what it says), as errors; its matters of style are left out.
 */
const regexpRules = {
  ...Object.fromEntries(Object.entries(regexp.rules).filter(([, rule]) => rule.meta.type === 'problem' && !rule.meta.deprecated).map(([name]) => [`regexp/${name}`, 'error'])),
  ...Object.fromEntries(
    [
      'no-dupe-disjunctions',
      'no-dupe-characters-character-class',
      'no-empty-character-class',
      'no-empty-group',
      'no-empty-capturing-group',
      'no-empty-lookarounds-assertion',
      'no-useless-backreference',
      'no-useless-dollar-replacements',
      'no-zero-quantifier',
      'no-obscure-range',
      'no-escape-backspace',
      'no-invisible-character',
    ].map((name) => [`regexp/${name}`, 'error']),
  ),
  'regexp/no-super-linear-backtracking': ['error', { report: 'potential' }],
  'regexp/no-super-linear-move': ['error', { report: 'potential', ignorePartial: false }],
};

/** What the core may not import: the editor's libraries, Node's modules, the layers above it. */
export const CORE_FORBIDDEN = [
  { group: ['vscode', 'vscode-*', 'vscode/*', 'vscode-*/**'], message: 'The core imports nothing of vscode: LSP types are converted in features/.' },
  {
    group: ['node:*', ...builtinModules, ...builtinModules.map((m) => `${m}/*`)],
    message: 'The core imports no Node module: files, threads and processes live in node/ (the core gets what it needs through an interface).',
  },
  { group: ['**/features', '**/features/**', '**/node', '**/node/**', '**/server', '**/cli', '**/client/**'], message: 'The core imports nothing from the layers above it (features/, node/, the server, the CLI).' },
];

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', '.tools/**', 'node_modules/**', 'syntaxes/**', 'test-artifacts/**', '**/*.mjs'] },
  {
    files: ['**/*.ts'],
    extends: [js.configs.recommended, ...tseslint.configs.recommended],
    plugins: { regexp },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      ...regexpRules,
    },
  },
  // The project's own scripts (bundling, packaging, the end-to-end runner): their expressions too.
  {
    files: ['scripts/**/*.js', 'bin/**/*.js'],
    plugins: { regexp },
    languageOptions: { sourceType: 'commonjs' },
    rules: regexpRules,
  },
  {
    // The layering: the core is pure domain, usable by the server, the CLI and a second index
    // backend alike. test/unit/layering.test.ts checks that this rule fails a core file that breaks it.
    files: ['server/src/core/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: CORE_FORBIDDEN }],
    },
  },
);
