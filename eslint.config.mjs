// ESLint: typescript-eslint's recommended rules over the TypeScript sources, and
// eslint-plugin-regexp's, which keep every regular expression free of super-linear
// backtracking (a pasted line must never freeze the checker) and of the usual mistakes.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
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
);
