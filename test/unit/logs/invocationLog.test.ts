import * as assert from 'node:assert/strict';
import { fetchInvocationLog, formatFullLog, formatTailEvent, InvocationLogAssembler, isReportOf, isStartOf, logsErrorMessage, messageText, type LogEvent, type LogsSource } from '../../../src/logs/model';

const ID = '8a1c2f4e-0b6d-4e2a-9c1f-3d5e7a9b0c11';
const OTHER = '11111111-2222-4333-8444-555555555555';

const text = (id: string, lines: string[]): string[] => [
  `START RequestId: ${id} Version: $LATEST\n`,
  ...lines,
  `END RequestId: ${id}\n`,
  `REPORT RequestId: ${id}\tDuration: 2.35 ms\tBilled Duration: 3 ms\tMemory Size: 128 MB\tMax Memory Used: 67 MB\n`,
];
const json = (id: string, lines: object[]): string[] => [
  JSON.stringify({ time: '2026-01-01T00:00:00.000Z', type: 'platform.start', record: { requestId: id, version: '$LATEST' } }),
  ...lines.map((l) => JSON.stringify(l)),
  JSON.stringify({ time: '2026-01-01T00:00:01.000Z', type: 'platform.report', record: { requestId: id, metrics: { durationMs: 2 } } }),
];

/**
 * A fake CloudWatch Logs over streams of messages: pages of `pageSize`, GetLogEvents tokens that
 * come back unchanged at the end, and events that become visible at `visibleAt` (the fake clock).
 */
class FakeLogs implements LogsSource {
  readonly calls: string[] = [];
  now = 1000;
  notFoundUntil = 0;
  constructor(
    private readonly streams: Record<string, { message: string; timestamp: number; visibleAt?: number }[]>,
    private readonly pageSize = 3,
  ) {}
  private visible(stream: string) {
    return (this.streams[stream] ?? []).filter((e) => (e.visibleAt ?? 0) <= this.now);
  }
  private check(): void {
    if (this.now < this.notFoundUntil) {
      throw Object.assign(new Error('The specified log group does not exist.'), { name: 'ResourceNotFoundException' });
    }
  }
  async filterLogEvents(q: { filterPattern?: string; nextToken?: string; startTime?: number }): Promise<{ events: LogEvent[]; nextToken?: string }> {
    this.calls.push(`filter ${q.nextToken ?? ''}`);
    this.check();
    const term = (q.filterPattern ?? '').replace(/"/g, '');
    const all = Object.keys(this.streams)
      .flatMap((s) => this.visible(s).map((e) => ({ ...e, logStreamName: s })))
      .filter((e) => e.message.includes(term) && e.timestamp >= (q.startTime ?? 0))
      .sort((a, b) => a.timestamp - b.timestamp);
    const from = Number(q.nextToken ?? 0);
    const page = all.slice(from, from + this.pageSize);
    return { events: page, nextToken: from + this.pageSize < all.length ? String(from + this.pageSize) : undefined };
  }
  async getLogEvents(q: { logStreamName: string; startTime?: number; nextToken?: string }): Promise<{ events: LogEvent[]; nextForwardToken?: string }> {
    this.calls.push(`get ${q.logStreamName} ${q.nextToken ?? ''}`);
    this.check();
    const events = this.visible(q.logStreamName).filter((e) => e.timestamp >= (q.startTime ?? 0));
    const from = q.nextToken ? Number(q.nextToken.slice(2)) : 0;
    const page = events.slice(from, from + this.pageSize);
    return { events: page, nextForwardToken: `f/${from + page.length}` };
  }
}

const stream = (messages: string[], t0 = 10_000, visibleAt?: (i: number) => number) => messages.map((message, i) => ({ message, timestamp: t0 + i, visibleAt: visibleAt?.(i) }));

describe('logs/model: the whole log of an invocation', () => {
  it('tells START and REPORT of a request in the Text and the JSON formats', () => {
    const [start, , , report] = text(ID, ['x\n']);
    assert.ok(isStartOf(start, ID));
    assert.ok(!isStartOf(start, OTHER));
    assert.ok(isReportOf(report, ID));
    assert.ok(!isReportOf(start, ID));
    const j = json(ID, []);
    assert.ok(isStartOf(j[0], ID));
    assert.ok(isReportOf(j[1], ID));
    assert.ok(!isReportOf(j[1], OTHER));
    assert.ok(!isStartOf('{"type":"platform.start" not json', ID));
  });

  it('assembles across pages: from START to REPORT, lines without the request id included, other requests left out', () => {
    const a = new InvocationLogAssembler(ID);
    const all = [...text(OTHER, ['before\n']), ...text(ID, ['printed line 1\n', `2026-01-01T00:00:00.000Z\t${ID}\tINFO\thello\n`, 'printed line 2\n']), ...text(OTHER, ['after\n'])];
    const events = all.map((message, i) => ({ message, timestamp: i }));
    for (let i = 0; i < events.length; i += 2) {
      a.add(events.slice(i, i + 2));
    }
    assert.ok(a.started && a.complete);
    assert.deepEqual(
      a.events.map((e) => messageText(e.message)),
      [`START RequestId: ${ID} Version: $LATEST`, 'printed line 1', `2026-01-01T00:00:00.000Z\t${ID}\tINFO\thello`, 'printed line 2', `END RequestId: ${ID}`, a.events[5].message.trimEnd()],
    );
    assert.ok(a.events[5].message.startsWith(`REPORT RequestId: ${ID}`));
  });

  it('finds the stream with FilterLogEvents, then pages GetLogEvents until the REPORT (Text)', async () => {
    const fake = new FakeLogs({ 'env-a': stream(text(OTHER, ['other\n'])), 'env-b': stream([...text(ID, Array.from({ length: 10 }, (_, i) => `line ${i}\n`)), ...text(OTHER, ['next\n'])]) });
    const log = await fetchInvocationLog(fake, { requestId: ID, logGroupName: '/aws/lambda/f', startedAt: 10_000 }, { timeoutMs: 0, now: () => fake.now });
    assert.equal(log.complete, true);
    assert.equal(log.logStreamName, 'env-b');
    assert.equal(log.events.length, 13);
    assert.deepEqual(log.events.slice(1, 11).map((e) => messageText(e.message)), Array.from({ length: 10 }, (_, i) => `line ${i}`));
    assert.ok(fake.calls.some((c) => c.startsWith('get env-b f/')), 'read on with the forward token');
    assert.ok(!fake.calls.some((c) => c.startsWith('get env-a')));
  });

  it('reads the stream a LogResult reference names without searching (JSON format)', async () => {
    const fake = new FakeLogs({ s: stream(json(ID, [{ level: 'INFO', message: 'one' }, { level: 'ERROR', message: 'two' }])) });
    const log = await fetchInvocationLog(fake, { requestId: ID, logGroupName: '/aws/lambda/f', logStreamName: 's', startedAt: 10_000 }, { timeoutMs: 0 });
    assert.equal(log.complete, true);
    assert.equal(log.events.length, 4);
    assert.ok(!fake.calls.some((c) => c.startsWith('filter')));
  });

  it('waits for events still on their way, reading on from where it stopped, then says it is complete', async () => {
    // START and half the lines visible at once, the rest (and REPORT) three "seconds" later.
    const fake = new FakeLogs({ s: stream(text(ID, ['a\n', 'b\n', 'c\n', 'd\n']), 10_000, (i) => (i < 3 ? 0 : 4000)) });
    const waits: Array<{ started: boolean; events: number }> = [];
    const clock = () => fake.now;
    const log = await fetchInvocationLog(fake, { requestId: ID, logGroupName: 'g', startedAt: 10_000 }, {
      timeoutMs: 60_000,
      intervalMs: 10,
      now: clock,
      onWait: (w) => {
        waits.push({ started: w.started, events: w.events });
        fake.now += 1000;
      },
    });
    assert.equal(log.complete, true);
    assert.equal(log.events.length, 7);
    assert.deepEqual(waits[0], { started: true, events: 3 });
    assert.equal(new Set(log.events.map((e) => e.message)).size, 7, 'no event read twice');
  });

  it('stops at the bound and says what it has: started but not complete, or not found', async () => {
    const fake = new FakeLogs({ s: stream(text(ID, ['a\n']).slice(0, 2)) });
    let t = 0;
    const partial = await fetchInvocationLog(fake, { requestId: ID, logGroupName: 'g', startedAt: 10_000 }, { timeoutMs: 50, intervalMs: 10, now: () => (t += 20) });
    assert.equal(partial.started, true);
    assert.equal(partial.complete, false);
    assert.equal(partial.events.length, 2);
    const none = await fetchInvocationLog(fake, { requestId: OTHER, logGroupName: 'g', startedAt: 10_000 }, { timeoutMs: 50, intervalMs: 10, now: () => (t += 20) });
    assert.equal(none.started, false);
    assert.match(formatFullLog(none, { label: 'f (us-east-1)', invocationType: 'Event', timeoutSeconds: 60 }), /Not found: no START line/);
    assert.match(formatFullLog(partial, { label: 'f (us-east-1)', invocationType: 'Event', timeoutSeconds: 60 }), /Not complete: no REPORT line within 60 s; 2 events shown/);
  });

  it('a log group that does not exist yet is waited for while the invocation is recent; an old one fails at once', async () => {
    const fake = new FakeLogs({ s: stream(text(ID, ['a\n'])) });
    fake.notFoundUntil = 3000;
    const log = await fetchInvocationLog(fake, { requestId: ID, logGroupName: 'g', startedAt: 1000 }, { timeoutMs: 60_000, intervalMs: 10, now: () => fake.now, onWait: () => (fake.now += 1000) });
    assert.equal(log.complete, true);
    const missing = new FakeLogs({});
    missing.notFoundUntil = Infinity;
    let t = 1000;
    const waited = await fetchInvocationLog(missing, { requestId: ID, logGroupName: 'g', startedAt: 1000 }, { timeoutMs: 50, intervalMs: 10, now: () => (t += 20) });
    assert.deepEqual([waited.started, waited.notFound, waited.complete], [false, true, false]);
    assert.match(formatFullLog(waited, { label: 'f (us-east-1)', invocationType: 'Event', timeoutSeconds: 60 }), /Not found: the log group g did not exist within 60 s/);
    const gone = new FakeLogs({});
    gone.notFoundUntil = Infinity;
    gone.now = 10 * 60_000;
    await assert.rejects(fetchInvocationLog(gone, { requestId: ID, logGroupName: 'g', startedAt: 1000 }, { timeoutMs: 60_000, intervalMs: 10, now: () => gone.now }), { name: 'ResourceNotFoundException' });
  });

  it('stops when cancelled', async () => {
    const fake = new FakeLogs({});
    const c = new AbortController();
    const p = fetchInvocationLog(fake, { requestId: ID, logGroupName: 'g', startedAt: 1000 }, { timeoutMs: 60_000, intervalMs: 1000, signal: c.signal, onWait: () => setTimeout(() => c.abort(), 5) });
    await assert.rejects(p, { name: 'AbortError' });
  });

  it('formats the document: header, completeness, every message without its newline, in order', () => {
    const events = stream(text(ID, ['multi\nline\n']));
    const doc = formatFullLog({ requestId: ID, logGroupName: '/aws/lambda/f', logStreamName: 's', events, started: true, complete: true, pages: 2, waitedMs: 0 }, { label: 'f (us-east-1)', invocationType: 'RequestResponse', timeoutSeconds: 60 });
    const lines = doc.split('\n');
    assert.equal(lines[0], `=== f (us-east-1) · RequestResponse · ${ID} ===`);
    assert.equal(lines[1], 'Log group: /aws/lambda/f');
    assert.equal(lines[3], 'Complete: START to REPORT, 4 events.');
    assert.equal(lines[4], '---');
    assert.deepEqual(lines.slice(5, 9), [`START RequestId: ${ID} Version: $LATEST`, 'multi', 'line', `END RequestId: ${ID}`]);
    assert.equal(formatTailEvent({ timestamp: Date.UTC(2026, 0, 2, 3, 4, 5, 6), message: 'hi\n' }), '2026-01-02T03:04:05.006Z hi');
  });

  it('explains the errors of CloudWatch Logs: the missing permission named, no log group, throttling, a cut stream', () => {
    const denied = Object.assign(new Error('User: arn:aws:iam::111111111111:user/dev is not authorized to perform: logs:GetLogEvents on resource: arn:aws:logs:us-east-1:111111111111:log-group:/aws/lambda/f:log-stream:'), { name: 'AccessDeniedException' });
    assert.match(logsErrorMessage(denied, { operation: 'FilterLogEvents', logGroupName: '/aws/lambda/f' })!, /permission logs:GetLogEvents is missing on the log group \/aws\/lambda\/f/);
    const deniedBare = Object.assign(new Error('Access denied'), { name: 'AccessDeniedException' });
    assert.match(logsErrorMessage(deniedBare, { operation: 'StartLiveTail', logGroupName: 'g' })!, /logs:StartLiveTail/);
    assert.match(logsErrorMessage(Object.assign(new Error('The specified log group does not exist.'), { name: 'ResourceNotFoundException' }), { operation: 'FilterLogEvents', logGroupName: 'g' })!, /log group g does not exist/);
    assert.match(logsErrorMessage(Object.assign(new Error('Rate exceeded'), { name: 'ThrottlingException' }), { operation: 'FilterLogEvents', logGroupName: 'g' })!, /throttling/);
    assert.match(logsErrorMessage(Object.assign(new Error('interrupted'), { name: 'SessionStreamingException' }), { operation: 'StartLiveTail', logGroupName: 'g' })!, /stream was cut/);
    assert.equal(logsErrorMessage(Object.assign(new Error('x'), { name: 'CredentialsProviderError' }), { operation: 'FilterLogEvents', logGroupName: 'g' }), undefined);
  });
});
