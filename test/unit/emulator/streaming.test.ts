import * as assert from 'node:assert/strict';
import { InvokeCommand, InvokeWithResponseStreamCommand, InvokeWithResponseStreamCommandOutput } from '@aws-sdk/client-lambda';
import { DEMO_ACCOUNT, DEMO_REGION } from '../../emulator';
import { emulatorForSuite, expectLambdaError, logText, payloadText } from '../../emulator/testing';

interface Received {
  chunks: Buffer[];
  /** ms after the call was sent, per chunk. */
  times: number[];
  complete?: { ErrorCode?: string; ErrorDetails?: string; LogResult?: string };
  /** Events after InvokeComplete (there must be none). */
  after: number;
}

async function receive(out: InvokeWithResponseStreamCommandOutput, t0: number): Promise<Received> {
  const r: Received = { chunks: [], times: [], after: 0 };
  for await (const e of out.EventStream!) {
    if (r.complete) {
      r.after++;
    }
    if (e.PayloadChunk?.Payload) {
      r.chunks.push(Buffer.from(e.PayloadChunk.Payload));
      r.times.push(performance.now() - t0);
    } else if (e.InvokeComplete) {
      r.complete = { ...e.InvokeComplete };
    }
  }
  return r;
}

const STORY_START = 'Once upon a time, a function wanted to answer before it was done.\n';

describe('Lambda emulator: InvokeWithResponseStream', function () {
  this.timeout(30000);
  const suite = emulatorForSuite();

  const stream = async (input: ConstructorParameters<typeof InvokeWithResponseStreamCommand>[0]): Promise<{ out: InvokeWithResponseStreamCommandOutput; r: Received }> => {
    const t0 = performance.now();
    const out = await suite.lambda.send(new InvokeWithResponseStreamCommand(input));
    return { out, r: await receive(out, t0) };
  };
  const record = (out: { $metadata: { requestId?: string } }) => suite.emu.store.findInvocation(out.$metadata.requestId!)!;

  it('sends each write as a PayloadChunk when it is written, then InvokeComplete with the log', async () => {
    const { out, r } = await stream({ FunctionName: 'story-streamer', Payload: '{"intervalMs":200}', LogType: 'Tail' });
    assert.equal(out.StatusCode, 200);
    assert.equal(out.ExecutedVersion, '$LATEST');
    assert.equal(out.ResponseStreamContentType, 'application/vnd.amazon.eventstream');
    assert.equal(r.chunks.length, 10, 'one chunk per write');
    assert.equal(r.chunks[0].toString(), STORY_START);
    assert.equal(r.chunks[9].toString(), 'The end.\n');
    // Written 200 ms apart: chunks that were held back until the end would come together. Only
    // the spread is checked (half of what was written), not each gap: a busy machine bunches a few.
    const spread = r.times[9] - r.times[0];
    assert.ok(spread >= 9 * 200 * 0.5, `the chunks came as written, over ${spread.toFixed(0)} ms`);
    assert.equal(r.after, 0);
    assert.equal(r.complete?.ErrorCode, undefined);
    assert.equal(r.complete?.ErrorDetails, undefined);
    const id = out.$metadata.requestId!;
    const log = logText(r.complete?.LogResult);
    assert.match(log, new RegExp(`^START RequestId: ${id} Version: \\$LATEST\\n`));
    assert.match(log, new RegExp(`\\t${id}\\tINFO\\tHalfway through the story\\n`));
    assert.match(log, new RegExp(`END RequestId: ${id}\\nREPORT RequestId: ${id}\\tDuration: [\\d.]+ ms`));
    const rec = record(out);
    assert.equal(rec.streamed, true);
    assert.equal(rec.status, 'success');
    assert.equal(rec.streamContentType, 'text/plain; charset=utf-8');
    assert.equal(rec.payloadBytes, Buffer.concat(r.chunks).length);
  });

  it('ends a stream that fails mid-way with InvokeComplete carrying the error', async () => {
    const { r, out } = await stream({ FunctionName: 'broken-streamer', LogType: 'Tail' });
    assert.deepEqual(r.chunks.map(String), ['Part 1 of 5\n', 'Part 2 of 5\n', 'Part 3 of 5\n']);
    assert.equal(r.complete?.ErrorCode, 'Error');
    const details = JSON.parse(r.complete?.ErrorDetails ?? '{}') as { errorType: string; errorMessage: string; trace: string[] };
    assert.equal(details.errorType, 'Error');
    assert.equal(details.errorMessage, 'The stream broke after part 3');
    assert.equal(details.trace[0], 'Error: The stream broke after part 3');
    const id = out.$metadata.requestId!;
    assert.match(logText(r.complete?.LogResult), new RegExp(`\\t${id}\\tERROR\\tInvoke Error \\t\\{"errorType":"Error","errorMessage":"The stream broke after part 3"`));
    assert.equal(record(out).status, 'error');
  });

  it('streams what HttpResponseStream.from writes: the JSON prelude, 8 zero bytes, then the body', async () => {
    const { r, out } = await stream({ FunctionName: 'html-streamer', Payload: '{"title":"Demo"}' });
    const all = Buffer.concat(r.chunks);
    const prelude = '{"statusCode":200,"headers":{"Content-Type":"text/html; charset=utf-8","Cache-Control":"no-store"}}';
    assert.equal(all.subarray(0, prelude.length).toString(), prelude);
    assert.deepEqual([...all.subarray(prelude.length, prelude.length + 8)], [0, 0, 0, 0, 0, 0, 0, 0]);
    const html = all.subarray(prelude.length + 8).toString();
    assert.match(html, /^<!DOCTYPE html>\n<html><head><title>Demo<\/title>/);
    assert.match(html, /<p>Section 3<\/p>\n<\/body><\/html>\n$/);
    assert.equal(record(out).streamContentType, 'application/vnd.awslambda.http-integration-response');
  });

  it('answers a function that does not stream in one chunk (or its error in InvokeComplete)', async () => {
    const ok = await stream({ FunctionName: 'hello-world', Payload: '{"name":"Ada"}' });
    assert.equal(ok.r.chunks.length, 1);
    assert.deepEqual(JSON.parse(ok.r.chunks[0].toString()), { message: 'Hello, Ada!', input: { name: 'Ada' } });
    assert.deepEqual(ok.r.complete, {});
    const v1 = await stream({ FunctionName: 'hello-world', Qualifier: 'live' });
    assert.equal(v1.out.ExecutedVersion, '2');

    const failed = await stream({ FunctionName: 'order-processor', Payload: '{}' });
    assert.equal(failed.r.chunks.length, 0);
    assert.equal(failed.r.complete?.ErrorCode, 'Error');
    const invoked = await suite.lambda.send(new InvokeCommand({ FunctionName: 'order-processor', Payload: '{}' }));
    const asInvoke = JSON.parse(payloadText(invoked.Payload)) as Record<string, unknown>;
    const details = JSON.parse(failed.r.complete?.ErrorDetails ?? '{}') as Record<string, unknown>;
    assert.deepEqual(Object.keys(details), Object.keys(asInvoke), 'ErrorDetails is the error object Invoke answers');
    assert.equal(details.errorMessage, 'Order could not be processed: missing orderId');

    const handled = await stream({ FunctionName: 'handled-error' });
    assert.equal(handled.r.complete?.ErrorCode, 'PaymentDeclinedError');
  });

  it('answers a plain Invoke of a streaming function with everything it streamed, buffered', async () => {
    const out = await suite.lambda.send(new InvokeCommand({ FunctionName: 'story-streamer', Payload: '{"intervalMs":0}' }));
    assert.equal(out.StatusCode, 200);
    assert.equal(out.FunctionError, undefined);
    const text = payloadText(out.Payload);
    assert.ok(text.startsWith(STORY_START));
    assert.ok(text.endsWith('The end.\n'));
    assert.equal(text.split('\n').length, 11);
    const broken = await suite.lambda.send(new InvokeCommand({ FunctionName: 'broken-streamer' }));
    assert.equal(broken.FunctionError, 'Unhandled');
    assert.equal((JSON.parse(payloadText(broken.Payload)) as { errorMessage: string }).errorMessage, 'The stream broke after part 3');
    const big = await suite.lambda.send(new InvokeCommand({ FunctionName: 'bulk-streamer', Payload: JSON.stringify({ bytes: 6291557 }) }));
    assert.equal(big.FunctionError, 'Unhandled');
    assert.deepEqual(JSON.parse(payloadText(big.Payload)), {
      errorMessage: 'Response payload size (6291557 bytes) exceeded maximum allowed payload size (6291556 bytes).',
      errorType: 'Function.ResponseSizeTooLarge',
    });
  });

  it('answers DryRun with 204 and refuses InvocationType Event', async () => {
    const count = suite.emu.store.invocations.length;
    const dry = await suite.lambda.send(new InvokeWithResponseStreamCommand({ FunctionName: 'story-streamer', InvocationType: 'DryRun' }));
    assert.equal(dry.StatusCode, 204);
    assert.equal(suite.emu.store.invocations.length, count, 'nothing ran');
    await expectLambdaError(
      suite.lambda.send(new InvokeWithResponseStreamCommand({ FunctionName: 'story-streamer', InvocationType: 'Event' as 'DryRun' })),
      'InvalidParameterValueException',
      400,
      "at 'invocationType' failed to satisfy constraint: Member must satisfy enum value set: [RequestResponse, DryRun]",
    );
    await expectLambdaError(suite.lambda.send(new InvokeWithResponseStreamCommand({ FunctionName: 'no-such-stream' })), 'ResourceNotFoundException', 404);
  });

  it('holds the handler back while the client does not read (backpressure), then delivers every byte', async () => {
    const MB = 1024 * 1024;
    suite.addCodeFunction(
      'progress-streamer',
      `exports.handler = awslambda.streamifyResponse(async (event, stream) => {
        const block = Buffer.alloc(64 * 1024, 7);
        for (let sent = 0; sent < event.bytes; sent += block.length) {
          if (sent % ${MB} === 0) console.log('progress ' + sent / ${MB});
          if (!stream.write(block)) await new Promise((r) => stream.once('drain', r));
        }
        stream.end();
      });`,
      { timeout: 60 },
    );
    const total = 32 * MB;
    const out = await suite.lambda.send(new InvokeWithResponseStreamCommand({ FunctionName: 'progress-streamer', Payload: JSON.stringify({ bytes: total }) }));
    const it = out.EventStream![Symbol.asyncIterator]();
    const first = await it.next();
    assert.ok(first.value?.PayloadChunk, 'a first chunk');
    let received = first.value.PayloadChunk.Payload.length as number;
    // Do not read for a while: the handler must stall, far from the end.
    await new Promise((r) => setTimeout(r, 1500));
    const rec = record(out);
    const progress = (): number => {
      const stream = suite.emu.store.logs.findGroup(DEMO_ACCOUNT, DEMO_REGION, '/aws/lambda/progress-streamer')!.streams.get(rec.logStreamName ?? '');
      const lines = (stream?.events ?? []).map((e) => /progress (\d+)/.exec(e.message)).filter((m) => m !== null);
      return lines.length ? Number(lines[lines.length - 1]![1]) : 0;
    };
    assert.equal(rec.status, 'running');
    const stalledAt = progress();
    assert.ok(stalledAt < 16, `the handler stalled at ${stalledAt} MB of 32`);
    for (let n = await it.next(); !n.done; n = await it.next()) {
      received += n.value.PayloadChunk?.Payload?.length ?? 0;
    }
    assert.equal(received, total);
    assert.equal(progress(), 31);
    assert.equal(record(out).status, 'success');
  });

  it('keeps the function running when the client goes away, as Lambda does', async () => {
    const abort = new AbortController();
    const out = await suite.lambda.send(new InvokeWithResponseStreamCommand({ FunctionName: 'story-streamer', Payload: '{"intervalMs":50}' }), { abortSignal: abort.signal });
    const it = out.EventStream![Symbol.asyncIterator]();
    assert.equal(Buffer.from((await it.next()).value.PayloadChunk.Payload).toString(), STORY_START);
    abort.abort();
    await assert.rejects(async () => {
      for (let n = await it.next(); !n.done; n = await it.next()) {
        /* drain until the abort lands */
      }
    });
    for (let i = 0; i < 100 && record(out).status === 'running'; i++) {
      await new Promise((r) => setTimeout(r, 20));
    }
    assert.equal(record(out).status, 'success');
    const whole = await suite.lambda.send(new InvokeCommand({ FunctionName: 'story-streamer', Payload: '{"intervalMs":0}' }));
    assert.equal(record(out).payloadBytes, whole.Payload?.length, 'the whole story was written');
  });

  it('cuts a stream over the streamed-response limit with Function.ResponseSizeTooLarge', async () => {
    const limits = suite.emu.store.limits;
    const saved = limits.streamedResponseBytes;
    limits.streamedResponseBytes = 1_000_000;
    try {
      const { r, out } = await stream({ FunctionName: 'bulk-streamer', Payload: JSON.stringify({ bytes: 3_000_000 }) });
      const got = Buffer.concat(r.chunks).length;
      assert.ok(got <= 1_000_000 && got > 900_000, `${got} bytes before the cut`);
      assert.equal(r.complete?.ErrorCode, 'Function.ResponseSizeTooLarge');
      assert.deepEqual(JSON.parse(r.complete?.ErrorDetails ?? '{}'), {
        errorMessage: 'Response payload size exceeded maximum allowed payload size (1000000 bytes).',
        errorType: 'Function.ResponseSizeTooLarge',
      });
      for (let i = 0; i < 100 && record(out).status === 'running'; i++) {
        await new Promise((res) => setTimeout(res, 20));
      }
      assert.equal(record(out).payloadBytes, 3_000_000, 'the handler ran to its end');
    } finally {
      limits.streamedResponseBytes = saved;
    }
    assert.equal(saved, 200 * 1024 * 1024, "Lambda's documented limit: 200 MB");
  });

  it('ends a stream cut by the timeout with Sandbox.Timedout', async () => {
    suite.addCodeFunction('stalling-streamer', "exports.handler = awslambda.streamifyResponse(async (e, s) => { s.write('first'); await new Promise(() => {}); });", { timeout: 1 });
    const { r, out } = await stream({ FunctionName: 'stalling-streamer' });
    assert.deepEqual(r.chunks.map(String), ['first']);
    assert.equal(r.complete?.ErrorCode, 'Sandbox.Timedout');
    assert.match(JSON.parse(r.complete?.ErrorDetails ?? '{}').errorMessage as string, new RegExp(`${out.$metadata.requestId} Task timed out after 1\\.00 seconds$`));
  });

  it('streams 16 MB intact and in order', async () => {
    const { r } = await stream({ FunctionName: 'bulk-streamer', Payload: JSON.stringify({ bytes: 16 * 1024 * 1024 }) });
    const all = Buffer.concat(r.chunks);
    assert.equal(all.length, 16 * 1024 * 1024);
    const block = Buffer.alloc(64 * 1024, 'lambda-workbench bulk stream\n');
    for (let i = 0; i < all.length; i += block.length) {
      assert.ok(all.subarray(i, i + block.length).equals(block), `block at ${i}`);
    }
    assert.ok(r.chunks.every((c) => c.length <= 64 * 1024), 'chunks of at most 64 KB');
  });

  it('cuts the connection mid-stream with the fault cutStreamAfterMs: the chunks before, then the iterator rejects; the function runs on', async () => {
    suite.emu.faults.set('InvokeWithResponseStream', { cutStreamAfterMs: 250, times: 1 });
    const t0 = performance.now();
    const out = await suite.lambda.send(new InvokeWithResponseStreamCommand({ FunctionName: 'story-streamer', Payload: '{"intervalMs":100}' }));
    const chunks: string[] = [];
    await assert.rejects(async () => {
      for await (const e of out.EventStream!) {
        if (e.PayloadChunk?.Payload) chunks.push(Buffer.from(e.PayloadChunk.Payload).toString());
      }
    });
    assert.ok(chunks.length >= 1 && chunks.length < 10, `${chunks.length} chunks before the cut`);
    assert.equal(chunks[0], STORY_START);
    assert.ok(performance.now() - t0 < 900, 'cut before the story ended');
    for (let i = 0; i < 100 && record(out).status === 'running'; i++) {
      await new Promise((r) => setTimeout(r, 20));
    }
    assert.equal(record(out).status, 'success', 'the function ran to its end');
  });
});
