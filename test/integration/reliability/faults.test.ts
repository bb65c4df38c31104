/**
 * Faults injected with the emulator (throttling, 5xx, dropped connections, an endpoint that
 * is down, slow answers, unknown and expired credentials, conflicts): the SDK's retries show
 * in the request record, the message says what happened and what to do, the views show an
 * error node with Retry, nothing is half-applied, and a later retry succeeds.
 */
import * as assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { ApplyOutcome } from '../../../src/api';
import type { TestHooks } from '../../../src/api';
import { DEMO_ACCOUNT, DEMO_FUNCTIONS, DEMO_MAPPINGS, DEMO_REGION, type Emulator, type Fault, fixtures } from '../../emulator';
import { resetOrderProcessor } from '../config/helpers';
import { configure, setup, waitFor, withAnswers } from '../support';
import { ofKind, type Provider, rows, type Row } from '../tree/treeSupport';
import { BadInputFolder, invokeFile, nothingSent, Notifications, setEnv, settled, sleep, target } from './helpers';

const FUNCTIONS = [...DEMO_FUNCTIONS[DEMO_ACCOUNT][DEMO_REGION]];
const LIST_ERROR = 'Could not list the functions in us-east-1';

/** Statuses the emulator recorded for `operation` since `from`. */
function statuses(emulator: Emulator, operation: string, from: number): number[] {
  return emulator.requests.slice(from).filter((r) => r.operation === operation).map((r) => r.status);
}

/** The largest delay of a 50 ms timer while it runs: the extension host's event loop stays free. */
function lagMonitor(): { stop(): number } {
  let max = 0;
  let last = Date.now();
  const timer = setInterval(() => {
    const now = Date.now();
    max = Math.max(max, now - last - 50);
    last = now;
  }, 50);
  return {
    stop() {
      clearInterval(timer);
      return max;
    },
  };
}

function closedPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const port = (server.address() as net.AddressInfo).port;
      server.close(() => resolve(port));
    });
  });
}

describe('Reliability: faults (clear messages, error nodes, nothing half-applied, retry works)', function () {
  this.timeout(120_000);
  let emulator: Emulator;
  let api: TestHooks;
  let fp: Provider;
  let files: BadInputFolder;
  let notes: Notifications;
  let hello: vscode.Uri;
  let eic: vscode.Uri;

  before(async () => {
    ({ emulator, api } = await setup());
    fp = api.views.functionsProvider;
    files = new BadInputFolder('bad-input/faults');
    hello = files.write('hello.json', '{"name": "faults"}');
    eic = files.write('order-processor.faults.event-invoke-config.json', JSON.stringify({ FunctionName: 'order-processor', MaximumRetryAttempts: 2 }, null, 2));
  });

  beforeEach(async () => {
    notes = new Notifications(api);
    emulator.faults.clear();
    resetOrderProcessor(emulator);
    // The views' listings after the last settings change are done.
    await settled(emulator);
  });

  afterEach(async () => {
    notes.dispose();
    emulator.faults.clear();
    await configure({ profile: 'demo', regions: ['us-east-1'], endpoint: emulator.endpoint });
  });

  after(async () => {
    resetOrderProcessor(emulator);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    files.clean();
  });

  async function listed(): Promise<Row[]> {
    api.views.refresh();
    return rows(fp);
  }

  async function errorNode(): Promise<Row> {
    const top = await listed();
    assert.equal(top.length, 1, top.map((r) => `${r.label}: ${r.description}`).join('\n'));
    const error = top[0];
    assert.equal(error.contextValue, 'error');
    assert.equal(error.label, LIST_ERROR);
    assert.equal(error.item.command?.command, 'lambdaWorkbench.retry', 'clicking the node retries');
    assert.match(error.tooltip, /Click to retry\./);
    return error;
  }

  async function retryLists(error: Row): Promise<void> {
    await vscode.commands.executeCommand('lambdaWorkbench.retry', error.node);
    assert.deepEqual(ofKind(await rows(fp), 'function').map((r) => r.label), FUNCTIONS, 'Retry lists the functions');
  }

  /** Put (replace) of the test file, answering the confirmation. */
  function put(): Promise<ApplyOutcome | undefined> {
    return withAnswers([(q) => q.buttons?.find((b) => b.startsWith('Replace'))], () => vscode.commands.executeCommand<ApplyOutcome>('lambdaWorkbench.putEventInvokeConfig', eic)).then((r) => r.result);
  }

  function retriesOfOrderProcessor(): number | undefined {
    const fn = emulator.store.getFunction(DEMO_ACCOUNT, DEMO_REGION, 'order-processor');
    assert.ok(fn);
    return emulator.store.getEventInvokeConfig(fn, '$LATEST')?.maximumRetryAttempts;
  }

  it('F1 throttling: the SDK retries (seen in the request record), then the view shows an error node; Retry lists', async () => {
    let from = emulator.requests.length;
    emulator.faults.set('ListFunctions', { throttle: true, retryAfterSeconds: 0, times: 2 });
    assert.deepEqual(ofKind(await listed(), 'function').map((r) => r.label), FUNCTIONS, 'two throttles are absorbed by the retries');
    assert.deepEqual(statuses(emulator, 'ListFunctions', from), [429, 429, 200]);

    from = emulator.requests.length;
    emulator.faults.set('ListFunctions', { throttle: true, retryAfterSeconds: 0 });
    const error = await errorNode();
    assert.equal(error.description, 'TooManyRequestsException (429): Rate exceeded [CallerRateLimitExceeded]');
    assert.match(error.tooltip, /Throttled: the function or account is at its concurrency or request-rate limit\. Retry later or raise the limit\./);
    assert.deepEqual(statuses(emulator, 'ListFunctions', from), [429, 429, 429], 'three attempts (maxAttempts 3)');
    emulator.faults.clear();
    await retryLists(error);
  });

  it('F2 throttling of Invoke: three attempts, then a clear message; the next invoke succeeds', async () => {
    const from = emulator.requests.length;
    emulator.faults.set('Invoke', { throttle: true, retryAfterSeconds: 0, times: 3 });
    const o = await invokeFile(hello, target('hello-world'));
    assert.equal(o?.kind, 'apiError');
    assert.deepEqual(statuses(emulator, 'Invoke', from), [429, 429, 429]);
    const message =
      'Invoke hello-world (us-east-1) failed: Rate exceeded — Throttled: the function or account is at its concurrency or request-rate limit. Retry later or raise the limit.';
    assert.equal(o?.error, message);
    assert.equal(await notes.lastError(), message);
    assert.ok(o?.text.split('\n').includes('Reason: CallerRateLimitExceeded'), o?.text);
    const again = await invokeFile(hello, target('hello-world'));
    assert.equal(again?.kind, 'result');
    assert.equal(again?.statusCode, 200);
  });

  it('F3 500s: retried, then the error node / message; a failed Put changes nothing; retry succeeds', async () => {
    let from = emulator.requests.length;
    emulator.faults.set('ListFunctions', { status: 500, error: 'ServiceException', message: 'injected internal error' });
    const error = await errorNode();
    assert.equal(error.description, 'ServiceException (500): injected internal error');
    assert.match(error.tooltip, /AWS Lambda had an internal error\. Retry in a moment\./);
    assert.deepEqual(statuses(emulator, 'ListFunctions', from), [500, 500, 500]);

    from = emulator.requests.length;
    emulator.faults.set('PutFunctionEventInvokeConfig', { status: 503, error: 'ServiceException', message: 'injected unavailable' });
    const failed = await put();
    assert.equal(failed?.status, 'failed');
    assert.deepEqual(statuses(emulator, 'PutFunctionEventInvokeConfig', from), [503, 503, 503]);
    assert.equal(await notes.lastError(), 'order-processor (us-east-1) was not changed: injected unavailable — AWS Lambda had an internal error. Retry in a moment.');
    assert.equal(retriesOfOrderProcessor(), 1, 'nothing applied');

    emulator.faults.clear();
    await retryLists(error);
    const applied = await put();
    assert.equal(applied?.status, 'applied');
    assert.equal(retriesOfOrderProcessor(), 2);
  });

  it('F4 dropped connections: retried; a drop that persists is a clear message; nothing half-applied', async () => {
    let from = emulator.requests.length;
    emulator.faults.set('ListFunctions', { drop: true, times: 1 });
    assert.deepEqual(ofKind(await listed(), 'function').map((r) => r.label), FUNCTIONS);
    assert.deepEqual(statuses(emulator, 'ListFunctions', from), [0, 200], 'the dropped attempt, then the retry');

    from = emulator.requests.length;
    emulator.faults.set('Invoke', { drop: true });
    const o = await invokeFile(hello, target('hello-world'));
    assert.equal(o?.kind, 'apiError');
    assert.deepEqual(statuses(emulator, 'Invoke', from), [0, 0, 0]);
    assert.match(o?.error ?? '', /^Invoke hello-world \(us-east-1\) failed: The connection closed before an answer came\. — Could not reach the Lambda endpoint http:\/\/127\.0\.0\.1:\d+\. Is it running\? Check the lambdaWorkbench\.endpoint setting\.$/);
    assert.equal(await notes.lastError(), o?.error);

    from = emulator.requests.length;
    emulator.faults.set('PutFunctionEventInvokeConfig', { drop: true });
    const failed = await put();
    assert.equal(failed?.status, 'failed');
    assert.deepEqual(statuses(emulator, 'PutFunctionEventInvokeConfig', from), [0, 0, 0]);
    assert.equal(retriesOfOrderProcessor(), 1, 'nothing applied');

    emulator.faults.clear();
    assert.equal((await invokeFile(hello, target('hello-world')))?.kind, 'result');
    assert.equal((await put())?.status, 'applied');
  });

  it('F5 the endpoint is down: error node, invoke and apply messages, nothing sent; back up, Retry works', async () => {
    const port = await closedPort();
    const down = `http://127.0.0.1:${port}`;
    await configure({ endpoint: down });
    const hint = `Could not reach the Lambda endpoint ${down}. Is it running? Check the lambdaWorkbench.endpoint setting.`;
    const error = await nothingSent(emulator, () => errorNode(), 'all');
    assert.equal(error.description, 'No connection: The connection was refused.');
    assert.ok(error.tooltip.includes(hint), error.tooltip);

    const o = await nothingSent(emulator, () => invokeFile(hello, target('hello-world')), 'all');
    assert.equal(o?.error, `Invoke hello-world (us-east-1) failed: The connection was refused. — ${hint}`);
    assert.ok(o?.text.split('\n').includes('Status: (no response)'), o?.text);

    const failed = await nothingSent(emulator, () => put(), 'all');
    assert.equal(failed?.status, 'failed');
    assert.equal(await notes.lastError(), `order-processor (us-east-1) was not changed: The connection was refused. — ${hint}`);
    assert.equal(retriesOfOrderProcessor(), 1);

    await configure({ endpoint: emulator.endpoint });
    await retryLists(error);
    assert.equal((await invokeFile(hello, target('hello-world')))?.kind, 'result');
  });

  it('F6 very slow answers: other commands complete meanwhile; the event loop stays free', async () => {
    emulator.faults.set('ListFunctions', { latencyMs: 6000 });
    const lag = lagMonitor();
    const started = Date.now();
    const listing = listed();
    await sleep(200);
    const o = await invokeFile(hello, target('hello-world'));
    const invokedAfter = Date.now() - started;
    assert.equal(o?.kind, 'result');
    assert.ok(invokedAfter < 5000, `the invocation completed while the listing waited (${invokedAfter} ms)`);
    const filtered = await vscode.commands.executeCommand<string | undefined>('lambdaWorkbench.filterFunctions', 'order');
    assert.equal(filtered, 'order');
    await vscode.commands.executeCommand('lambdaWorkbench.clearFilter');
    const top = await listing;
    const listedAfter = Date.now() - started;
    assert.ok(listedAfter >= 5500, `the listing waited for the slow answer (${listedAfter} ms)`);
    assert.ok(ofKind(top, 'function').length > 0 || (await waitFor('the functions', async () => ofKind(await rows(fp), 'function').length > 0)));

    // A response body that trickles in over 4 s: the views list meanwhile, the result is whole.
    emulator.faults.clear();
    emulator.faults.set('Invoke', { slowBodyMs: 4000 });
    const t0 = Date.now();
    const slowInvoke = invokeFile(files.write('slow.json', '{"name": "slow body"}'), target('hello-world'));
    await sleep(200);
    assert.deepEqual(ofKind(await listed(), 'function').map((r) => r.label), FUNCTIONS);
    assert.ok(Date.now() - t0 < 3500, 'the listing did not wait for the slow body');
    const slow = await slowInvoke;
    assert.equal(slow?.kind, 'result');
    assert.ok(slow?.text.includes('"message": "Hello, slow body!"'), slow?.text);
    assert.ok(Date.now() - t0 >= 3500, 'the body took its time');
    const maxLag = lag.stop();
    assert.ok(maxLag < 1000, `the extension host's event loop was never blocked for long (max lag ${maxLag} ms)`);
  });

  it('F7 unknown credentials (profile "unknown"): UnrecognizedClientException with the hint; switching back works', async () => {
    await configure({ profile: 'unknown' });
    const error = await errorNode();
    assert.equal(error.description, 'UnrecognizedClientException (403): The security token included in the request is invalid.');
    assert.ok(error.tooltip.includes('The access key is not known to this endpoint or account. Check the profile "unknown" and the endpoint.'), error.tooltip);
    const o = await invokeFile(hello, target('hello-world'));
    const message =
      'Invoke hello-world (us-east-1) failed: The security token included in the request is invalid. — The access key is not known to this endpoint or account. Check the profile "unknown" and the endpoint.';
    assert.equal(o?.error, message);
    assert.equal(await notes.lastError(), message);
    await configure({ profile: 'demo' });
    await retryLists(error);
  });

  describe('F8 an SSO profile whose token is missing or expired', () => {
    let restoreEnv: () => void = () => undefined;
    let home: string;
    const SESSION = 'lwb-sso-session';
    const hint = 'Your SSO session has expired or is missing. Run `aws sso login --profile lwb-sso` in a terminal, then retry.';

    before(() => {
      home = fs.mkdtempSync(path.join(os.tmpdir(), 'lwb-sso-home-'));
      const config = path.join(home, 'aws-config');
      fs.writeFileSync(
        config,
        `${fs.readFileSync(fixtures.configFile, 'utf8')}\n[profile lwb-sso]\nsso_session = ${SESSION}\nsso_account_id = ${DEMO_ACCOUNT}\nsso_role_name = Developer\nregion = us-east-1\n\n[sso-session ${SESSION}]\nsso_start_url = https://lambda-workbench-test.awsapps.com/start\nsso_region = us-east-1\nsso_registration_scopes = sso:account:access\n`,
      );
      // The SDK reads the config file and the SSO token cache (~/.aws/sso/cache) at each call.
      restoreEnv = setEnv({ AWS_CONFIG_FILE: config, HOME: home });
    });

    after(() => {
      restoreEnv();
      fs.rmSync(home, { recursive: true, force: true });
    });

    async function ssoFails(expected: RegExp): Promise<void> {
      await configure({ profile: 'lwb-sso' });
      const error = await nothingSent(emulator, () => errorNode(), 'all');
      assert.match(error.description, expected);
      assert.ok(error.tooltip.includes(hint), error.tooltip);
      const o = await nothingSent(emulator, () => invokeFile(hello, target('hello-world')), 'all');
      assert.equal(o?.kind, 'apiError');
      assert.ok(o?.error?.endsWith(` — ${hint}`), o?.error);
      assert.match(o?.error ?? '', /^Invoke hello-world \(us-east-1\) failed: /);
      assert.equal(await notes.lastError(), o?.error);
      await configure({ profile: 'demo' });
      await retryLists(error);
    }

    it('F8a no cached token: "run aws sso login --profile lwb-sso"', async () => {
      await ssoFails(/^CredentialsProviderError: The SSO session token associated with profile=lwb-sso was not found or is invalid\. To refresh this SSO session run 'aws sso login' with the corresponding profile\.$/);
    });

    it('F8b an expired cached token: the same hint', async () => {
      const cache = path.join(home, '.aws', 'sso', 'cache');
      fs.mkdirSync(cache, { recursive: true });
      const name = createHash('sha1').update(SESSION).digest('hex');
      fs.writeFileSync(
        path.join(cache, `${name}.json`),
        JSON.stringify({ startUrl: 'https://lambda-workbench-test.awsapps.com/start', region: 'us-east-1', accessToken: 'lwb-expired-sso-access-token', expiresAt: '2020-01-01T00:00:00Z' }),
      );
      await ssoFails(/^CredentialsProviderError: .*SSO.*aws sso login/);
    });
  });

  it('F9 409 ResourceConflictException on Put: explained, nothing applied; the retry applies', async () => {
    const from = emulator.requests.length;
    // The emulator's Fault type names the 5xx statuses; its server answers whatever status is given.
    const conflict = { status: 409 as unknown as Fault['status'], error: 'ResourceConflictException', message: 'An update is in progress for resource: order-processor', times: 1 };
    emulator.faults.set('PutFunctionEventInvokeConfig', conflict);
    const failed = await put();
    assert.equal(failed?.status, 'failed');
    assert.equal(failed?.error, 'ResourceConflictException: An update is in progress for resource: order-processor');
    assert.deepEqual(statuses(emulator, 'PutFunctionEventInvokeConfig', from), [409], 'a conflict is not retried by the SDK');
    assert.equal(await notes.lastError(), 'order-processor (us-east-1) was not changed: An update is in progress for resource: order-processor — The resource is being changed by another operation. Wait until it settles, then retry.');
    assert.equal(retriesOfOrderProcessor(), 1, 'nothing applied');
    const applied = await put();
    assert.equal(applied?.status, 'applied');
    assert.equal(retriesOfOrderProcessor(), 2);
  });

  it('F10 ResourceInUseException (mapping still Updating): explained, unchanged; applies once it settles', async () => {
    const uuid = DEMO_MAPPINGS.ordersQueue;
    const record = emulator.store.getMapping(uuid);
    assert.ok(record);
    await waitFor('orders-queue to settle', () => record.state === 'Enabled' || record.state === 'Disabled');
    const finalState = record.state;
    const batch = { BatchSize: record.settings.BatchSize, MaximumBatchingWindowInSeconds: record.settings.MaximumBatchingWindowInSeconds };
    const file = files.write('orders.faults.event-source-mapping.json', JSON.stringify({ UUID: uuid, BatchSize: 20, MaximumBatchingWindowInSeconds: 1 }, null, 2));
    const update = () =>
      withAnswers([(q) => q.buttons?.find((b) => b === 'Update Mapping')], () => vscode.commands.executeCommand<ApplyOutcome>('lambdaWorkbench.updateEventSourceMapping', file)).then((r) => r.result);
    try {
      emulator.store.setMappingState(uuid, 'Updating');
      const failed = await update();
      assert.equal(failed?.status, 'failed');
      assert.match(failed?.error ?? '', /^ResourceInUseException: /);
      assert.match(
        await notes.lastError(),
        /^3f6c2a8e-1b4d-4c7a-9e21-5a0d8b7c6e01 \(orders-queue → order-processor, us-east-1\) was not changed: .* — The event source mapping is still being created or updated\. Wait until its state is Enabled or Disabled, then retry\.$/,
      );
      assert.deepEqual({ BatchSize: record.settings.BatchSize, MaximumBatchingWindowInSeconds: record.settings.MaximumBatchingWindowInSeconds }, batch, 'nothing applied');

      emulator.store.setMappingState(uuid, finalState);
      const applied = await update();
      assert.equal(applied?.status, 'applied', JSON.stringify(applied));
      assert.equal(record.settings.BatchSize, 20);
      assert.equal(applied?.states?.[applied.states.length - 1], finalState);
    } finally {
      await waitFor('orders-queue to settle', () => record.state === 'Enabled' || record.state === 'Disabled');
      record.settings.BatchSize = 10;
      record.settings.MaximumBatchingWindowInSeconds = 0;
    }
  });
});
