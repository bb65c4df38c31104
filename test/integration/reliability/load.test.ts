/**
 * Load: 20 invocations started at once all complete, and each result is written whole, in one
 * block, never interleaved with another (asserted on what the Invoke API captured of the
 * "Lambda Invocations" channel).
 */
import * as assert from 'node:assert/strict';
import type { InvokeHooks, InvokeOutcome } from '../../../src/api';
import type { Emulator } from '../../emulator';
import { setup, waitFor } from '../support';
import { BadInputFolder, headerLine, invokeFile, target } from './helpers';

const COUNT = 20;

describe('Reliability: load (20 invocations at once)', function () {
  this.timeout(180_000);
  let emulator: Emulator;
  let invoke: InvokeHooks;
  let files: BadInputFolder;

  before(async () => {
    const s = await setup();
    emulator = s.emulator;
    invoke = s.api.invoke;
    files = new BadInputFolder('bad-input/load');
  });

  after(() => files.clean());

  it(`L1 ${COUNT} invocations started at once all complete, each result whole and not interleaved`, async () => {
    const names = Array.from({ length: COUNT }, (_, i) => `load-${String(i + 1).padStart(2, '0')}`);
    const uris = names.map((n) => files.write(`${n}.json`, JSON.stringify({ name: n })));
    const outputsBefore = invoke.outputs().length;
    const requestsBefore = emulator.requests.length;

    const started = names.map((_, i) => invokeFile(uris[i], target('hello-world')));
    await waitFor('the invocations to be in flight together', () => invoke.running() > 1, 10_000);
    const outcomes = (await Promise.all(started)) as Array<InvokeOutcome | undefined>;

    assert.equal(invoke.running(), 0, 'none is left waiting');
    const texts: string[] = [];
    outcomes.forEach((o, i) => {
      const name = names[i];
      assert.equal(o?.kind, 'result', `${name}: ${o?.text}`);
      assert.equal(o.statusCode, 200);
      const lines = o.text.split('\n');
      assert.match(lines[0], headerLine('hello-world (us-east-1)'));
      assert.equal(lines.filter((l) => l.startsWith('=== ')).length, 1, `${name}: one header`);
      assert.equal(lines[1], '✔ Succeeded');
      assert.equal(lines[lines.length - 1], '✔ Succeeded');
      assert.equal(lines[2], `Payload: bad-input/load/${name}.json (${JSON.stringify({ name }).length} bytes)`);
      assert.equal(lines.filter((l) => l.startsWith('Request ID: ')).length, 1);
      assert.ok(lines.includes(`Request ID: ${o.requestId}`), `${name}: its own request id`);
      // The log lines and the response are this invocation's, not another's.
      const start = lines.find((l) => l.startsWith('START RequestId: '));
      assert.equal(start, `START RequestId: ${o.requestId} Version: $LATEST`);
      assert.ok(lines.some((l) => l.endsWith(`\tINFO\tSaying hello to ${name}`) && l.includes(o.requestId!)), `${name}: its own log line`);
      assert.ok(lines.includes(`  "message": "Hello, ${name}!",`), `${name}: its own response`);
      assert.ok(!names.some((other) => other !== name && o.text.includes(`${other}.json`)), `${name}: no other payload named`);
      texts.push(o.text);
    });
    assert.equal(new Set(outcomes.map((o) => o?.requestId)).size, COUNT, 'twenty different request ids');

    // What the channel got: exactly these twenty blocks, each appended whole, one after another.
    const written = invoke.outputs().slice(outputsBefore);
    assert.equal(written.length, COUNT);
    assert.deepEqual([...written].sort(), [...texts].sort());
    const tail = written.map((t) => `${t}\n\n`).join('');
    assert.ok(invoke.channelText().endsWith(tail), 'the channel ends with the twenty blocks, each whole, in the order they finished');

    const sent = emulator.requests.slice(requestsBefore).filter((r) => r.operation === 'Invoke');
    assert.equal(sent.length, COUNT, 'one request each, no retries');
    assert.ok(sent.every((r) => r.status === 200));
  });
});
