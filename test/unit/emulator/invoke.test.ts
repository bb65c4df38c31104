import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { InvokeCommand, LambdaClient } from '@aws-sdk/client-lambda';
import { Emulator, startEmulator } from '../../emulator';
import { logTail } from '../../emulator/runtime/logs';
import { expectLambdaError, lambdaClient, logText, payloadText } from '../../emulator/testing';

const ISO = String.raw`\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z`;

/** A JSON payload of exactly `size` bytes. */
const payloadOfSize = (size: number): string => `{"pad":"${'x'.repeat(size - 10)}"}`;

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

describe('Lambda emulator: Invoke', function () {
  this.timeout(20000);
  let emu: Emulator;
  let lambda: LambdaClient;
  let draw = 0.5;
  let tmp: string;

  before(async () => {
    emu = await startEmulator({ random: () => draw });
    lambda = lambdaClient(emu);
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'lwb-emulator-'));
    fs.writeFileSync(
      path.join(tmp, 'index.js'),
      [
        "exports.handler = async (event, context) => {",
        "  if (event.big) return 'x'.repeat(event.big);",
        "  return { clientContext: context.clientContext ?? null, fn: context.functionName, remaining: context.getRemainingTimeInMillis() > 0 };",
        '};',
      ].join('\n'),
    );
    emu.store.addFunction({ name: 'test-probe', codeDir: tmp, timeout: 5, memorySize: 192 });
  });
  after(async () => {
    lambda.destroy();
    await emu.stop();
    fs.rmSync(tmp, { recursive: true, force: true });
  });

  it('runs hello-world and returns its result', async () => {
    const out = await lambda.send(new InvokeCommand({ FunctionName: 'hello-world', Payload: JSON.stringify({ name: 'Ada' }) }));
    assert.equal(out.StatusCode, 200);
    assert.equal(out.ExecutedVersion, '$LATEST');
    assert.equal(out.FunctionError, undefined);
    assert.equal(out.LogResult, undefined, 'no log without LogType Tail');
    assert.deepEqual(JSON.parse(payloadText(out.Payload)), { message: 'Hello, Ada!', input: { name: 'Ada' } });
  });

  it('writes the Text log format, with Init Duration on the cold start only', async () => {
    const cold = await lambda.send(new InvokeCommand({ FunctionName: 'chatty-logger', Payload: JSON.stringify({ lines: 3 }), LogType: 'Tail' }));
    const id = cold.$metadata.requestId!;
    const lines = logText(cold.LogResult).split('\n');
    assert.equal(lines[0], `START RequestId: ${id} Version: $LATEST`);
    assert.match(lines[1], new RegExp(`^${ISO}\\t${id}\\tINFO\\tline 0001 of 3: lorem ipsum dolor sit amet lorem ipsum dolor sit amet lorem ipsum dolor sit amet$`));
    assert.match(lines[3], new RegExp(`^${ISO}\\t${id}\\tINFO\\tline 0003 of 3: `));
    assert.equal(lines[4], `END RequestId: ${id}`);
    assert.match(
      lines[5],
      new RegExp(`^REPORT RequestId: ${id}\\tDuration: \\d+\\.\\d{2} ms\\tBilled Duration: \\d+ ms\\tMemory Size: 128 MB\\tMax Memory Used: \\d+ MB\\tInit Duration: \\d+\\.\\d{2} ms\\t$`),
    );
    assert.equal(lines[6], '');
    assert.equal(lines.length, 7);
    const duration = Number(/Duration: ([\d.]+) ms/.exec(lines[5])![1]);
    const billed = Number(/Billed Duration: (\d+) ms/.exec(lines[5])![1]);
    assert.equal(billed, Math.max(1, Math.ceil(duration)));

    const warm = await lambda.send(new InvokeCommand({ FunctionName: 'chatty-logger', Payload: JSON.stringify({ lines: 50 }), LogType: 'Tail' }));
    const wid = warm.$metadata.requestId!;
    const wlog = emu.store.findInvocation(wid)!.log!;
    assert.ok(wlog.endsWith(logText(warm.LogResult)));
    assert.doesNotMatch(wlog, /Init Duration/);
    assert.match(wlog, new RegExp(`\\t${wid}\\tWARN\\tline 0025 of 50: `));
    assert.match(wlog, new RegExp(`\\t${wid}\\tERROR\\tline 0050 of 50: `));
    assert.match(wlog, new RegExp(`REPORT RequestId: ${wid}\\tDuration: [\\d.]+ ms\\tBilled Duration: \\d+ ms\\tMemory Size: 128 MB\\tMax Memory Used: \\d+ MB\\t\\n$`));
    assert.deepEqual(JSON.parse(payloadText(warm.Payload)), { lines: 50 });
    assert.equal(emu.store.findInvocation(id)?.coldStart, true);
    assert.equal(emu.store.findInvocation(wid)?.coldStart, false);
  });

  it('writes the JSON log format for json-logger', async () => {
    const out = await lambda.send(new InvokeCommand({ FunctionName: 'json-logger', Payload: '{"Records":[{},{}]}', LogType: 'Tail' }));
    const id = out.$metadata.requestId!;
    const records = logText(out.LogResult)
      .trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    assert.deepEqual(records[0].type, 'platform.start');
    assert.deepEqual(records[0].record, { requestId: id, version: '$LATEST' });
    const app = records.slice(1, -1).map((r) => [r.level, r.requestId, r.message]);
    assert.deepEqual(app, [
      ['INFO', id, 'Audit event received'],
      ['INFO', id, 'Records: 2'],
      ['WARN', id, 'Audit retention is 30 days'],
      ['ERROR', id, 'Example error line for the log viewer'],
    ]);
    const report = records[records.length - 1] as { type: string; time: string; record: { requestId: string; status: string; metrics: Record<string, number> } };
    assert.equal(report.type, 'platform.report');
    assert.match(report.time, new RegExp(`^${ISO}$`));
    assert.equal(report.record.requestId, id);
    assert.equal(report.record.status, 'success');
    assert.deepEqual(Object.keys(report.record.metrics), ['durationMs', 'billedDurationMs', 'memorySizeMB', 'maxMemoryUsedMB', 'initDurationMs']);
    assert.equal(report.record.metrics.memorySizeMB, 256);
    assert.equal(report.record.metrics.billedDurationMs, Math.max(1, Math.ceil(report.record.metrics.durationMs)));
    assert.deepEqual(JSON.parse(payloadText(out.Payload)), { logged: 4 });
  });

  it('tails the last 4096 bytes of the log, cutting on a byte boundary', async () => {
    for (const [fn, payload] of [
      ['chatty-logger', '{}'],
      ['i18n-greeter', '{}'],
    ]) {
      const out = await lambda.send(new InvokeCommand({ FunctionName: fn, Payload: payload, LogType: 'Tail' }));
      const full = Buffer.from(emu.store.findInvocation(out.$metadata.requestId!)!.log!, 'utf8');
      assert.ok(full.length > 4096, `${fn} log is ${full.length} bytes`);
      const tail = Buffer.from(out.LogResult!, 'base64');
      assert.equal(tail.length, 4096);
      assert.ok(tail.equals(full.subarray(full.length - 4096)), `${fn}: tail is the end of the log`);
      if (fn === 'i18n-greeter') {
        assert.deepEqual(JSON.parse(payloadText(out.Payload)), { greeting: 'こんにちは 👋' });
        assert.ok(full.toString('utf8').includes('こんにちは、世界 🌏🚀 1 番目のあいさつ'));
      }
    }
    // A tail that starts inside a 4-byte character keeps the bytes as they are.
    const log = `${'🌏'.repeat(1025)}x`;
    const tail = Buffer.from(logTail(log), 'base64');
    assert.equal(tail.length, 4096);
    assert.deepEqual([...tail.subarray(0, 3)], [0x9f, 0x8c, 0x8f], 'starts with the last 3 bytes of a 🌏');
    assert.ok(tail.equals(Buffer.from(log).subarray(-4096)));
  });

  it('resolves aliases and honours the routing weights of canary', async () => {
    const live = await lambda.send(new InvokeCommand({ FunctionName: 'hello-world', Qualifier: 'live', LogType: 'Tail' }));
    assert.equal(live.ExecutedVersion, '2');
    assert.match(logText(live.LogResult), /^START RequestId: \S+ Version: 2\n/);
    draw = 0.05;
    const toOne = await lambda.send(new InvokeCommand({ FunctionName: 'hello-world:canary' }));
    assert.equal(toOne.ExecutedVersion, '1');
    draw = 0.1;
    const toTwo = await lambda.send(new InvokeCommand({ FunctionName: 'hello-world:canary' }));
    assert.equal(toTwo.ExecutedVersion, '2');
    draw = 0.5;
    const v1 = await lambda.send(new InvokeCommand({ FunctionName: 'arn:aws:lambda:us-east-1:111111111111:function:hello-world:1' }));
    assert.equal(v1.ExecutedVersion, '1');
  });

  it('answers a thrown error with 200, Unhandled and the Node error payload', async () => {
    const out = await lambda.send(new InvokeCommand({ FunctionName: 'order-processor', Payload: '{}', LogType: 'Tail' }));
    assert.equal(out.StatusCode, 200);
    assert.equal(out.FunctionError, 'Unhandled');
    const body = JSON.parse(payloadText(out.Payload)) as { errorType: string; errorMessage: string; trace: string[] };
    assert.deepEqual(Object.keys(body), ['errorType', 'errorMessage', 'trace']);
    assert.equal(body.errorType, 'Error');
    assert.equal(body.errorMessage, 'Order could not be processed: missing orderId');
    assert.equal(body.trace[0], 'Error: Order could not be processed: missing orderId');
    assert.match(body.trace[1], /^ {4}at .*order-processor[/\\]index\.js:\d+:\d+\)?$/);
    const id = out.$metadata.requestId!;
    assert.match(logText(out.LogResult), new RegExp(`\\t${id}\\tERROR\\tInvoke Error \\t\\{"errorType":"Error","errorMessage":"Order could not be processed: missing orderId","stack":\\["Error: Order`));
    const ok = await lambda.send(new InvokeCommand({ FunctionName: 'order-processor', Payload: '{"orderId":"A-1"}' }));
    assert.equal(ok.FunctionError, undefined);
    assert.deepEqual(JSON.parse(payloadText(ok.Payload)), { ok: true, orderId: 'A-1' });
  });

  it('answers callback(err) with Handled', async () => {
    const out = await lambda.send(new InvokeCommand({ FunctionName: 'handled-error', Payload: '{"cardId":"c-1"}' }));
    assert.equal(out.StatusCode, 200);
    assert.equal(out.FunctionError, 'Handled');
    const body = JSON.parse(payloadText(out.Payload)) as { errorType: string; errorMessage: string };
    assert.equal(body.errorType, 'PaymentDeclinedError');
    assert.equal(body.errorMessage, 'Payment declined: card expired');
  });

  it('times out slow-timeout after 3.00 seconds and kills its process', async () => {
    const before = new Set(emu.handlerPids());
    const t0 = performance.now();
    const out = await lambda.send(new InvokeCommand({ FunctionName: 'slow-timeout', LogType: 'Tail' }));
    const elapsed = performance.now() - t0;
    assert.ok(elapsed >= 2900 && elapsed < 6000, `took ${elapsed} ms`);
    const id = out.$metadata.requestId!;
    assert.equal(out.StatusCode, 200);
    assert.equal(out.FunctionError, 'Unhandled');
    const body = JSON.parse(payloadText(out.Payload)) as { errorMessage: string };
    assert.deepEqual(Object.keys(body), ['errorMessage']);
    assert.match(body.errorMessage, new RegExp(`^${ISO} ${id} Task timed out after 3\\.00 seconds$`));
    const log = logText(out.LogResult);
    assert.match(log, new RegExp(`\\t${id}\\tINFO\\tStarting a job that takes 10 seconds\\n${ISO} ${id} Task timed out after 3\\.00 seconds\\nEND RequestId: ${id}\\n`));
    const duration = Number(/\tDuration: ([\d.]+) ms/.exec(log)![1]);
    assert.ok(duration >= 3000, `Duration ${duration}`);
    assert.match(log, /\tStatus: timeout\t\n$/);
    const killed = emu.store.findInvocation(id);
    assert.equal(killed?.status, 'timeout');
    await new Promise((r) => setTimeout(r, 100));
    const after = emu.handlerPids();
    assert.equal(after.filter((p) => !before.has(p)).length, 0, 'the timed-out process is gone');
  });

  it('answers Event with 202 and runs in the background; DryRun with 204 and runs nothing', async () => {
    const ev = await lambda.send(new InvokeCommand({ FunctionName: 'hello-world', InvocationType: 'Event', Payload: '{"name":"later"}' }));
    assert.equal(ev.StatusCode, 202);
    assert.equal(payloadText(ev.Payload), '');
    const id = ev.$metadata.requestId!;
    for (let i = 0; i < 100 && emu.store.findInvocation(id)?.status === 'running'; i++) {
      await new Promise((r) => setTimeout(r, 20));
    }
    const rec = emu.store.findInvocation(id)!;
    assert.equal(rec.invocationType, 'Event');
    assert.equal(rec.status, 'success');
    assert.deepEqual(JSON.parse(rec.payload!), { message: 'Hello, later!', input: { name: 'later' } });

    const pids = emu.handlerPids().sort();
    const count = emu.store.invocations.length;
    const dry = await lambda.send(new InvokeCommand({ FunctionName: 'report-builder', InvocationType: 'DryRun', Payload: '{}' }));
    assert.equal(dry.StatusCode, 204);
    assert.equal(payloadText(dry.Payload), '');
    assert.equal(emu.store.invocations.length, count, 'DryRun records no invocation');
    assert.deepEqual(emu.handlerPids().sort(), pids, 'DryRun starts no handler process');
    await expectLambdaError(lambda.send(new InvokeCommand({ FunctionName: 'nope', InvocationType: 'DryRun' })), 'ResourceNotFoundException', 404);
  });

  it('limits payloads to 6 MB sync and 1 MB Event (413 RequestTooLargeException)', async () => {
    const exact = await lambda.send(new InvokeCommand({ FunctionName: 'hello-world', Payload: payloadOfSize(6291456), InvocationType: 'DryRun' }));
    assert.equal(exact.StatusCode, 204);
    await expectLambdaError(
      lambda.send(new InvokeCommand({ FunctionName: 'hello-world', Payload: payloadOfSize(6291457) })),
      'RequestTooLargeException',
      413,
      'Request must be smaller than 6291456 bytes for the InvokeFunction operation',
    );
    const event = await lambda.send(new InvokeCommand({ FunctionName: 'test-probe', InvocationType: 'Event', Payload: payloadOfSize(1048576) }));
    assert.equal(event.StatusCode, 202);
    await expectLambdaError(
      lambda.send(new InvokeCommand({ FunctionName: 'test-probe', InvocationType: 'Event', Payload: payloadOfSize(1048577) })),
      'RequestTooLargeException',
      413,
      'Request must be smaller than 1048576 bytes',
    );
  });

  it('runs a 6 MB synchronous payload through the handler', async () => {
    const out = await lambda.send(new InvokeCommand({ FunctionName: 'hello-world', Payload: payloadOfSize(6291456) }));
    assert.equal(out.FunctionError, undefined);
    const body = JSON.parse(payloadText(out.Payload)) as { message: string; input: { pad: string } };
    assert.equal(body.input.pad.length, 6291446);
  });

  it('turns a response over the limit into Function.ResponseSizeTooLarge', async () => {
    const out = await lambda.send(new InvokeCommand({ FunctionName: 'test-probe', Payload: JSON.stringify({ big: 6291556 }) }));
    assert.equal(out.FunctionError, 'Unhandled');
    assert.deepEqual(JSON.parse(payloadText(out.Payload)), {
      errorMessage: 'Response payload size (6291558 bytes) exceeded maximum allowed payload size (6291556 bytes).',
      errorType: 'Function.ResponseSizeTooLarge',
    });
    const fits = await lambda.send(new InvokeCommand({ FunctionName: 'test-probe', Payload: JSON.stringify({ big: 6291554 }) }));
    assert.equal(fits.FunctionError, undefined);
    assert.equal(fits.Payload?.length, 6291556);
  });

  it('refuses a body that is not JSON (400 InvalidRequestContentException)', async () => {
    await expectLambdaError(
      lambda.send(new InvokeCommand({ FunctionName: 'hello-world', Payload: Buffer.from('not json') })),
      'InvalidRequestContentException',
      400,
      'Could not parse request body into json',
    );
    const scalar = await lambda.send(new InvokeCommand({ FunctionName: 'hello-world', Payload: Buffer.from('"just a string"') }));
    assert.deepEqual(JSON.parse(payloadText(scalar.Payload)), { message: 'Hello, World!', input: 'just a string' });
  });

  it('passes the client context (base64 JSON, at most 3583 bytes) and checks it', async () => {
    const ctx = Buffer.from(JSON.stringify({ custom: { tenant: 't-1' } })).toString('base64');
    const out = await lambda.send(new InvokeCommand({ FunctionName: 'test-probe', ClientContext: ctx, Payload: '{}' }));
    assert.deepEqual(JSON.parse(payloadText(out.Payload)), { clientContext: { custom: { tenant: 't-1' } }, fn: 'test-probe', remaining: true });
    await expectLambdaError(lambda.send(new InvokeCommand({ FunctionName: 'test-probe', ClientContext: 'not base64!' })), 'InvalidRequestContentException', 400, 'Client context');
    await expectLambdaError(
      lambda.send(new InvokeCommand({ FunctionName: 'test-probe', ClientContext: Buffer.from('[1,2]').toString('base64') })),
      'InvalidRequestContentException',
      400,
    );
    // Base64 comes in blocks of 4: 3580 characters is the largest context under 3583 bytes.
    const ofLength = (pad: number): string => Buffer.from(JSON.stringify({ p: 'y'.repeat(pad) })).toString('base64');
    assert.equal(ofLength(2677).length, 3580);
    assert.equal(ofLength(2680).length, 3584);
    const fits = await lambda.send(new InvokeCommand({ FunctionName: 'test-probe', ClientContext: ofLength(2677) }));
    assert.equal((JSON.parse(payloadText(fits.Payload)) as { clientContext: { p: string } }).clientContext.p.length, 2677);
    await expectLambdaError(
      lambda.send(new InvokeCommand({ FunctionName: 'test-probe', ClientContext: ofLength(2680) })),
      'InvalidParameterValueException',
      400,
      'Client context must be at most 3583 bytes; got 3584.',
    );
  });

  it('checks FunctionName (170, dots allowed), Qualifier, InvocationType and LogType', async () => {
    await expectLambdaError(lambda.send(new InvokeCommand({ FunctionName: 'dotted.name' })), 'ResourceNotFoundException', 404);
    await expectLambdaError(lambda.send(new InvokeCommand({ FunctionName: 'bad name' })), 'InvalidParameterValueException', 400, 'regular expression pattern');
    const arn170 = `arn:aws:lambda:us-east-1:111111111111:function:hello-wrld:${'q'.repeat(112)}`;
    await expectLambdaError(lambda.send(new InvokeCommand({ FunctionName: arn170 })), 'ResourceNotFoundException', 404);
    await expectLambdaError(lambda.send(new InvokeCommand({ FunctionName: `${arn170}q` })), 'InvalidParameterValueException', 400, '170');
    await expectLambdaError(lambda.send(new InvokeCommand({ FunctionName: 'hello-world', Qualifier: 'q'.repeat(129) })), 'InvalidParameterValueException', 400, '128');
    await expectLambdaError(lambda.send(new InvokeCommand({ FunctionName: 'hello-world', InvocationType: 'Later' as 'Event' })), 'InvalidParameterValueException', 400, 'invocationType');
    await expectLambdaError(lambda.send(new InvokeCommand({ FunctionName: 'hello-world', LogType: 'All' as 'Tail' })), 'InvalidParameterValueException', 400, 'logType');
  });

  it('reports loading failures and crashes as Runtime.* errors', async () => {
    const make = (name: string, file: string, code: string): void => {
      const dir = path.join(tmp, name);
      fs.mkdirSync(dir, { recursive: true });
      fs.writeFileSync(path.join(dir, file), code);
      emu.store.addFunction({ name, codeDir: dir });
    };
    make('bad-syntax', 'index.js', 'exports.handler = async () => { return {; };');
    make('no-handler', 'index.js', 'exports.other = 1;');
    make('no-module', 'main.js', 'exports.handler = async () => 1;');
    make('exits', 'index.js', 'exports.handler = async () => { process.exit(3); };');
    make('esm-module', 'index.mjs', 'export const handler = async (event) => ({ esm: true, event });');
    const run = async (name: string): Promise<{ error?: string; body: { errorType?: string; errorMessage?: string } }> => {
      const out = await lambda.send(new InvokeCommand({ FunctionName: name, Payload: '{"a":1}' }));
      return { error: out.FunctionError, body: JSON.parse(payloadText(out.Payload)) as { errorType?: string; errorMessage?: string } };
    };
    const syntax = await run('bad-syntax');
    assert.equal(syntax.error, 'Unhandled');
    assert.equal(syntax.body.errorType, 'Runtime.UserCodeSyntaxError');
    const missing = await run('no-handler');
    assert.equal(missing.body.errorType, 'Runtime.HandlerNotFound');
    assert.equal(missing.body.errorMessage, 'index.handler is undefined or not exported');
    assert.equal((await run('no-module')).body.errorType, 'Runtime.ImportModuleError');
    const exits = await run('exits');
    assert.equal(exits.error, 'Unhandled');
    assert.equal(exits.body.errorType, 'Runtime.ExitError');
    assert.match(exits.body.errorMessage ?? '', /Runtime exited with error: exit status 3$/);
    assert.deepEqual((await run('esm-module')).body, { esm: true, event: { a: 1 } });
  });

  it('stop() kills every handler process', async () => {
    const local = await startEmulator();
    const client = lambdaClient(local);
    try {
      await client.send(new InvokeCommand({ FunctionName: 'hello-world' }));
      await client.send(new InvokeCommand({ FunctionName: 'hello-world', Qualifier: '1' }));
      const pids = local.handlerPids();
      assert.equal(pids.length, 2);
      assert.ok(pids.every(isAlive));
      await local.stop();
      assert.deepEqual(local.handlerPids(), []);
      assert.ok(pids.every((p) => !isAlive(p)), 'no handler process survives stop()');
    } finally {
      client.destroy();
      await local.stop();
    }
  });
});
