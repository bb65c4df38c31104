import * as assert from 'node:assert/strict';
import { ClientCache, LambdaService, type StreamEvent } from '../../../src/aws';
import { Emulator, fixtures, startEmulator } from '../../emulator';

describe('aws: InvokeWithResponseStream and the function URL InvokeMode against the local emulator', function () {
  this.timeout(20000);
  let emu: Emulator;
  const clients = new ClientCache();
  const saved = { creds: process.env.AWS_SHARED_CREDENTIALS_FILE, config: process.env.AWS_CONFIG_FILE };

  before(async () => {
    emu = await startEmulator({ port: 0, seed: 'demo', quiet: true });
    process.env.AWS_SHARED_CREDENTIALS_FILE = fixtures.credentialsFile;
    process.env.AWS_CONFIG_FILE = fixtures.configFile;
  });
  after(async () => {
    clients.clear();
    await emu.stop();
    process.env.AWS_SHARED_CREDENTIALS_FILE = saved.creds;
    process.env.AWS_CONFIG_FILE = saved.config;
  });

  const service = () => new LambdaService({ profile: 'demo', region: 'us-east-1', endpoint: emu.endpoint, maxAttempts: 1 }, clients);
  const urlLookups = () => emu.requests.filter((r) => r.operation === 'GetFunctionUrlConfig').length;

  async function collect(events: AsyncIterable<StreamEvent>): Promise<{ chunks: string[]; complete?: StreamEvent }> {
    const chunks: string[] = [];
    let complete: StreamEvent | undefined;
    for await (const e of events) {
      if (e.kind === 'chunk') chunks.push(Buffer.from(e.bytes).toString());
      else complete = e;
    }
    return { chunks, complete };
  }

  it('streams the chunks, then the completion with the log; sends the qualifier, tenant-free options and log type', async () => {
    const out = await service().invokeStream({ functionName: 'broken-streamer', logType: 'Tail', payload: new TextEncoder().encode('{}') });
    assert.equal(out.StatusCode, 200);
    assert.equal(out.ExecutedVersion, '$LATEST');
    assert.equal(out.ResponseStreamContentType, 'application/vnd.amazon.eventstream');
    assert.ok(out.requestId);
    const r = await collect(out.events);
    assert.deepEqual(r.chunks, ['Part 1 of 5\n', 'Part 2 of 5\n', 'Part 3 of 5\n']);
    assert.equal(r.complete?.kind, 'complete');
    if (r.complete?.kind !== 'complete') return;
    assert.equal(r.complete.errorCode, 'Error');
    assert.match(r.complete.errorDetails ?? '', /The stream broke after part 3/);
    assert.match(Buffer.from(r.complete.logResult ?? '', 'base64').toString(), /About to fail after part 3/);
    const v = await service().invokeStream({ functionName: 'hello-world', qualifier: 'live', logType: 'None' });
    assert.equal(v.ExecutedVersion, '2');
    const none = await collect(v.events);
    assert.equal(none.complete?.kind === 'complete' ? none.complete.logResult : 'x', undefined, 'no log asked, none given');
    const dry = await service().invokeStream({ functionName: 'story-streamer', invocationType: 'DryRun' });
    assert.equal(dry.StatusCode, 204);
    assert.deepEqual(await collect(dry.events), { chunks: [], complete: undefined });
  });

  it('aborts mid-stream with the signal: the iteration rejects', async () => {
    const ac = new AbortController();
    const out = await service().invokeStream({ functionName: 'story-streamer', payload: new TextEncoder().encode('{"intervalMs":100}') }, { signal: ac.signal });
    const it = out.events[Symbol.asyncIterator]();
    const first = await it.next();
    assert.equal(first.value?.kind, 'chunk');
    ac.abort();
    await assert.rejects(async () => {
      for (let n = await it.next(); !n.done; n = await it.next()) {
        /* until the abort lands */
      }
    });
  });

  it('reads the InvokeMode of a function URL once (alias, then the function; none for a version) and keeps it', async () => {
    const s = service();
    const before = urlLookups();
    assert.equal(await s.invokeMode('story-streamer'), 'RESPONSE_STREAM');
    assert.equal(await s.invokeMode('story-streamer'), 'RESPONSE_STREAM');
    assert.equal(urlLookups() - before, 1, 'asked once');
    assert.equal(await s.invokeMode('hello-world'), 'BUFFERED');
    assert.equal(await s.invokeMode('order-processor'), undefined, 'no URL: undefined (404)');
    assert.equal(await s.invokeMode('order-processor'), undefined);
    const mid = urlLookups();
    assert.equal(await s.invokeMode('hello-world', '1'), 'BUFFERED', "a version: the function's own URL");
    assert.equal(await s.invokeMode('hello-world', 'canary'), 'BUFFERED', "an alias without a URL: the function's");
    const lookups = emu.requests.filter((r) => r.operation === 'GetFunctionUrlConfig').slice(-3);
    assert.deepEqual(
      lookups.map((r) => [r.query.Qualifier ?? '', r.status]),
      [
        ['', 200],
        ['canary', 404],
        ['', 200],
      ],
    );
    assert.equal(urlLookups() - mid, 3);
  });

  it('does not keep a lookup that failed: the next call asks again', async () => {
    const s = service();
    emu.faults.set('GetFunctionUrlConfig', { status: 500, times: 1 });
    await assert.rejects(s.invokeMode('html-streamer'), (e: Error & { $metadata?: { httpStatusCode?: number } }) => e.$metadata?.httpStatusCode === 500);
    assert.equal(await s.invokeMode('html-streamer'), 'RESPONSE_STREAM');
  });
});
