// Integration tests in a desktop VS Code downloaded by @vscode/test-electron
// (`npm run test:desktop`; needs internet access to update.code.visualstudio.com).
// `npm test` runs the same tests offline in code-server instead: see docs/testing.md.
import { defineConfig } from '@vscode/test-cli';

export default defineConfig({
  label: 'integration',
  files: 'out/test/integration/**/*.test.js',
  workspaceFolder: 'test/integration/workspace',
  extensionDevelopmentPath: '.',
  version: 'stable',
  mocha: { ui: 'bdd', timeout: 60000, color: true },
});
