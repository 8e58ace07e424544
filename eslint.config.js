/**
 * Lint: Office add-in rules (load before read, sync before read, no sync in a loop, isNullObject
 * tests) from eslint-plugin-office-addins, over the code that talks to office-js and the pane.
 */
const officeAddins = require('eslint-plugin-office-addins');
const tseslint = require('typescript-eslint');

module.exports = [
  { ignores: ['dist/**', 'dist-addin/**', 'node_modules/**', 'out/**', 'coverage/**', 'scripts/**', 'webpack.config.js', 'eslint.config.js', 'bin/**'] },
  ...officeAddins.configs.react,
  {
    files: ['**/*.ts', '**/*.tsx'],
    languageOptions: { parser: tseslint.parser, parserOptions: { ecmaFeatures: { jsx: true } } },
    plugins: { '@typescript-eslint': tseslint.plugin },
    rules: {
      // TypeScript checks names itself (strict mode); the JS rule does not know office-js globals in types.
      'no-undef': 'off',
      'no-unused-vars': 'off',
      'no-redeclare': 'off',
      'prettier/prettier': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // Not office-js: ExcelJS objects and plain data, which the office-js rules would misread.
    files: ['src/core/**', 'src/xlsx/**', 'src/cli/**', 'src/preview/**', 'bench/**', 'tests/**'],
    rules: Object.fromEntries(Object.keys(officeAddins.rules).map((r) => [`office-addins/${r}`, 'off'])),
  },
];
