/**
 * Answers the SDK cannot read after a 2xx, through the extension's own clients against the
 * emulator's faults: the bytes that came back are kept for the log, an accepted change is not
 * sent again, and a mapping update goes on from what the mapping is now.
 */
import * as assert from 'node:assert/strict';
import { InvokeWithResponseStreamCommand } from '@aws-sdk/client-lambda';
import { ClientCache, createLambdaClient, LambdaService } from '../../../src/aws';
import { describeAwsError, unreadableAnswer } from '../../../src/shared/awsErrors';
import { DEMO_ACCOUNT, DEMO_MAPPINGS, DEMO_REGION, Emulator, fixtures, startEmulator } from '../../emulator';

async function rejection(p: Promise<unknown>): Promise<unknown> {
  try {
    await p;
  } catch (err) {
    return err;
  }
  assert.fail('expected the call to fail');
}

describe('aws: an answer that cannot be read after a 2xx (emulator faults unreadableBody, contentType)', function () {
  this.timeout(20000);
  let emu: Emulator;
  const clients = new ClientCache();
  const saved = { creds: process.env.AWS_SHARED_CREDENTIALS_FILE, config: process.env.AWS_CONFIG_FILE };
  // The default attempts (3): retries would show in the request record.
  const service = () => new LambdaService({ profile: 'demo', region: DEMO_REGION, endpoint: emu.endpoint }, clients);
  const ops = (op: string) => emu.requests.filter((r) => r.operation === op).map((r) => r.status);

  before(async () => {
    emu = await startEmulator({ port: 0, seed: 'demo', quiet: true, stateDelayMs: 200 });
    process.env.AWS_SHARED_CREDENTIALS_FILE = fixtures.credentialsFile;
    process.env.AWS_CONFIG_FILE = fixtures.configFile;
  });
  after(async () => {
    clients.clear();
    await emu.stop();
    process.env.AWS_SHARED_CREDENTIALS_FILE = saved.creds;
    process.env.AWS_CONFIG_FILE = saved.config;
  });
  beforeEach(() => {
    emu.faults.clear();
    emu.clearRequests();
  });

  it('Put with a NaN body: accepted (the config changed), classified unreadable, the raw body kept for the log', async () => {
    emu.faults.set('PutFunctionEventInvokeConfig', { unreadableBody: 'nan', times: 1 });
    const err = await rejection(service().putEventInvokeConfig({ FunctionName: 'hello-world', MaximumRetryAttempts: 2, MaximumEventAgeInSeconds: 300 }));
    const u = unreadableAnswer(err);
    assert.ok(u, String(err));
    assert.equal(u.status, 200);
    assert.equal(u.why, 'notJson');
    assert.match(u.body ?? '', /"MaximumRetryAttempts":NaN/, 'the bytes that came back');
    assert.equal(u.requestId, emu.requests[0].requestId);
    assert.deepEqual(ops('PutFunctionEventInvokeConfig'), [200], 'sent once');
    const fn = emu.store.getFunction(DEMO_ACCOUNT, DEMO_REGION, 'hello-world')!;
    assert.equal(emu.store.getEventInvokeConfig(fn)?.maximumEventAgeInSeconds, 300);
  });

  it('Invoke whose answer is cut: the function ran once (no retry runs it again), the half that arrived is kept', async () => {
    emu.faults.set('Invoke', { unreadableBody: 'cut' });
    const err = await rejection(service().invoke({ functionName: 'hello-world', payload: new TextEncoder().encode('{"name":"once"}') }));
    const u = unreadableAnswer(err);
    assert.ok(u, String(err));
    assert.equal(u.why, 'cut');
    assert.ok((u.bodyBytes ?? 0) > 0, 'part of the payload arrived');
    assert.deepEqual(ops('Invoke'), [200], 'one invocation, not three');
    assert.equal(describeAwsError(err, { endpoint: emu.endpoint }).kind, 'unreadable', 'not "could not reach the endpoint"');
    const runs = emu.store.invocations.filter((i) => i.payload?.includes('once'));
    assert.equal(runs.length, 1);
  });

  it('a read whose answer is cut is still retried (a GET changes nothing)', async () => {
    emu.faults.set('GetFunctionConfiguration', { unreadableBody: 'cut', times: 1 });
    const config = await service().getFunctionConfiguration('hello-world');
    assert.equal(config.FunctionName, 'hello-world');
    assert.deepEqual(ops('GetFunctionConfiguration'), [200, 200]);
  });

  it('a mapping update answered with a web page: the mapping is read again and followed until it settles', async () => {
    emu.faults.set('UpdateEventSourceMapping', { contentType: 'text/html', times: 1 });
    const states: string[] = [];
    const r = await service().updateEventSourceMappingAndWait({ UUID: DEMO_MAPPINGS.ordersQueue, BatchSize: 9 }, { intervalMs: 50, onState: (s) => states.push(s) });
    assert.equal(r.unreadableAnswer?.why, 'html');
    assert.equal(r.unreadableAnswer?.status, 202);
    assert.equal(r.updated.BatchSize, 9, 'read again: what it is now');
    assert.equal(r.settled?.State, 'Enabled');
    assert.equal(states[0], 'Updating');
    assert.deepEqual(ops('UpdateEventSourceMapping'), [202]);
  });

  it('other answers are whole: streamed invocations are not buffered, normal calls still read', async () => {
    const out = await service().invoke({ functionName: 'hello-world', payload: new TextEncoder().encode('{"name":"whole"}') });
    assert.deepEqual(JSON.parse(new TextDecoder().decode(out.Payload)), { message: 'Hello, whole!', input: { name: 'whole' } });

    const client = createLambdaClient({ profile: 'demo', region: DEMO_REGION, endpoint: emu.endpoint });
    try {
      const stream = await client.send(new InvokeWithResponseStreamCommand({ FunctionName: 'story-streamer', Payload: '{"intervalMs":200}' }));
      const running: Array<string | undefined> = [];
      for await (const event of stream.EventStream ?? []) {
        if (event.PayloadChunk) {
          running.push(emu.store.findInvocation(stream.$metadata.requestId ?? '')?.status);
        }
      }
      assert.equal(running[0], 'running', 'the first chunk arrives while the function still runs (not buffered to the end)');
    } finally {
      client.destroy();
    }
  });
});
