/**
 * Today's Lambda in the real VS Code against the emulator: tenant isolation (tenant-notes),
 * Lambda Managed Instances (fleet-worker: Tail refused, sent again without it, the log as a
 * reference), durable functions (order-workflow: an execution name, `$LATEST` sent as the
 * qualifier, the execution ARN back and copyable), from the tree, the explorer command, the
 * CodeLens and the palette. Each block is asserted line by line; what the emulator received
 * proves what was sent, and that nothing was when a value broke its rule.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { InvokeHooks, InvokeOutcome, TestHooks } from '../../../src/api';
import type { NotificationAction } from '../../../src/core/notify';
import type { Emulator } from '../../emulator';
import { find, hoverTooltip, rows } from '../tree/treeSupport';
import { pick, setup, withAnswers } from '../support';

const REGION = 'us-east-1';
const ACCOUNT = '111111111111';
const target = (functionName: string, qualifier?: string) => ({ region: REGION, functionName, ...(qualifier ? { qualifier } : {}) });

const ISO = String.raw`\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z`;
const UUID = String.raw`[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}`;
const ROUND_TRIP = /^Round trip: (\d+ ms|\d+\.\d s)$/;
const esc = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const re = (s: string) => new RegExp(`^${s}$`);
const header = (label: string, type = 'RequestResponse') => re(`=== ${esc(label)} · ${type} · ${ISO} ===`);

function assertLines(actual: readonly string[], expected: ReadonlyArray<string | RegExp>, context = actual.join('\n')): void {
  for (let i = 0; i < Math.max(actual.length, expected.length); i++) {
    const e = expected[i];
    const a = actual[i];
    if (e === undefined || a === undefined) {
      assert.fail(`line ${i + 1}: expected ${String(e)}, got ${JSON.stringify(a)}\n--- output ---\n${context}`);
    }
    if (typeof e === 'string') {
      assert.equal(a, e, `line ${i + 1}\n--- output ---\n${context}`);
    } else {
      assert.match(a, e, `line ${i + 1}\n--- output ---\n${context}`);
    }
  }
}

/** The REPORT metrics lines (Init duration only on a cold start); returns the index after them. */
function metrics(lines: string[], start: number, memory: number): number {
  assert.match(lines[start], /^Duration: \d+(\.\d\d)? ms$/);
  assert.match(lines[start + 1], /^Billed duration: \d+ ms$/);
  assert.equal(lines[start + 2], `Memory size: ${memory} MB`);
  assert.match(lines[start + 3], /^Max memory used: \d+ MB$/);
  return /^Init duration: /.test(lines[start + 4] ?? '') ? start + 5 : start + 4;
}

describe('Invoke today (integration): tenant isolation, Managed Instances, durable functions', function () {
  this.timeout(60_000);
  let emulator: Emulator;
  let api: TestHooks;
  let invoke: InvokeHooks;
  let root: vscode.Uri;

  const payload = (name: string) => vscode.Uri.joinPath(root, 'payloads', name);
  const invokeRequests = () => emulator.requests.filter((r) => r.operation === 'Invoke');
  const lastInvocation = () => emulator.store.invocations[emulator.store.invocations.length - 1];
  const invokeFile = (uri: vscode.Uri, t?: object, opts?: object) => vscode.commands.executeCommand<InvokeOutcome | undefined>('lambdaWorkbench.invokeFile', uri, t, opts);
  /** The block's lines without the outcome (asserted both first after the header and last). */
  const lines = (o: InvokeOutcome | undefined, outcome?: string) => {
    assert.ok(o, 'the command returned an outcome');
    const all = o.text.split('\n');
    assert.equal(all[all.length - 1], all[1], `the outcome is first and last\n${o.text}`);
    if (outcome !== undefined) {
      assert.equal(all[1], outcome, o.text);
    }
    assert.ok(invoke.outputs().includes(o.text), 'the outcome is what the channel got');
    return [all[0], ...all.slice(2, -1)];
  };
  /** A function's node in the Functions view, as the tree hands it to a command. */
  const treeNode = async (name: string) => find(await rows(api.views.functionsProvider), name).node;
  /** Runs `fn` recording notifications with their actions (the actions can be run). */
  async function withNotifications<T>(fn: () => Thenable<T>): Promise<{ result: T; shown: Array<{ message: string; actions: readonly NotificationAction[] }> }> {
    const shown: Array<{ message: string; actions: readonly NotificationAction[] }> = [];
    const restore = api.setNotifier({ show: (_severity, message, actions) => shown.push({ message, actions }) });
    try {
      return { result: await fn(), shown };
    } finally {
      restore();
    }
  }

  before(async () => {
    const s = await setup();
    emulator = s.emulator;
    api = s.api;
    invoke = api.invoke;
    assert.ok(vscode.workspace.workspaceFolders?.length, 'a workspace folder is open');
    root = vscode.workspace.workspaceFolders[0].uri;
    await invoke.clearPairings();
  });

  after(async () => {
    await invoke.clearPairings();
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  describe('tenant isolation (tenant-notes)', () => {
    it('from the tree: asks the tenant id, sends it, shows it, and remembers it with the payload file (the CodeLens shows it)', async () => {
      const node = await treeNode('tenant-notes');
      const { result, input } = await withAnswers([pick('payloads/tenant-note.json'), () => 'acme'], () => vscode.commands.executeCommand<InvokeOutcome>('lambdaWorkbench.invoke', node));
      assert.deepEqual(input.asked, ['quickPick: Invoke tenant-notes', 'inputBox: Tenant ID for tenant-notes']);
      const l = lines(result, '✔ Succeeded');
      assertLines(l.slice(0, 7), [
        header('tenant-notes (us-east-1)'),
        'Payload: payloads/tenant-note.json (56 bytes)',
        'Tenant ID: acme',
        'Status: 200',
        'Executed version: $LATEST',
        re(`Request ID: ${UUID}`),
        ROUND_TRIP,
      ]);
      const next = metrics(l, 7, 128);
      assertLines(l.slice(next, next + 5), ['--- Log ---', re(`START RequestId: ${UUID} Version: \\$LATEST`), re(`${ISO}\\t${UUID}\\tINFO\\tTenant acme: invocation \\d+ of this environment, \\d+ note\\(s\\)`), re(`END RequestId: ${UUID}`), re('--- Response \\(\\d+ bytes\\) ---')]);
      assert.ok(l.includes('  "tenantId": "acme",'), result.text);
      assert.equal(lastInvocation().tenantId, 'acme', 'the emulator ran it for tenant acme');
      assert.equal(result.tenantId, 'acme');

      const uri = payload('tenant-note.json');
      assert.equal(invoke.pairingTenantId(uri), 'acme');
      await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
      const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', uri, 10);
      assert.equal(lenses[0]?.command?.title, '▶ Invoke tenant-notes (us-east-1) · tenant acme');

      // The CodeLens sends the remembered tenant without asking.
      const lens = lenses[0].command!;
      assert.equal(lens.command, 'lambdaWorkbench.invokeFile');
      assert.deepEqual(lens.arguments?.[1], target('tenant-notes'));
      const again = await withAnswers([], () => invokeFile(uri, lens.arguments?.[1] as object));
      assertLines(lines(again.result).slice(0, 3), [header('tenant-notes (us-east-1)'), 'Payload: payloads/tenant-note.json (56 bytes)', 'Tenant ID: acme']);
      assert.equal(lastInvocation().tenantId, 'acme');
      await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
    });

    it('the explorer command on an unpaired file: the function, then the tenant id; cancelling the tenant id sends nothing', async () => {
      await invoke.clearPairings();
      const uri = payload('tenant-note.json');
      const n = invokeRequests().length;
      // tenant-notes has no versions or aliases: no qualifier pick after the function.
      const cancelled = await withAnswers([pick('tenant-notes'), () => undefined], () => invokeFile(uri));
      assert.equal(cancelled.result, undefined, 'a cancelled question ends the command silently');
      assert.equal(invokeRequests().length, n, 'nothing was sent');

      const { result, input } = await withAnswers([pick('tenant-notes'), () => 'globex corp'], () => invokeFile(uri));
      assert.deepEqual(input.asked, ['quickPick: Invoke with payloads/tenant-note.json', 'inputBox: Tenant ID for tenant-notes']);
      assertLines(lines(result, '✔ Succeeded').slice(0, 4), [header('tenant-notes (us-east-1)'), 'Payload: payloads/tenant-note.json (56 bytes)', 'Tenant ID: globex corp', 'Status: 200']);
      assert.equal(lastInvocation().tenantId, 'globex corp');
      assert.equal(invoke.pairingTenantId(uri), 'globex corp');
    });

    it('a tenant id that breaks the rule is refused before sending: the field and the rule, in the output and a notification', async () => {
      const n = invokeRequests().length;
      const { result: o, shown } = await withNotifications(async () => (await withAnswers([pick('Tenant ID…'), () => 'acme!', pick('DryRun')], () => invokeFile(payload('tenant-note.json'), target('tenant-notes'), { withOptions: true }))).result);
      assert.equal(o?.kind, 'parameterError');
      const problem = 'TenantId holds "!", which is not allowed: use letters A–Z and a–z, digits, spaces and . _ : / = + - @.';
      assertLines(lines(o, `⊘ Not sent: ${problem}`), [header('tenant-notes (us-east-1)', 'DryRun'), 'Payload: payloads/tenant-note.json (56 bytes)', 'Tenant ID: acme!']);
      assert.equal(invokeRequests().length, n, 'nothing was sent');
      assert.deepEqual(
        shown.map((s) => [s.message, s.actions.map((a) => a.title)]),
        [[`Not invoked: ${problem}`, ['Show Output']]],
      );
    });

    it('without a tenant id where none is expected: Lambda refuses a tenant id for a function without tenant isolation, and says so', async () => {
      const { result: o } = await withAnswers([pick('Tenant ID…'), () => 'acme', pick('RequestResponse'), () => ''], () => invokeFile(payload('hello.json'), target('hello-world'), { withOptions: true }));
      assert.equal(o?.kind, 'apiError');
      assertLines(lines(o, '✖ Failed: Tenant ID configuration not specified or passed to a function when tenant isolation is not enabled.').slice(0, 4), [
        header('hello-world (us-east-1)'),
        'Payload: payloads/hello.json (22 bytes)',
        'Tenant ID: acme',
        'Status: 400',
      ]);
    });
  });

  describe('Lambda Managed Instances (fleet-worker)', () => {
    it('Tail refused: sent again without it, said in the output with where the log is', async () => {
      const n = invokeRequests().length;
      const o = await invokeFile(payload('fleet-jobs.json'), target('fleet-worker'));
      const sent = invokeRequests().slice(n);
      assert.deepEqual(
        sent.map((r) => [r.status, r.errorType]),
        [
          [400, 'InvalidParameterValueException'],
          [200, undefined],
        ],
        'the first call was refused, the second answered',
      );
      assert.equal(o?.tailRefused, true);
      const l = lines(o, '✔ Succeeded');
      const stream = re(String.raw`Log stream: \d{4}/\d{2}/\d{2}/\[\$LATEST\.PUBLISHED\][0-9a-f]+`);
      assertLines(l, [
        header('fleet-worker (us-east-1)'),
        'Payload: payloads/fleet-jobs.json (55 bytes)',
        'Note: Lambda returns no log tail for this function (Lambda Managed Instances); sent again without LogType Tail.',
        'Status: 200',
        'Executed version: $LATEST.PUBLISHED',
        re(`Request ID: ${UUID}`),
        ROUND_TRIP,
        'Log group: /aws/lambda/fleet-worker',
        stream,
        '--- Log ---',
        re(String.raw`\(not returned here: it is in CloudWatch Logs, log group /aws/lambda/fleet-worker, log stream \d{4}/\d{2}/\d{2}/\[\$LATEST\.PUBLISHED\][0-9a-f]+\)`),
        re(String.raw`--- Response \(\d+ bytes\) ---`),
        '{',
        '  "processed": 4,',
        '  "version": "$LATEST.PUBLISHED",',
        re(String.raw`  "logStream": "\d{4}/\d{2}/\d{2}/\[\$LATEST\.PUBLISHED\][0-9a-f]+"`),
        '}',
      ]);
      assert.equal(l[8].slice('Log stream: '.length), lastInvocation().logStreamName, 'the stream the emulator wrote to');
    });

    it('from the palette: $LATEST.PUBLISHED is offered beside $LATEST and invoked as such', async () => {
      let qualifiers: string[] = [];
      const { result } = await withAnswers(
        [
          pick('fleet-worker'),
          (q) => {
            qualifiers = (q.items ?? []).map((i) => i.label);
            return pick('$LATEST.PUBLISHED')(q);
          },
          pick('payloads/fleet-jobs.json'),
        ],
        () => vscode.commands.executeCommand<InvokeOutcome>('lambdaWorkbench.invoke'),
      );
      assert.deepEqual(qualifiers, ['$LATEST', '$LATEST.PUBLISHED']);
      assertLines(lines(result, '✔ Succeeded').slice(0, 5), [
        header('fleet-worker:$LATEST.PUBLISHED (us-east-1)'),
        'Payload: payloads/fleet-jobs.json (55 bytes)',
        'Note: Lambda returns no log tail for this function (Lambda Managed Instances); sent again without LogType Tail.',
        'Status: 200',
        'Executed version: $LATEST.PUBLISHED',
      ]);
      const last = invokeRequests().slice(-1)[0];
      assert.equal(last.query.Qualifier, '$LATEST.PUBLISHED');
    });
  });

  describe('durable functions (order-workflow)', () => {
    it('from the tree: an execution name (optional), $LATEST sent as the qualifier, the execution ARN shown and copyable', async () => {
      const node = await treeNode('order-workflow');
      const name = `order-${Date.now()}`;
      const { result: run, shown } = await withNotifications(() =>
        withAnswers([pick('payloads/order-workflow.json'), () => name], () => vscode.commands.executeCommand<InvokeOutcome>('lambdaWorkbench.invoke', node)),
      );
      assert.deepEqual(run.input.asked, ['quickPick: Invoke order-workflow', 'inputBox: Durable execution name (optional)']);
      const o = run.result;
      const arn = re(`Durable execution: arn:aws:lambda:${REGION}:${ACCOUNT}:function:order-workflow:\\$LATEST/durable-execution/${name}/${UUID}`);
      const l = lines(o, '✔ Succeeded');
      assertLines(l.slice(0, 8), [
        header('order-workflow (us-east-1)'),
        'Payload: payloads/order-workflow.json (28 bytes)',
        `Durable execution name: ${name}`,
        'Status: 200',
        'Executed version: $LATEST',
        re(`Request ID: ${UUID}`),
        arn,
        ROUND_TRIP,
      ]);
      assert.equal(invokeRequests().slice(-1)[0].query.Qualifier, '$LATEST', 'a durable function is invoked with a qualifier');
      assert.ok(o.durableExecutionArn && l[6] === `Durable execution: ${o.durableExecutionArn}`);
      assert.equal(lastInvocation().durableExecutionArn, o.durableExecutionArn);

      const note = shown.find((s) => s.message.startsWith('order-workflow (us-east-1): '));
      assert.ok(note, shown.map((s) => s.message).join('\n'));
      const copy = note.actions.find((a) => a.title === 'Copy Execution ARN');
      assert.ok(copy, `actions: ${note.actions.map((a) => a.title).join(', ')}`);
      await copy.run();
      assert.equal(await vscode.env.clipboard.readText(), o.durableExecutionArn);
    });

    it('with options: an alias, Event, a named execution; an empty name lets Lambda make one', async () => {
      const uri = payload('order-workflow.json');
      const name = `order-ev-${Date.now()}`;
      const { result: o, input } = await withAnswers([pick('Durable execution name…'), () => name, pick('Event')], () => invokeFile(uri, target('order-workflow', 'live'), { withOptions: true }));
      assert.deepEqual(input.asked, ['quickPick: Invocation type', 'inputBox: Durable execution name (optional)', 'quickPick: Invocation type']);
      assertLines(lines(o, '✔ Queued for asynchronous invocation: no response or log comes back'), [
        header('order-workflow:live (us-east-1)', 'Event'),
        'Payload: payloads/order-workflow.json (28 bytes)',
        `Durable execution name: ${name}`,
        'Status: 202',
        re(`Request ID: ${UUID}`),
        re(`Durable execution: arn:aws:lambda:${REGION}:${ACCOUNT}:function:order-workflow:1/durable-execution/${name}/${UUID}`),
        ROUND_TRIP,
      ]);

      const unnamed = await withAnswers([pick('Event'), () => ''], () => invokeFile(uri, target('order-workflow', 'live'), { withOptions: true }));
      assert.deepEqual(unnamed.input.asked, ['quickPick: Invocation type', 'inputBox: Durable execution name (optional)']);
      const ul = lines(unnamed.result);
      assert.ok(!ul.some((x) => x.startsWith('Durable execution name:')), ul.join('\n'));
      assert.ok(ul.some((x) => re(`Durable execution: arn:aws:lambda:${REGION}:${ACCOUNT}:function:order-workflow:1/durable-execution/[^/]+/${UUID}`).test(x)), ul.join('\n'));
    });

    it('an execution name that breaks the rule is refused before sending', async () => {
      const n = invokeRequests().length;
      const { result: o } = await withAnswers([pick('payloads/order-workflow.json'), () => 'order 42'], async () =>
        vscode.commands.executeCommand<InvokeOutcome>('lambdaWorkbench.invoke', await treeNode('order-workflow')),
      );
      assert.equal(o?.kind, 'parameterError');
      assertLines(lines(o, '⊘ Not sent: DurableExecutionName holds "a space", which is not allowed: use letters A–Z and a–z, digits, - and _.'), [
        header('order-workflow (us-east-1)'),
        'Payload: payloads/order-workflow.json (28 bytes)',
        'Durable execution name: order 42',
      ]);
      assert.equal(invokeRequests().length, n, 'nothing was sent');
    });
  });

  it('the tree says what changes how each function is invoked', async () => {
    const fp = api.views.functionsProvider;
    const top = await rows(fp);
    assert.equal(find(top, 'tenant-notes').description, 'nodejs22.x · tenant isolation · Keeps notes per tenant: tenant isolation, one…');
    assert.match(find(top, 'fleet-worker').description, /^nodejs24\.x · Managed Instances · /);
    assert.match(find(top, 'order-workflow').description, /^nodejs22\.x · durable · /);
    const order = await hoverTooltip(fp, find(top, 'order-workflow'));
    for (const part of ['Durable: invoked with a qualifier, an optional execution name; answers an execution ARN · execution timeout 1 h · history kept 7 days', 'Log format: JSON', 'Log group: `/workflows/order-workflow`']) {
      assert.ok(order.includes(part), `tooltip has ${part}:\n${order}`);
    }
    const fleet = await hoverTooltip(fp, find(top, 'fleet-worker'));
    assert.ok(fleet.includes('Capacity provider: `arn:aws:lambda:us-east-1:111111111111:capacity-provider:demo-fleet`'), fleet);
    const streamer = await hoverTooltip(fp, find(top, 'story-streamer'));
    assert.ok(streamer.includes('Function URL: response streaming (RESPONSE_STREAM)'), streamer);
    const hello = await hoverTooltip(fp, find(top, 'hello-world'));
    assert.ok(hello.includes('Function URL: buffered (BUFFERED)'), hello);
    assert.ok(hello.includes('Log group: `/aws/lambda/hello-world`'), hello);
    assert.ok(!/Tenant isolation|Capacity provider|Durable/.test(hello), hello);
  });
});
