/**
 * A payload file is not re-targeted silently: invoking it against another function (from the
 * palette) says that its pairing moved, and offers to keep the old target; "Keep" brings the
 * file's ▶ Invoke CodeLens back to it. Invoking it on the same target again says nothing.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as vscode from 'vscode';
import type { InvokeOutcome, TestHooks } from '../../../src/api';
import type { NotificationAction, Severity } from '../../../src/core/notify';
import { pick, setup, waitFor, withAnswers } from '../support';

const REGION = 'us-east-1';

describe('Invoke: a payload file changes its target only visibly', function () {
  this.timeout(60_000);
  let api: TestHooks;
  let uri: vscode.Uri;
  const shown: Array<{ severity: Severity; message: string; actions: readonly NotificationAction[] }> = [];
  let restoreNotifier: (() => void) | undefined;

  before(async () => {
    ({ api } = await setup());
    const root = vscode.workspace.workspaceFolders?.[0]?.uri;
    assert.ok(root, 'a workspace folder is open');
    uri = vscode.Uri.joinPath(root, 'payloads', 'tmp-retarget.json');
    fs.writeFileSync(uri.fsPath, '{"name": "retarget"}\n');
    await api.invoke.clearPairings();
    restoreNotifier = api.setNotifier({ show: (severity, message, actions) => void shown.push({ severity, message, actions }) });
  });

  after(async () => {
    restoreNotifier?.();
    fs.rmSync(uri.fsPath, { force: true });
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  /** The file's first CodeLens (the file is opened: CodeLenses are of open documents). */
  const lensTitle = async () => {
    await vscode.workspace.openTextDocument(uri);
    return (await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', uri, 10))[0]?.command?.title;
  };
  const retargetNotices = () => shown.filter((n) => /is now paired with/.test(n.message));

  it('the first invoke pairs the file and says nothing about it', async () => {
    const o = await vscode.commands.executeCommand<InvokeOutcome>('lambdaWorkbench.invokeFile', uri, { region: REGION, functionName: 'order-processor' });
    assert.equal(o?.kind, 'result');
    await waitFor('the pairing', () => api.invoke.pairing(uri));
    assert.deepEqual(api.invoke.pairing(uri), { region: REGION, functionName: 'order-processor' });
    assert.deepEqual(retargetNotices(), []);
    // The same target again: nothing to say either.
    await vscode.commands.executeCommand<InvokeOutcome>('lambdaWorkbench.invokeFile', uri, { region: REGION, functionName: 'order-processor' });
    assert.deepEqual(retargetNotices(), []);
  });

  it('invoking it on another function from the palette says so and offers to keep the old target', async () => {
    const { input } = await withAnswers([pick('hello-world'), pick('live'), pick('payloads/tmp-retarget.json')], () => vscode.commands.executeCommand<InvokeOutcome>('lambdaWorkbench.invoke'));
    assert.equal(input.asked.length, 3);
    const notice = await waitFor('the notification that the pairing moved', () => retargetNotices()[0]);
    assert.equal(notice.severity, 'info');
    assert.equal(notice.message, 'payloads/tmp-retarget.json is now paired with hello-world:live (us-east-1) (before: order-processor (us-east-1)); its ▶ Invoke goes there.');
    assert.deepEqual(notice.actions.map((a) => a.title), ['Keep order-processor (us-east-1)']);
    assert.deepEqual(api.invoke.pairing(uri), { region: REGION, functionName: 'hello-world', qualifier: 'live' });
    assert.equal(await lensTitle(), '▶ Invoke hello-world:live (us-east-1)');

    // "Keep order-processor": the file goes back to its old target.
    await notice.actions[0].run();
    assert.deepEqual(api.invoke.pairing(uri), { region: REGION, functionName: 'order-processor' });
    await waitFor('the CodeLens on the old target', async () => (await lensTitle()) === '▶ Invoke order-processor (us-east-1)');
  });
});
