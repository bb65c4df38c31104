/**
 * Invoking functions in the real VS Code against the local emulator: the output written
 * to "Lambda Invocations" is asserted line by line; for bad payloads, the emulator's
 * request record proves nothing was sent.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { InvokeHooks, InvokeOutcome } from '../../../src/api';
import type { Emulator } from '../../emulator';
import { pick, setup, waitFor, withAnswers } from '../support';

const REGION = 'us-east-1';
const target = (functionName: string, qualifier?: string) => ({ region: REGION, functionName, ...(qualifier ? { qualifier } : {}) });

const ISO = String.raw`\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z`;
const UUID = String.raw`[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}`;
const ROUND_TRIP = /^Round trip: (\d+ ms|\d+\.\d s)$/;
const re = (s: string) => new RegExp(`^${s}$`);

function header(label: string, type = 'RequestResponse'): RegExp {
  return re(`=== ${label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} · ${type} · ${ISO} ===`);
}

/** Asserts every line: a string must be equal, a RegExp must match. */
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

/** The REPORT metrics lines (Init duration only on a cold start). */
function metrics(lines: string[], start: number, memory = 128): number {
  assert.match(lines[start], /^Duration: \d+(\.\d\d)? ms$/);
  assert.match(lines[start + 1], /^Billed duration: \d+ ms$/);
  assert.equal(lines[start + 2], `Memory size: ${memory} MB`);
  assert.match(lines[start + 3], /^Max memory used: \d+ MB$/);
  if (/^Init duration: /.test(lines[start + 4])) {
    assert.match(lines[start + 4], /^Init duration: \d+(\.\d\d)? ms$/);
    return start + 5;
  }
  return start + 4;
}

describe('Invoke (integration)', function () {
  this.timeout(60_000);
  let emulator: Emulator;
  let invoke: InvokeHooks;
  let root: vscode.Uri;
  const temp: string[] = [];

  const payload = (name: string) => vscode.Uri.joinPath(root, 'payloads', name);
  const invokeRequests = () => emulator.requests.filter((r) => r.operation === 'Invoke');
  /** The outcome line: the first after the header, and the block's last line. */
  const outcomeOf = (o: InvokeOutcome | undefined) => {
    assert.ok(o, 'the command returned an outcome');
    const all = o.text.split('\n');
    assert.equal(all[all.length - 1], all[1], `the outcome is both the first line after the header and the last line\n${o.text}`);
    return all[1];
  };
  /** The block without its outcome lines (asserted the same first and last): the header, then fields and sections. */
  const lines = (o: InvokeOutcome | undefined) => {
    assert.ok(o, 'the command returned an outcome');
    assert.ok(invoke.outputs().includes(o.text), 'the outcome is what the channel got');
    outcomeOf(o);
    const all = o.text.split('\n');
    return [all[0], ...all.slice(2, -1)];
  };
  const invokeFile = (uri: vscode.Uri, t?: object, opts?: object) => vscode.commands.executeCommand<InvokeOutcome | undefined>('lambdaWorkbench.invokeFile', uri, t, opts);
  const withOptions = (answers: Parameters<typeof withAnswers>[0], uri: vscode.Uri, t: object) => withAnswers(answers, () => invokeFile(uri, t, { withOptions: true }));
  function writeTemp(name: string, content: string | Uint8Array): vscode.Uri {
    const uri = payload(name);
    fs.writeFileSync(uri.fsPath, content);
    temp.push(uri.fsPath);
    return uri;
  }

  before(async () => {
    const s = await setup();
    emulator = s.emulator;
    invoke = s.api.invoke;
    assert.ok(vscode.workspace.workspaceFolders?.length, 'a workspace folder is open');
    root = vscode.workspace.workspaceFolders[0].uri;
    await invoke.clearPairings();
  });

  after(async () => {
    for (const f of temp) fs.rmSync(f, { force: true });
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('invokes with a payload file and writes the whole result (success)', async () => {
    const before = invokeRequests().length;
    const o = await invokeFile(payload('hello.json'), target('hello-world'));
    assert.equal(o?.kind, 'result');
    assert.equal(o?.statusCode, 200);
    assert.equal(outcomeOf(o), '✔ Succeeded');
    const l = lines(o);
    assertLines(l.slice(0, 6), [
      header('hello-world (us-east-1)'),
      'Payload: payloads/hello.json (22 bytes)',
      'Status: 200',
      'Executed version: $LATEST',
      re(`Request ID: ${UUID}`),
      ROUND_TRIP,
    ]);
    const requestId = l[4].slice('Request ID: '.length);
    const next = metrics(l, 6);
    assertLines(l.slice(next), [
      '--- Log ---',
      `START RequestId: ${requestId} Version: $LATEST`,
      re(`${ISO}\t${requestId}\tINFO\tSaying hello to world`),
      `END RequestId: ${requestId}`,
      '--- Response (52 bytes) ---',
      '{',
      '  "message": "Hello, world!",',
      '  "input": {',
      '    "name": "world"',
      '  }',
      '}',
    ]);
    const sent = invokeRequests().slice(before);
    assert.equal(sent.length, 1);
    assert.equal(sent[0].requestId, requestId);
    assert.equal(sent[0].status, 200);
    assert.ok(invoke.channelText().includes(`${o!.text}\n\n`), 'the channel holds the block whole');
    assert.equal(invoke.outputChannelName, 'Lambda Invocations');
  });

  it('shows the version an alias resolved to, and remembers the pairing (CodeLens)', async () => {
    const uri = payload('hello.json');
    const o = await invokeFile(uri, target('hello-world', 'live'));
    const l = lines(o);
    assertLines(l.slice(0, 4), [header('hello-world:live (us-east-1)'), 'Payload: payloads/hello.json (22 bytes)', 'Status: 200', 'Executed version: 2']);
    assert.equal(o?.executedVersion, '2');
    assert.deepEqual(invoke.pairing(uri), target('hello-world', 'live'));
    await vscode.workspace.openTextDocument(uri);
    const lenses = await waitFor('the CodeLens of the paired file', async () => {
      const found = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', uri, 10);
      return found?.some((c) => c.command?.title.startsWith('▶')) ? found : undefined;
    });
    assert.deepEqual(
      lenses.map((c) => c.command?.title),
      ['▶ Invoke hello-world:live (us-east-1)', 'Invoke with options…', 'Change target', 'Save as Shareable Test Event…'],
    );
    assert.equal(lenses[0].range.start.line, 0);
    // The CodeLens command is one click: it invokes the paired target with no question.
    const again = await withAnswers([], () => vscode.commands.executeCommand<InvokeOutcome>(lenses[0].command!.command, ...(lenses[0].command!.arguments ?? [])));
    assert.match(again.result.text.split('\n')[0], header('hello-world:live (us-east-1)'));
    assert.deepEqual(again.input.asked, []);
  });

  it('offers the remembered target first when a paired file is invoked from a menu', async () => {
    const uri = payload('hello.json');
    const { result, input } = await withAnswers([pick('hello-world:live (us-east-1)')], () => invokeFile(uri));
    assert.match(lines(result)[0], header('hello-world:live (us-east-1)'));
    assert.deepEqual(input.asked, ['quickPick: Invoke with payloads/hello.json']);
  });

  it('shows an unhandled function error prominently, with type, message and stack', async () => {
    const o = await invokeFile(payload('hello.json'), target('order-processor'));
    assert.equal(o?.functionError, 'Unhandled');
    assert.equal(outcomeOf(o), '✖ Function error (Unhandled): Error: Order could not be processed: missing orderId');
    const l = lines(o);
    assertLines(l.slice(0, 6), [header('order-processor (us-east-1)'), 'Payload: payloads/hello.json (22 bytes)', 'Status: 200', 'Executed version: $LATEST', re(`Request ID: ${UUID}`), ROUND_TRIP]);
    const fe = l.indexOf('--- Function error ---');
    assert.ok(fe > 0);
    assertLines(l.slice(fe, fe + 5), ['--- Function error ---', 'errorType: Error', 'errorMessage: Order could not be processed: missing orderId', 'Stack:', '  Error: Order could not be processed: missing orderId']);
    assert.ok(l.slice(fe + 5).every((x) => /^\s+at /.test(x)), l.slice(fe + 5).join('\n'));
  });

  it('shows a handled function error', async () => {
    const o = await invokeFile(payload('hello.json'), target('handled-error'));
    assert.equal(o?.functionError, 'Handled');
    assert.equal(outcomeOf(o), '✖ Function error (Handled): PaymentDeclinedError: Payment declined: card expired');
    const l = lines(o);
    const fe = l.indexOf('--- Function error ---');
    assertLines(l.slice(fe, fe + 3), ['--- Function error ---', 'errorType: PaymentDeclinedError', 'errorMessage: Payment declined: card expired']);
    assert.ok(l.some((x) => /\tWARN\tCharging card \(none\)$/.test(x)), 'the WARN line of the log');
  });

  it('shows a timeout', async () => {
    const o = await invokeFile(payload('hello.json'), target('slow-timeout'));
    assert.equal(o?.functionError, 'Unhandled');
    assert.match(outcomeOf(o), re(`✖ Function error \\(Unhandled\\): (Sandbox\\.Timedout: )?${ISO} ${UUID} Task timed out after 3\\.00 seconds`));
    const l = lines(o);
    assert.match(l[5], /^Round trip: [3-9]\.\d s$/);
    const duration = /^Duration: (\d+(?:\.\d\d)?) ms$/.exec(l[6]);
    assert.ok(duration && Number(duration[1]) >= 2900 && Number(duration[1]) < 4000, `about the 3 s timeout: ${l[6]}`);
    assert.ok(l.some((x) => re(`${ISO} ${UUID} Task timed out after 3\\.00 seconds`).test(x)), 'the log says so');
  });

  it('flags a log over 4 KB as its last 4 KB', async () => {
    const o = await invokeFile(payload('hello.json'), target('chatty-logger'));
    const l = lines(o);
    const start = l.indexOf('--- Log (last 4 KB; earlier lines cut) ---');
    assert.ok(start > 0, o?.text);
    assert.match(l[start + 1], /^…/);
    const end = l.findIndex((x) => x.startsWith('END RequestId: '));
    const filler = 'lorem ipsum dolor sit amet lorem ipsum dolor sit amet lorem ipsum dolor sit amet';
    // The last 20 lines of the ~10 KB log, whole and in order: 0081…0099 INFO, 0100 ERROR.
    for (let i = 81; i <= 100; i++) {
      assert.match(l[end - 101 + i], re(`${ISO}\t${UUID}\t${i === 100 ? 'ERROR' : 'INFO'}\tline ${String(i).padStart(4, "0")} of 100: ${filler}`));
    }
    // The REPORT line that ends the tail is not repeated: its metrics are the fields above.
    assertLines(l.slice(end + 1), ['--- Response (13 bytes) ---', '{', '  "lines": 100', '}']);
    assert.ok(l.some((x) => /^Duration: \d/.test(x)));
    const logBytes = Buffer.byteLength(l.slice(start + 1, end + 1).join('\n').slice(1)) + 1;
    assert.ok(logBytes <= 4096 && logBytes > 3800, `about 4 KB of log shown (${logBytes} bytes)`);
  });

  it('decodes the Japanese and emoji log of i18n-greeter', async () => {
    for (const n of [60, 61, 62]) {
      const uri = writeTemp(`tmp-i18n-${n}.json`, JSON.stringify({ lines: n }));
      const o = await invokeFile(uri, target('i18n-greeter'));
      const l = lines(o);
      assert.ok(!o!.text.includes('\ufffd'), `no replacement character (lines=${n})\n${o!.text}`);
      const start = l.indexOf('--- Log (last 4 KB; earlier lines cut) ---');
      assert.ok(start > 0);
      const end = l.findIndex((x) => x.startsWith('END RequestId: '));
      // The last 20 greetings, whole and in order, then the goodbye.
      for (let k = 0; k < 20; k++) {
        const i = n - 19 + k;
        assert.match(l[end - 21 + k], re(`${ISO}\t${UUID}\tINFO\tこんにちは、世界 🌏🚀 ${i} 番目のあいさつ — ようこそ 🎌`));
      }
      assert.match(l[end - 1], re(`${ISO}\t${UUID}\tINFO\tさようなら 👋`));
      assertLines(l.slice(-4), ['--- Response (35 bytes) ---', '{', '  "greeting": "こんにちは 👋"', '}']);
    }
  });

  it('drops the partial character when the 4 KB cut falls inside one', async () => {
    // hello-world logs "Saying hello to <name>": a long Japanese and emoji name puts the cut in
    // it, and each extra leading "x" moves the cut by one byte.
    let splits = 0;
    for (let pad = 0; pad < 6; pad++) {
      const name = `${'x'.repeat(pad)}${'こんにちは🌸'.repeat(300)}`;
      const uri = writeTemp(`tmp-name-${pad}.json`, JSON.stringify({ name }));
      const o = await invokeFile(uri, target('hello-world'));
      const full = Buffer.from(emulator.store.findInvocation(o!.requestId!)?.log ?? '', 'utf8');
      assert.ok(full.length > 4096, 'the log is over 4 KB');
      const cutInside = (full[full.length - 4096] & 0xc0) === 0x80;
      if (cutInside) splits++;
      const l = lines(o);
      assert.ok(!o!.text.includes('\ufffd'), `no replacement character (pad=${pad})`);
      const start = l.indexOf('--- Log (last 4 KB; earlier lines cut) ---');
      assert.ok(start > 0, o!.text);
      const first = l[start + 1];
      assert.ok(first.startsWith('…'));
      // What is shown is the end of the name, starting on a whole character.
      assert.ok(name.endsWith(first.slice(1)), `the first log line is the end of the name (pad=${pad})`);
      const shownBytes = Buffer.byteLength(first.slice(1));
      const nameBytes = Buffer.byteLength(name);
      const cutAt = full.length - 4096; // the byte where the tail starts
      const nameStart = full.indexOf(Buffer.from(name));
      const dropped = nameStart + nameBytes - cutAt - shownBytes;
      if (cutInside) {
        assert.ok(dropped >= 1 && dropped <= 3, `1 to 3 partial bytes dropped (${dropped}, pad=${pad})`);
      } else {
        assert.equal(dropped, 0, `nothing dropped on a character boundary (pad=${pad})`);
      }
      assert.match(l[start + 2], re(`END RequestId: ${UUID}`));
    }
    assert.ok(splits > 0, 'at least one run cut a character in half');
  });

  it('reads the metrics of the JSON log format', async () => {
    const o = await invokeFile(payload('hello.json'), target('json-logger'));
    const l = lines(o);
    assertLines(l.slice(2, 4), ['Status: 200', 'Executed version: $LATEST']);
    const next = metrics(l, 6, 256);
    assert.equal(l[next], '--- Log ---');
    const log = l.slice(next + 1, l.indexOf('--- Response (12 bytes) ---'));
    assert.ok(log.every((x) => x.startsWith('{')), log.join('\n'));
    assert.equal(JSON.parse(log[0]).type, 'platform.start');
    assert.ok(!log.some((x) => JSON.parse(x).type === 'platform.report'), 'the report is not repeated: its metrics are the fields above');
    assert.ok(log.some((x) => JSON.parse(x).level === 'WARN' && JSON.parse(x).message === 'Audit retention is 30 days'));
  });

  it('shows Event → 202 and DryRun → 204 (Invoke with options…)', async () => {
    const uri = payload('hello.json');
    const ev = await withOptions([pick('Event')], uri, target('hello-world'));
    assert.equal(outcomeOf(ev.result), '✔ Queued for asynchronous invocation: no response or log comes back');
    assertLines(lines(ev.result), [header('hello-world (us-east-1)', 'Event'), 'Payload: payloads/hello.json (22 bytes)', 'Status: 202', re(`Request ID: ${UUID}`), ROUND_TRIP]);
    const dry = await withOptions([pick('DryRun')], uri, target('hello-world'));
    assert.equal(outcomeOf(dry.result), '✔ Dry run passed: the parameters and permissions are valid; the function did not run');
    assertLines(lines(dry.result), [header('hello-world (us-east-1)', 'DryRun'), 'Payload: payloads/hello.json (22 bytes)', 'Status: 204', re(`Request ID: ${UUID}`), ROUND_TRIP]);
    const types = invokeRequests().slice(-2).map((r) => r.status);
    assert.deepEqual(types, [202, 204]);
  });

  it('sends a client context with RequestResponse', async () => {
    const { result, input } = await withOptions([pick('RequestResponse'), () => '{"custom": {"tenant": "acme"}}'], payload('hello.json'), target('hello-world'));
    const l = lines(result);
    const base64 = Buffer.from('{"custom":{"tenant":"acme"}}').toString('base64');
    assertLines(l.slice(1, 4), ['Payload: payloads/hello.json (22 bytes)', `Client context: ${base64.length} bytes (base64)`, 'Status: 200']);
    assert.deepEqual(input.asked, ['quickPick: Invocation type', 'inputBox: Client context (optional)']);
  });

  it('strips comments and trailing commas from a JSONC payload and says so', async () => {
    const o = await invokeFile(payload('order-with-comments.jsonc'), target('order-processor'));
    const l = lines(o);
    assertLines(l.slice(0, 5), [
      header('order-processor (us-east-1)'),
      'Payload: payloads/order-with-comments.jsonc (86 bytes)',
      'Note: removed 2 comments and 2 trailing commas before sending (JSON allows neither).',
      'Status: 200',
      'Executed version: $LATEST',
    ]);
    assertLines(l.slice(-4), ['{', '  "ok": true,', '  "orderId": "ord-1001"', '}']);
  });

  it('sends the unsaved text of an open editor and says so', async () => {
    const uri = payload('hello.json');
    const original = fs.readFileSync(uri.fsPath, 'utf8');
    assert.equal(original, '{\n  "name": "world"\n}\n');
    const doc = await vscode.workspace.openTextDocument(uri);
    const editor = await vscode.window.showTextDocument(doc);
    try {
      await editor.edit((e) => e.replace(new vscode.Range(doc.positionAt(0), doc.positionAt(doc.getText().length)), '{"name": "unsaved"}'));
      assert.equal(doc.isDirty, true);
      const o = await invokeFile(uri, target('hello-world'));
      const l = lines(o);
      assertLines(l.slice(1, 3), ['Payload: payloads/hello.json (19 bytes, unsaved editor text)', 'Note: the editor has unsaved changes; its text was sent, not the file on disk.']);
      assert.ok(l.includes('  "message": "Hello, unsaved!",'), o?.text);
      assert.equal(fs.readFileSync(uri.fsPath, 'utf8'), original, 'the file on disk is untouched');
    } finally {
      // Put the text back and save, so the file is as it was whatever the close does.
      await editor.edit((e) => e.replace(new vscode.Range(doc.positionAt(0), doc.positionAt(doc.getText().length)), original));
      await doc.save();
      await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
    }
    assert.equal(fs.readFileSync(uri.fsPath, 'utf8'), original);
  });

  describe('bad payload files: a clear message, nothing sent', () => {
    let large7: vscode.Uri;
    let large2: vscode.Uri;

    before(() => {
      large7 = writeTemp('tmp-7mb.json', `{"d":"${'x'.repeat(7 * 1024 * 1024 - 8)}"}`);
      large2 = writeTemp('tmp-2mb.json', `{"d":"${'x'.repeat(2 * 1024 * 1024 - 8)}"}`);
    });

    async function notSent(run: () => Thenable<InvokeOutcome | undefined> | Promise<InvokeOutcome | undefined>, expected: ReadonlyArray<string | RegExp>): Promise<void> {
      const before = invokeRequests().length;
      const o = await run();
      assert.equal(o?.kind, 'payloadError');
      const reason = expected[expected.length - 1] as string;
      assert.equal(outcomeOf(o), `⊘ Not sent: ${reason}`);
      assertLines(lines(o), expected.slice(0, -1));
      assert.equal(invoke.lastError(), `Not invoked: ${reason}`);
      // Give a stray request time to arrive, then prove none did.
      await new Promise((r) => setTimeout(r, 200));
      assert.equal(invokeRequests().length, before, 'the emulator received no Invoke request');
    }

    it('invalid JSON: file, line and column', async () => {
      await notSent(() => invokeFile(payload('invalid.json'), target('hello-world')), [
        header('hello-world (us-east-1)'),
        'Payload: payloads/invalid.json',
        'Invalid JSON in payloads/invalid.json at line 2, column 18: a comma (,) is expected.',
      ]);
    });

    it('not UTF-8: file, line and column of the bad byte', async () => {
      await notSent(() => invokeFile(payload('not-utf8.json'), target('hello-world')), [
        header('hello-world (us-east-1)'),
        'Payload: payloads/not-utf8.json',
        'payloads/not-utf8.json is not valid UTF-8: byte 0xE9 at line 2, column 15 cannot be decoded. Save the file with UTF-8 encoding.',
      ]);
    });

    it('missing file', async () => {
      await notSent(() => invokeFile(payload('does-not-exist.json'), target('hello-world')), [
        header('hello-world (us-east-1)'),
        'Payload: payloads/does-not-exist.json',
        'Payload file not found: payloads/does-not-exist.json.',
      ]);
    });

    it('too large for RequestResponse (6 MB)', async () => {
      await notSent(() => invokeFile(large7, target('hello-world')), [
        header('hello-world (us-east-1)'),
        'Payload: payloads/tmp-7mb.json',
        'payloads/tmp-7mb.json is 7,340,032 bytes: over the limit of 6,291,456 bytes (6 MB) for RequestResponse invocations.',
      ]);
    });

    it('too large for DryRun (6 MB)', async () => {
      await notSent(async () => (await withOptions([pick('DryRun')], large7, target('hello-world'))).result, [
        header('hello-world (us-east-1)', 'DryRun'),
        'Payload: payloads/tmp-7mb.json',
        'payloads/tmp-7mb.json is 7,340,032 bytes: over the limit of 6,291,456 bytes (6 MB) for DryRun invocations.',
      ]);
    });

    it('too large for Event (1 MB), though fine synchronously', async () => {
      await notSent(async () => (await withOptions([pick('Event')], large2, target('hello-world'))).result, [
        header('hello-world (us-east-1)', 'Event'),
        'Payload: payloads/tmp-2mb.json',
        'payloads/tmp-2mb.json is 2,097,152 bytes: over the limit of 1,048,576 bytes (1 MB) for Event invocations.',
      ]);
    });
  });

  it('opens a response over the threshold in an untitled JSON editor and says so in the channel', async () => {
    const cfg = vscode.workspace.getConfiguration('lambdaWorkbench');
    await cfg.update('invoke.responseInEditorThreshold', 1000, vscode.ConfigurationTarget.Global);
    try {
      const uri = writeTemp('tmp-5kb.json', JSON.stringify({ name: 'big', pad: 'p'.repeat(5000) }));
      const o = await invokeFile(uri, target('hello-world'));
      const l = lines(o);
      assertLines(l.slice(-2), ['--- Response (5,057 bytes) ---', 'Opened in an editor: larger than the lambdaWorkbench.invoke.responseInEditorThreshold setting (1,000 bytes).']);
      const doc = o?.responseDocument;
      assert.ok(doc, 'a response document');
      assert.equal(doc.isUntitled, true);
      assert.equal(doc.languageId, 'json');
      assert.equal(doc, invoke.lastResponseDocument());
      const value = JSON.parse(doc.getText()) as { message: string; input: { pad: string } };
      assert.equal(value.message, 'Hello, big!');
      assert.equal(value.input.pad.length, 5000);
      assert.ok(doc.getText().startsWith('{\n  "message": "Hello, big!",\n'), 'pretty-printed');
      await vscode.window.showTextDocument(doc);
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    } finally {
      await cfg.update('invoke.responseInEditorThreshold', undefined, vscode.ConfigurationTarget.Global);
    }
  });

  it('asks for no log when lambdaWorkbench.invoke.logType is None', async () => {
    const cfg = vscode.workspace.getConfiguration('lambdaWorkbench');
    await cfg.update('invoke.logType', 'None', vscode.ConfigurationTarget.Global);
    try {
      const o = await invokeFile(payload('hello.json'), target('hello-world'));
      const l = lines(o);
      assertLines(l.slice(2, 7), ['Status: 200', 'Executed version: $LATEST', re(`Request ID: ${UUID}`), ROUND_TRIP, '--- Log ---']);
      assert.equal(l[7], '(not requested: the setting lambdaWorkbench.invoke.logType is None)');
      assert.equal(l[8], '--- Response (52 bytes) ---');
    } finally {
      await cfg.update('invoke.logType', undefined, vscode.ConfigurationTarget.Global);
    }
  });

  it('shows an API error: the message first, then status, exception name and what to do', async () => {
    const o = await invokeFile(payload('hello.json'), target('no-such-function'));
    assert.equal(o?.kind, 'apiError');
    assert.match(outcomeOf(o), /^✖ Failed: Function not found: arn:aws:lambda:us-east-1:111111111111:function:no-such-function/);
    assertLines(lines(o), [
      header('no-such-function (us-east-1)'),
      'Payload: payloads/hello.json (22 bytes)',
      'Status: 404',
      'Error: ResourceNotFoundException (404)',
      'What to do: Not found. Check the region (us-east-1), the profile (demo) and the qualifier.',
      ROUND_TRIP,
    ]);
    assert.match(invoke.lastError() ?? '', /^Invoke no-such-function \(us-east-1\) failed: Function not found/);
  });

  it('cancels an invocation that is waiting (progress Cancel → abort signal)', async () => {
    const started = Date.now();
    const running = invokeFile(payload('hello.json'), target('report-builder'));
    await waitFor('the invocation to be in flight', () => invoke.running() === 1 && invokeRequests().some((r) => r.status === 0 && r.path.includes('report-builder')));
    assert.equal(invoke.cancelAll(), 1);
    const o = await running;
    const elapsed = Date.now() - started;
    assert.equal(o?.kind, 'cancelled');
    assert.match(outcomeOf(o), /^■ Cancelled after \d+ ms: stopped waiting for the response\. The function may still run to completion\.$/);
    assertLines(lines(o), [header('report-builder (us-east-1)'), 'Payload: payloads/hello.json (22 bytes)']);
    assert.ok(elapsed < 2500, `cancelled before the function's 2.5 s were up (${elapsed} ms)`);
    assert.equal(invoke.running(), 0);
  });

  it('writes each result whole when two invocations run at once', async () => {
    const before = invoke.outputs().length;
    const [slow, fast] = await Promise.all([invokeFile(payload('hello.json'), target('report-builder')), invokeFile(payload('order.json'), target('order-processor'))]);
    assert.equal(slow?.kind, 'result');
    assert.equal(fast?.kind, 'result');
    const text = invoke.channelText();
    assert.ok(text.includes(`${slow!.text}\n\n`), 'the slow result is whole in the channel');
    assert.ok(text.includes(`${fast!.text}\n\n`), 'the fast result is whole in the channel');
    const outs = invoke.outputs().slice(before);
    assert.deepEqual(outs, [fast!.text, slow!.text], 'the fast one finished first; one block each');
    assert.match(slow!.text.split('\n')[0], header('report-builder (us-east-1)'));
    assert.ok(slow!.text.includes('  "reportId": "report-all-2026-01",'));
    assert.ok(fast!.text.includes('  "orderId": "ord-2002"'));
    assert.equal(slow!.text.split('\n').filter((x) => x.startsWith('=== ')).length, 1);
  });

  it('Invoke Function… from a tree node: picks the payload (workspace file, empty)', async () => {
    const node = { functionTarget: target('hello-world', '1') };
    const file = await withAnswers([pick('payloads/order.json')], () => vscode.commands.executeCommand<InvokeOutcome>('lambdaWorkbench.invoke', node));
    assertLines(lines(file.result).slice(0, 4), [header('hello-world:1 (us-east-1)'), 'Payload: payloads/order.json (28 bytes)', 'Status: 200', 'Executed version: 1']);
    assert.deepEqual(file.input.asked, ['quickPick: Invoke hello-world:1']);
    const empty = await withAnswers([pick('Empty payload')], () => vscode.commands.executeCommand<InvokeOutcome>('lambdaWorkbench.invoke', node));
    assertLines(lines(empty.result).slice(0, 3), [header('hello-world:1 (us-east-1)'), 'Payload: {} (empty payload)', 'Status: 200']);
    const opts = await withAnswers([pick('Invoke with options…'), pick('Empty payload'), pick('Event')], () => vscode.commands.executeCommand<InvokeOutcome>('lambdaWorkbench.invoke', node));
    assert.equal(lines(opts.result)[2], 'Status: 202');
    assert.equal(outcomeOf(opts.result), '✔ Queued for asynchronous invocation: no response or log comes back');
  });

  it('from the palette: picks the function and qualifier, then the payload; an unpaired file asks for its target', async () => {
    const palette = await withAnswers([pick('hello-world'), pick('live'), pick('payloads/hello.json')], () => vscode.commands.executeCommand<InvokeOutcome>('lambdaWorkbench.invoke'));
    assertLines(lines(palette.result).slice(0, 4), [header('hello-world:live (us-east-1)'), 'Payload: payloads/hello.json (22 bytes)', 'Status: 200', 'Executed version: 2']);
    assert.equal(palette.input.asked.length, 3);

    const uri = writeTemp('tmp-unpaired.json', '{"orderId": "ord-3003"}');
    const doc = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(doc);
    // No URI: the active editor's file; not paired yet: the function picker.
    const first = await withAnswers([pick('order-processor')], () => vscode.commands.executeCommand<InvokeOutcome>('lambdaWorkbench.invokeFile'));
    assertLines(lines(first.result).slice(0, 3), [header('order-processor (us-east-1)'), 'Payload: payloads/tmp-unpaired.json (23 bytes)', 'Status: 200']);
    assert.deepEqual(invoke.pairing(uri), target('order-processor'));
    // Change target (CodeLens) pairs it with another function without invoking.
    const n = invokeRequests().length;
    await withAnswers([pick('hello-world'), pick('2')], () => vscode.commands.executeCommand('lambdaWorkbench.changePayloadTarget', uri));
    assert.deepEqual(invoke.pairing(uri), target('hello-world', '2'));
    assert.equal(invokeRequests().length, n);
    const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', uri, 10);
    assert.equal(lenses[0]?.command?.title, '▶ Invoke hello-world:2 (us-east-1)');
    // "Choose another function…" from the menu path.
    const other = await withAnswers([pick('Choose another function…'), pick('order-processor')], () => vscode.commands.executeCommand<InvokeOutcome>('lambdaWorkbench.invokeFile', uri));
    assert.match(lines(other.result)[0], header('order-processor (us-east-1)'));
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
  });

  it('Invoke Again repeats the last invocation', async () => {
    await invokeFile(payload('order.json'), target('order-processor'));
    const n = invokeRequests().length;
    const o = await withAnswers([], () => vscode.commands.executeCommand<InvokeOutcome>('lambdaWorkbench.invokeAgain'));
    assertLines(lines(o.result).slice(0, 3), [header('order-processor (us-east-1)'), 'Payload: payloads/order.json (28 bytes)', 'Status: 200']);
    assert.equal(invokeRequests().length, n + 1);
  });

  it('New Payload File… writes a template into payloads/ and pairs it', async () => {
    const t = target('order-processor');
    const rel = 'payloads/tmp-new-sqs.json';
    temp.push(path.join(root.fsPath, rel));
    const { result } = await withAnswers([pick('SQS message'), () => rel], () => vscode.commands.executeCommand<vscode.Uri>('lambdaWorkbench.newPayloadFile', { functionTarget: t }));
    assert.equal(result.fsPath, path.join(root.fsPath, rel));
    const json = JSON.parse(fs.readFileSync(result.fsPath, 'utf8')) as { Records: Array<{ eventSource: string; eventSourceARN: string }> };
    assert.equal(json.Records[0].eventSource, 'aws:sqs');
    assert.equal(json.Records[0].eventSourceARN, 'arn:aws:sqs:us-east-1:123456789012:orders-queue');
    assert.deepEqual(invoke.pairing(result), t);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });
});
