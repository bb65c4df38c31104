import * as assert from 'node:assert/strict';
import { InvokeCommand } from '@aws-sdk/client-lambda';
import { ClientCache, LogsService, type LiveTailMessage } from '../../../src/aws';
import { fetchInvocationLog, messageText } from '../../../src/logs/model';
import { DEMO_ACCOUNT, Emulator, fixtures, startEmulator } from '../../emulator';
import { lambdaClient } from '../../emulator/testing';

/** LogsService (the real SDK, host prefix off) and the full-log assembly against the emulator's CloudWatch Logs. */
describe('aws/LogsService against the local emulator', function () {
  this.timeout(30000);
  let emu: Emulator;
  const clients = new ClientCache();
  const saved = { creds: process.env.AWS_SHARED_CREDENTIALS_FILE, config: process.env.AWS_CONFIG_FILE };
  const logs = () => new LogsService({ profile: 'demo', region: 'us-east-1', endpoint: emu.endpoint, maxAttempts: 1 }, clients);

  before(async () => {
    emu = await startEmulator({ port: 0, seed: 'demo', quiet: true, liveTailIntervalMs: 100 });
    process.env.AWS_SHARED_CREDENTIALS_FILE = fixtures.credentialsFile;
    process.env.AWS_CONFIG_FILE = fixtures.configFile;
  });
  after(async () => {
    clients.clear();
    await emu.stop();
    process.env.AWS_SHARED_CREDENTIALS_FILE = saved.creds;
    process.env.AWS_CONFIG_FILE = saved.config;
  });
  afterEach(() => {
    emu.faults.clear();
    emu.services.logsPageSize = 50;
    emu.store.logs.ingestionDelayMs = 0;
  });

  async function invoke(name: string, payload: object, type: 'RequestResponse' | 'Event' = 'RequestResponse'): Promise<{ requestId: string; startedAt: number }> {
    const lambda = lambdaClient(emu);
    const startedAt = Date.now();
    const out = await lambda.send(new InvokeCommand({ FunctionName: name, Payload: new TextEncoder().encode(JSON.stringify(payload)), InvocationType: type }));
    lambda.destroy();
    return { requestId: out.$metadata.requestId!, startedAt };
  }

  it('reads the whole log of chatty-logger (400 lines, over 4 KB) across pages of 7 events, in order', async () => {
    emu.services.logsPageSize = 7;
    const { requestId, startedAt } = await invoke('chatty-logger', { lines: 400 });
    const log = await fetchInvocationLog(logs(), { requestId, logGroupName: '/aws/lambda/chatty-logger', startedAt }, { timeoutMs: 5000, intervalMs: 100 });
    assert.equal(log.complete, true);
    const lines = log.events.map((e) => messageText(e.message));
    assert.equal(lines.length, 403, 'START, 400 lines, END, REPORT');
    assert.ok(lines.join('\n').length > 4096);
    for (let i = 1; i <= 400; i++) {
      assert.ok(lines[i].includes(`line ${String(i).padStart(4, '0')} of 400`), `line ${i} in place: ${lines[i]}`);
    }
    assert.ok(log.pages > 400 / 7);
  });

  it('reads the log of an Event invocation by the 202 request id, waiting for it, with lines without the request id', async () => {
    emu.store.logs.ingestionDelayMs = 800;
    const { requestId, startedAt } = await invoke('plain-printer', { lines: 3 }, 'Event');
    const waits: boolean[] = [];
    const log = await fetchInvocationLog(logs(), { requestId, logGroupName: '/aws/lambda/plain-printer', startedAt }, { timeoutMs: 10_000, intervalMs: 100, onWait: (w) => waits.push(w.started) });
    assert.equal(log.complete, true);
    assert.ok(waits.length > 0, 'it waited for the ingestion delay');
    const lines = log.events.map((e) => messageText(e.message));
    assert.ok(lines.includes('printed line 2 of 3'));
    assert.ok(lines.includes('a line written in two pieces'));
  });

  it('names the missing permission and the missing log group as the service says them', async () => {
    emu.faults.set('FilterLogEvents', { denied: true });
    await assert.rejects(logs().filterLogEvents({ logGroupName: '/aws/lambda/hello-world' }), (e: Error) => e.name === 'AccessDeniedException' && /logs:FilterLogEvents/.test(e.message));
    emu.faults.clear();
    await assert.rejects(logs().filterLogEvents({ logGroupName: '/aws/lambda/never-ran' }), { name: 'ResourceNotFoundException' });
  });

  it('tails a log group (Live Tail over the real event stream) until aborted', async () => {
    await invoke('hello-world', {});
    const c = new AbortController();
    const seen: LiveTailMessage[] = [];
    const group = `arn:aws:logs:us-east-1:${DEMO_ACCOUNT}:log-group:/aws/lambda/hello-world`;
    const reading = (async () => {
      for await (const m of logs().liveTail([group], { signal: c.signal })) {
        seen.push(m);
      }
    })();
    while (seen.length === 0) await new Promise((r) => setTimeout(r, 20));
    assert.equal(seen[0].kind, 'start');
    const { requestId } = await invoke('hello-world', { n: 1 });
    const deadline = Date.now() + 5000;
    while (!seen.some((m) => m.kind === 'update' && m.events.some((e) => e.message.includes(`REPORT RequestId: ${requestId}`)))) {
      assert.ok(Date.now() < deadline, 'the new REPORT arrives in the tail');
      await new Promise((r) => setTimeout(r, 20));
    }
    c.abort();
    await reading;
  });
});
