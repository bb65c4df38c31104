/**
 * Shareable test events in the real VS Code against the emulator's Schemas registry: the
 * "Test events" group of a function (console events and paired payload files), invoking an
 * event with its invocation type, open, download, save, rename, delete, a concurrent change and
 * missing permissions. What the extension writes is read back from the emulator's registry,
 * as the console would read it. (No SDK is imported here: the activation test checks that
 * nothing loaded it before the extension.)
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as vscode from 'vscode';
import type { InvokeOutcome, TestHooks } from '../../../src/api';
import type { Emulator } from '../../emulator';
import { seedTestEvents } from '../../emulator/services/schemas/seed';
import { pick, setup, waitFor, withAnswers } from '../support';
import { find, rows, type Row } from '../tree/treeSupport';

const REGISTRY = 'lambda-testevent-schemas';
type Doc = { components: { schemas: Record<string, unknown>; examples: Record<string, { value: unknown; 'x-metadata'?: { invocationType: string } }> } };

describe('Shareable test events (integration)', function () {
  this.timeout(60_000);
  let emulator: Emulator;
  let api: TestHooks;
  let root: vscode.Uri;

  const run = <T>(command: string, ...args: unknown[]) => vscode.commands.executeCommand<T>(`lambdaWorkbench.${command}`, ...args);
  const file = (rel: string) => vscode.Uri.joinPath(root, ...rel.split('/'));
  const notes = () => api.notifications().map((n) => `${n.severity}: ${n.message}`);

  /** The rows of "Test events" under a function, read fresh. */
  async function testEvents(fn = 'hello-world'): Promise<Row[]> {
    api.views.refresh();
    const fp = api.views.functionsProvider as vscode.TreeDataProvider<unknown>;
    const fnRow = find(await rows(fp), fn);
    const group = find(await rows(fp, fnRow), 'Test events');
    assert.equal(group.contextValue, 'group.testEvents');
    return rows(fp, group);
  }

  const record = (fn: string) => emulator.services.schemas.getRegistry('111111111111', 'us-east-1', REGISTRY)?.schemas.get(`_${fn}-schema`);

  /** The latest version of a function's schema, as DescribeSchema answers it. */
  function schema(fn = 'hello-world'): Promise<{ version?: string; doc: Doc } | undefined> {
    const r = record(fn);
    if (!r) return Promise.resolve(undefined);
    const latest = emulator.services.schemas.latest(r);
    return Promise.resolve({ version: latest.version, doc: JSON.parse(latest.content) as Doc });
  }

  before(async () => {
    ({ emulator, api } = await setup());
    root = vscode.workspace.workspaceFolders![0].uri;
  });
  beforeEach(async () => {
    emulator.faults.clear();
    emulator.services.schemas.clear();
    seedTestEvents(emulator.services.schemas);
    await api.invoke.clearPairings();
  });

  it('lists the console events of a function, with their invocation type (a missing x-metadata is RequestResponse)', async () => {
    const list = await testEvents();
    assert.deepEqual(
      list.map((r) => [r.label, r.description, r.contextValue]),
      [
        ['greet-ada', 'shared · RequestResponse', 'testEvent.RequestResponse'],
        ['greet-grace-async', 'shared · Event (asynchronous)', 'testEvent.Event'],
      ],
    );
    assert.equal(list[0].item.command?.command, 'lambdaWorkbench.invokeTestEvent', 'a click invokes');
    assert.match(list[1].tooltip, /Invocation type: Event/);
    assert.deepEqual((await testEvents('chatty-logger')).map((r) => r.description), ['shared · RequestResponse']);
    // No schema for the function: a placeholder, not an error.
    assert.deepEqual((await testEvents('json-logger')).map((r) => r.contextValue), ['empty']);
  });

  it('a click on an Event test event invokes asynchronously: 202, with the event as the payload', async () => {
    const grace = find(await testEvents(), 'greet-grace-async');
    emulator.clearRequests();
    const o = await vscode.commands.executeCommand<InvokeOutcome>(grace.item.command!.command, ...(grace.item.command!.arguments ?? []));
    assert.equal(o.kind, 'result');
    assert.equal(o.statusCode, 202);
    assert.match(o.text, /^=== hello-world \(us-east-1\) · Event · /);
    assert.match(o.text, /Payload: shareable test event "greet-grace-async" \(\d+ bytes\)/);
    // The handler echoes its event: the asynchronous run got the test event.
    const invocation = await waitFor('the Event invocation to finish', () => emulator.store.invocations.find((i) => i.requestId === o.requestId && i.status === 'success'));
    assert.equal(invocation.invocationType, 'Event');
    assert.deepEqual((JSON.parse(invocation.payload ?? '{}') as { input: unknown }).input, { name: 'Grace', source: 'shared-test-event' });
    const ada = await run<InvokeOutcome>('invokeTestEvent', find(await testEvents(), 'greet-ada').node);
    assert.equal(ada.statusCode, 200);
    assert.match(ada.text, / · RequestResponse · /);
  });

  it('opens an event read-only as JSON', async () => {
    const doc = await run<vscode.TextDocument>('openTestEvent', find(await testEvents(), 'greet-ada').node);
    assert.equal(doc.languageId, 'json');
    assert.notEqual(doc.uri.scheme, 'file');
    assert.deepEqual(JSON.parse(doc.getText()), { name: 'Ada' });
  });

  it('the group lists paired payload files, the one invoked last first, without a refresh of the view', async () => {
    const a = file('payloads/order-a.json');
    const b = file('payloads/order-b.json');
    await fs.promises.writeFile(a.fsPath, '{"name": "A"}\n');
    await fs.promises.writeFile(b.fsPath, '{"name": "B"}\n');
    const target = { region: 'us-east-1', functionName: 'hello-world' };
    const fp = api.views.functionsProvider as vscode.TreeDataProvider<unknown>;
    const group = find(await rows(fp, find(await rows(fp), 'hello-world')), 'Test events');
    const files = async () => (await rows(fp, group)).filter((r) => r.contextValue === 'testEventPayload').map((r) => r.label);
    for (const [uri, first] of [
      [a, 'payloads/order-a.json'],
      [b, 'payloads/order-b.json'],
      [a, 'payloads/order-a.json'],
      [a, 'payloads/order-a.json'],
    ] as const) {
      const o = await run<InvokeOutcome>('invokeFile', uri, target);
      assert.equal(o.kind, 'result');
      await waitFor(`${first} first`, async () => ((await files())[0] === first ? true : undefined));
    }
    assert.deepEqual(await files(), ['payloads/order-a.json', 'payloads/order-b.json']);
  });

  it('downloads an event to a payload file paired with the function and its invocation type; the file shows in the group', async () => {
    const rel = 'payloads/downloaded-grace.json';
    await fs.promises.rm(file(rel).fsPath, { force: true });
    const graceRow = find(await testEvents(), 'greet-grace-async');
    const { result: uri } = await withAnswers([() => rel], () => run<vscode.Uri>('downloadTestEvent', graceRow.node));
    assert.equal(uri.toString(), file(rel).toString());
    assert.deepEqual(JSON.parse(fs.readFileSync(uri.fsPath, 'utf8')), { name: 'Grace', source: 'shared-test-event' });
    assert.deepEqual(api.invoke.pairing(uri), { region: 'us-east-1', functionName: 'hello-world' });
    const fileRow = await waitFor('the payload file in the group', async () => (await testEvents()).find((r) => r.label === rel));
    assert.equal(fileRow.contextValue, 'testEventPayload');
    assert.match(fileRow.description, /Event/);
    // A click on the file invokes it with its invocation type.
    const o = await run<InvokeOutcome>('invokeTestEvent', fileRow.node);
    assert.equal(o.statusCode, 202);
  });

  it('saves a payload file as a shareable test event as the console writes it, keeping the invocation type; overwriting asks', async () => {
    const rel = 'payloads/to-share.json';
    await fs.promises.writeFile(file(rel).fsPath, '{"name": "Shared", "n": 1}\n');
    // Pair the file with the function as an Event invocation (as downloading an Event test event does).
    await fs.promises.rm(file('payloads/grace-copy.json').fsPath, { force: true });
    const graceRow = find(await testEvents(), 'greet-grace-async');
    await withAnswers([() => 'payloads/grace-copy.json'], () => run('downloadTestEvent', graceRow.node));
    await fs.promises.writeFile(file('payloads/grace-copy.json').fsPath, '{"name": "Shared", "n": 1}\n');
    const asked: string[] = [];
    const { result } = await withAnswers(
      [
        pick('hello-world (us-east-1)'),
        () => 'shared-one',
        (q) => {
          asked.push(q.message ?? '');
          return 'Save';
        },
      ],
      () => run<{ version?: string; invocationType: string }>('saveTestEvent', file('payloads/grace-copy.json')),
    );
    assert.equal(result.invocationType, 'Event');
    assert.match(asked[0], /account 111111111111 \(us-east-1\)/, 'the question names the account');
    const saved = await schema();
    assert.equal(saved?.version, '3');
    assert.deepEqual(saved?.doc.components.examples['shared-one'], { value: { name: 'Shared', n: 1 }, 'x-metadata': { invocationType: 'Event' } });
    assert.deepEqual(Object.keys(saved!.doc.components.examples), ['greet-ada', 'greet-grace-async', 'shared-one'], 'the other events stay');
    assert.ok((await testEvents()).some((r) => r.label === 'shared-one'), 'the tree shows it');

    // A file never invoked: the function is picked; the same name asks to overwrite (Cancel: nothing written).
    const { input } = await withAnswers(
      [pick('hello-world'), () => 'shared-one', (q) => (assert.match(q.message ?? '', /already has a shareable test event "shared-one"/), undefined)],
      () => run('saveTestEvent', file(rel)),
    );
    assert.equal(input.asked.length, 3);
    assert.equal((await schema())?.version, '3', 'cancelled: nothing written');
  });

  it('a first event of a function makes its schema (and the registry when missing)', async () => {
    emulator.services.schemas.clear();
    await fs.promises.writeFile(file('payloads/first.json').fsPath, '{"orderId": "A-9"}');
    await withAnswers([pick('order-processor'), () => 'first', () => 'Save'], () => run('saveTestEvent', file('payloads/first.json')));
    const s = await schema('order-processor');
    assert.equal(s?.version, '1');
    assert.ok(s.doc.components.schemas.Event, 'the discovered schema');
    assert.deepEqual(s.doc.components.examples, { first: { value: { orderId: 'A-9' }, 'x-metadata': { invocationType: 'RequestResponse' } } });
  });

  it('a payload that is not JSON is not saved: nothing is sent', async () => {
    emulator.clearRequests();
    await withAnswers([], () => run('saveTestEvent', file('payloads/invalid.json')));
    assert.deepEqual(emulator.requests.filter((r) => r.service === 'schemas'), []);
    assert.match(notes().at(-1) ?? '', /^error: Not saved: /);
  });

  it('renames an event (asks, naming the account)', async () => {
    const ada = find(await testEvents(), 'greet-ada');
    await withAnswers([() => 'ada', (q) => (assert.match(q.message ?? '', /account 111111111111/), 'Rename')], () => run('renameTestEvent', ada.node));
    assert.deepEqual(Object.keys((await schema())!.doc.components.examples), ['ada', 'greet-grace-async']);
    assert.deepEqual((await testEvents()).map((r) => r.label), ['ada', 'greet-grace-async']);
  });

  it('deletes an event (asks, naming the account); the last one deletes the schema', async () => {
    const ada = find(await testEvents(), 'greet-ada');
    await withAnswers([(q) => (assert.match(q.message ?? '', /Delete the shareable test event "greet-ada" of hello-world from account 111111111111 \(us-east-1\)/), 'Delete')], () => run('deleteTestEvent', ada.node));
    assert.deepEqual(Object.keys((await schema())!.doc.components.examples), ['greet-grace-async']);
    const grace = find(await testEvents(), 'greet-grace-async');
    await withAnswers([(q) => (assert.match(q.message ?? '', /the last one/), 'Delete')], () => run('deleteTestEvent', grace.node));
    assert.equal(await schema(), undefined, 'the schema is gone');
    assert.deepEqual((await testEvents()).map((r) => r.contextValue), ['empty']);
  });

  it('a concurrent change (someone saved meanwhile) is detected and read again, not overwritten', async () => {
    await fs.promises.writeFile(file('payloads/mine.json').fsPath, '{"mine": true}');
    const colleague = async () => {
      const s = (await schema())!;
      s.doc.components.examples['colleague'] = { value: { by: 'colleague' }, 'x-metadata': { invocationType: 'RequestResponse' } };
      emulator.services.schemas.addVersion(record('hello-world')!, 'OpenApi3', JSON.stringify(s.doc));
    };
    await withAnswers(
      [
        pick('hello-world'),
        async () => {
          await colleague(); // while the name is being typed
          return 'mine';
        },
        () => 'Save',
      ],
      () => run('saveTestEvent', file('payloads/mine.json')),
    );
    assert.match(notes().at(-1) ?? '', /^warning: The shareable test events of hello-world were changed by someone else since they were read; nothing was overwritten/);
    const s = await schema();
    assert.equal(s?.version, '3', "the colleague's version is the latest");
    assert.deepEqual(Object.keys(s!.doc.components.examples), ['greet-ada', 'greet-grace-async', 'colleague']);
    assert.ok((await testEvents()).some((r) => r.label === 'colleague'), 'read again');
  });

  it('missing schemas:* permissions: the group says so (with Retry), saving says so, nothing changes', async () => {
    emulator.faults.set('DescribeSchema', { denied: true });
    const [error] = await testEvents();
    assert.equal(error.contextValue, 'error');
    assert.equal(error.label, 'Could not read the shareable test events');
    assert.match(error.tooltip, /ForbiddenException/);
    assert.match(error.tooltip, /schemas:\*/);
    emulator.faults.clear();
    emulator.faults.set('UpdateSchema', { denied: true });
    await fs.promises.writeFile(file('payloads/denied.json').fsPath, '{"x": 1}');
    await withAnswers([pick('hello-world'), () => 'denied', () => 'Save'], () => run('saveTestEvent', file('payloads/denied.json')));
    assert.match(notes().at(-1) ?? '', /^error: Could not save the shareable test event "denied": .*schemas:UpdateSchema.*schemas:\*/);
    assert.equal((await schema())?.version, '2');
  });
});
