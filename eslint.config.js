// Lint with Temporal's guard rails: workflow code stays deterministic and free of I/O.
const js = require('@eslint/js');
const tseslint = require('typescript-eslint');
const { builtinModules } = require('node:module');

const nodeBuiltins = builtinModules.filter((m) => !m.startsWith('_'));

/**
 * The rules of hooks for the web app's components. Without the plugin installed the rest of the
 * lint still runs, and says what is missing.
 */
function reactHooks() {
  let plugin;
  try {
    plugin = require('eslint-plugin-react-hooks');
  } catch {
    console.warn(
      'eslint-plugin-react-hooks is not installed: web/**/*.tsx is linted without the hooks rules.',
    );
    return [];
  }
  return [
    {
      files: ['web/**/*.tsx', 'web/**/*.ts'],
      plugins: { 'react-hooks': plugin },
      rules: {
        'react-hooks/rules-of-hooks': 'error',
        'react-hooks/exhaustive-deps': 'error',
      },
    },
  ];
}

module.exports = tseslint.config(
  {
    ignores: [
      'node_modules/',
      'dist/',
      'data/',
      '.cache/',
      'artifacts/',
      'coverage/',
      'web/dist/',
      '**/*.d.ts',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: __dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: false }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['tests/**/*.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off', '@typescript-eslint/no-non-null-assertion': 'off' },
  },
  {
    // domain/ is bundled into the workflows, so it keeps to the same determinism.
    files: ['workflows/**/*.ts', 'domain/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [...nodeBuiltins, 'pg', 'nodemailer', 'express', 'pino'].map((name) => ({
            name,
            message: 'Workflow and domain code must be deterministic: no Node built-ins or I/O libraries.',
          })),
          patterns: [
            { group: ['node:*'], message: 'Workflow and domain code must not use Node built-ins.' },
            {
              group: ['**/activities', '**/activities/**'],
              allowTypeImports: true,
              message: 'Import activities into workflows as types only (use proxyActivities).',
            },
            {
              group: ['**/store', '**/store/**', '**/mail', '**/mail/**', '**/calendar', '**/calendar/**'],
              allowTypeImports: true,
              message: 'The database, mail and calendar services do I/O: import their types only.',
            },
            {
              group: ['**/api/**', '**/worker/**', '**/dev/**', '**/config/**'],
              message: 'Workflow and domain code imports only pure modules.',
            },
          ],
        },
      ],
      'no-restricted-properties': [
        'error',
        {
          object: 'process',
          property: 'env',
          message: 'Workflows get settings as input, never from process.env.',
        },
      ],
      'no-restricted-globals': [
        'error',
        { name: 'setTimeout', message: 'Use sleep() or condition() from @temporalio/workflow.' },
        { name: 'setInterval', message: 'Use sleep() in a loop from @temporalio/workflow.' },
        { name: 'console', message: 'Use log from @temporalio/workflow.' },
      ],
    },
  },
  ...reactHooks(),
  {
    files: ['**/*.js'],
    languageOptions: {
      sourceType: 'commonjs',
      globals: {
        require: 'readonly',
        module: 'writable',
        __dirname: 'readonly',
        process: 'readonly',
        console: 'readonly',
      },
    },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
