/**
 * Explorer — failures are nodes: an error node says what failed, shortly, with the hint in
 * its tooltip and Retry as its command; the items loaded before a failure stay.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { TestHooks } from '../../../src/api';
import { DEMO_ACCOUNT, DEMO_FUNCTIONS, DEMO_REGION, Emulator } from '../../emulator';
import { restartEmulator, setup, waitFor } from '../support';
import { find, ofKind, Provider, rows } from './treeSupport';

describe('Explorer: errors and retry', function () {
  this.timeout(120_000);
  let api: TestHooks;
  let emulator: Emulator;
  let fp: Provider;
  let mp: Provider;

  beforeEach(async () => {
    ({ api, emulator } = await setup());
    fp = api.views.functionsProvider;
    mp = api.views.mappingsProvider;
  });

  afterEach(async () => {
    emulator.faults.clear();
    await vscode.workspace.getConfiguration('lambdaWorkbench').update('explorer.pageSize', undefined, vscode.ConfigurationTarget.Global);
  });

  it('with the emulator stopped both views show an error node with Retry; after a restart, one Retry brings both views back', async () => {
    await emulator.stop();
    restarted = false;
    try {
      await stoppedThenRestarted();
    } finally {
      // Whatever failed, later tests get a running emulator on the same endpoint.
      if (!restarted) {
        emulator = await restartEmulator();
      }
    }
  });

  let restarted = false;

  async function stoppedThenRestarted(): Promise<void> {
    api.views.refresh();
    const top = await rows(fp);
    assert.equal(top.length, 1, top.map((r) => r.label).join(', '));
    const error = top[0];
    assert.equal(error.contextValue, 'error');
    assert.equal(error.label, 'Could not list the functions in us-east-1');
    assert.equal(error.description, 'No connection: The connection was refused.');
    assert.match(error.tooltip, /Could not reach the Lambda endpoint http:\/\/127\.0\.0\.1:\d+\. Is it running\?/);
    assert.match(error.tooltip, /Click to retry/);
    assert.equal(error.icon, 'error');
    assert.equal(error.item.command?.command, 'lambdaWorkbench.retry');
    const mappingError = await rows(mp);
    assert.deepEqual(
      mappingError.map((r) => [r.label, r.contextValue]),
      [['Could not list the event source mappings in us-east-1', 'error']],
    );

    emulator = await restartEmulator();
    restarted = true;
    await vscode.commands.executeCommand('lambdaWorkbench.retry', error.node);
    assert.deepEqual(ofKind(await rows(fp), 'function').map((r) => r.label), [...DEMO_FUNCTIONS[DEMO_ACCOUNT][DEMO_REGION]]);
    // One Retry brings both views back: the listing that succeeded retries the other view's error node.
    await waitFor('the Event Source Mappings view to list again without its own Retry', async () => ((await rows(mp)).some((r) => r.contextValue === 'error') ? undefined : true));
    assert.equal(ofKind(await rows(mp), /^mapping/).length, 3);
  }

  it('an API error under a function: "Could not list the versions" with status and message; Retry loads them', async () => {
    emulator.faults.set('ListVersionsByFunction', { status: 500, error: 'ServiceException', message: 'injected failure' });
    const hello = find(await rows(fp), 'hello-world');
    const versions = find(await rows(fp, hello), 'Versions');
    const list = await rows(fp, versions);
    assert.deepEqual(
      list.map((r) => [r.label, r.description, r.contextValue]),
      [['Could not list the versions', 'ServiceException (500): injected failure', 'error']],
    );
    assert.match(list[0].tooltip, /internal error/i);
    // The other groups are not affected.
    assert.equal(ofKind(await rows(fp, find(await rows(fp, hello), 'Aliases')), 'alias').length, 2);

    emulator.faults.clear();
    await vscode.commands.executeCommand('lambdaWorkbench.retry', list[0].node);
    assert.deepEqual((await rows(fp, versions)).map((r) => r.label), ['2', '1']);
  });

  it('a failing "Load more…" keeps the loaded functions and ends the list with the error; Retry resumes at that page', async () => {
    await vscode.workspace.getConfiguration('lambdaWorkbench').update('explorer.pageSize', 3, vscode.ConfigurationTarget.Global);
    api.views.refresh();
    const first = await rows(fp);
    assert.deepEqual(first.map((r) => r.contextValue), ['function', 'function', 'function', 'loadMore']);

    emulator.faults.set('ListFunctions', { status: 503, error: 'ServiceException', message: 'page 2 failed' });
    await vscode.commands.executeCommand('lambdaWorkbench.loadMore', first[3].node);
    const failed = await rows(fp);
    assert.deepEqual(
      failed.map((r) => r.label),
      [...first.slice(0, 3).map((r) => r.label), 'Could not list the functions in us-east-1'],
    );
    assert.deepEqual(failed.slice(0, 3).map((r) => r.node), first.slice(0, 3).map((r) => r.node), 'the loaded nodes stay');

    emulator.faults.clear();
    emulator.clearRequests();
    await vscode.commands.executeCommand('lambdaWorkbench.retry', failed[3].node);
    const resumed = await rows(fp);
    assert.deepEqual(resumed.map((r) => r.contextValue), ['function', 'function', 'function', 'function', 'function', 'function', 'loadMore']);
    const listCalls = emulator.requests.filter((r) => r.operation === 'ListFunctions');
    assert.equal(listCalls.length, 1);
    assert.ok(listCalls[0].query.Marker, 'the retry asked for page 2 (with the marker), not page 1');
  });
});
