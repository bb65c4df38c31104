/**
 * Activation: the extension activates in a real VS Code, contributes and registers its
 * views, and leaves the AWS SDK (dist/aws.js) unloaded until a command needs it.
 */
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { TestHooks, WorkbenchApi } from '../../src/api';
import { EXTENSION_ID, ScriptedInput } from './support';

const CONTAINER = 'lambdaWorkbench';
const VIEWS = ['lambdaWorkbench.functions', 'lambdaWorkbench.eventSourceMappings'];

/** Modules of the AWS SDK, bundled (dist/aws.js) or not (node_modules/@aws-sdk), in this extension host. */
function awsModulesLoaded(): string[] {
  return Object.keys(require.cache).filter((key) => key.endsWith(`${path.sep}dist${path.sep}aws.js`) || key.includes('@aws-sdk'));
}

/** The other bundles loaded on first use: config validation and the invoke model. */
function lazyBundlesLoaded(): string[] {
  return Object.keys(require.cache).filter((key) => /[\\/]dist[\\/](config|invoke|testEvents)\.js$/.test(key) || key.includes(`${path.sep}jsonc-parser${path.sep}`));
}

describe('Activation', () => {
  let ext: vscode.Extension<WorkbenchApi>;
  let api: TestHooks;

  before(() => {
    const found = vscode.extensions.getExtension<WorkbenchApi>(EXTENSION_ID);
    assert.ok(found, `extension ${EXTENSION_ID} is not installed in this VS Code`);
    ext = found;
  });

  it('activates without evaluating the AWS SDK', async () => {
    assert.deepEqual(awsModulesLoaded(), [], 'the AWS SDK was loaded before the extension activated');
    const exported = await ext.activate();
    assert.equal(ext.isActive, true);
    assert.equal(exported.apiVersion, 1);
    assert.ok(exported.testing, 'activate() returns the test hooks in ExtensionMode.Test');
    api = exported.testing;
    assert.equal(typeof api.isAwsLoaded, 'function');
    assert.deepEqual(awsModulesLoaded(), [], 'activation must not load dist/aws.js or @aws-sdk');
    assert.equal(api.isAwsLoaded(), false);
    assert.deepEqual(lazyBundlesLoaded(), [], 'activation must not load dist/config.js, dist/invoke.js, dist/testEvents.js or jsonc-parser');
  });

  it('loads the AWS SDK on first use (Select AWS Profile lists the profiles)', async () => {
    const input = new ScriptedInput([() => undefined]); // dismiss the profile picker
    const restore = api.setUserInput(input);
    try {
      await vscode.commands.executeCommand('lambdaWorkbench.selectProfile');
    } finally {
      restore();
    }
    assert.deepEqual(input.asked.map((q) => q.split(':')[0]), ['quickPick'], 'the command showed the profile picker');
    assert.equal(api.isAwsLoaded(), true);
    assert.ok(
      awsModulesLoaded().some((key) => key.endsWith(`${path.sep}dist${path.sep}aws.js`)),
      `dist/aws.js is in require.cache (AWS modules loaded: ${awsModulesLoaded().join(', ') || 'none'})`,
    );
  });

  it('contributes the view container and both views', () => {
    const contributes = ext.packageJSON.contributes as {
      viewsContainers?: { activitybar?: Array<{ id: string }> };
      views?: Record<string, Array<{ id: string }>>;
    };
    assert.ok(contributes.viewsContainers?.activitybar?.some((c) => c.id === CONTAINER), `activity-bar container ${CONTAINER}`);
    const views = (contributes.views?.[CONTAINER] ?? []).map((v) => v.id);
    for (const id of VIEWS) {
      assert.ok(views.includes(id), `view ${id} in container ${CONTAINER} (has: ${views.join(', ')})`);
    }
  });

  it('registers the views with VS Code', async () => {
    const commands = await vscode.commands.getCommands(true);
    for (const id of VIEWS) {
      assert.ok(commands.includes(`${id}.focus`), `${id}.focus is registered`);
    }
    await vscode.commands.executeCommand(`workbench.view.extension.${CONTAINER}`);
    for (const id of VIEWS) {
      await vscode.commands.executeCommand(`${id}.focus`);
    }
  });
});
