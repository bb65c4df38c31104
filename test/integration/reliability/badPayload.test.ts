/**
 * Bad payload files through the real Invoke commands: each case shows the exact message (the
 * notification, the "Lambda Invocations" block) and the emulator's request record proves
 * that nothing was sent. Big, binary and deep files are generated here, in `bad-input/` of
 * the workspace copy. The rows of docs/bad-input.md name these tests.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as vscode from 'vscode';
import type { InvokeHooks, InvokeOutcome, TestHooks } from '../../../src/api';
import type { Emulator } from '../../emulator';
import { pick, setup, withAnswers } from '../support';
import { BadInputFolder, settled, headerLine, invokeFile, nothingSent, Notifications, outcomeLines, outcomeOf, target } from './helpers';

const MB = 1024 * 1024;

/** A JSON object of exactly `bytes` bytes: `{"d":"xxx…"}`. */
function jsonOfSize(bytes: number): string {
  return `{"d":"${'x'.repeat(bytes - 8)}"}`;
}

describe('Reliability: bad payload files (a clear message, nothing sent)', function () {
  this.timeout(60_000);
  let emulator: Emulator;
  let invoke: InvokeHooks;
  let files: BadInputFolder;
  let notes: Notifications;
  let api: TestHooks;

  before(async () => {
    const s = await setup();
    emulator = s.emulator;
    api = s.api;
    invoke = s.api.invoke;
    files = new BadInputFolder();
    await settled(emulator);
  });

  beforeEach(() => {
    notes = new Notifications(api);
  });

  afterEach(() => {
    notes.dispose();
  });

  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    files.clean();
  });

  /**
   * Invokes hello-world with `file` (or runs `run`), expects a payload error whose "NOT SENT"
   * line is `message`, the same message in the notification, and no Invoke request.
   */
  async function refused(
    file: string,
    message: string,
    options: { run?: () => Thenable<InvokeOutcome | undefined> | Promise<InvokeOutcome | undefined>; type?: string } = {},
  ): Promise<void> {
    const o = await nothingSent(emulator, () => (options.run ? options.run() : invokeFile(files.uri(file), target('hello-world'))));
    assert.equal(o?.kind, 'payloadError', o?.text);
    const lines = outcomeLines(invoke, o);
    assert.equal(lines.length, 2, o?.text);
    assert.match(lines[0], headerLine('hello-world (us-east-1)', options.type));
    assert.equal(lines[1], `Payload: bad-input/${file}`);
    assert.equal(outcomeOf(o), `⊘ Not sent: ${message}`);
    assert.equal(o?.error, `Not invoked: ${message}`);
    assert.equal(invoke.lastError(), `Not invoked: ${message}`);
    assert.equal(await notes.lastError(), `Not invoked: ${message}`, 'the notification says the same');
  }

  const withOptions = (type: string, file: string) => async () => (await withAnswers([pick(type)], () => invokeFile(files.uri(file), target('hello-world'), { withOptions: true }))).result;

  it('P1 invalid JSON: file, line, column and what is wrong', async () => {
    files.write('invalid.json', '{"name": "world" "x": 1}\n');
    await refused('invalid.json', 'Invalid JSON in bad-input/invalid.json at line 1, column 18: a comma (,) is expected.');
    files.write('two-values.json', '{} {}');
    await refused('two-values.json', 'Invalid JSON in bad-input/two-values.json at line 1, column 4: the file must hold a single JSON value; unexpected text after it.');
  });

  it('P2 empty file: sends {} and says so', async () => {
    for (const [name, content] of [
      ['empty.json', ''],
      ['blank.json', '  \n\t\n'],
    ]) {
      const o = await invokeFile(files.write(name, content), target('hello-world'));
      assert.equal(o?.kind, 'result', o?.text);
      const lines = outcomeLines(invoke, o);
      assert.deepEqual(lines.slice(1, 4), [`Payload: bad-input/${name} (2 bytes)`, 'Note: the file is empty; sent {}.', 'Status: 200']);
      assert.deepEqual(JSON.parse(emulator.store.findInvocation(o!.requestId!)?.payload ?? '').input, {}, 'the function got {}');
    }
  });

  it('P3 UTF-8 byte order mark: removed before sending, and said', async () => {
    const uri = files.write('bom.json', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('{"name":"bom"}')]));
    const o = await invokeFile(uri, target('hello-world'));
    assert.equal(o?.kind, 'result', o?.text);
    assert.deepEqual(outcomeLines(invoke, o).slice(1, 4), ['Payload: bad-input/bom.json (14 bytes)', 'Note: removed the UTF-8 byte order mark before sending.', 'Status: 200']);
    assert.deepEqual(JSON.parse(emulator.store.findInvocation(o!.requestId!)?.payload ?? '').input, { name: 'bom' });
  });

  it('P4 UTF-16 (byte order mark FF FE): refused, save as UTF-8', async () => {
    files.write('utf16.json', Buffer.from('\ufeff{"name":"x"}', 'utf16le'));
    await refused('utf16.json', 'bad-input/utf16.json is UTF-16 (byte order mark FF FE): payloads must be UTF-8. Save the file with UTF-8 encoding.');
  });

  it('P5 6 MB + 1 byte (RequestResponse): refused; exactly 6 MB is sent (DryRun → 204)', async () => {
    files.write('6mb-plus-1.json', jsonOfSize(6 * MB + 1));
    await refused('6mb-plus-1.json', 'bad-input/6mb-plus-1.json is 6,291,457 bytes: over the limit of 6,291,456 bytes (6 MB) for RequestResponse invocations.');
    await refused('6mb-plus-1.json', 'bad-input/6mb-plus-1.json is 6,291,457 bytes: over the limit of 6,291,456 bytes (6 MB) for DryRun invocations.', { run: withOptions('DryRun', '6mb-plus-1.json'), type: 'DryRun' });
    files.write('6mb.json', jsonOfSize(6 * MB));
    const before = emulator.requests.length;
    const o = await withOptions('DryRun', '6mb.json')();
    assert.equal(o?.kind, 'result', o?.text);
    assert.deepEqual(outcomeLines(invoke, o).slice(1, 3), ['Payload: bad-input/6mb.json (6,291,456 bytes)', 'Status: 204']);
    assert.deepEqual(emulator.requests.slice(before).map((r) => [r.operation, r.status]), [['Invoke', 204]]);
  });

  it('P6 1 MB + 1 byte (Event): refused; exactly 1 MB is queued (202)', async () => {
    files.write('1mb-plus-1.json', jsonOfSize(MB + 1));
    await refused('1mb-plus-1.json', 'bad-input/1mb-plus-1.json is 1,048,577 bytes: over the limit of 1,048,576 bytes (1 MB) for Event invocations.', { run: withOptions('Event', '1mb-plus-1.json'), type: 'Event' });
    files.write('1mb.json', jsonOfSize(MB));
    const before = emulator.requests.length;
    const o = await withOptions('Event', '1mb.json')();
    assert.equal(o?.kind, 'result', o?.text);
    assert.deepEqual(outcomeLines(invoke, o).slice(1, 3), ['Payload: bad-input/1mb.json (1,048,576 bytes)', 'Status: 202']);
    assert.deepEqual(emulator.requests.slice(before).map((r) => [r.operation, r.status]), [['Invoke', 202]]);
  });

  it('P7 a file over 64 MB: refused without being read', async () => {
    const uri = files.uri('huge.json');
    fs.writeFileSync(uri.fsPath, '');
    fs.truncateSync(uri.fsPath, 64 * MB + 1); // sparse: nothing is written
    const started = Date.now();
    await refused('huge.json', 'bad-input/huge.json is 67,108,865 bytes: over the limit of 6,291,456 bytes (6 MB) for RequestResponse invocations.');
    assert.ok(Date.now() - started < 5000);
  });

  it('P8 binary file (PNG bytes): not UTF-8, first bad byte named', async () => {
    files.write('image.json', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52]));
    await refused('image.json', 'bad-input/image.json is not valid UTF-8: byte 0x89 at line 1, column 1 cannot be decoded. Save the file with UTF-8 encoding.');
    files.write('nul.json', Buffer.from([0x7b, 0x00, 0x00, 0x7d]));
    await refused('nul.json', 'Invalid JSON in bad-input/nul.json at line 1, column 2: unexpected character.');
  });

  it('P9 not UTF-8 (Latin-1 é): line and column of the bad byte', async () => {
    files.write('latin1.json', Buffer.from('{\n  "name": "Ren\xe9"\n}\n', 'latin1'));
    await refused('latin1.json', 'bad-input/latin1.json is not valid UTF-8: byte 0xE9 at line 2, column 15 cannot be decoded. Save the file with UTF-8 encoding.');
  });

  it('P10 nested 100,000 levels deep: a clear message, no stack overflow; the extension goes on working', async () => {
    files.write('deep.json', `${'['.repeat(100_000)}${']'.repeat(100_000)}`);
    await refused('deep.json', 'bad-input/deep.json is nested too deeply: more than 1,000 levels of objects and arrays at line 1, column 1001. A payload may nest at most 1,000 levels.');
    files.write('deep-objects.json', `${'{"a":'.repeat(100_000)}1${'}'.repeat(100_000)}`);
    await refused('deep-objects.json', 'bad-input/deep-objects.json is nested too deeply: more than 1,000 levels of objects and arrays at line 1, column 5001. A payload may nest at most 1,000 levels.');
    const o = await invokeFile(files.write('after-deep.json', '{"name":"still here"}'), target('hello-world'));
    assert.equal(o?.kind, 'result');
    assert.ok(o?.text.includes('"message": "Hello, still here!"'), o?.text);
  });

  it('P11 a folder named x.json', async () => {
    fs.mkdirSync(files.uri('folder.json').fsPath, { recursive: true });
    await refused('folder.json', 'bad-input/folder.json is a folder, not a payload file.');
  });

  it('P12 a file that does not exist', async () => {
    await refused('missing.json', 'Payload file not found: bad-input/missing.json.');
  });

  it('P13 a file deleted between the pick and the send', async () => {
    const uri = files.write('vanishing.json', '{"name":"gone"}');
    const o = await nothingSent(emulator, async () =>
      (
        await withAnswers(
          [
            (q) => {
              const item = pick('bad-input/vanishing.json')(q);
              fs.rmSync(uri.fsPath);
              return item;
            },
          ],
          () => vscode.commands.executeCommand<InvokeOutcome>('lambdaWorkbench.invoke', { functionTarget: target('hello-world') }),
        )
      ).result,
    );
    assert.equal(o?.kind, 'payloadError');
    assert.deepEqual(outcomeLines(invoke, o).slice(1), ['Payload: bad-input/vanishing.json']);
    assert.equal(outcomeOf(o), '⊘ Not sent: Payload file not found: bad-input/vanishing.json.');
    assert.equal(await notes.lastError(), 'Not invoked: Payload file not found: bad-input/vanishing.json.');
  });

  it('P14 an unsaved editor: its text is sent, and the output says so; the file on disk is untouched', async () => {
    const uri = files.write('edited.json', '{"name": "on disk"}\n');
    const doc = await vscode.workspace.openTextDocument(uri);
    const editor = await vscode.window.showTextDocument(doc);
    try {
      await editor.edit((e) => e.replace(new vscode.Range(doc.positionAt(0), doc.positionAt(doc.getText().length)), '{"name": "in the editor"}'));
      assert.equal(doc.isDirty, true);
      const o = await invokeFile(uri, target('hello-world'));
      assert.equal(o?.kind, 'result', o?.text);
      const lines = outcomeLines(invoke, o);
      assert.deepEqual(lines.slice(1, 4), ['Payload: bad-input/edited.json (25 bytes, unsaved editor text)', 'Note: the editor has unsaved changes; its text was sent, not the file on disk.', 'Status: 200']);
      assert.ok(lines.includes('  "message": "Hello, in the editor!",'), o?.text);
      assert.equal(fs.readFileSync(uri.fsPath, 'utf8'), '{"name": "on disk"}\n');

      // The editor's text is what is checked: invalid there, valid on disk → nothing sent.
      await editor.edit((e) => e.replace(new vscode.Range(doc.positionAt(0), doc.positionAt(doc.getText().length)), '{"name": }'));
      // (The position is the editor's, where "Open File" puts the cursor.)
      await refused('edited.json', 'Invalid JSON in bad-input/edited.json at line 1, column 10: a value is expected.');
    } finally {
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    }
  });

  it('P15 an untitled editor: its text is sent', async () => {
    const doc = await vscode.workspace.openTextDocument({ language: 'json', content: '{"name": "untitled"}' });
    await vscode.window.showTextDocument(doc);
    try {
      const o = await invokeFile(doc.uri, target('hello-world'));
      assert.equal(o?.kind, 'result', o?.text);
      const lines = outcomeLines(invoke, o);
      assert.equal(lines[1], `Payload: ${doc.uri.path} (20 bytes, unsaved editor text)`);
      assert.ok(lines.includes('  "message": "Hello, untitled!",'), o?.text);
    } finally {
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    }
  });

  it('P16 a config file given to Invoke: refused, use Apply', async () => {
    const uri = files.write('orders.event-source-mapping.json', '{"UUID": "3f6c2a8e-1b4d-4c7a-9e21-5a0d8b7c6e01"}');
    const o = await nothingSent(emulator, () => invokeFile(uri, target('hello-world')));
    assert.equal(o, undefined, 'the command stopped');
    assert.equal(await notes.lastError(), 'bad-input/orders.event-source-mapping.json is a config file: use Apply to AWS… instead.');
  });
});
