import * as assert from 'node:assert/strict';
import {
  CloudWatchLogsClient,
  DescribeLogGroupsCommand,
  DescribeLogStreamsCommand,
  FilterLogEventsCommand,
  FilterLogEventsCommandInput,
  GetLogEventsCommand,
  paginateFilterLogEvents,
} from '@aws-sdk/client-cloudwatch-logs';
import { DEMO_ACCOUNT, Emulator, KNOWN_KEYS, OTHER_ACCOUNT, startEmulator } from '../../emulator';
import { logsClient, resetLogs } from '../../emulator/services/testing';
import { expectLambdaError, rawRequest, signedRequest } from '../../emulator/testing';

const REGION = 'us-east-1';
const GROUP = '/aws/lambda/hello-world';
const STREAM_A = '2026/01/10/[$LATEST]0a1b2c3d4e5f60718293a4b5c6d7e8f9';
const STREAM_B = '2026/01/10/[$LATEST]ffeeddccbbaa99887766554433221100';
const REQ_1 = '8c1f2a3b-4c5d-4e6f-8a9b-0c1d2e3f4a5b';
const REQ_2 = '1d2e3f4a-5b6c-4d7e-8f90-a1b2c3d4e5f6';
const T0 = Date.UTC(2026, 0, 10, 9, 0, 0);
const demoKey = KNOWN_KEYS.find((k) => k.profile === 'demo')!;

/** One invocation's log, as Lambda writes it (text format). */
function invocationLog(requestId: string, at: number, lines: string[]): { message: string; timestamp: number }[] {
  const all = [`START RequestId: ${requestId} Version: $LATEST`, ...lines.map((l) => `${new Date(at).toISOString()}\t${requestId}\tINFO\t${l}`), `END RequestId: ${requestId}`, `REPORT RequestId: ${requestId}\tDuration: 1.12 ms\tBilled Duration: 2 ms\t`];
  return all.map((message, i) => ({ message, timestamp: at + i }));
}

async function allFiltered(client: CloudWatchLogsClient, input: FilterLogEventsCommandInput): Promise<{ messages: string[]; pages: number }> {
  const messages: string[] = [];
  let pages = 0;
  for await (const page of paginateFilterLogEvents({ client }, input)) {
    pages++;
    messages.push(...(page.events ?? []).map((e) => e.message ?? ''));
  }
  return { messages, pages };
}

describe('Lambda emulator: CloudWatch Logs', function () {
  this.timeout(15000);
  let emu: Emulator;
  let logs: CloudWatchLogsClient;

  before(async () => {
    emu = await startEmulator({ seed: 'none', logsPageSize: 10 });
    logs = logsClient(emu);
  });
  after(async () => {
    logs.destroy();
    await emu.stop();
  });
  beforeEach(() => {
    resetLogs(emu);
    emu.store.logs.append(DEMO_ACCOUNT, REGION, GROUP, STREAM_A, invocationLog(REQ_1, T0, ['Saying hello to Ada', 'ERROR-free line', 'timeout reached? no', 'All good']));
    emu.store.logs.append(DEMO_ACCOUNT, REGION, GROUP, STREAM_B, invocationLog(REQ_2, T0 + 1000, ['Saying hello to Grace', 'ERROR something failed', 'Giving up']));
  });

  describe('FilterLogEvents', () => {
    it('finds the whole log of one invocation with a quoted request id, across streams, in time order', async () => {
      const out = await logs.send(new FilterLogEventsCommand({ logGroupName: GROUP, filterPattern: `"${REQ_2}"` }));
      assert.deepEqual(
        out.events?.map((e) => e.message?.split('\t')[0]),
        [`START RequestId: ${REQ_2} Version: $LATEST`, ...Array(3).fill(new Date(T0 + 1000).toISOString()), `END RequestId: ${REQ_2}`, `REPORT RequestId: ${REQ_2}`],
      );
      const e = out.events![0];
      assert.equal(e.logStreamName, STREAM_B);
      assert.equal(e.timestamp, T0 + 1000);
      assert.equal(typeof e.ingestionTime, 'number');
      assert.match(e.eventId ?? '', /^\d+$/);
      assert.deepEqual(out.searchedLogStreams, []);
      assert.equal(out.nextToken, undefined);
    });

    it('matches terms as CloudWatch does: all terms, ?any, -excluded, quoted phrases, case-sensitive', async () => {
      const messages = async (filterPattern: string): Promise<string[]> =>
        ((await logs.send(new FilterLogEventsCommand({ logGroupName: GROUP, filterPattern }))).events ?? []).map((e) => e.message!.split('\t').pop()!);
      assert.deepEqual(await messages('ERROR failed'), ['ERROR something failed']);
      assert.deepEqual(await messages('ERROR'), ['ERROR-free line', 'ERROR something failed']);
      assert.deepEqual(await messages('error'), [], 'case-sensitive');
      assert.deepEqual(await messages('?Ada ?Grace'), ['Saying hello to Ada', 'Saying hello to Grace']);
      assert.deepEqual(await messages('Saying -Ada'), ['Saying hello to Grace']);
      assert.deepEqual(await messages('"hello to Ada"'), ['Saying hello to Ada']);
      assert.deepEqual(await messages('"ERROR-free"'), ['ERROR-free line']);
      assert.deepEqual(await messages('%hello to (Ada|Grace)%').catch((e: Error) => [e.name]), ['InvalidParameterException'], 'parentheses are refused in regex patterns');
      assert.deepEqual(await messages('%^.*Saying hello to [AG]%'), ['Saying hello to Ada', 'Saying hello to Grace']);
    });

    it('refuses an unquoted term with other characters than letters, digits and underscores', async () => {
      await expectLambdaError(logs.send(new FilterLogEventsCommand({ logGroupName: GROUP, filterPattern: REQ_1 })), 'InvalidParameterException', 400, "Invalid character(s) in term '-'");
      await expectLambdaError(logs.send(new FilterLogEventsCommand({ logGroupName: GROUP, filterPattern: 'Status: timeout' })), 'InvalidParameterException', 400, "Invalid character(s) in term ':'");
    });

    it('matches JSON log events with a JSON pattern', async () => {
      emu.store.logs.append(DEMO_ACCOUNT, REGION, '/aws/lambda/json-logger', 's', [
        { message: JSON.stringify({ level: 'INFO', requestId: REQ_1, message: 'Audit event received', count: 3 }), timestamp: T0 },
        { message: JSON.stringify({ level: 'ERROR', requestId: REQ_1, message: 'Audit write failed', count: 12, detail: { code: 'E42' } }), timestamp: T0 + 1 },
        { message: JSON.stringify({ type: 'platform.report', record: { requestId: REQ_1, status: 'success' } }), timestamp: T0 + 2 },
        { message: 'not json at all', timestamp: T0 + 3 },
      ]);
      const count = async (filterPattern: string): Promise<number> => ((await logs.send(new FilterLogEventsCommand({ logGroupName: '/aws/lambda/json-logger', filterPattern }))).events ?? []).length;
      assert.equal(await count('{ $.level = "ERROR" }'), 1);
      assert.equal(await count('{ $.level = "ERROR" || $.level = "INFO" }'), 2);
      assert.equal(await count('{ $.count > 5 && $.detail.code = E4* }'), 1);
      assert.equal(await count(`{ $.record.requestId = "${REQ_1}" }`), 1);
      assert.equal(await count('{ $.detail NOT EXISTS }'), 2);
      assert.equal(await count('{ ($.count >= 3) && $.message = %failed$% }'), 1);
      assert.equal(await count(`"${REQ_1}"`), 3, 'a quoted term also finds JSON events');
    });

    it('pages with nextToken (a small page) until every event was read, with the SDK paginator', async () => {
      const { messages, pages } = await allFiltered(logs, { logGroupName: GROUP });
      assert.equal(messages.length, 13);
      assert.equal(pages, 2, 'page size 10');
      const times = (await logs.send(new FilterLogEventsCommand({ logGroupName: GROUP, limit: 4 }))).events!.map((e) => e.timestamp);
      assert.deepEqual(times, [T0, T0 + 1, T0 + 2, T0 + 3]);
      const limited = await allFiltered(logs, { logGroupName: GROUP, limit: 4 });
      assert.equal(limited.pages, 4);
      assert.equal(limited.messages.length, 13);
    });

    it('keeps to the streams, prefix and time range asked for (startTime and endTime included)', async () => {
      const only = await allFiltered(logs, { logGroupName: GROUP, logStreamNames: [STREAM_A] });
      assert.equal(only.messages.length, 7);
      const prefixed = await allFiltered(logs, { logGroupName: GROUP, logStreamNamePrefix: '2026/01/10/[$LATEST]ff' });
      assert.equal(prefixed.messages.length, 6);
      const window = await allFiltered(logs, { logGroupName: GROUP, startTime: T0 + 2, endTime: T0 + 1001 });
      assert.equal(window.messages.length, 7, 'T0+2..T0+6 from A, T0+1000 and T0+1001 from B');
      await expectLambdaError(
        logs.send(new FilterLogEventsCommand({ logGroupName: GROUP, logStreamNames: [STREAM_A], logStreamNamePrefix: '2026' })),
        'InvalidParameterException',
        400,
        'mutually exclusive',
      );
    });

    it('reads newest first with startFromHead false, only with a startTime from 2024 on', async () => {
      const out = await logs.send(new FilterLogEventsCommand({ logGroupName: GROUP, startFromHead: false, startTime: T0, limit: 3 }));
      assert.deepEqual(out.events?.map((e) => e.timestamp), [T0 + 1005, T0 + 1004, T0 + 1003]);
      const rest = await allFiltered(logs, { logGroupName: GROUP, startFromHead: false, startTime: T0 });
      assert.equal(rest.messages.at(-1), `START RequestId: ${REQ_1} Version: $LATEST`);
      await expectLambdaError(logs.send(new FilterLogEventsCommand({ logGroupName: GROUP, startFromHead: false })), 'InvalidParameterException', 400, 'Jan 1, 2024');
    });

    it('accepts the group ARN as logGroupIdentifier, and checks the parameters', async () => {
      const arn = `arn:aws:logs:${REGION}:${DEMO_ACCOUNT}:log-group:${GROUP}`;
      assert.equal((await logs.send(new FilterLogEventsCommand({ logGroupIdentifier: arn, filterPattern: `"${REQ_1}"` }))).events?.length, 7);
      assert.equal((await logs.send(new FilterLogEventsCommand({ logGroupIdentifier: `${arn}:*`, filterPattern: `"${REQ_1}"` }))).events?.length, 7);
      await expectLambdaError(logs.send(new FilterLogEventsCommand({ logGroupName: GROUP, logGroupIdentifier: arn })), 'InvalidParameterException', 400, 'mutually exclusive');
      await expectLambdaError(logs.send(new FilterLogEventsCommand({})), 'InvalidParameterException', 400);
      await expectLambdaError(
        logs.send(new FilterLogEventsCommand({ logGroupName: GROUP, limit: 0 })),
        'InvalidParameterException',
        400,
        "1 validation error detected: Value '0' at 'limit' failed to satisfy constraint: Member must have value greater than or equal to 1",
      );
      await expectLambdaError(logs.send(new FilterLogEventsCommand({ logGroupName: 'bad name!' })), 'InvalidParameterException', 400, "at 'logGroupName'");
      await expectLambdaError(logs.send(new FilterLogEventsCommand({ logGroupName: GROUP, nextToken: 'not-a-token' })), 'InvalidParameterException', 400, 'nextToken');
    });

    it('answers ResourceNotFoundException for a group that does not exist, or of another account', async () => {
      await expectLambdaError(logs.send(new FilterLogEventsCommand({ logGroupName: '/aws/lambda/never-invoked' })), 'ResourceNotFoundException', 400, 'The specified log group does not exist.');
      const other = logsClient(emu, { profile: 'other' });
      try {
        await expectLambdaError(other.send(new FilterLogEventsCommand({ logGroupName: GROUP })), 'ResourceNotFoundException', 400);
        await expectLambdaError(
          logs.send(new FilterLogEventsCommand({ logGroupIdentifier: `arn:aws:logs:${REGION}:${OTHER_ACCOUNT}:log-group:${GROUP}` })),
          'ResourceNotFoundException',
          400,
        );
      } finally {
        other.destroy();
      }
    });
  });

  describe('ingestion delay', () => {
    it('shows an event only once its ingestion delay has passed ("not there yet")', async () => {
      emu.store.logs.ingestionDelayMs = 300;
      emu.store.logs.append(DEMO_ACCOUNT, REGION, GROUP, STREAM_A, [{ message: 'late line' }]);
      const find = async (): Promise<number> => ((await logs.send(new FilterLogEventsCommand({ logGroupName: GROUP, filterPattern: '"late line"' }))).events ?? []).length;
      assert.equal(await find(), 0);
      const stream = async () => (await logs.send(new GetLogEventsCommand({ logGroupName: GROUP, logStreamName: STREAM_A, startFromHead: true }))).events!.map((e) => e.message);
      assert.ok(!(await stream()).includes('late line'));
      await new Promise((r) => setTimeout(r, 350));
      assert.equal(await find(), 1);
      assert.ok((await stream()).includes('late line'));
    });

    it('is set from the control endpoint (and from startEmulator, which set 0 here)', async () => {
      const set = await rawRequest(emu.endpoint, { method: 'POST', path: '/__emulator/logs', body: JSON.stringify({ ingestionDelayMs: 5000 }) });
      assert.equal(set.status, 200);
      assert.equal((set.json as { ingestionDelayMs: number }).ingestionDelayMs, 5000);
      assert.equal(emu.store.logs.ingestionDelayMs, 5000);
      const appended = await rawRequest(emu.endpoint, {
        method: 'POST',
        path: '/__emulator/logs/events',
        body: JSON.stringify({ logGroupName: GROUP, logStreamName: 'from-control', lines: ['one', { message: 'two', timestamp: T0 + 5 }] }),
      });
      assert.equal((appended.json as { appended: number }).appended, 2);
      const summary = (await rawRequest(emu.endpoint, { method: 'GET', path: '/__emulator/logs' })).json as { groups: { logGroupName: string; streams: { logStreamName: string; events: number; visible: number }[] }[] };
      const stream = summary.groups.find((g) => g.logGroupName === GROUP)!.streams.find((s) => s.logStreamName === 'from-control');
      assert.deepEqual(stream, { logStreamName: 'from-control', events: 2, visible: 0 });
      const refused = await rawRequest(emu.endpoint, { method: 'POST', path: '/__emulator/logs', body: JSON.stringify({ ingestionDelayMs: -1 }) });
      assert.equal(refused.status, 400);
    });
  });

  describe('GetLogEvents', () => {
    it('reads a stream from the head page by page; the same forward token back means the end', async () => {
      const read: string[] = [];
      let token: string | undefined;
      let calls = 0;
      for (;;) {
        const out = await logs.send(new GetLogEventsCommand({ logGroupName: GROUP, logStreamName: STREAM_A, startFromHead: true, limit: 3, nextToken: token }));
        calls++;
        read.push(...out.events!.map((e) => e.message!));
        assert.match(out.nextForwardToken!, /^f\/\d{56}$/);
        assert.match(out.nextBackwardToken!, /^b\/\d{56}$/);
        if (out.nextForwardToken === token) {
          assert.equal(out.events!.length, 0);
          break;
        }
        token = out.nextForwardToken;
      }
      assert.equal(read.length, 7);
      assert.equal(read[0], `START RequestId: ${REQ_1} Version: $LATEST`);
      assert.equal(calls, 4, '3 + 3 + 1, then the same token');
      // New events show up after the end token.
      emu.store.logs.append(DEMO_ACCOUNT, REGION, GROUP, STREAM_A, [{ message: 'one more', timestamp: T0 + 100 }]);
      const more = await logs.send(new GetLogEventsCommand({ logGroupName: GROUP, logStreamName: STREAM_A, nextToken: token, startFromHead: true }));
      assert.deepEqual(more.events?.map((e) => e.message), ['one more']);
    });

    it('reads the latest events by default, and older ones with the backward token', async () => {
      const last = await logs.send(new GetLogEventsCommand({ logGroupName: GROUP, logStreamName: STREAM_A, limit: 2 }));
      assert.deepEqual(last.events?.map((e) => e.timestamp), [T0 + 5, T0 + 6]);
      const before = await logs.send(new GetLogEventsCommand({ logGroupName: GROUP, logStreamName: STREAM_A, limit: 2, nextToken: last.nextBackwardToken }));
      assert.deepEqual(before.events?.map((e) => e.timestamp), [T0 + 3, T0 + 4]);
      const head = await logs.send(new GetLogEventsCommand({ logGroupName: GROUP, logStreamName: STREAM_A, limit: 5, nextToken: before.nextBackwardToken }));
      assert.deepEqual(head.events?.map((e) => e.timestamp), [T0, T0 + 1, T0 + 2]);
      const end = await logs.send(new GetLogEventsCommand({ logGroupName: GROUP, logStreamName: STREAM_A, nextToken: head.nextBackwardToken }));
      assert.deepEqual(end.events, []);
      assert.equal(end.nextBackwardToken, head.nextBackwardToken, 'the same backward token at the start');
    });

    it('keeps startTime (included) and endTime (excluded), and answers the errors', async () => {
      const out = await logs.send(new GetLogEventsCommand({ logGroupName: GROUP, logStreamName: STREAM_A, startTime: T0 + 2, endTime: T0 + 4, startFromHead: true }));
      assert.deepEqual(out.events?.map((e) => e.timestamp), [T0 + 2, T0 + 3]);
      await expectLambdaError(logs.send(new GetLogEventsCommand({ logGroupName: GROUP, logStreamName: 'nope' })), 'ResourceNotFoundException', 400, 'The specified log stream does not exist.');
      await expectLambdaError(logs.send(new GetLogEventsCommand({ logGroupName: '/aws/lambda/nope', logStreamName: STREAM_A })), 'ResourceNotFoundException', 400, 'The specified log group does not exist.');
      await expectLambdaError(logs.send(new GetLogEventsCommand({ logGroupName: GROUP, logStreamName: STREAM_A, nextToken: 'f/123' })), 'InvalidParameterException', 400);
    });
  });

  describe('DescribeLogStreams and DescribeLogGroups', () => {
    it('lists streams by last event time, newest first, with their times and ARN', async () => {
      const out = await logs.send(new DescribeLogStreamsCommand({ logGroupName: GROUP, orderBy: 'LastEventTime', descending: true }));
      assert.deepEqual(out.logStreams?.map((s) => s.logStreamName), [STREAM_B, STREAM_A]);
      const b = out.logStreams![0];
      assert.equal(b.firstEventTimestamp, T0 + 1000);
      assert.equal(b.lastEventTimestamp, T0 + 1005);
      assert.equal(typeof b.lastIngestionTime, 'number');
      assert.equal(typeof b.creationTime, 'number');
      assert.equal(b.arn, `arn:aws:logs:${REGION}:${DEMO_ACCOUNT}:log-group:${GROUP}:log-stream:${STREAM_B}`);
      const byName = await logs.send(new DescribeLogStreamsCommand({ logGroupName: GROUP, logStreamNamePrefix: '2026/01/10/[$LATEST]0a' }));
      assert.deepEqual(byName.logStreams?.map((s) => s.logStreamName), [STREAM_A]);
      await expectLambdaError(
        logs.send(new DescribeLogStreamsCommand({ logGroupName: GROUP, orderBy: 'LastEventTime', logStreamNamePrefix: '2026' })),
        'InvalidParameterException',
        400,
        'Cannot order by LastEventTime with a logStreamNamePrefix.',
      );
    });

    it('pages streams and groups', async () => {
      for (let i = 0; i < 12; i++) {
        emu.store.logs.append(DEMO_ACCOUNT, REGION, `/aws/lambda/fn-${String(i).padStart(2, '0')}`, `s-${i}`, [{ message: 'x', timestamp: T0 + i }]);
        emu.store.logs.append(DEMO_ACCOUNT, REGION, GROUP, `extra-${String(i).padStart(2, '0')}`, [{ message: 'x', timestamp: T0 + 5000 + i }]);
      }
      const first = await logs.send(new DescribeLogStreamsCommand({ logGroupName: GROUP, limit: 5 }));
      assert.equal(first.logStreams?.length, 5);
      const names: string[] = first.logStreams!.map((s) => s.logStreamName!);
      let token = first.nextToken;
      while (token) {
        const page = await logs.send(new DescribeLogStreamsCommand({ logGroupName: GROUP, limit: 5, nextToken: token }));
        names.push(...page.logStreams!.map((s) => s.logStreamName!));
        token = page.nextToken;
      }
      assert.equal(names.length, 14);
      assert.deepEqual(names, [...names].sort());
      const groups = await logs.send(new DescribeLogGroupsCommand({ logGroupNamePrefix: '/aws/lambda/fn-' }));
      assert.equal(groups.logGroups?.length, 10, 'page size 10');
      assert.ok(groups.nextToken);
      const g = groups.logGroups![0];
      assert.equal(g.logGroupName, '/aws/lambda/fn-00');
      assert.equal(g.arn, `arn:aws:logs:${REGION}:${DEMO_ACCOUNT}:log-group:/aws/lambda/fn-00:*`);
      assert.equal(g.logGroupArn, `arn:aws:logs:${REGION}:${DEMO_ACCOUNT}:log-group:/aws/lambda/fn-00`);
      const rest = await logs.send(new DescribeLogGroupsCommand({ logGroupNamePrefix: '/aws/lambda/fn-', nextToken: groups.nextToken }));
      assert.deepEqual(rest.logGroups?.map((x) => x.logGroupName), ['/aws/lambda/fn-10', '/aws/lambda/fn-11']);
      const pattern = await logs.send(new DescribeLogGroupsCommand({ logGroupNamePattern: 'hello' }));
      assert.deepEqual(pattern.logGroups?.map((x) => x.logGroupName), [GROUP]);
    });
  });

  describe('faults, errors and the request record', () => {
    it('denies an operation with AccessDeniedException naming the action and the log group', async () => {
      emu.faults.set('FilterLogEvents', { denied: true, times: 1 });
      await expectLambdaError(
        logs.send(new FilterLogEventsCommand({ logGroupName: GROUP })),
        'AccessDeniedException',
        400,
        `User: arn:aws:iam::${DEMO_ACCOUNT}:user/demo is not authorized to perform: logs:FilterLogEvents on resource: arn:aws:logs:${REGION}:${DEMO_ACCOUNT}:log-group:${GROUP}:log-stream: because no identity-based policy allows the logs:FilterLogEvents action`,
      );
      assert.equal((await logs.send(new FilterLogEventsCommand({ logGroupName: GROUP }))).$metadata.httpStatusCode, 200, 'times: 1');
      emu.faults.set('GetLogEvents', { denied: true });
      await expectLambdaError(logs.send(new GetLogEventsCommand({ logGroupName: GROUP, logStreamName: STREAM_A })), 'AccessDeniedException', 400, 'logs:GetLogEvents');
      assert.equal((await logs.send(new DescribeLogStreamsCommand({ logGroupName: GROUP }))).$metadata.httpStatusCode, 200, 'other operations are untouched');
    });

    it('throttles with ThrottlingException, which the SDK retries', async () => {
      emu.faults.set('DescribeLogStreams', { throttle: true, times: 2 });
      const retrying = logsClient(emu, { maxAttempts: 3 });
      try {
        const out = await retrying.send(new DescribeLogStreamsCommand({ logGroupName: GROUP }));
        assert.equal(out.$metadata.attempts, 3);
      } finally {
        retrying.destroy();
      }
      assert.deepEqual(
        emu.requests.map((r) => [r.service, r.operation, r.status, r.errorType]),
        [
          ['logs', 'DescribeLogStreams', 400, 'ThrottlingException'],
          ['logs', 'DescribeLogStreams', 400, 'ThrottlingException'],
          ['logs', 'DescribeLogStreams', 200, undefined],
        ],
      );
      emu.faults.set('DescribeLogGroups', { status: 503, times: 1 });
      await expectLambdaError(logs.send(new DescribeLogGroupsCommand({})), 'ServiceUnavailableException', 503);
    });

    it('checks the signature for the logs service, answering as a JSON service (400)', async () => {
      const unknown = logsClient(emu, { profile: 'unknown' });
      try {
        await expectLambdaError(unknown.send(new DescribeLogGroupsCommand({})), 'UnrecognizedClientException', 400, 'The security token included in the request is invalid.');
      } finally {
        unknown.destroy();
      }
      const body = JSON.stringify({ logGroupName: GROUP });
      const headers = { 'content-type': 'application/x-amz-json-1.1', 'x-amz-target': 'Logs_20140328.FilterLogEvents' };
      const tampered = await signedRequest(emu.endpoint, { method: 'POST', path: '/', body, headers, service: 'logs' }, demoKey, REGION, (r) => {
        r.body = JSON.stringify({ logGroupName: '/aws/lambda/other' });
      });
      assert.equal(tampered.status, 400);
      assert.equal((tampered.json as { __type: string }).__type, 'InvalidSignatureException');
      const unsigned = await rawRequest(emu.endpoint, { method: 'POST', path: '/', body, headers });
      assert.equal(unsigned.status, 400);
      assert.equal((unsigned.json as { __type: string }).__type, 'MissingAuthenticationTokenException');
      const unknownOp = await signedRequest(emu.endpoint, { method: 'POST', path: '/', body: '{}', headers: { ...headers, 'x-amz-target': 'Logs_20140328.PutLogEvents' }, service: 'logs' }, demoKey);
      assert.equal(unknownOp.status, 400);
      assert.equal((unknownOp.json as { __type: string }).__type, 'UnknownOperationException');
      assert.equal(unknownOp.headers['content-type'], 'application/x-amz-json-1.1');
    });

    it('records the operations with service, region and key, never the signature or the secret', async () => {
      await logs.send(new FilterLogEventsCommand({ logGroupName: GROUP, filterPattern: 'ERROR' }));
      const r = emu.requests[0];
      assert.deepEqual(
        { service: r.service, operation: r.operation, method: r.method, path: r.path, region: r.region, account: r.account, accessKeyId: r.accessKeyId, status: r.status },
        { service: 'logs', operation: 'FilterLogEvents', method: 'POST', path: '/', region: REGION, account: DEMO_ACCOUNT, accessKeyId: demoKey.accessKeyId, status: 200 },
      );
      const text = JSON.stringify(emu.requests);
      assert.ok(!text.includes(demoKey.secretAccessKey));
      assert.ok(!/Signature|authorization/i.test(text));
    });
  });
});
