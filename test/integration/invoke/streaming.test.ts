/**
 * Response streaming in the real VS Code against the local emulator: the chunks reach
 * "Lambda Invocations" before the stream ends (seen by reading the channel while it runs),
 * Cancel aborts mid-stream, a stream that fails, is cut or does not stream is told apart, a large
 * stream goes on in an editor, and the setting and the options choose.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { InvokeHooks, InvokeOutcome } from '../../../src/api';
import type { Emulator } from '../../emulator';
import { pick, setup, waitFor, withAnswers } from '../support';

const REGION = 'us-east-1';
const target = (functionName: string, qualifier?: string) => ({ region: REGION, functionName, ...(qualifier ? { qualifier } : {}) });
const ISO = String.raw`\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z`;
const STORY_FIRST = 'Once upon a time, a function wanted to answer before it was done.';
const STORY_LAST = 'The end.';

describe('Response streaming (integration)', function () {
  this.timeout(60_000);
  let emulator: Emulator;
  let invoke: InvokeHooks;
  let root: vscode.Uri;
  const payload = (name: string) => vscode.Uri.joinPath(root, 'payloads', name);
  const invokeFile = (uri: vscode.Uri, t?: object, opts?: object) => vscode.commands.executeCommand<InvokeOutcome | undefined>('lambdaWorkbench.invokeFile', uri, t, opts);
  /** The calls of the invocation path (the views' listings and the function's configuration, read once for its traits, are not counted). */
  const INVOKE_PATH = new Set(['GetFunctionUrlConfig', 'Invoke', 'InvokeWithResponseStream']);
  const ops = (from: number) => emulator.requests.slice(from).map((r) => r.operation).filter((op) => INVOKE_PATH.has(op));
  const lastLine = (o: InvokeOutcome | undefined) => o!.text.split('\n').at(-1)!;
  const setStreaming = (v: string | undefined) => vscode.workspace.getConfiguration('lambdaWorkbench').update('invoke.streaming', v, vscode.ConfigurationTarget.Global);

  /** Runs `fn` while reading the channel every 10 ms; answers when each of `marks` first showed there (ms after the start). */
  async function watch<T>(marks: string[], fn: () => Thenable<T>): Promise<{ result: T; seen: Map<string, number>; endMs: number }> {
    const from = invoke.channelText().length;
    const seen = new Map<string, number>();
    const t0 = performance.now();
    const timer = setInterval(() => {
      const text = invoke.channelText().slice(from);
      for (const m of marks) if (!seen.has(m) && text.includes(m)) seen.set(m, performance.now() - t0);
    }, 10);
    try {
      const result = await fn();
      return { result, seen, endMs: performance.now() - t0 };
    } finally {
      clearInterval(timer);
    }
  }

  before(async () => {
    const s = await setup();
    emulator = s.emulator;
    invoke = s.api.invoke;
    root = vscode.workspace.workspaceFolders![0].uri;
  });
  afterEach(async () => {
    emulator.faults.clear();
    await setStreaming(undefined);
  });
  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('streams a function whose URL is RESPONSE_STREAM (auto): each line shows before the end, then the result headers', async () => {
    const from = emulator.requests.length;
    const w = await watch([STORY_FIRST, 'Then the second', STORY_LAST, '✔ Streamed'], () => invokeFile(payload('story.json'), target('story-streamer')));
    const o = w.result;
    assert.equal(o?.kind, 'result', o?.text);
    const first = w.seen.get(STORY_FIRST);
    const done = w.seen.get('✔ Streamed') ?? w.endMs;
    assert.ok(first !== undefined && done !== undefined, `seen: ${JSON.stringify([...w.seen])}`);
    // Ten lines 200 ms apart: the first shows well before the outcome, the second in between.
    assert.ok(done - first >= 1200, `first line at ${first.toFixed(0)} ms, end at ${done.toFixed(0)} ms`);
    const second = w.seen.get('Then the second')!;
    assert.ok(second > first && second < done, `second line at ${second.toFixed(0)} ms`);
    assert.ok(o!.stream && o!.stream.chunks === 10 && o!.stream.bytes > 500, JSON.stringify(o!.stream));
    assert.ok(o!.stream.firstShownMs !== undefined && o!.stream.firstShownMs < o!.stream.totalMs - 1000, JSON.stringify(o!.stream));
    const l = o!.text.split('\n');
    assert.match(l[0], new RegExp(`^=== story-streamer \\(us-east-1\\) · RequestResponse · ResponseStream · ${ISO} ===$`));
    assert.deepEqual(l.slice(1, 5), ['Payload: payloads/story.json (24 bytes)', 'Status: 200', 'Executed version: $LATEST', `Request ID: ${o!.requestId}`]);
    assert.equal(l[5], 'Content type: application/vnd.amazon.eventstream');
    assert.equal(l[6], '--- Response stream (as it arrives) ---');
    assert.equal(l[7], STORY_FIRST);
    const end = l.indexOf('--- End of stream ---');
    assert.equal(l[end - 1], STORY_LAST);
    assert.equal(l[end + 1], `Received: ${o!.stream.bytes.toLocaleString('en-US')} bytes in 10 chunks`);
    assert.match(l[end + 2], /^Time to first byte: (\d+ ms|\d+\.\d s)$/);
    assert.match(l[end + 3], /^Round trip: \d+\.\d s$/);
    assert.match(l[end + 4], /^Duration: \d+(\.\d\d)? ms$/);
    assert.ok(l.includes('--- Log ---'));
    assert.ok(l.some((x) => x.endsWith('\tINFO\tHalfway through the story')));
    assert.equal(lastLine(o), '✔ Streamed 523 bytes in 10 chunks');
    assert.ok(invoke.channelText().includes(`${o!.text}\n\n`), 'the channel holds the block whole');
    assert.deepEqual(ops(from), ['GetFunctionUrlConfig', 'InvokeWithResponseStream']);
    // The mode is kept: the next invocation asks for it no more.
    const again = emulator.requests.length;
    const o2 = await invokeFile(payload('story.json'), target('story-streamer'));
    assert.equal(lastLine(o2), '✔ Streamed 523 bytes in 10 chunks');
    assert.deepEqual(ops(again), ['InvokeWithResponseStream']);
  });

  it('invokes a BUFFERED-URL function without a stream; "Invoke with options…" streams any function (RequestResponse, DryRun)', async () => {
    const from = emulator.requests.length;
    const plain = await invokeFile(payload('hello.json'), target('hello-world'));
    assert.doesNotMatch(plain!.text.split('\n')[0], /ResponseStream/);
    assert.equal(plain?.stream, undefined);
    assert.deepEqual(ops(from), ['GetFunctionUrlConfig', 'Invoke']);

    const node = { functionTarget: target('hello-world') };
    const streamed = await withAnswers([pick('Invoke with options…'), pick('payloads/hello.json'), pick('RequestResponse · ResponseStream'), () => '{"custom":{"k":"v"}}'], () =>
      vscode.commands.executeCommand<InvokeOutcome>('lambdaWorkbench.invoke', node),
    );
    const l = streamed.result.text.split('\n');
    assert.match(l[0], /· RequestResponse · ResponseStream · /);
    assert.ok(l.includes('Client context: 28 bytes (base64)'), streamed.result.text);
    assert.ok(l.includes('Note: the whole response came in one chunk: the function may not stream (awslambda.streamifyResponse).'), streamed.result.text);
    const json = l.indexOf('--- Response (52 bytes, JSON) ---');
    assert.deepEqual(l.slice(json + 1, json + 3), ['{', '  "message": "Hello, world!",']);
    assert.equal(lastLine(streamed.result), '✔ Streamed 52 bytes in 1 chunk');
    const rec = emulator.store.findInvocation(streamed.result.requestId!);
    assert.equal(rec?.streamed, true);

    const dry = await withAnswers([pick('DryRun · ResponseStream')], () => invokeFile(payload('hello.json'), target('story-streamer'), { withOptions: true }));
    assert.deepEqual(dry.result!.text.split('\n').slice(2, 3), ['Status: 204']);
    assert.equal(lastLine(dry.result), '✔ Dry run passed: the parameters and permissions are valid; the function did not run');
    assert.equal(emulator.requests.at(-1)?.operation, 'InvokeWithResponseStream');
  });

  it('the setting: never invokes a streaming function buffered, always streams any', async () => {
    await setStreaming('never');
    const from = emulator.requests.length;
    const buffered = await invokeFile(payload('story.json'), target('story-streamer'));
    assert.equal(buffered?.stream, undefined);
    assert.deepEqual(ops(from), ['Invoke']);
    await setStreaming('always');
    const streamed = await invokeFile(payload('order.json'), target('order-processor'));
    assert.ok(streamed?.stream);
    assert.equal(emulator.requests.at(-1)?.operation, 'InvokeWithResponseStream');
  });

  it('Cancel mid-stream aborts the request and says how many bytes came', async () => {
    const running = invokeFile(payload('story.json'), target('story-streamer'));
    const before = invoke.channelText().length;
    await waitFor('the first line in the output', () => invoke.channelText().slice(before).includes(STORY_FIRST) || undefined);
    assert.equal(invoke.cancelAll(), 1);
    const o = await running;
    assert.equal(o?.kind, 'cancelled');
    assert.ok(o!.stream!.chunks >= 1 && o!.stream!.chunks < 10, JSON.stringify(o!.stream));
    assert.equal(o!.stream!.end, 'cancelled');
    assert.equal(lastLine(o), `■ Cancelled after ${/after (\d+ ms|\d\.\d s):/.exec(lastLine(o))![1]}: stopped reading the stream after ${o!.stream!.bytes} bytes in ${o!.stream!.chunks} chunk${o!.stream!.chunks === 1 ? '' : 's'}. The function may still run to completion.`);
    assert.ok(!o!.text.includes(STORY_LAST));
    assert.equal(invoke.running(), 0);
  });

  it('a stream that fails mid-way: the parts, then the function error from InvokeComplete', async () => {
    const o = await invokeFile(payload('hello.json'), target('broken-streamer'));
    const l = o!.text.split('\n');
    const s = l.indexOf('--- Response stream (as it arrives) ---');
    assert.deepEqual(l.slice(s + 1, s + 5), ['Part 1 of 5', 'Part 2 of 5', 'Part 3 of 5', '--- End of stream ---']);
    const e = l.indexOf('--- Function error ---');
    assert.deepEqual(l.slice(e + 1, e + 3), ['ErrorCode: Error', 'errorMessage: The stream broke after part 3']);
    assert.equal(lastLine(o), '✖ Function error (Error): Error: The stream broke after part 3');
    assert.equal(o?.functionError, 'Error');
    assert.equal(invoke.lastError(), lastLine(o));
  });

  it('a connection cut mid-stream: what came, then that it broke off', async () => {
    emulator.faults.set('InvokeWithResponseStream', { cutStreamAfterMs: 500, times: 1 });
    const o = await invokeFile(payload('story.json'), target('story-streamer'));
    assert.equal(o?.stream?.end, 'broken');
    assert.ok(o!.text.includes(STORY_FIRST));
    assert.match(lastLine(o), /^✖ The stream broke off after \d+ ms \(\d+ bytes in \d chunks?\) without its end: /);
  });

  it('a large stream goes on in an editor as it arrives; the whole response is there', async () => {
    const o = await invokeFile(payload('bulk-4mb.json'), target('bulk-streamer'));
    assert.equal(o?.kind, 'result', o?.text);
    assert.equal(o!.stream!.bytes, 4 * 1024 * 1024);
    const doc = o!.responseDocument;
    assert.ok(doc, 'the response opened in an editor');
    assert.equal(doc.uri.scheme, 'file', 'a file the editor follows as it grows');
    await waitFor('the whole response in the editor', () => doc.getText().length === 4 * 1024 * 1024 || undefined, 10_000);
    assert.ok(doc.getText().startsWith('lambda-workbench bulk stream\nlambda-workbench bulk stream\n'));
    assert.ok(vscode.window.visibleTextEditors.some((e) => e.document === doc), 'the editor is shown');
    assert.ok(o!.text.includes('The rest went to an editor: the stream grew larger than the lambdaWorkbench.invoke.responseInEditorThreshold setting (65,536 bytes).'), o!.text.slice(-2000));
    assert.ok(o!.text.length < 200_000, `the channel got ${o!.text.length} characters`);
    assert.equal(lastLine(o), '✔ Streamed 4,194,304 bytes in 64 chunks');
    assert.equal(invoke.lastResponseDocument(), doc);
  });

  it('a block finished while a stream runs comes whole between its pieces; the stream resumes under its own header', async () => {
    const running = invokeFile(payload('story.json'), target('story-streamer'));
    const before = invoke.channelText().length;
    await waitFor('the first line in the output', () => invoke.channelText().slice(before).includes(STORY_FIRST) || undefined);
    const plain = await invokeFile(payload('hello.json'), target('hello-world'));
    const streamed = await running;
    const channel = invoke.channelText();
    assert.ok(channel.includes(`\n\n${plain!.text}\n\n`), 'the other block is whole, on lines of its own');
    const header = streamed!.text.split('\n')[0];
    const after = channel.slice(channel.indexOf(plain!.text) + plain!.text.length);
    assert.ok(after.startsWith(`\n\n${header}\n--- Response stream (continued) ---\n`), after.slice(0, 300));
    assert.ok(streamed!.text.includes(STORY_LAST) && !streamed!.text.includes('Hello, world'), 'the streamed block itself holds only its own text');
    assert.deepEqual(invoke.outputs().slice(-2), [plain!.text, streamed!.text]);
  });
});
