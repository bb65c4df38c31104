import js from '@eslint/js';
import boundaries from 'eslint-plugin-boundaries';
import tseslint from 'typescript-eslint';

/**
 * The layers of src/, lowest first. A module may import its own layer and the layers it is
 * allowed below it; never one above it, so the layers stay acyclic (docs/architecture.md).
 */
const LAYERS = [
  ['shared', 'src/shared', []],
  ['aws', 'src/aws', ['shared']],
  ['invoke-model', 'src/invoke/model', ['shared']],
  ['config-model', 'src/config/model', ['shared']],
  ['tree-model', 'src/tree/model', ['shared']],
  ['logs-model', 'src/logs/model', ['shared']],
  ['testevents-model', 'src/testEvents/model', ['shared']],
  ['tree-nodes', 'src/tree/nodes', ['shared', 'aws', 'tree-model', 'testevents-model']],
  ['core', 'src/core', ['shared', 'aws']],
  ['pickers', 'src/pickers', ['shared', 'aws', 'core', 'tree-model']],
  ['tree', 'src/tree', ['shared', 'aws', 'core', 'tree-model', 'tree-nodes', 'testevents-model']],
  ['invoke', 'src/invoke', ['shared', 'aws', 'core', 'pickers', 'invoke-model']],
  ['config', 'src/config', ['shared', 'aws', 'core', 'pickers', 'config-model']],
  ['logs', 'src/logs', ['shared', 'aws', 'core', 'pickers', 'logs-model']],
  ['testevents', 'src/testEvents', ['shared', 'aws', 'core', 'pickers', 'testevents-model']],
  ['commands', 'src/commands', ['shared', 'aws', 'core', 'pickers', 'tree-model', 'tree-nodes', 'tree', 'invoke-model', 'invoke', 'config-model', 'config', 'logs-model', 'logs', 'testevents-model', 'testevents']],
  ['app', 'src', ['shared', 'aws', 'core', 'pickers', 'tree-model', 'tree-nodes', 'tree', 'invoke-model', 'invoke', 'config-model', 'config', 'logs-model', 'logs', 'testevents-model', 'testevents', 'commands']],
];

export default tseslint.config(
  { ignores: ['dist/**', 'out/**', 'node_modules/**', 'test/emulator/functions/**', 'test/emulator/demo-workspace/**', 'test/integration/workspace/**', '.vscode-test/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts'],
    languageOptions: {
      parserOptions: { project: ['./tsconfig.json'], tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { arguments: false } }],
      '@typescript-eslint/await-thenable': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-require-imports': 'off',
      eqeqeq: ['error', 'smart'],
      'no-restricted-imports': 'off',
    },
  },
  {
    // The layers of src/ (see LAYERS): an import that goes up a layer, or across features, fails lint.
    files: ['src/**/*.ts'],
    plugins: { boundaries },
    settings: {
      'import/resolver': { node: { extensions: ['.ts', '.js'] } },
      'boundaries/elements': LAYERS.map(([type, pattern]) => ({ type, pattern, partialMatch: false })),
    },
    rules: {
      'boundaries/dependencies': [
        'error',
        {
          default: 'disallow',
          policies: [
            { allow: { to: { module: { origin: 'external' } } } },
            { allow: { to: { module: { origin: 'core' } } } },
            ...LAYERS.map(([type, , below]) => ({ from: { element: { type } }, allow: { to: { element: { types: { anyOf: [type, ...below] } } } } })),
          ],
        },
      ],
      'boundaries/no-unknown-files': 'error',
    },
  },
  {
    // Modules that talk to AWS or parse/validate files never import vscode.
    files: ['src/aws/**/*.ts', 'src/invoke/model/**/*.ts', 'src/config/model/**/*.ts', 'src/tree/model/**/*.ts', 'src/logs/model/**/*.ts', 'src/tree/nodes/**/*.ts', 'src/testEvents/model/**/*.ts', 'src/shared/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { paths: [{ name: 'vscode', message: 'Pure modules must not import vscode.' }] }] },
  },
  {
    files: ['scripts/**/*.mjs', '*.mjs'],
    languageOptions: { globals: { console: 'readonly', process: 'readonly', URL: 'readonly' } },
  },
);
