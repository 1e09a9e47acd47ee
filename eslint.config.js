// ESLint flat config: typescript-eslint's recommended rules over every package.
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: ['**/node_modules/**', '**/dist/**', '**/cdk.out/**', '.data/**', '.cache/**', 'miniapp/.swc/**', 'coverage/**'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      eqeqeq: ['error', 'always'],
      'no-console': 'off',
      'no-restricted-syntax': [
        'error',
        {
          // esbuild keeps all of zod (every locale, ~450 KB) behind `{ z }`, and only what is used behind `* as z`.
          selector: "ImportDeclaration[source.value='zod'] > ImportSpecifier",
          message: "Import zod as `import * as z from 'zod'`: the named import bundles every locale.",
        },
      ],
    },
  },
  {
    files: ['miniapp/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
  },
  // Each role's pages are a WeChat sub-package: one may not import another's code (what two
  // share lives outside them, in miniapp/src/components, api, hooks or beside them).
  ...['worker', 'employer', 'staff', 'codes'].map((role) => ({
    files: [`miniapp/src/${role}/**/*.{ts,tsx}`],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: ['worker', 'employer', 'staff', 'codes']
            .filter((other) => other !== role)
            .map((other) => ({
              group: [`**/${other}/**`, `**/${other}`],
              message: `The ${role} sub-package may not import from ${other}/: move what both use out of the sub-packages.`,
            })),
        },
      ],
    },
  })),
  // The store knows nothing of HTTP: repositories throw domain errors (functions/src/errors.ts),
  // and http/ maps them to statuses once.
  {
    files: ['functions/src/db/**/*.ts', 'functions/src/**/*Repository.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/http/**', 'express'],
              message: 'The data layer may not import HTTP: throw a domain error from errors.ts.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['**/*.cjs', 'miniapp/babel.config.js', 'miniapp/config/**/*.js'],
    languageOptions: { sourceType: 'commonjs', globals: { ...globals.node } },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    // Tests read loosely typed JSON bodies.
    files: ['tests/**/*.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
);
