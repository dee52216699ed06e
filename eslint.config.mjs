// ESLint flat config: typescript-eslint with type information (the project's
// tsconfig.json, which covers src, test, bench and scripts). `npm run lint`.
// Formatting is Prettier's (.prettierrc, `npm run format`), so no layout rules here.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

/** Node's CommonJS globals, for the few plain .js files (no `globals` package needed for five names). */
const commonJsGlobals = { require: 'readonly', module: 'writable', __dirname: 'readonly', process: 'readonly', console: 'readonly' };

export default tseslint.config(
  {
    ignores: ['node_modules/', 'dist/', 'coverage/', '.cache/', '.artifacts/', 'src/graphql/generated/', 'console/src/gql/', 'console/dist/', 'xdm/', 'tools/'],
  },
  {
    files: ['src/**/*.ts', 'test/**/*.ts', 'bench/**/*.ts', 'scripts/**/*.ts', 'console/**/*.ts', 'console/**/*.tsx', 'console/**/*.mts'],
    extends: [js.configs.recommended, ...tseslint.configs.recommendedTypeChecked],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      // Promises: every one awaited, returned or explicitly voided; none where a callback's result is ignored.
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      // `any` switches the type checker off: none written, none spread from untyped values.
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unsafe-assignment': 'error',
      '@typescript-eslint/no-unsafe-member-access': 'error',
      '@typescript-eslint/no-unsafe-call': 'error',
      '@typescript-eslint/no-unsafe-return': 'error',
      '@typescript-eslint/no-unsafe-argument': 'error',
      // The style guide: `import { type X }` for types, named exports only.
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      // Off: an `async` function without `await` is deliberate here (Apollo plugin hooks, store
      // methods behind a Promise-returning interface): a throw inside it becomes a rejection.
      '@typescript-eslint/require-await': 'off',
    },
  },
  {
    // @types/jest types the asymmetric matchers (`expect.any`, `expect.objectContaining`, …) as `any`,
    // and they are meant to be assigned and passed. Member access, calls and returns on `any` stay errors.
    files: ['test/**/*.ts', 'console/test/**/*.ts'],
    rules: {
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
    },
  },
  {
    files: ['**/*.js', '**/*.mjs'],
    extends: [js.configs.recommended],
    languageOptions: { sourceType: 'commonjs', globals: commonJsGlobals },
  },
  {
    files: ['**/*.mjs'],
    languageOptions: { sourceType: 'module' },
  },
);
