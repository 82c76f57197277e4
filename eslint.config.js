import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import importDirection from './tools/eslint-import-direction.js';

export default tseslint.config(
  { ignores: ['node_modules/', 'data/', 'dist/', 'coverage/', 'admin/dist/', 'bench/out/'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      // Files under admin/ resolve to admin/tsconfig.json (DOM, Preact JSX); the rest to tsconfig.json.
      parserOptions: { projectService: { allowDefaultProject: ['*.js', 'bin/*.js', 'tools/*.js'] }, tsconfigRootDir: import.meta.dirname },
    },
    plugins: { dateline: { rules: { 'import-direction': importDirection } } },
    rules: {
      'dateline/import-direction': 'error',
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-restricted-syntax': [
        'error',
        { selector: "MemberExpression[object.name='process'][property.name='env']", message: 'Read configuration through src/config only.' },
      ],
      'no-console': 'error',
      // Fastify handlers and hooks are async by contract even when they do not await.
      '@typescript-eslint/require-await': 'off',
    },
  },
  {
    files: ['src/config/**', 'src/main.ts', 'src/cli/main.ts', 'test/**', 'bench/**', 'vitest.config.ts', 'tools/**', 'bin/**', 'admin/vite.config.ts'],
    rules: { 'no-restricted-syntax': 'off', 'no-console': 'off' },
  },
  {
    files: ['**/*.test.ts', 'test/**'],
    rules: { '@typescript-eslint/no-non-null-assertion': 'off', '@typescript-eslint/unbound-method': 'off' },
  },
  { files: ['**/*.js'], ...tseslint.configs.disableTypeChecked },
  { files: ['bin/**/*.js', 'tools/**/*.js'], languageOptions: { globals: { process: 'readonly', console: 'readonly' } } },
);
