import * as assert from 'node:assert/strict';
import { getEventListeners } from 'node:events';
import * as net from 'node:net';
import { ClientCache, LambdaService, listProfiles, defaultRegion } from '../../../src/aws';
import { describeAwsError } from '../../../src/shared/awsErrors';
import { DEMO_MAPPINGS, Emulator, fixtures, startEmulator } from '../../emulator';

describe('aws/LambdaService against the local emulator', function () {
  let emu: Emulator;
  const clients = new ClientCache();
  const saved = { creds: process.env.AWS_SHARED_CREDENTIALS_FILE, config: process.env.AWS_CONFIG_FILE, profile: process.env.AWS_PROFILE };

  before(async () => {
    emu = await startEmulator({ port: 0, seed: 'demo', quiet: true });
    emu.seedSynthetic(120, { region: 'ap-south-1' });
    process.env.AWS_SHARED_CREDENTIALS_FILE = fixtures.credentialsFile;
    process.env.AWS_CONFIG_FILE = fixtures.configFile;
    delete process.env.AWS_PROFILE;
  });
  after(async () => {
    clients.clear();
    await emu.stop();
    process.env.AWS_SHARED_CREDENTIALS_FILE = saved.creds;
    process.env.AWS_CONFIG_FILE = saved.config;
    if (saved.profile !== undefined) process.env.AWS_PROFILE = saved.profile;
  });

  const service = (profile: string, region = 'us-east-1', maxAttempts = 1) => new LambdaService({ profile, region, endpoint: emu.endpoint, maxAttempts }, clients);

  it('lists one page at a time with a marker, and every page through the paginator', async () => {
    const s = service('demo', 'ap-south-1');
    const first = await s.listFunctionsPage(undefined, 50);
    assert.equal(first.items.length, 50);
    assert.ok(first.nextMarker);
    const second = await s.listFunctionsPage(first.nextMarker, 50);
    assert.equal(second.items.length, 50);
    assert.notEqual(second.items[0].FunctionName, first.items[0].FunctionName);
    const third = await s.listFunctionsPage(second.nextMarker, 50);
    assert.equal(third.items.length, 20);
    assert.equal(third.nextMarker, undefined);
    const pages: number[] = [];
    const all = await s.listAllFunctions({ onPage: (n) => pages.push(n) });
    assert.equal(all.length, 120);
    assert.deepEqual(pages, [50, 100, 120]);
    assert.equal(new Set(all.map((f) => f.FunctionName)).size, 120);
  });

  it('lists versions without $LATEST, aliases with routing, and invoke configs per qualifier', async () => {
    const s = service('demo');
    const versions = await s.listVersions('hello-world');
    assert.deepEqual(versions.map((v) => v.Version), ['1', '2']);
    const aliases = await s.listAliases('hello-world');
    const byName = Object.fromEntries(aliases.map((a) => [a.Name, a]));
    assert.equal(byName.live.FunctionVersion, '2');
    assert.deepEqual(byName.canary.RoutingConfig?.AdditionalVersionWeights, { '1': 0.1 });
    const configs = await s.listEventInvokeConfigs('hello-world');
    assert.equal(configs.length, 1);
    assert.match(configs[0].FunctionArn ?? '', /:function:hello-world:live$/);
    assert.equal(await s.getEventInvokeConfig('hello-world'), undefined, '$LATEST of hello-world has no config');
    const order = await s.getEventInvokeConfig('order-processor');
    assert.equal(order?.MaximumRetryAttempts, 1);
    assert.equal(order?.MaximumEventAgeInSeconds, 3600);
    assert.ok(order?.LastModified instanceof Date);
  });

  it('sees the account of the profile: other lists only its own function', async () => {
    const names = (await service('other').listAllFunctions()).map((f) => f.FunctionName);
    assert.deepEqual(names, ['other-account-fn']);
    const demoNames = (await service('demo').listAllFunctions()).map((f) => f.FunctionName);
    assert.ok(demoNames.includes('hello-world'));
    assert.ok(!demoNames.includes('other-account-fn'));
  });

  it('filters event source mappings by function', async () => {
    const s = service('demo');
    const all = await s.listAllEventSourceMappings();
    assert.ok(all.length >= 3, `expected the demo mappings in us-east-1, got ${all.length}`);
    const ofOrder = await s.listEventSourceMappingsPage({ functionName: 'order-processor' });
    assert.equal(ofOrder.items.length, 1);
    assert.match(ofOrder.items[0].EventSourceArn ?? '', /orders-queue$/);
  });

  it('invokes with the log tail and the executed version of an alias', async () => {
    const out = await service('demo').invoke({ functionName: 'hello-world', qualifier: 'live', payload: new TextEncoder().encode('{"name":"Ada"}') });
    assert.equal(out.StatusCode, 200);
    assert.equal(out.ExecutedVersion, '2');
    assert.equal(out.FunctionError, undefined);
    assert.ok(out.requestId);
    const log = Buffer.from(out.LogResult ?? '', 'base64').toString('utf8');
    assert.match(log, /^START RequestId: /m);
    assert.match(log, /^REPORT RequestId: .*Duration: [\d.]+ ms/m);
    assert.equal(JSON.parse(new TextDecoder().decode(out.Payload)).message, 'Hello, Ada!');
  });

  it('aborts an invocation through the abort signal', async () => {
    const controller = new AbortController();
    const started = Date.now();
    setTimeout(() => controller.abort(), 200);
    await assert.rejects(service('demo').invoke({ functionName: 'report-builder', payload: new TextEncoder().encode('{}') }, { signal: controller.signal }), (err: Error) => {
      assert.equal(err.name, 'AbortError');
      return true;
    });
    assert.ok(Date.now() - started < 2000, 'the abort returned before the function finished');
  });

  it('polls a settling mapping 20 times on one signal without piling up abort listeners', async () => {
    const s = service('demo');
    const warnings: string[] = [];
    const onWarning = (w: Error) => warnings.push(`${w.name}: ${w.message}`);
    process.on('warning', onWarning);
    const controller = new AbortController();
    let polls = 0;
    try {
      // audit-queue stays Creating for a minute after the emulator starts: it never settles here.
      await assert.rejects(
        s.waitForMappingToSettle(DEMO_MAPPINGS.auditQueue, {
          signal: controller.signal,
          intervalMs: 1,
          onState: (state) => {
            assert.equal(state, 'Creating');
            if (++polls === 20) {
              controller.abort();
            }
          },
        }),
        (err: Error) => err.name === 'AbortError',
      );
      await new Promise((r) => setImmediate(r)); // let a pending warning be emitted
    } finally {
      process.off('warning', onWarning);
    }
    assert.equal(polls, 20);
    assert.deepEqual(warnings.filter((w) => w.startsWith('MaxListenersExceededWarning')), []);
    assert.ok(getEventListeners(controller.signal, 'abort').length <= 1, `${getEventListeners(controller.signal, 'abort').length} abort listeners left`);
  });

  it('sends a mapping update whole and stops only the wait when the signal aborts', async () => {
    const s = service('demo');
    const controller = new AbortController();
    const states: string[] = [];
    const { updated, settled } = await s.updateEventSourceMappingAndWait(
      { UUID: DEMO_MAPPINGS.ordersQueue, BatchSize: 9 },
      {
        signal: controller.signal,
        intervalMs: 1,
        onState: (state) => {
          states.push(state);
          controller.abort(); // at the first state: the update was sent, the wait stops
        },
      },
    );
    assert.equal(updated.BatchSize, 9);
    assert.equal(settled, undefined, 'the wait was stopped');
    assert.equal(states[0], updated.State);
    assert.equal((await s.getEventSourceMapping(DEMO_MAPPINGS.ordersQueue)).BatchSize, 9, 'the change was made');
  });

  it('raises typed exceptions that describeAwsError turns into a hint', async () => {
    const err = await service('demo').getFunctionConfiguration('no-such-function').then(() => undefined, (e: unknown) => e);
    const d = describeAwsError(err, { region: 'us-east-1', profile: 'demo' });
    assert.equal(d.name, 'ResourceNotFoundException');
    assert.equal(d.status, 404);
    assert.match(d.hint ?? '', /region \(us-east-1\)/);
  });

  it('reports an unknown access key as UnrecognizedClientException (403)', async () => {
    const err = await service('unknown').listFunctionsPage().then(() => undefined, (e: unknown) => e);
    const d = describeAwsError(err, { profile: 'unknown' });
    assert.equal(d.name, 'UnrecognizedClientException');
    assert.equal(d.status, 403);
  });

  it('reports an endpoint that is down as a network error naming the endpoint', async () => {
    const port = await new Promise<number>((resolve) => {
      const srv = net.createServer().listen(0, '127.0.0.1', () => {
        const p = (srv.address() as net.AddressInfo).port;
        srv.close(() => resolve(p));
      });
    });
    const endpoint = `http://127.0.0.1:${port}`;
    const s = new LambdaService({ profile: 'demo', region: 'us-east-1', endpoint, maxAttempts: 1 }, clients);
    const err = await s.listFunctionsPage().then(() => undefined, (e: unknown) => e);
    const d = describeAwsError(err, { endpoint });
    assert.equal(d.kind, 'network');
    assert.match(d.hint ?? '', new RegExp(`Could not reach the Lambda endpoint ${endpoint.replace(/\./g, '\\.')}`));
  });

  it('retries throttling with the SDK retry strategy', async () => {
    emu.clearRequests();
    emu.faults.set('ListFunctions', { throttle: true, times: 2 });
    const page = await service('demo', 'us-east-1', 3).listFunctionsPage();
    assert.ok(page.items.length > 0);
    assert.equal(emu.requests.filter((r) => r.operation === 'ListFunctions').length, 3);
  });

  it('reads profiles and their regions from the shared files', async () => {
    const profiles = await listProfiles();
    const names = profiles.map((p) => p.name);
    for (const n of ['default', 'demo', 'other', 'unknown']) assert.ok(names.includes(n), `profile ${n} listed`);
    assert.equal(names[0], 'default');
    assert.equal(profiles.find((p) => p.name === 'demo')?.kind, 'keys');
    assert.equal(await defaultRegion('demo'), 'us-east-1');
  });
});
