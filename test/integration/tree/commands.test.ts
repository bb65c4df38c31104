/**
 * Explorer — the node commands: Show Details (read-only JSON), Copy Name / Copy ARN,
 * Refresh of one node, and the palette pickers.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { TestHooks } from '../../../src/api';
import { DEMO_MAPPINGS, Emulator } from '../../emulator';
import { pick, setup, withAnswers } from '../support';
import { find, Provider, Row, rows } from './treeSupport';

const ARN = (name: string, q?: string) => `arn:aws:lambda:us-east-1:111111111111:function:${name}${q ? `:${q}` : ''}`;

describe('Explorer: node commands and pickers', () => {
  let api: TestHooks;
  let emulator: Emulator;
  let fp: Provider;

  beforeEach(async () => {
    ({ api, emulator } = await setup());
    fp = api.views.functionsProvider;
  });

  afterEach(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  async function helloChild(group: string, label: string): Promise<Row> {
    const hello = find(await rows(fp), 'hello-world');
    return find(await rows(fp, find(await rows(fp, hello), group)), label);
  }

  it('Show Details opens what AWS says now as a read-only JSON document', async () => {
    const hello = find(await rows(fp), 'hello-world');
    const doc = await vscode.commands.executeCommand<vscode.TextDocument>('lambdaWorkbench.showDetails', hello.node);
    assert.equal(doc.uri.scheme, 'lambda-workbench');
    assert.equal(doc.uri.path, '/us-east-1/functions/hello-world.json');
    assert.equal(doc.languageId, 'json');
    const json = JSON.parse(doc.getText()) as Record<string, unknown>;
    assert.equal(json.FunctionName, 'hello-world');
    assert.equal(json.MemorySize, 128);
    assert.equal(json.$metadata, undefined, 'no SDK metadata');
    assert.equal(vscode.window.activeTextEditor?.document.uri.toString(), doc.uri.toString());

    const mapping = find(await rows(api.views.mappingsProvider), 'orders-queue (SQS)');
    const mdoc = await vscode.commands.executeCommand<vscode.TextDocument>('lambdaWorkbench.showDetails', mapping.node);
    assert.equal((JSON.parse(mdoc.getText()) as { UUID: string }).UUID, DEMO_MAPPINGS.ordersQueue);

    const version = await vscode.commands.executeCommand<vscode.TextDocument>('lambdaWorkbench.showDetails', (await helloChild('Versions', '1')).node);
    assert.equal((JSON.parse(version.getText()) as { Version: string }).Version, '1');
  });

  it('Copy Name and Copy ARN give the qualified name and ARN of an alias, and a mapping\'s UUID', async () => {
    const live = await helloChild('Aliases', 'live');
    assert.equal(await vscode.commands.executeCommand('lambdaWorkbench.copyName', live.node), 'hello-world:live');
    assert.equal(await vscode.commands.executeCommand('lambdaWorkbench.copyArn', live.node), ARN('hello-world', 'live'));
    const hello = find(await rows(fp), 'hello-world');
    assert.equal(await vscode.commands.executeCommand('lambdaWorkbench.copyArn', hello.node), ARN('hello-world'));
    const mapping = find(await rows(api.views.mappingsProvider), 'users (DynamoDB)');
    assert.equal(await vscode.commands.executeCommand('lambdaWorkbench.copyName', mapping.node), DEMO_MAPPINGS.usersStream);
  });

  it('Refresh on a function reloads what is under it', async () => {
    const hello = find(await rows(fp), 'hello-world');
    const versions = find(await rows(fp, hello), 'Versions');
    assert.equal((await rows(fp, versions)).length, 2);
    const fn = emulator.store.getFunction('111111111111', 'us-east-1', 'hello-world');
    assert.ok(fn);
    const published = emulator.store.publishVersion(fn, 'Published by the refresh test', true);
    try {
      assert.equal((await rows(fp, versions)).length, 2, 'cached until refreshed');
      await vscode.commands.executeCommand('lambdaWorkbench.refresh', hello.node);
      assert.deepEqual(
        (await rows(fp, versions)).map((r) => [r.label, r.description]),
        [
          [published.version, 'Published by the refresh test'],
          ['2', 'Greets by name from the event'],
          ['1', 'First release: plain greeting'],
        ],
      );
    } finally {
      // Leave the demo data as other tests expect it.
      fn.versions.delete(published.version);
      fn.nextVersion--;
    }
  });

  it('Refresh All in the view title reloads both views even when given the focused row', async () => {
    const hello = find(await rows(fp), 'hello-world');
    await rows(api.views.mappingsProvider);
    emulator.clearRequests();
    // VS Code passes the focused row to title-bar commands: it must not narrow the refresh.
    await vscode.commands.executeCommand('lambdaWorkbench.refreshViews', hello.node);
    assert.ok(find(await rows(fp), 'hello-world'));
    await rows(api.views.mappingsProvider);
    const ops = emulator.requests.map((r) => r.operation);
    assert.ok(ops.includes('ListFunctions'), `the function list was fetched again: ${ops.join(', ')}`);
    assert.ok(ops.includes('ListEventSourceMappings'), `the mapping list was fetched again: ${ops.join(', ')}`);
  });

  it('pickFunction lists the functions, then $LATEST, aliases and versions (no such question for a function without any)', async () => {
    const { result, input } = await withAnswers([pick('hello-world'), pick('canary')], () => api.views.pickFunction({ withQualifier: true, title: 'Pick' }));
    assert.deepEqual(result, { region: 'us-east-1', functionName: 'hello-world', functionArn: ARN('hello-world'), qualifier: 'canary' });
    assert.deepEqual(input.asked, ['quickPick: Pick', 'quickPick: Pick']);
    const latest = await withAnswers([pick('hello-world'), pick('$LATEST')], () => api.views.pickFunction({ withQualifier: true }));
    assert.equal(latest.result.qualifier, undefined);
    // order-processor has neither versions nor aliases: no one-item pick of $LATEST.
    const only = await withAnswers([pick('order-processor')], () => api.views.pickFunction({ withQualifier: true, title: 'Pick' }));
    assert.deepEqual(only.input.asked, ['quickPick: Pick']);
    assert.deepEqual(only.result, { region: 'us-east-1', functionName: 'order-processor', functionArn: ARN('order-processor') });
  });

  it('pickMapping lists the mappings with their state', async () => {
    const { result } = await withAnswers([pick('users (DynamoDB)')], () => api.views.pickMapping());
    assert.deepEqual(result, {
      region: 'us-east-1',
      uuid: DEMO_MAPPINGS.usersStream,
      functionArn: ARN('hello-world'),
      eventSourceArn: 'arn:aws:dynamodb:us-east-1:111111111111:table/users/stream/2026-01-01T00:00:00.000',
    });
  });
});
