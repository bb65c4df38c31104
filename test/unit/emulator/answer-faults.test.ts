import * as assert from 'node:assert/strict';
import {
  InvokeCommand,
  InvokeWithResponseStreamCommand,
  PutFunctionEventInvokeConfigCommand,
  UpdateEventSourceMappingCommand,
  UpdateFunctionEventInvokeConfigCommand,
} from '@aws-sdk/client-lambda';
import { DEMO_ACCOUNT, DEMO_MAPPINGS, DEMO_REGION } from '../../emulator';
import { emulatorForSuite, rawRequest, type SdkError } from '../../emulator/testing';

/** The SDK's failure when it cannot read an answer: the call rejects although the status was 2xx. */
async function unreadable(p: Promise<unknown>, status: number, kind: RegExp): Promise<SdkError> {
  let caught: SdkError | undefined;
  try {
    await p;
  } catch (e) {
    caught = e as SdkError;
  }
  assert.ok(caught, 'the SDK could not read the answer');
  assert.match(caught.message, kind);
  assert.match(caught.message, /Deserialization error/);
  assert.equal(caught.$metadata?.httpStatusCode, status);
  return caught;
}

describe('Lambda emulator: answers the SDK cannot read (faults after the operation)', function () {
  this.timeout(20000);
  const suite = emulatorForSuite({ stateDelayMs: 200 });
  const hello = () => suite.emu.store.getFunction(DEMO_ACCOUNT, DEMO_REGION, 'hello-world')!;

  beforeEach(() => {
    suite.emu.faults.clear();
    suite.emu.clearRequests();
  });

  it('unreadable body: PutFunctionEventInvokeConfig replaces the config, then answers cut-off JSON', async () => {
    suite.emu.faults.set('PutFunctionEventInvokeConfig', { unreadableBody: true, times: 1 });
    await unreadable(suite.lambda.send(new PutFunctionEventInvokeConfigCommand({ FunctionName: 'hello-world', MaximumRetryAttempts: 2, MaximumEventAgeInSeconds: 120 })), 200, /Unterminated|Unexpected end|JSON/);
    const config = suite.emu.store.getEventInvokeConfig(hello());
    assert.equal(config?.maximumRetryAttempts, 2, 'the change was made');
    assert.equal(config?.maximumEventAgeInSeconds, 120);
    const [req] = suite.emu.requests;
    assert.equal(req.status, 200);
    assert.match(req.fault ?? '', /unreadableBody/);
    // times: 1 — the next answer is whole again.
    const again = await suite.lambda.send(new PutFunctionEventInvokeConfigCommand({ FunctionName: 'hello-world', MaximumRetryAttempts: 1 }));
    assert.equal(again.MaximumRetryAttempts, 1);
  });

  it('unreadable body "nan": UpdateFunctionEventInvokeConfig merges, then writes its numbers as NaN', async () => {
    suite.emu.store.putEventInvokeConfig(hello(), { qualifier: '$LATEST', maximumRetryAttempts: 1 });
    suite.emu.faults.set('UpdateFunctionEventInvokeConfig', { unreadableBody: 'nan' });
    await unreadable(suite.lambda.send(new UpdateFunctionEventInvokeConfigCommand({ FunctionName: 'hello-world', MaximumEventAgeInSeconds: 600 })), 200, /NaN/);
    assert.equal(suite.emu.store.getEventInvokeConfig(hello())?.maximumEventAgeInSeconds, 600);
  });

  it('unexpected content type: UpdateEventSourceMapping is carried out, then a text/html page comes back', async () => {
    suite.emu.faults.set('UpdateEventSourceMapping', { contentType: 'text/html' });
    await unreadable(suite.lambda.send(new UpdateEventSourceMappingCommand({ UUID: DEMO_MAPPINGS.ordersQueue, BatchSize: 7 })), 202, /Unexpected token '<'/);
    const mapping = suite.emu.store.getMapping(DEMO_MAPPINGS.ordersQueue)!;
    assert.equal(mapping.settings.BatchSize, 7);
    assert.equal(mapping.state, 'Updating');
  });

  it('unreadable body on Invoke: the function runs, the payload never arrives whole', async () => {
    suite.emu.faults.set('Invoke', { unreadableBody: true });
    const err = await unreadable(suite.lambda.send(new InvokeCommand({ FunctionName: 'hello-world', Payload: '{"name":"cut"}' })), 200, /aborted/);
    assert.equal(err.code, 'ECONNRESET');
    const [req] = suite.emu.requests;
    const rec = suite.emu.store.findInvocation(req.requestId)!;
    assert.equal(rec.status, 'success');
    assert.deepEqual(JSON.parse(rec.payload!), { message: 'Hello, cut!', input: { name: 'cut' } });
    await unreadable(suite.lambda.send(new InvokeCommand({ FunctionName: 'hello-world', InvocationType: 'Event' })), 202, /aborted/);
  });

  it('unexpected content type on Invoke: the SDK hands the page over as the payload (Invoke payloads are opaque)', async () => {
    suite.emu.faults.set('Invoke', { contentType: 'text/html; charset=utf-8' });
    const out = await suite.lambda.send(new InvokeCommand({ FunctionName: 'hello-world', Payload: '{"name":"page"}' }));
    assert.equal(out.StatusCode, 200);
    assert.match(Buffer.from(out.Payload!).toString(), /^<!DOCTYPE html>/);
    const rec = suite.emu.store.findInvocation(out.$metadata.requestId!)!;
    assert.deepEqual(JSON.parse(rec.payload!), { message: 'Hello, page!', input: { name: 'page' } }, 'the function ran and answered');
  });

  it('spoils InvokeWithResponseStream too: a bad checksum, or a page instead of the event stream', async () => {
    suite.emu.faults.set('InvokeWithResponseStream', { unreadableBody: true, times: 1 });
    const read = async (): Promise<void> => {
      const out = await suite.lambda.send(new InvokeWithResponseStreamCommand({ FunctionName: 'story-streamer', Payload: '{"intervalMs":0}' }));
      for await (const e of out.EventStream!) {
        assert.ok(e);
      }
    };
    await assert.rejects(read(), /checksum/);
    suite.emu.faults.set('InvokeWithResponseStream', { contentType: 'text/html', times: 1 });
    await assert.rejects(read(), /Truncated event message|checksum|prelude/i);
    const ran = suite.emu.requests.map((r) => suite.emu.store.findInvocation(r.requestId)?.status);
    for (let i = 0; i < 100 && ran.includes('running'); i++) {
      await new Promise((r) => setTimeout(r, 20));
      ran.splice(0, ran.length, ...suite.emu.requests.map((r) => suite.emu.store.findInvocation(r.requestId)?.status));
    }
    assert.deepEqual(ran, ['success', 'success'], 'both streams ran to their end');
  });

  it('sets these faults from the control endpoint, and checks them', async () => {
    const post = (body: unknown) => rawRequest(suite.emu.endpoint, { method: 'POST', path: '/__emulator/faults', body: JSON.stringify(body) });
    const ok = await post({ operation: '*', unreadableBody: 'cut', times: 1 });
    assert.equal(ok.status, 200);
    assert.deepEqual((ok.json as { faults: unknown[] }).faults, [{ operation: '*', unreadableBody: 'cut', times: 1 }]);
    await unreadable(suite.lambda.send(new PutFunctionEventInvokeConfigCommand({ FunctionName: 'hello-world' })), 200, /aborted/);
    assert.equal((await post({ operation: 'Invoke', contentType: 'text/html' })).status, 200);
    assert.equal((await post({ operation: 'Invoke', unreadableBody: 'garbled' })).status, 400);
    assert.equal((await post({ operation: 'Invoke', contentType: '' })).status, 400);
  });
});
