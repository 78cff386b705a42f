// ESLint: typescript-eslint's recommended rules over the TypeScript sources, and
// eslint-plugin-regexp's, which keep every regular expression free of super-linear
// backtracking (a pasted line must never freeze the checker) and of the usual mistakes.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import regexp from 'eslint-plugin-regexp';

const regexpRules = {
  'regexp/no-super-linear-backtracking': ['error', { report: 'potential' }],
  'regexp/no-super-linear-move': ['error', { report: 'potential', ignorePartial: false }],
};

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', '.tools/**', 'node_modules/**', 'syntaxes/**', 'test-artifacts/**', '**/*.mjs'] },
  {
    files: ['**/*.ts'],
    extends: [js.configs.recommended, ...tseslint.configs.recommended, regexp.configs['flat/recommended']],
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
    rules: { ...regexp.configs['flat/recommended'].rules, ...regexpRules },
  },
);
