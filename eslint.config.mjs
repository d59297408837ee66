import tseslint from 'typescript-eslint';
import officeAddins from 'eslint-plugin-office-addins';

export default tseslint.config(
  {
    ignores: [
      'dist/**',
      'dist-addin/**',
      'node_modules/**',
      'coverage/**',
      'test-output/**',
      '.tmp/**',
      'out/**',
      'bin/**',
      '*.config.js',
      'bench/**/*.js',
    ],
  },
  ...tseslint.configs.recommended,
  {
    plugins: { 'office-addins': officeAddins },
    rules: {
      ...officeAddins.configs.recommended.rules,
      '@typescript-eslint/no-non-null-assertion': 'off',
      // Leading underscores mark what is left out on purpose (destructuring a field away, an unused parameter).
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' },
      ],
    },
  },
);
