import * as assert from 'node:assert/strict';
import { InvokeCommand, InvokeCommandInput } from '@aws-sdk/client-lambda';
import { DEMO_ACCOUNT, DEMO_REGION, type InvocationRecord } from '../../emulator';
import type { LogEventRecord } from '../../emulator/logStore';
import { emulatorForSuite, logText } from '../../emulator/testing';

const STREAM_NAME = (version: string): RegExp => new RegExp(`^\\d{4}/\\d{2}/\\d{2}/\\[${version.replace(/\$/g, '\\$')}\\][0-9a-f]{32}$`);

describe('Lambda emulator: execution logs in CloudWatch Logs', function () {
  this.timeout(20000);
  const suite = emulatorForSuite();

  const invoke = async (input: InvokeCommandInput): Promise<{ id: string; rec: InvocationRecord; logResult?: string }> => {
    const out = await suite.lambda.send(new InvokeCommand(input));
    const id = out.$metadata.requestId!;
    for (let i = 0; i < 200 && suite.emu.store.findInvocation(id)?.status === 'running'; i++) {
      await new Promise((r) => setTimeout(r, 20));
    }
    return { id, rec: suite.emu.store.findInvocation(id)!, logResult: out.LogResult };
  };

  /** The events of the invocation's stream from its START (platform.start) to its REPORT (platform.report). */
  const eventsOf = (rec: InvocationRecord, id: string): LogEventRecord[] => {
    const stream = suite.emu.store.logs.findGroup(DEMO_ACCOUNT, DEMO_REGION, rec.logGroupName!)?.streams.get(rec.logStreamName!);
    assert.ok(stream, `stream ${rec.logGroupName} ${rec.logStreamName}`);
    const isStart = (m: string): boolean => m === `START RequestId: ${id} Version: ${rec.version}` || (m.includes('"type":"platform.start"') && m.includes(`"requestId":"${id}"`));
    const isReport = (m: string): boolean => m.startsWith(`REPORT RequestId: ${id}\t`) || (m.includes('"type":"platform.report"') && m.includes(`"requestId":"${id}"`));
    const from = stream.events.findIndex((e) => isStart(e.message));
    const to = stream.events.findIndex((e) => isReport(e.message));
    assert.ok(from >= 0 && to > from, `START and REPORT of ${id} in ${stream.events.map((e) => e.message).join(' | ')}`);
    return stream.events.slice(from, to + 1);
  };

  const exactlyItsLog = (rec: InvocationRecord, id: string): LogEventRecord[] => {
    const events = eventsOf(rec, id);
    assert.equal(events.map((e) => `${e.message}\n`).join(''), rec.log, 'the events from START to REPORT are exactly the log');
    for (let i = 1; i < events.length; i++) {
      assert.ok(events[i].timestamp >= events[i - 1].timestamp, 'in time order');
    }
    assert.ok(events[0].timestamp >= Date.parse(rec.startedAt) - 5 && events[events.length - 1].timestamp <= Date.parse(rec.finishedAt!) + 5, 'written during the invocation');
    return events;
  };

  it('writes every line of an invocation to its group and stream: START, its lines, END, REPORT (Text)', async () => {
    const { id, rec, logResult } = await invoke({ FunctionName: 'chatty-logger', LogType: 'Tail' });
    assert.equal(rec.logGroupName, '/aws/lambda/chatty-logger');
    assert.match(rec.logStreamName ?? '', STREAM_NAME('$LATEST'));
    const events = exactlyItsLog(rec, id);
    assert.equal(events.length, 1 + 100 + 2, 'START, 100 lines, END, REPORT');
    assert.ok(Buffer.byteLength(rec.log!) > 3 * 4096, `chatty-logger logs well over 4 KB (${Buffer.byteLength(rec.log!)} bytes)`);
    assert.ok(rec.log!.endsWith(logText(logResult)), 'LogResult is cut from the same text');
    // Each line carries the time it was written: the Node.js prefix of the line.
    const line = events[50];
    assert.match(line.message, new RegExp(`^\\S+\\t${id}\\tERROR\\tline 0050 of 100: `));
    assert.equal(line.timestamp, Date.parse(line.message.split('\t')[0]));
  });

  it('writes JSON-format logs as their records, into the LoggingConfig.LogGroup', async () => {
    const json = await invoke({ FunctionName: 'json-logger', Payload: '{"Records":[{}]}' });
    assert.equal(json.rec.logGroupName, '/aws/lambda/json-logger');
    const events = exactlyItsLog(json.rec, json.id);
    assert.deepEqual(
      events.map((e) => (JSON.parse(e.message) as { type?: string; level?: string }).type ?? (JSON.parse(e.message) as { level: string }).level),
      ['platform.start', 'INFO', 'INFO', 'WARN', 'ERROR', 'platform.report'],
    );

    const flow = await invoke({ FunctionName: 'order-workflow:live', Payload: '{"orderId":"L-1"}' });
    assert.equal(flow.rec.logGroupName, '/workflows/order-workflow');
    assert.match(flow.rec.logStreamName ?? '', STREAM_NAME('1'));
    const levels = exactlyItsLog(flow.rec, flow.id).map((e) => (JSON.parse(e.message) as { level?: string }).level);
    assert.equal(levels.filter((l) => l === 'DEBUG').length, 3, 'ApplicationLogLevel DEBUG keeps the debug lines');
    assert.equal(suite.emu.store.logs.findGroup(DEMO_ACCOUNT, DEMO_REGION, '/aws/lambda/order-workflow'), undefined, 'nothing in the default group');
  });

  it('writes lines that carry no request id (like print) as they are, one event per line', async () => {
    const { id, rec } = await invoke({ FunctionName: 'plain-printer', Payload: '{"lines":3}' });
    const messages = exactlyItsLog(rec, id).map((e) => e.message);
    assert.deepEqual(messages.slice(1, -2), ['printed line 1 of 3', 'printed line 2 of 3', 'printed line 3 of 3', 'a line written in two pieces']);
  });

  it('keeps one stream per execution environment, also for Event invocations and published versions', async () => {
    const a = await invoke({ FunctionName: 'hello-world', Payload: '{"name":"A"}' });
    const b = await invoke({ FunctionName: 'hello-world', Payload: '{"name":"B"}', InvocationType: 'Event' });
    assert.equal(b.rec.invocationType, 'Event');
    assert.equal(b.rec.logStreamName, a.rec.logStreamName, 'the warm environment writes to its stream');
    exactlyItsLog(a.rec, a.id);
    exactlyItsLog(b.rec, b.id);
    const v1 = await invoke({ FunctionName: 'hello-world', Qualifier: '1' });
    assert.match(v1.rec.logStreamName ?? '', STREAM_NAME('1'));
    assert.notEqual(v1.rec.logStreamName, a.rec.logStreamName);
    const group = suite.emu.store.logs.findGroup(DEMO_ACCOUNT, DEMO_REGION, '/aws/lambda/hello-world')!;
    assert.ok(group.streams.has(v1.rec.logStreamName!) && group.streams.has(a.rec.logStreamName!));
  });

  it('puts lines written while the module loads and the timeout line inside the invocation that shows them', async () => {
    suite.addCodeFunction(
      'init-and-timeout',
      "console.log('loading the module');\nexports.handler = async (e) => { console.log('working'); if (e.hang) await new Promise(() => {}); return 1; };\n",
      { timeout: 1 },
    );
    const first = await invoke({ FunctionName: 'init-and-timeout' });
    const messages = exactlyItsLog(first.rec, first.id).map((e) => e.message);
    assert.match(messages[1], /\tundefined\tINFO\tloading the module$/);
    assert.match(messages[2], new RegExp(`\\t${first.id}\\tINFO\\tworking$`));
    const hung = await invoke({ FunctionName: 'init-and-timeout', Payload: '{"hang":true}' });
    const end = exactlyItsLog(hung.rec, hung.id).map((e) => e.message);
    assert.match(end[end.length - 3], new RegExp(`${hung.id} Task timed out after 1\\.00 seconds$`));
    assert.match(end[end.length - 1], /\tStatus: timeout\t$/);
  });

  it('writes the Managed Instances log to the stream its LogResult names', async () => {
    const { id, rec } = await invoke({ FunctionName: 'fleet-worker' });
    assert.match(rec.logStreamName ?? '', STREAM_NAME('$LATEST.PUBLISHED'));
    const events = exactlyItsLog(rec, id);
    assert.equal(events[0].message, `START RequestId: ${id} Version: $LATEST.PUBLISHED`);
  });
});
