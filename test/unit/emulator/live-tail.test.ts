import * as assert from 'node:assert/strict';
import { CloudWatchLogsClient, LiveTailSessionLogEvent, StartLiveTailCommand, StartLiveTailCommandInput, StartLiveTailResponseStream } from '@aws-sdk/client-cloudwatch-logs';
import { DEMO_ACCOUNT, Emulator, OTHER_ACCOUNT, fixtures, startEmulator } from '../../emulator';
import { logsClient, resetLogs } from '../../emulator/services/testing';
import { expectLambdaError } from '../../emulator/testing';
import { fromIni } from '@aws-sdk/credential-providers';

const REGION = 'us-east-1';
const GROUP = '/aws/lambda/hello-world';
const ARN = `arn:aws:logs:${REGION}:${DEMO_ACCOUNT}:log-group:${GROUP}`;
const INTERVAL = 100;

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/** A running session: every message read so far, and how the stream ended. */
interface Tail {
  messages: { at: number; event: StartLiveTailResponseStream }[];
  updates: () => LiveTailSessionLogEvent[][];
  ended: Promise<Error | undefined>;
  abort: () => void;
}

async function tail(client: CloudWatchLogsClient, input: StartLiveTailCommandInput): Promise<Tail> {
  const controller = new AbortController();
  const out = await client.send(new StartLiveTailCommand(input), { abortSignal: controller.signal });
  const messages: Tail['messages'] = [];
  const ended = (async (): Promise<Error | undefined> => {
    try {
      for await (const event of out.responseStream!) {
        messages.push({ at: Date.now(), event });
      }
      return undefined;
    } catch (e) {
      return e as Error;
    }
  })();
  return {
    messages,
    updates: () => messages.filter((m) => m.event.sessionUpdate).map((m) => m.event.sessionUpdate!.sessionResults ?? []),
    ended,
    abort: () => controller.abort(),
  };
}

async function waitFor(what: string, check: () => boolean, ms = 3000): Promise<void> {
  const until = Date.now() + ms;
  while (!check()) {
    if (Date.now() > until) {
      assert.fail(`timed out waiting for ${what}`);
    }
    await sleep(10);
  }
}

describe('Lambda emulator: CloudWatch Logs StartLiveTail', function () {
  this.timeout(15000);
  let emu: Emulator;
  let logs: CloudWatchLogsClient;
  const tails: Tail[] = [];
  const open = async (input: StartLiveTailCommandInput, client = logs): Promise<Tail> => {
    const t = await tail(client, input);
    tails.push(t);
    return t;
  };
  const append = (lines: string[], stream = '2026/01/10/[$LATEST]aaaa', group = GROUP, account = DEMO_ACCOUNT): void => {
    emu.store.logs.append(account, REGION, group, stream, lines.map((message) => ({ message })));
  };

  before(async () => {
    emu = await startEmulator({ seed: 'none', liveTailIntervalMs: INTERVAL });
    logs = logsClient(emu);
  });
  after(async () => {
    logs.destroy();
    await emu.stop();
  });
  beforeEach(() => {
    resetLogs(emu);
    append(['the group exists']);
    append(['other group'], 's', '/aws/lambda/order-processor');
  });
  afterEach(async () => {
    for (const t of tails.splice(0)) {
      t.abort();
      await t.ended;
    }
  });

  it('starts with sessionStart, then sends a sessionUpdate every interval, with the new events in one batch', async () => {
    const t = await open({ logGroupIdentifiers: [ARN] });
    await waitFor('the first message', () => t.messages.length > 0);
    const start = t.messages[0].event.sessionStart;
    assert.ok(start, 'sessionStart is the first message, read before send() resolves');
    assert.deepEqual(start.logGroupIdentifiers, [ARN]);
    assert.match(start.sessionId ?? '', /^[0-9a-f-]{36}$/);
    assert.equal(start.requestId, emu.requests.at(-1)?.requestId);
    await waitFor('two empty updates', () => t.updates().length >= 2);
    assert.deepEqual(t.updates().slice(0, 2), [[], []], 'an update even when nothing new arrived');
    const before = t.updates().length;
    append(['first', 'second', 'third'], '2026/01/10/[$LATEST]bbbb');
    await waitFor('the events', () => t.updates().some((u) => u.length > 0));
    const batch = t.updates().find((u) => u.length > 0)!;
    assert.deepEqual(
      batch.map((e) => e.message),
      ['first', 'second', 'third'],
      'appended together, delivered together',
    );
    assert.ok(t.updates().length > before);
    const e = batch[0];
    assert.equal(e.logStreamName, '2026/01/10/[$LATEST]bbbb');
    assert.equal(e.logGroupIdentifier, `${DEMO_ACCOUNT}:${GROUP}`);
    assert.equal(typeof e.timestamp, 'number');
    assert.equal(typeof e.ingestionTime, 'number');
    const update = t.messages.find((m) => m.event.sessionUpdate?.sessionResults?.length)!.event.sessionUpdate!;
    assert.equal(update.sessionMetadata?.sampled, false);
    // The interval between updates is the configured one (100 ms here, 1 s on AWS).
    const times = t.messages.filter((m) => m.event.sessionUpdate).map((m) => m.at);
    const mean = (times[times.length - 1] - times[0]) / (times.length - 1);
    assert.ok(mean >= INTERVAL * 0.8 && mean < INTERVAL * 3, `mean gap ${mean} ms`);
    assert.deepEqual(emu.requests.at(-1)?.operation, 'StartLiveTail');
    assert.equal(emu.requests.at(-1)?.status, 200);
  });

  it('keeps to the streams, prefixes, pattern, group and account asked for', async () => {
    const byName = await open({ logGroupIdentifiers: [ARN], logStreamNames: ['wanted'] });
    const byPrefix = await open({ logGroupIdentifiers: [ARN], logStreamNamePrefixes: ['2026/01/10/[$LATEST]'] });
    const byPattern = await open({ logGroupIdentifiers: [ARN, `arn:aws:logs:${REGION}:${DEMO_ACCOUNT}:log-group:/aws/lambda/order-processor`], logEventFilterPattern: 'ERROR -ignored' });
    append(['to wanted'], 'wanted');
    append(['to prefixed ERROR'], '2026/01/10/[$LATEST]cccc');
    append(['ERROR in order-processor'], 's', '/aws/lambda/order-processor');
    append(['ERROR but ignored'], 'other');
    append(['ERROR of another account'], 'wanted', GROUP, OTHER_ACCOUNT);
    await waitFor('the updates', () => byName.updates().length >= 2 && byPrefix.updates().length >= 2 && byPattern.updates().length >= 2);
    await sleep(INTERVAL * 2);
    const messages = (t: Tail) => t.updates().flat().map((e) => e.message);
    assert.deepEqual(messages(byName), ['to wanted']);
    assert.deepEqual(messages(byPrefix), ['to prefixed ERROR']);
    assert.deepEqual(messages(byPattern).sort(), ['ERROR in order-processor', 'to prefixed ERROR']);
  });

  it('delivers an event only once it is visible (ingestion delay)', async () => {
    emu.store.logs.ingestionDelayMs = 400;
    const t = await open({ logGroupIdentifiers: [ARN] });
    const appended = Date.now();
    append(['delayed']);
    await waitFor('the delayed event', () => t.updates().flat().length > 0);
    const arrived = t.messages.find((m) => m.event.sessionUpdate?.sessionResults?.length)!.at;
    assert.ok(arrived - appended >= 400, `arrived after ${arrived - appended} ms`);
    assert.equal(t.updates().flat()[0].ingestionTime! - t.updates().flat()[0].timestamp!, 400);
  });

  it('samples more than 500 events of one interval down to 500, and says so', async () => {
    const t = await open({ logGroupIdentifiers: [ARN] });
    append(Array.from({ length: 700 }, (_, i) => `line ${i}`));
    await waitFor('the sampled update', () => t.updates().some((u) => u.length > 0));
    const update = t.messages.find((m) => m.event.sessionUpdate?.sessionResults?.length)!.event.sessionUpdate!;
    assert.equal(update.sessionResults?.length, 500);
    assert.equal(update.sessionMetadata?.sampled, true);
    assert.equal(update.sessionResults![0].message, 'line 0');
  });

  it('ends the session when the client aborts', async () => {
    const t = await open({ logGroupIdentifiers: [ARN] });
    assert.equal(emu.services.liveTailSessions.size, 1);
    t.abort();
    const err = await t.ended;
    assert.ok(err, 'the iterator ends with the abort');
    await waitFor('the session to close', () => emu.services.liveTailSessions.size === 0);
    const count = t.messages.length;
    append(['after the end']);
    await sleep(INTERVAL * 2);
    assert.equal(t.messages.length, count);
  });

  it('cuts the stream mid-way with SessionStreamingException (fault), or by resetting the connection', async () => {
    emu.faults.set('StartLiveTail', { cutStreamAfterMs: 250, times: 1 });
    const cut = await open({ logGroupIdentifiers: [ARN] });
    append(['before the cut']);
    const err = await cut.ended;
    assert.equal(err?.name, 'SessionStreamingException');
    assert.ok(cut.updates().flat().some((e) => e.message === 'before the cut'), 'events flowed before the cut');
    assert.match(emu.requests.at(-1)?.fault ?? '', /cutStreamAfterMs/);

    emu.faults.set('StartLiveTail', { cutStreamAfterMs: 250, cutStreamReset: true, times: 1 });
    const reset = await open({ logGroupIdentifiers: [ARN] });
    const resetErr = await reset.ended;
    assert.ok(resetErr, 'the client sees an error');
    assert.notEqual(resetErr.name, 'SessionStreamingException');
    assert.ok(reset.updates().length >= 1);
  });

  it('times the session out with SessionTimeoutException', async () => {
    emu.services.liveTailMaxSessionMs = 300;
    try {
      const t = await open({ logGroupIdentifiers: [ARN] });
      const err = await t.ended;
      assert.equal(err?.name, 'SessionTimeoutException');
    } finally {
      emu.services.liveTailMaxSessionMs = 3 * 3_600_000;
    }
  });

  it('answers errors before the stream: unknown group, bad parameters, permission', async () => {
    await expectLambdaError(
      logs.send(new StartLiveTailCommand({ logGroupIdentifiers: [`arn:aws:logs:${REGION}:${DEMO_ACCOUNT}:log-group:/aws/lambda/never-invoked`] })),
      'ResourceNotFoundException',
      400,
      'The specified log group does not exist.',
    );
    await expectLambdaError(logs.send(new StartLiveTailCommand({ logGroupIdentifiers: [ARN], logStreamNames: ['a'], logStreamNamePrefixes: ['b'] })), 'InvalidParameterException', 400);
    await expectLambdaError(logs.send(new StartLiveTailCommand({ logGroupIdentifiers: Array.from({ length: 11 }, () => ARN) })), 'InvalidParameterException', 400);
    await expectLambdaError(logs.send(new StartLiveTailCommand({ logGroupIdentifiers: [`${ARN}:*`] })), 'InvalidParameterException', 400, 'asterisk');
    await expectLambdaError(logs.send(new StartLiveTailCommand({ logGroupIdentifiers: [ARN], logEventFilterPattern: 'a:b' })), 'InvalidParameterException', 400, 'Invalid character(s)');
    emu.faults.set('StartLiveTail', { denied: true, times: 1 });
    await expectLambdaError(logs.send(new StartLiveTailCommand({ logGroupIdentifiers: [ARN] })), 'AccessDeniedException', 400, `logs:StartLiveTail on resource: ${ARN}:log-stream:`);
    assert.equal(emu.services.liveTailSessions.size, 0);
  });

  it('is asked for on the stream- host prefix: without disableHostPrefix the SDK cannot reach 127.0.0.1', async () => {
    const plain = new CloudWatchLogsClient({
      region: REGION,
      endpoint: emu.endpoint,
      maxAttempts: 1,
      credentials: fromIni({ profile: 'demo', filepath: fixtures.credentialsFile, configFilepath: fixtures.configFile }),
    });
    try {
      await assert.rejects(plain.send(new StartLiveTailCommand({ logGroupIdentifiers: [ARN] })), (e: Error) => /stream-127\.0\.0\.1/.test(e.message));
    } finally {
      plain.destroy();
    }
  });

  it('ends open sessions when the emulator stops', async () => {
    const other = await startEmulator({ seed: 'none', liveTailIntervalMs: INTERVAL });
    const client = logsClient(other);
    try {
      other.store.logs.append(DEMO_ACCOUNT, REGION, GROUP, 's', [{ message: 'x' }]);
      const t = await tail(client, { logGroupIdentifiers: [ARN] });
      await other.stop();
      assert.equal(await Promise.race([t.ended.then(() => 'ended'), sleep(2000).then(() => 'still open')]), 'ended');
    } finally {
      client.destroy();
      await other.stop();
    }
  });
});
