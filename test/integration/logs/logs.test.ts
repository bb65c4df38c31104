/**
 * The whole log of an invocation and live tail, in the real VS Code against the emulator's
 * CloudWatch Logs: what the documents and tail channels hold is asserted line by line; the
 * errors by the notifications shown.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as vscode from 'vscode';
import type { FullLogOutcome, InvokeOutcome, TestHooks } from '../../../src/api';
import type { Emulator } from '../../emulator';
import { pick, setup, waitFor, withAnswers } from '../support';

const REGION = 'us-east-1';
const target = (functionName: string) => ({ region: REGION, functionName });
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

describe('Full log and live tail (integration)', function () {
  this.timeout(60_000);
  let emulator: Emulator;
  let api: TestHooks;
  const temp: string[] = [];
  const cfg = () => vscode.workspace.getConfiguration('lambdaWorkbench');
  const G = vscode.ConfigurationTarget.Global;

  function payloadFile(name: string, body: object): vscode.Uri {
    const root = vscode.workspace.workspaceFolders![0].uri;
    const uri = vscode.Uri.joinPath(root, 'payloads', name);
    fs.writeFileSync(uri.fsPath, JSON.stringify(body));
    temp.push(uri.fsPath);
    return uri;
  }
  const invokeFile = (uri: vscode.Uri, fn: string) => vscode.commands.executeCommand<InvokeOutcome>('lambdaWorkbench.invokeFile', uri, target(fn));
  const invokeEvent = async (uri: vscode.Uri, fn: string) => (await withAnswers([pick('Event')], () => vscode.commands.executeCommand<InvokeOutcome>('lambdaWorkbench.invokeFile', uri, target(fn), { withOptions: true }))).result;
  /** The document's log lines: what follows the `---` line. */
  const logLines = (o: FullLogOutcome) => {
    const all = o.document.getText().split('\n');
    return all.slice(all.indexOf('---') + 1, all[all.length - 1] === '' ? -1 : undefined);
  };
  const notificationsSince = (n: number) => api.notifications().slice(n);

  before(async () => {
    ({ emulator, api } = await setup());
    emulator.services.liveTailIntervalMs = 100;
  });
  afterEach(async () => {
    api.logs.stopAllTails();
    emulator.faults.clear();
    emulator.store.logs.ingestionDelayMs = 0;
    await cfg().update('logs.fullLogWaitSeconds', undefined, G);
    await cfg().update('logs.tailIdleMinutes', undefined, G);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });
  after(() => {
    emulator.services.liveTailIntervalMs = 1000;
    for (const f of temp) fs.rmSync(f, { force: true });
  });

  it('Show Full Log of the Last Invocation: chatty-logger whole (over 4 KB) and in order, in a read-only log document', async () => {
    const before = api.notifications().length;
    const o = await invokeFile(payloadFile('logs-chatty.json', { lines: 300 }), 'chatty-logger');
    assert.ok(o.invocation, 'the invocation is kept for Show Full Log');
    assert.match(o.invocation.requestId, UUID);
    const announced = notificationsSince(before).find((n) => n.message.startsWith('chatty-logger (us-east-1)'));
    assert.ok(announced?.actions.includes('Show Full Log'), `the invoke notification offers Show Full Log: ${JSON.stringify(announced)}`);
    // The output shows only the last 4 KB of this log.
    assert.ok(!o.text.includes('line 0001 of 300'));

    const full = await vscode.commands.executeCommand<FullLogOutcome>('lambdaWorkbench.showLastFullLog');
    assert.ok(full);
    assert.equal(full.complete, true);
    assert.equal(full.document.uri.scheme, 'lambda-workbench-log');
    assert.equal(full.document.languageId, 'lambda-log');
    assert.equal(vscode.window.activeTextEditor?.document.uri.toString(), full.document.uri.toString());
    const header = full.document.getText().split('\n');
    assert.equal(header[0], `=== chatty-logger (us-east-1) · RequestResponse · ${o.invocation.requestId} ===`);
    assert.equal(header[1], 'Log group: /aws/lambda/chatty-logger');
    assert.match(header[2], /^Log stream: \d{4}\/\d{2}\/\d{2}\/\[\$LATEST\][0-9a-f]+$/);
    assert.equal(header[3], 'Complete: START to REPORT, 303 events.');
    const lines = logLines(full);
    assert.equal(lines.length, 303);
    assert.equal(lines[0], `START RequestId: ${o.invocation.requestId} Version: $LATEST`);
    for (let i = 1; i <= 300; i++) {
      assert.match(lines[i], new RegExp(`\\t${o.invocation.requestId}\\t(INFO|WARN|ERROR)\\tline ${String(i).padStart(4, '0')} of 300: `), `line ${i}`);
    }
    assert.equal(lines[301], `END RequestId: ${o.invocation.requestId}`);
    assert.match(lines[302], new RegExp(`^REPORT RequestId: ${o.invocation.requestId}\\tDuration: `));
    assert.ok(Buffer.byteLength(lines.join('\n')) > 4096);
    // A document of a content provider: VS Code opens it read-only, with nothing to save.
    assert.equal(full.document.isUntitled, false);
    assert.equal(full.document.isDirty, false);
  });

  it("an Event invocation's log, by the 202's request id, waited for past the ingestion delay; lines without the request id included", async () => {
    emulator.store.logs.ingestionDelayMs = 2500;
    const o = await invokeEvent(payloadFile('logs-print.json', { lines: 3 }), 'plain-printer');
    assert.equal(o.statusCode, 202);
    assert.ok(o.invocation);
    assert.equal(o.invocation.requestId, o.requestId);
    const before = api.notifications().length;
    // As the notification's Show Full Log action runs it.
    const full = await vscode.commands.executeCommand<FullLogOutcome>('lambdaWorkbench.showFullLog', o.invocation);
    assert.ok(full);
    assert.equal(full.complete, true);
    assert.ok(full.waitedMs >= 1000, `it waited (${full.waitedMs} ms)`);
    assert.equal(full.document.getText().split('\n')[0], `=== plain-printer (us-east-1) · Event · ${o.requestId} ===`);
    const lines = logLines(full);
    assert.equal(lines[0], `START RequestId: ${o.requestId} Version: $LATEST`);
    assert.deepEqual(lines.slice(1, 5), ['printed line 1 of 3', 'printed line 2 of 3', 'printed line 3 of 3', 'a line written in two pieces']);
    assert.match(lines[lines.length - 1], new RegExp(`^REPORT RequestId: ${o.requestId}`));
    assert.ok(notificationsSince(before).some((n) => n.severity === 'info' && n.message === `The log of plain-printer (us-east-1) is complete (${lines.length} events).`));
  });

  it('the palette picks among the recent invocations; JSON log format', async () => {
    const o = await invokeFile(payloadFile('logs-json.json', { hello: 'json' }), 'json-logger');
    assert.ok(o.invocation);
    assert.equal(api.logs.recentInvocations()[0].requestId, o.invocation.requestId);
    const { result: full, input } = await withAnswers([pick('json-logger (us-east-1)')], () => vscode.commands.executeCommand<FullLogOutcome>('lambdaWorkbench.showFullLog'));
    assert.deepEqual(input.asked, ['quickPick: Show Full Log']);
    assert.ok(full?.complete);
    const lines = logLines(full);
    assert.equal((JSON.parse(lines[0]) as { type: string }).type, 'platform.start');
    assert.equal((JSON.parse(lines[lines.length - 1]) as { type: string; record: { requestId: string } }).record.requestId, o.invocation.requestId);
  });

  it('says when the log is not complete within the bound, and offers to try again', async () => {
    await cfg().update('logs.fullLogWaitSeconds', 1, G);
    const o = await invokeEvent(payloadFile('logs-slow.json', {}), 'slow-timeout');
    assert.ok(o.invocation);
    // The START is written (however loaded the machine); the REPORT comes 3 s later, at the timeout.
    const requestId = o.invocation.requestId;
    await waitFor('the START in the emulator', () =>
      [...(emulator.store.logs.findGroup('111111111111', REGION, '/aws/lambda/slow-timeout')?.streams.values() ?? [])].some((st) => st.events.some((e) => e.message.startsWith(`START RequestId: ${requestId}`))),
    );
    const before = api.notifications().length;
    const full = await vscode.commands.executeCommand<FullLogOutcome>('lambdaWorkbench.showFullLog', o.invocation);
    assert.ok(full);
    assert.equal(full.complete, false);
    assert.equal(full.started, true);
    assert.match(full.document.getText().split('\n')[3], /^Not complete: no REPORT line within 1 s; \d events shown/);
    assert.equal(logLines(full)[0], `START RequestId: ${o.requestId} Version: $LATEST`);
    const warned = notificationsSince(before).find((n) => n.severity === 'warning');
    assert.ok(warned && /^slow-timeout \(us-east-1\): Not complete/.test(warned.message) && warned.actions.includes('Try Again'), JSON.stringify(warned));
  });

  it('errors: the missing permission named, no log group, throttling; nothing opens', async () => {
    const ref = (functionName: string, startedAt = Date.now() - 3_600_000) => ({ target: target(functionName), requestId: '00000000-0000-4000-8000-000000000000', invocationType: 'RequestResponse', startedAt });
    const errorsAfter = async (fn: () => Thenable<unknown>): Promise<string[]> => {
      const n = api.notifications().length;
      const result = await fn();
      assert.equal(result, undefined, 'no outcome');
      return notificationsSince(n)
        .filter((x) => x.severity === 'error')
        .map((x) => x.message);
    };
    emulator.faults.set('FilterLogEvents', { denied: true });
    assert.deepEqual(await errorsAfter(() => vscode.commands.executeCommand('lambdaWorkbench.showFullLog', ref('hello-world'))), [
      'Show Full Log of hello-world (us-east-1) failed: The permission logs:FilterLogEvents is missing on the log group /aws/lambda/hello-world: ask for it in the IAM policy of the profile.',
    ]);
    emulator.faults.clear();
    assert.deepEqual(await errorsAfter(() => vscode.commands.executeCommand('lambdaWorkbench.showFullLog', ref('never-ran-function'))), [
      'Show Full Log of never-ran-function (us-east-1) failed: The log group /aws/lambda/never-ran-function does not exist: the function has not logged yet, or its logs go to another group (its logging configuration).',
    ]);
    emulator.faults.set('FilterLogEvents', { throttle: true });
    assert.deepEqual(await errorsAfter(() => vscode.commands.executeCommand('lambdaWorkbench.showFullLog', ref('hello-world'))), [
      'Show Full Log of hello-world (us-east-1) failed: CloudWatch Logs is throttling the requests (rate exceeded). Wait a moment, then try again.',
    ]);
    assert.equal(vscode.window.activeTextEditor, undefined);
  });

  it('Tail Logs: start, receive, one tail per function, several functions, billed-per-minute notice once, Stop', async () => {
    await invokeFile(payloadFile('logs-hello.json', { hi: 1 }), 'hello-world');
    const before = api.notifications().length;
    const first = await vscode.commands.executeCommand<{ alreadyRunning: boolean }>('lambdaWorkbench.tailLogs', target('hello-world'));
    assert.deepEqual(first, { alreadyRunning: false });
    assert.deepEqual(
      api.logs.tailing().map((t) => t.functionName),
      ['hello-world'],
    );
    const o = await invokeFile(payloadFile('logs-hello.json', { hi: 2 }), 'hello-world');
    const text = await waitFor('the new REPORT in the tail channel', () => {
      const t = api.logs.tail(target('hello-world'))?.text ?? '';
      return t.includes(`REPORT RequestId: ${o.requestId}`) ? t : undefined;
    });
    const tailLines = text.split('\n');
    assert.match(tailLines[0], /^--- Live Tail of \/aws\/lambda\/hello-world \(hello-world \(us-east-1\)\) started \d{4}-/);
    assert.ok(tailLines.some((l) => new RegExp(`^\\d{4}-\\d{2}-\\d{2}T[\\d:.]+Z START RequestId: ${o.requestId} Version: \\$LATEST$`).test(l)), text);

    const again = await vscode.commands.executeCommand<{ alreadyRunning: boolean }>('lambdaWorkbench.tailLogs', target('hello-world'));
    assert.deepEqual(again, { alreadyRunning: true });
    assert.equal(api.logs.tailing().length, 1);
    await vscode.commands.executeCommand('lambdaWorkbench.tailLogs', target('json-logger'));
    assert.deepEqual(api.logs.tailing().map((t) => t.functionName).sort(), ['hello-world', 'json-logger']);
    const notices = notificationsSince(before).filter((n) => /billed per minute/.test(n.message));
    assert.equal(notices.length, 1, 'the billing notice once per session');

    const { result: stopped } = await withAnswers([pick('All (2)')], () => vscode.commands.executeCommand<number>('lambdaWorkbench.stopTail'));
    assert.equal(stopped, 2);
    assert.deepEqual(api.logs.tailing(), []);
    assert.equal(api.logs.tail(target('hello-world'))?.stopped, 'stopped');
    assert.match(api.logs.tail(target('hello-world'))!.text, /--- Stopped ---\n$/);
  });

  it('a tail stops after the idle time, and when the connection changes', async () => {
    await cfg().update('logs.tailIdleMinutes', 0.05, G);
    await vscode.commands.executeCommand('lambdaWorkbench.tailLogs', target('hello-world'));
    await waitFor('the idle stop', () => api.logs.tail(target('hello-world'))?.stopped === 'idle', 10_000);
    assert.match(api.logs.tail(target('hello-world'))!.text, /--- Stopped: no new events for 0\.05 minutes ---\n$/);
    await cfg().update('logs.tailIdleMinutes', undefined, G);

    await vscode.commands.executeCommand('lambdaWorkbench.tailLogs', target('hello-world'));
    assert.equal(api.logs.tailing().length, 1);
    api.connection.reload();
    assert.deepEqual(api.logs.tailing(), []);
    assert.equal(api.logs.tail(target('hello-world'))?.stopped, 'connection');
  });

  it('tail errors: the missing logs:StartLiveTail permission, a stream cut mid-tail', async () => {
    let n = api.notifications().length;
    emulator.faults.set('StartLiveTail', { denied: true });
    assert.equal(await vscode.commands.executeCommand('lambdaWorkbench.tailLogs', target('hello-world')), undefined);
    assert.deepEqual(
      notificationsSince(n).filter((x) => x.severity === 'error').map((x) => x.message),
      ['Tail Logs of hello-world (us-east-1) failed: The permission logs:StartLiveTail is missing on the log group /aws/lambda/hello-world: ask for it in the IAM policy of the profile.'],
    );
    assert.deepEqual(api.logs.tailing(), []);

    emulator.faults.set('StartLiveTail', { cutStreamAfterMs: 400 });
    n = api.notifications().length;
    await vscode.commands.executeCommand('lambdaWorkbench.tailLogs', target('hello-world'));
    await waitFor('the cut', () => api.logs.tail(target('hello-world'))?.stopped === 'error', 10_000);
    const shown = notificationsSince(n).find((x) => x.severity === 'error');
    assert.equal(shown?.message, 'The tail of hello-world (us-east-1) stopped: The Live Tail stream was cut.');
    assert.ok(shown.actions.includes('Tail Again'));
    assert.deepEqual(api.logs.tailing(), []);
  });
});
