import { readdirSync } from 'node:fs';
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';
import prettier from 'eslint-config-prettier';

// Walls between contexts: a context reaches another only through that context's index.ts, its public face.
const CONTEXTS = readdirSync(new URL('./src/contexts/', import.meta.url), { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name);
const wall = (context, allowed = 'index\\.js$') => ({
  files: [`src/contexts/${context}/**/*.ts`],
  rules: {
    'no-restricted-imports': [
      'error',
      {
        patterns: [
          {
            regex: `^(\\.\\./)+(${CONTEXTS.filter((other) => other !== context).join('|')})/(?!${allowed})`,
            message: "Import another context through its index.ts ('../<context>/index.js'), never its internal files.",
          },
        ],
      },
    ],
  },
});

export default tseslint.config(
  // client/smoke is type-checked by `npm run openapi:check`, against an SDK generated there and then.
  { ignores: ['dist/**', 'node_modules/**', 'coverage/**', '.data/**', 'client/schema.d.ts', 'client/smoke/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      globals: globals.node,
      parserOptions: {
        projectService: { allowDefaultProject: ['*.mjs', 'scripts/*.mjs', 'test/support/*.mjs'] },
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      // A promise nobody awaits is a lost error or an unfinished write.
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { arguments: false } }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      // Nest's decorators and DI need classes that only hold metadata.
      '@typescript-eslint/no-extraneous-class': 'off',
      // Static mappers (Dto.from) use no `this`: passing them to map() is fine.
      '@typescript-eslint/unbound-method': ['error', { ignoreStatic: true }],
      'no-console': ['error', { allow: ['error'] }],
    },
  },
  {
    files: ['test/**', 'bench/**', 'scripts/**', '**/*.spec.ts'],
    rules: {
      'no-console': 'off',
      // Tests read arbitrary JSON bodies; asserting on them is the point.
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
  { files: ['**/*.mjs'], ...tseslint.configs.disableTypeChecked, languageOptions: { globals: globals.node } },
  ...CONTEXTS.filter((context) => context !== 'access').map((context) => wall(context)),
  // The one exception: access's permission catalog reads every context's `<context>.permissions.ts`
  // directly. Those files hold constants only; going through each index.ts would make access load every
  // context's module and services, and every context already depends on access (its guard), a cycle.
  wall('access', 'index\\.js$|[a-z-]+\\.permissions\\.js$'),
  {
    files: ['src/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '^\\./contexts/[^/]+/(?!index\\.js$)',
              message: "Import a context through its index.ts ('./contexts/<context>/index.js').",
            },
          ],
        },
      ],
    },
  },
  // Last: formatting is Prettier's (npm run format); this turns off the stylistic rules that would fight it.
  prettier,
);
