/**
 * What a user meets when an endpoint (a third-party emulator such as moto, a proxy) accepts a
 * request with a 2xx but answers with something the SDK cannot read: the emulator's faults
 * `unreadableBody` and `contentType` carry the operation out, then spoil its answer. The
 * extension says the change was sent and accepted, reads the resource again and shows what it
 * is now, logs the raw answer, and never shows the SDK's jargon. Also: no AWS console links
 * for a custom endpoint.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { ApplyOutcome, TestHooks } from '../../../src/api';
import { DEMO_ACCOUNT, DEMO_MAPPINGS, DEMO_REGION, type Emulator } from '../../emulator';
import { resetOrderProcessor, resetOrdersQueue, workspaceFile } from '../config/helpers';
import { pick, setup, waitFor, withAnswers } from '../support';
import { find, rows } from '../tree/treeSupport';
import { BadInputFolder, invokeFile, Notifications, settled, sleep, target, waitForChannel } from './helpers';

/** The SDK's words for developers, which must never reach a person. */
const JARGON = /Deserialization error|\$response|hidden field|SyntaxError|TypeError|Unexpected token|NaN/;

describe('Reliability: answers that cannot be read after a 2xx (accepted, read again, said plainly)', function () {
  this.timeout(120_000);
  let emulator: Emulator;
  let api: TestHooks;
  let notes: Notifications;
  let files: BadInputFolder;
  let hello: vscode.Uri;
  let eic: vscode.Uri;
  let merge: vscode.Uri;

  before(async () => {
    ({ emulator, api } = await setup());
    files = new BadInputFolder('bad-input/unreadable');
    hello = files.write('hello.json', '{"name": "unreadable"}');
    eic = files.write('order-processor.unreadable.event-invoke-config.json', JSON.stringify({ FunctionName: 'order-processor', MaximumRetryAttempts: 2 }, null, 2));
    merge = files.write('order-processor.merge.event-invoke-config.json', JSON.stringify({ FunctionName: 'order-processor', MaximumEventAgeInSeconds: 600 }, null, 2));
  });

  beforeEach(async () => {
    notes = new Notifications(api);
    emulator.faults.clear();
    resetOrderProcessor(emulator);
    await settled(emulator);
  });

  afterEach(() => {
    notes.dispose();
    emulator.faults.clear();
  });

  after(async () => {
    resetOrderProcessor(emulator);
    resetOrdersQueue(emulator);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    files.clean();
    api.views.refresh();
  });

  function orderProcessorConfig() {
    const fn = emulator.store.getFunction(DEMO_ACCOUNT, DEMO_REGION, 'order-processor');
    assert.ok(fn);
    return emulator.store.getEventInvokeConfig(fn, '$LATEST');
  }

  function apply(command: string, file: vscode.Uri, button: RegExp): Promise<ApplyOutcome | undefined> {
    return withAnswers([(q) => q.buttons?.find((b) => button.test(b))], () => vscode.commands.executeCommand<ApplyOutcome>(command, file)).then((r) => r.result);
  }

  /** The warning shown (they are not awaited), checked for plain words. */
  async function warning(): Promise<string> {
    const shown = await waitFor('a warning', () => notes.shown.filter((s) => s.level === 'warning').pop());
    assert.doesNotMatch(shown.message, JARGON, shown.message);
    assert.deepEqual(notes.errors(), [], 'no error: the request was accepted');
    return shown.message;
  }

  it('Put answered with a NaN body (as moto does): "sent and accepted", what the config is now, the raw answer in the log', async () => {
    emulator.faults.set('PutFunctionEventInvokeConfig', { unreadableBody: 'nan' });
    const from = emulator.requests.length;
    const outcome = await apply('lambdaWorkbench.putEventInvokeConfig', eic, /^Replace/);
    assert.equal(outcome?.status, 'applied', JSON.stringify(outcome));
    assert.equal(outcome.answerUnreadable, true);
    assert.equal(orderProcessorConfig()?.maximumRetryAttempts, 2, 'the change was made');
    assert.equal(
      await warning(),
      'order-processor (us-east-1): the change was sent and accepted (HTTP 200), but the answer could not be read: the answer is not valid JSON. Read again, it is now: 2 retries',
    );
    assert.equal(emulator.requests.slice(from).filter((r) => r.operation === 'PutFunctionEventInvokeConfig').length, 1, 'sent once');
    const log = await waitForChannel('Lambda Workbench', /PutFunctionEventInvokeConfig order-processor \(us-east-1\): accepted \(HTTP 200\), but the answer could not be read: HTTP 200, content-type application\/json/);
    assert.match(log, /body \(\d+ bytes\): \{.*"MaximumRetryAttempts":NaN/, 'the raw body, for the curious');
  });

  it('Update (merge) answered with a web page: accepted, read again', async () => {
    emulator.faults.set('UpdateFunctionEventInvokeConfig', { contentType: 'text/html' });
    const outcome = await apply('lambdaWorkbench.updateEventInvokeConfig', merge, /^Update$/);
    assert.equal(outcome?.status, 'applied', JSON.stringify(outcome));
    assert.equal(orderProcessorConfig()?.maximumEventAgeInSeconds, 600);
    assert.match(await warning(), /^order-processor \(us-east-1\): the change was sent and accepted \(HTTP 200\), but the answer could not be read: the endpoint sent a web page instead of the answer .*\. Read again, it is now: 1 retries, events kept 600 s, on failure → arn:aws:sqs:us-east-1:111111111111:order-dlq$/);
  });

  it('a mapping update answered with a web page: followed until it settles, the new settings shown', async () => {
    emulator.faults.set('UpdateEventSourceMapping', { contentType: 'text/html' });
    const outcome = await apply('lambdaWorkbench.updateEventSourceMapping', workspaceFile('configs/orders-queue.batch.event-source-mapping.json'), /^Update Mapping$/);
    assert.equal(outcome?.status, 'applied', JSON.stringify(outcome));
    assert.equal(outcome.answerUnreadable, true);
    assert.equal(outcome.states?.[0], 'Updating');
    assert.equal(emulator.store.getMapping(DEMO_MAPPINGS.ordersQueue)?.settings.BatchSize, 50);
    assert.match(await warning(), /: the change was sent and accepted \(HTTP 202\), but the answer could not be read: .*\. Read again, it is now: Enabled, BatchSize 50, MaximumBatchingWindowInSeconds 2$/);
  });

  it('Enable answered with a cut-off body: enabled, the views follow, one request', async () => {
    emulator.store.setMappingState(DEMO_MAPPINGS.ordersQueue, 'Disabled');
    api.views.refresh();
    const orders = find(await rows(api.views.mappingsProvider), 'orders-queue (SQS)');
    emulator.clearRequests();
    emulator.faults.set('UpdateEventSourceMapping', { unreadableBody: 'cut' });
    await withAnswers([(q) => q.buttons?.find((b) => b === 'Enable')], () => vscode.commands.executeCommand('lambdaWorkbench.enableMapping', orders.node));
    assert.equal(emulator.store.getMapping(DEMO_MAPPINGS.ordersQueue)?.state, 'Enabled');
    assert.deepEqual(emulator.requests.filter((r) => r.operation === 'UpdateEventSourceMapping').map((r) => r.status), [202], 'an accepted change is not sent again');
    assert.match(await warning(), /^orders-queue: the change was sent and accepted \(HTTP 202\), but the answer could not be read: the connection closed before the whole answer arrived\. Read again, it is now: Enabled$/);
    assert.equal(find(await rows(api.views.mappingsProvider), 'orders-queue (SQS)').contextValue, 'mapping.enabled');
  });

  it('Invoke whose answer is cut: the function ran once; the output says the answer was lost, not that the invoke failed', async () => {
    emulator.faults.set('Invoke', { unreadableBody: 'cut' });
    const from = emulator.store.invocations.length;
    const o = await invokeFile(hello, target('hello-world'));
    assert.equal(o?.kind, 'answerLost', o?.text);
    assert.equal(o.statusCode, 200);
    const ran = emulator.store.invocations.slice(from);
    assert.equal(ran.length, 1, 'invoked once: no retry ran it again');
    assert.equal(o.requestId, ran[0].requestId);
    const lines = o.text.split('\n');
    assert.equal(lines[1], '✖ Answer lost: The function ran (HTTP 200), but its response could not be read: the connection closed before the whole answer arrived.');
    assert.ok(lines.includes(`Request ID: ${ran[0].requestId}`), o.text);
    assert.doesNotMatch(o.text, JARGON);
    assert.doesNotMatch(o.text, /failed/i);
    assert.equal(await warning(), 'hello-world (us-east-1): The function ran (HTTP 200), but its response could not be read: the connection closed before the whole answer arrived.');

    notes.clear();
    const { result: event } = await withAnswers([pick('Event')], () => invokeFile(hello, target('hello-world'), { withOptions: true }));
    assert.equal(event?.kind, 'answerLost', event?.text);
    assert.match(event.text.split('\n')[1], /^✖ Answer lost: The event was accepted \(HTTP 202\) and the function will run, but the answer could not be read/);
  });

  it('a listing answered with a NaN body: the error node says so plainly (no SDK words); Retry lists', async () => {
    emulator.faults.set('ListFunctions', { unreadableBody: 'nan' });
    api.views.refresh();
    const [error] = await rows(api.views.functionsProvider);
    assert.equal(error.contextValue, 'error');
    assert.equal(error.description, 'Unreadable answer (200): The endpoint accepted the request (HTTP 200), but its answer could not be read: the answer is not valid JSON.');
    assert.match(error.tooltip, /does not answer this request the way AWS Lambda does/);
    for (const text of [error.label, error.description, error.tooltip]) {
      assert.doesNotMatch(text, JARGON, text);
    }
    emulator.faults.clear();
    await vscode.commands.executeCommand('lambdaWorkbench.retry', error.node);
    assert.ok(find(await rows(api.views.functionsProvider), 'hello-world'));

    // moto's listing of event invoke configs: the error node under the function says it plainly.
    emulator.faults.set('ListFunctionEventInvokeConfigs', { unreadableBody: 'nan' });
    const fp = api.views.functionsProvider;
    const configs = find(await rows(fp, find(await rows(fp), 'order-processor')), 'Event invoke configs');
    const [configError] = await rows(fp, configs);
    assert.equal(configError.label, 'Could not list the event invoke configs');
    assert.equal(configError.description, 'Unreadable answer (200): The endpoint accepted the request (HTTP 200), but its answer could not be read: the answer is not valid JSON.');
    assert.doesNotMatch(configError.tooltip, JARGON);
    emulator.faults.clear();
    await vscode.commands.executeCommand('lambdaWorkbench.retry', configError.node);
    assert.equal((await rows(fp, configs))[0].contextValue, 'invokeConfig');
  });

  it('Open in AWS Console with a custom endpoint: says why and opens nothing (the menus hide it)', async () => {
    const fn = find(await rows(api.views.functionsProvider), 'hello-world');
    const url = await vscode.commands.executeCommand<string | undefined>('lambdaWorkbench.openInConsole', fn.node);
    assert.equal(url, undefined);
    await sleep(0);
    const shown = notes.shown.filter((s) => s.level === 'warning').pop();
    assert.equal(shown?.message, `Open in AWS Console is not available: the connection uses the endpoint ${emulator.endpoint}, whose functions and mappings are not in the AWS console.`);
  });
});
