/**
 * Mocha runner for the integration tests. VS Code loads it in the extension host (given as
 * extensionTestsPath) and calls run(); a rejection makes the test run exit with code 1.
 * Runs every out/test/integration/**\/*.test.js. The environment variable
 * LAMBDA_WB_TEST_GREP (set by run-integration.js --grep) selects tests by title.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import Mocha from 'mocha';
import * as vscode from 'vscode';

function findTests(dir: string): string[] {
  const found: string[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      found.push(...findTests(full));
    } else if (entry.isFile() && entry.name.endsWith('.test.js')) {
      found.push(full);
    }
  }
  return found.sort();
}

export function run(): Promise<void> {
  console.log(`Integration tests in VS Code ${vscode.version} (extension host Node ${process.version})`);
  // Stack traces of failing tests point into the TypeScript sources.
  process.setSourceMapsEnabled(true);
  const grep = process.env.LAMBDA_WB_TEST_GREP || undefined;
  const mocha = new Mocha({ ui: 'bdd', reporter: 'spec', timeout: 60_000, color: false, grep });
  const files = findTests(__dirname);
  if (files.length === 0) {
    return Promise.reject(new Error(`No integration tests (*.test.js) under ${__dirname}`));
  }
  for (const file of files) {
    mocha.addFile(file);
  }
  return new Promise((resolve, reject) => {
    try {
      const runner = mocha.run((failures) => {
        const passed = runner.stats?.passes ?? 0;
        console.log(`integration: ${passed} passed, ${failures} failed`);
        if (failures > 0) {
          reject(new Error(`${failures} integration test(s) failed`));
        } else if (passed === 0 && grep) {
          reject(new Error(`No integration test matches --grep ${JSON.stringify(grep)}`));
        } else {
          resolve();
        }
      });
    } catch (err) {
      console.error(err);
      console.log('integration: 0 passed, 1 failed');
      reject(err as Error);
    }
  });
}
