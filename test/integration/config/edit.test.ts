/**
 * Edit and New: the file opened for a function or a mapping, prefilled with the current
 * settings (or a commented template), in the workspace's .lambda-workbench folder where the
 * schema applies, and which applies back unchanged.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { DEMO_ACCOUNT, DEMO_MAPPINGS, DEMO_REGION, type Emulator } from '../../emulator';
import type { TestHooks } from '../../../src/api';
import { pick, setup, waitFor, withAnswers } from '../support';
import { HELLO_DONE, ORDER_DLQ, configApi, execute, resetOrderProcessor } from './helpers';

async function read(uri: vscode.Uri): Promise<string> {
  return (await vscode.workspace.openTextDocument(uri)).getText();
}

function openUri(command: string, ...args: unknown[]): Thenable<vscode.Uri | undefined> {
  return vscode.commands.executeCommand<vscode.Uri | undefined>(command, ...args);
}

describe('Config files: Edit and New', function () {
  this.timeout(60_000);
  let emulator: Emulator;
  let api: TestHooks;
  let folder: vscode.Uri;

  before(async () => {
    ({ emulator, api } = await setup());
    const f = configApi(api).configFolder();
    assert.ok(f);
    folder = f;
  });

  async function removeFolder(): Promise<void> {
    try {
      await vscode.workspace.fs.delete(folder, { recursive: true });
    } catch {
      // not there
    }
  }

  beforeEach(async () => {
    resetOrderProcessor(emulator);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await removeFolder();
  });

  after(async () => {
    resetOrderProcessor(emulator);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await removeFolder();
    api.views.refresh();
  });

  it('Edit Event Invoke Config from a node: the current settings, in .lambda-workbench, and it applies back unchanged', async () => {
    const node = { functionTarget: { region: DEMO_REGION, functionName: 'hello-world', qualifier: 'live', functionArn: `arn:aws:lambda:${DEMO_REGION}:${DEMO_ACCOUNT}:function:hello-world` } };
    const uri = await openUri('lambdaWorkbench.editEventInvokeConfig', node);
    assert.ok(uri);
    assert.equal(uri.toString(), vscode.Uri.joinPath(folder, 'hello-world.live.event-invoke-config.json').toString());
    assert.equal(vscode.window.activeTextEditor?.document.uri.toString(), uri.toString());
    assert.deepEqual(JSON.parse(await read(uri)), {
      FunctionName: `arn:aws:lambda:${DEMO_REGION}:${DEMO_ACCOUNT}:function:hello-world`,
      Qualifier: 'live',
      MaximumRetryAttempts: 0,
      DestinationConfig: { OnSuccess: { Destination: HELLO_DONE } },
    });
    // The schema applies to the file (jsonValidation by name).
    const hover = await waitFor(
      'the schema in the opened file',
      async () => {
        const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, new vscode.Position(3, 6));
        const text = (hovers ?? []).flatMap((h) => h.contents).map((c) => (typeof c === 'string' ? c : c.value)).join('\n');
        return /retry/i.test(text) ? text : undefined;
      },
      45_000,
    );
    assert.ok(hover);
    const { result } = await withAnswers([], () => execute('lambdaWorkbench.updateEventInvokeConfig', uri));
    assert.equal(result?.status, 'unchanged');
  });

  it('Edit Event Invoke Config from the palette: pick the function (the qualifier only when it has versions or aliases)', async () => {
    const { result: uri, input } = await withAnswers([pick('order-processor')], () => openUri('lambdaWorkbench.editEventInvokeConfig'));
    assert.equal(input.asked.length, 1);
    assert.ok(uri);
    assert.match(uri.path, /\/\.lambda-workbench\/order-processor\.event-invoke-config\.json$/);
    assert.deepEqual(JSON.parse(await read(uri)), {
      FunctionName: `arn:aws:lambda:${DEMO_REGION}:${DEMO_ACCOUNT}:function:order-processor`,
      MaximumRetryAttempts: 1,
      MaximumEventAgeInSeconds: 3600,
      DestinationConfig: { OnFailure: { Destination: ORDER_DLQ } },
    });
  });

  it('a file that exists with other content is replaced only when asked to', async () => {
    const node = { functionTarget: { region: DEMO_REGION, functionName: 'order-processor' } };
    const uri = await openUri('lambdaWorkbench.editEventInvokeConfig', node);
    assert.ok(uri);
    const edited = '{\n  "FunctionName": "order-processor",\n  "MaximumRetryAttempts": 0\n}\n';
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(edited));
    await waitFor('the edit to be seen', async () => (await read(uri)) === edited);
    const keep = await withAnswers([(q) => q.buttons?.find((b) => b === 'Open Existing File')], () => openUri('lambdaWorkbench.editEventInvokeConfig', node));
    assert.match(keep.input.asked[0], /already exists and differs/);
    assert.equal(await read(uri), edited);
    await withAnswers([(q) => q.buttons?.find((b) => b === 'Replace with Current Settings')], () => openUri('lambdaWorkbench.editEventInvokeConfig', node));
    assert.equal((JSON.parse(await read(uri)) as { MaximumRetryAttempts: number }).MaximumRetryAttempts, 1);
  });

  it('without a config: a commented template (.jsonc) that passes the checks', async () => {
    const fn = emulator.store.getFunction(DEMO_ACCOUNT, DEMO_REGION, 'hello-world');
    assert.ok(fn);
    const demo = fn.eventInvokeConfigs.get('$LATEST');
    fn.eventInvokeConfigs.delete('$LATEST');
    try {
      const uri = await openUri('lambdaWorkbench.editEventInvokeConfig', { functionTarget: { region: DEMO_REGION, functionName: 'hello-world' } });
      assert.ok(uri);
      assert.match(uri.path, /hello-world\.event-invoke-config\.jsonc$/);
      const text = await read(uri);
      assert.match(text, /^\/\/ Event invoke config of hello-world \(us-east-1\)/);
      assert.match(text, /It has none yet/);
      const { result } = await withAnswers([(q) => q.buttons?.find((b) => b.startsWith('Replace'))], () => execute('lambdaWorkbench.putEventInvokeConfig', uri));
      assert.equal(result?.status, 'applied', JSON.stringify(result));
      assert.deepEqual(result.changes?.map((c) => c.kind), ['added', 'added']);
    } finally {
      fn.eventInvokeConfigs.delete('$LATEST');
      if (demo) {
        fn.eventInvokeConfigs.set('$LATEST', demo);
      }
    }
  });

  it('Edit Event Source Mapping from a node: UUID and the current settings', async () => {
    const uri = await openUri('lambdaWorkbench.editEventSourceMapping', { mappingTarget: { region: DEMO_REGION, uuid: DEMO_MAPPINGS.usersStream } });
    assert.ok(uri);
    assert.match(uri.path, /\/\.lambda-workbench\/users\.hello-world\.8d2e7f41\.event-source-mapping\.json$/);
    const value = JSON.parse(await read(uri)) as Record<string, unknown>;
    assert.equal(value.UUID, DEMO_MAPPINGS.usersStream);
    assert.equal(value.ParallelizationFactor, 1);
    assert.equal(value.StartingPosition, undefined, 'fields the update does not take are left out');
    const { result } = await withAnswers([], () => execute('lambdaWorkbench.updateEventSourceMapping', uri));
    assert.equal(result?.status, 'unchanged');
  });

  it('New Event Source Mapping File from the palette: a template for the picked mapping', async () => {
    const { result: uri } = await withAnswers([pick('orders-queue')], () => openUri('lambdaWorkbench.newEventSourceMappingFile'));
    assert.ok(uri);
    assert.match(uri.path, /orders-queue\.order-processor\.3f6c2a8e\.event-source-mapping\.jsonc$/);
    const text = await read(uri);
    assert.match(text, /\/\/ "ScalingConfig": \{/);
    assert.match(text, /"UUID": "3f6c2a8e-1b4d-4c7a-9e21-5a0d8b7c6e01"/);
  });
});
