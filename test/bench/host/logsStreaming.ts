/**
 * The rows of the full log, live tail and response streaming, each the extension's path
 * against the bare SDK calls that do the same work, side by side in the same extension host:
 * - full log: the Show Full Log command on one invocation of chatty-logger with about 1 MB of
 *   log ÷ a bare FilterLogEvents (the request's START: its stream) + GetLogEvents pages to the
 *   REPORT, interleaved;
 * - tail: a line written to the function's log group by the emulator (its control endpoint),
 *   until the tail's channel holds it and until a bare StartLiveTail session of the benchmark's
 *   own receives it (the same event, both sessions open at once);
 * - streaming: time to the first chunk shown in the output (the outcome's StreamFigures) ÷ time
 *   to the first chunk of a bare InvokeWithResponseStream; a 50 MB stream end to end.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { CloudWatchLogsClient } from '@aws-sdk/client-cloudwatch-logs';
import * as vscode from 'vscode';
import { interleaved, median } from '../stats';
import { bareClient, type BareOptions } from './bareSdk';
import { closeResponseEditor } from './invokeFeel';
import { settle } from './settle';
import type { HostParams, LogsStreamingParams, SideSample } from './protocol';
import { invocationsText, lastNotification, stopAllTails, tailText } from './workbenchApi';

type Log = (line: string) => void;

/** The demo functions these rows use (the emulator's demo seed, region us-east-1). */
const REGION = 'us-east-1';
const ACCOUNT = '111111111111';
const CHATTY = 'chatty-logger';
const TAILED = 'hello-world';
const STREAMER = 'bulk-streamer';
/** What bulk-streamer's stream is made of. */
const STREAM_TEXT = 'lambda-workbench bulk stream';
/** After each 50 MB run, outside the timing: wait until the extension host is quiet (at most this long). */
const SETTLE_MAX_MS = 15_000;

/** As the extension builds its client (src/aws/clients.ts): its own endpoint, so no `streaming-` host prefix for StartLiveTail. */
function logsClient(o: BareOptions): CloudWatchLogsClient {
  const { CloudWatchLogsClient } = require('@aws-sdk/client-cloudwatch-logs') as typeof import('@aws-sdk/client-cloudwatch-logs');
  const { fromIni } = require('@aws-sdk/credential-providers') as typeof import('@aws-sdk/credential-providers');
  return new CloudWatchLogsClient({ region: o.region, profile: o.profile, credentials: fromIni({ profile: o.profile, ignoreCache: true }), endpoint: o.endpoint, maxAttempts: 3, disableHostPrefix: true });
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Runs `fn`, counting a failure (and keeping the first message) instead of throwing. */
function counting(sample: SideSample, fn: () => Promise<void>): () => Promise<void> {
  return async () => {
    try {
      await fn();
    } catch (err) {
      sample.failures++;
      sample.firstFailure ??= String((err as Error).message ?? err).split('\n')[0];
    }
  };
}

/** Full log: the command ÷ the bare CloudWatch Logs calls that fetch the same events. */
async function measureFullLog(params: HostParams, p: LogsStreamingParams, log: Log): Promise<SideSample> {
  const opts = { region: REGION, profile: params.profile, endpoint: params.endpoint };
  const { InvokeCommand } = require('@aws-sdk/client-lambda') as typeof import('@aws-sdk/client-lambda');
  const { FilterLogEventsCommand, GetLogEventsCommand } = require('@aws-sdk/client-cloudwatch-logs') as typeof import('@aws-sdk/client-cloudwatch-logs');
  const lambda = bareClient(opts);
  const logs = logsClient(opts);
  const sample: SideSample = { key: 'fullLog', label: 'full log', extensionMs: [], bareMs: [], failures: 0 };
  try {
    const startedAt = Date.now();
    const inv = await lambda.send(new InvokeCommand({ FunctionName: CHATTY, Payload: Buffer.from(JSON.stringify({ lines: p.fullLogLines })) }));
    const requestId = inv.$metadata.requestId;
    if (inv.FunctionError || !requestId) {
      throw new Error(`chatty-logger did not run: ${inv.FunctionError ?? 'no request id'}`);
    }
    const ref = { target: { region: REGION, functionName: CHATTY }, requestId, invocationType: 'RequestResponse', startedAt };
    const logGroupName = `/aws/lambda/${CHATTY}`;
    let doc: vscode.TextDocument | undefined;
    const viaCommand = counting(sample, async () => {
      const o = (await vscode.commands.executeCommand('lambdaWorkbench.showFullLog', ref)) as { complete?: boolean; events?: number; pages?: number; document?: vscode.TextDocument } | undefined;
      if (!o?.complete) {
        throw new Error(`Show Full Log came to ${o ? 'an incomplete log' : 'nothing'}`);
      }
      doc = o.document;
      sample.detail = { ...sample.detail, extensionEvents: o.events ?? NaN, extensionPages: o.pages ?? NaN };
    });
    const viaSdk = counting(sample, async () => {
      let start: { stream: string; time: number } | undefined;
      let nextToken: string | undefined;
      let pages = 0;
      do {
        const page = await logs.send(new FilterLogEventsCommand({ logGroupName, filterPattern: `"${requestId}"`, startTime: startedAt - 5 * 60_000, nextToken }));
        pages++;
        const e = page.events?.find((x) => x.message?.startsWith(`START RequestId: ${requestId}`));
        if (e?.logStreamName && e.timestamp !== undefined) {
          start = { stream: e.logStreamName, time: e.timestamp };
        }
        nextToken = page.nextToken;
      } while (!start && nextToken);
      if (!start) {
        throw new Error('the bare FilterLogEvents found no START');
      }
      let token: string | undefined;
      let events = 0;
      let bytes = 0;
      let began = false;
      for (;;) {
        const page = await logs.send(new GetLogEventsCommand({ logGroupName, logStreamName: start.stream, startTime: start.time, startFromHead: true, nextToken: token }));
        pages++;
        let done = false;
        for (const e of page.events ?? []) {
          const m = e.message ?? '';
          began ||= m.startsWith(`START RequestId: ${requestId}`);
          if (began) {
            events++;
            bytes += Buffer.byteLength(m);
            done = m.startsWith(`REPORT RequestId: ${requestId}`);
            if (done) break;
          }
        }
        const atEnd = (page.events ?? []).length === 0 || !page.nextForwardToken || page.nextForwardToken === token;
        token = page.nextForwardToken ?? token;
        if (done || atEnd) break;
      }
      sample.detail = { ...sample.detail, bareEvents: events, barePages: pages, logBytes: bytes };
    });
    const close = async () => {
      const d = doc;
      doc = undefined;
      if (d && !d.isClosed) {
        await vscode.window.showTextDocument(d, { preview: false });
        await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
      }
    };
    log(`full log: ${p.fullLogLines} lines of chatty-logger, ${p.runs} runs each after ${p.warmup} warm-up, interleaved`);
    const s = await interleaved(p.runs, p.warmup, viaCommand, viaSdk, close);
    sample.extensionMs = s.a;
    sample.bareMs = s.b;
    log(`full log: command ${median(s.a).toFixed(1)} ms, bare ${median(s.b).toFixed(1)} ms; ${JSON.stringify(sample.detail)}`);
  } finally {
    lambda.destroy();
    logs.destroy();
  }
  return sample;
}

/** Tail latency: the emulator writes a line; the tail's channel and a bare Live Tail session each receive it. */
async function measureTail(api: unknown, params: HostParams, p: LogsStreamingParams, log: Log): Promise<SideSample> {
  const opts = { region: REGION, profile: params.profile, endpoint: params.endpoint };
  const { StartLiveTailCommand } = require('@aws-sdk/client-cloudwatch-logs') as typeof import('@aws-sdk/client-cloudwatch-logs');
  const logs = logsClient(opts);
  const sample: SideSample = { key: 'tail', label: 'tail latency', extensionMs: [], bareMs: [], failures: 0, detail: { liveTailIntervalMs: p.liveTailIntervalMs } };
  const target = { region: REGION, functionName: TAILED };
  const logGroupName = `/aws/lambda/${TAILED}`;
  const abort = new AbortController();
  /** What the bare session received: token → [written (the event's timestamp), received]. */
  const bareSeen = new Map<string, { written: number; received: number }>();
  let bareLoop: Promise<void> | undefined;
  try {
    const url = `${params.endpoint.replace(/\/$/, '')}/__emulator/logs/events`;
    const write = async (token: string) => {
      const r = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ account: ACCOUNT, region: REGION, logGroupName, logStreamName: 'bench-tail', lines: [`${token} a line written by the benchmark`] }) });
      if (!r.ok) throw new Error(`the emulator did not write the line: ${r.status}`);
    };
    // The log group exists once something was written to it (Live Tail needs it).
    await write('bench-setup');
    const started = (await vscode.commands.executeCommand('lambdaWorkbench.tailLogs', target)) as { alreadyRunning?: boolean } | undefined;
    if (!started) {
      throw new Error(`Tail Logs did not start: ${lastNotification(api) ?? 'no message'}`);
    }
    const res = await logs.send(new StartLiveTailCommand({ logGroupIdentifiers: [`arn:aws:logs:${REGION}:${ACCOUNT}:log-group:${logGroupName}`] }), { abortSignal: abort.signal });
    const stream = res.responseStream;
    if (!stream) {
      throw new Error('StartLiveTail answered without a stream');
    }
    let sessionStarted!: () => void;
    const sessionStart = new Promise<void>((r) => (sessionStarted = r));
    bareLoop = (async () => {
      try {
        for await (const m of stream) {
          if (m.sessionStart) sessionStarted();
          for (const e of m.sessionUpdate?.sessionResults ?? []) {
            const token = /bench-tail-\S+/.exec(e.message ?? '')?.[0];
            if (token && !bareSeen.has(token)) {
              bareSeen.set(token, { written: e.timestamp ?? NaN, received: Date.now() });
            }
          }
        }
      } catch (err) {
        if (!abort.signal.aborted) throw err;
      }
    })();
    await sessionStart;
    log(`tail: ${p.tailRounds} lines after ${p.warmup} warm-up, Live Tail updates every ${p.liveTailIntervalMs} ms`);
    for (let i = -p.warmup; i < p.tailRounds; i++) {
      const token = `bench-tail-${i + p.warmup}-${Math.random().toString(36).slice(2, 10)}`;
      await write(token);
      // The channel is read every 2 ms (an output channel cannot be watched): the figure is at most that late.
      let shownAt: number | undefined;
      const deadline = Date.now() + 10_000;
      while ((shownAt === undefined || !bareSeen.has(token)) && Date.now() < deadline) {
        if (shownAt === undefined && (tailText(api, target) ?? '').includes(token)) {
          shownAt = Date.now();
        }
        await sleep(2);
      }
      const bare = bareSeen.get(token);
      if (shownAt === undefined || !bare) {
        sample.failures++;
        sample.firstFailure ??= `line ${token} not received within 10 s by ${shownAt === undefined ? 'the tail channel' : 'the bare session'}`;
        continue;
      }
      if (i >= 0) {
        sample.extensionMs.push(shownAt - bare.written);
        sample.bareMs.push(bare.received - bare.written);
      }
      // Lines apart by a fraction of the interval, so that they meet the session's tick at different points.
      await sleep(p.liveTailIntervalMs * 0.37 + 5);
    }
    log(`tail: channel ${median(sample.extensionMs).toFixed(1)} ms, bare session ${median(sample.bareMs).toFixed(1)} ms after the write (medians)`);
  } finally {
    stopAllTails(api);
    abort.abort();
    await bareLoop?.catch(() => undefined);
    logs.destroy();
  }
  return sample;
}

interface StreamOutcome {
  kind?: string;
  error?: string;
  responseDocument?: vscode.TextDocument;
  stream?: { bytes: number; chunks: number; firstChunkMs?: number; firstShownMs?: number; totalMs: number; end: string };
}

/** Streaming: first chunk shown ÷ bare first chunk; a 50 MB stream end to end. */
async function measureStreaming(api: unknown, params: HostParams, folder: string, p: LogsStreamingParams, log: Log): Promise<SideSample[]> {
  const opts = { region: REGION, profile: params.profile, endpoint: params.endpoint };
  const { InvokeWithResponseStreamCommand } = require('@aws-sdk/client-lambda') as typeof import('@aws-sdk/client-lambda');
  const lambda = bareClient(opts);
  const out: SideSample[] = [];
  try {
    const cases = [
      { key: 'streamFirstChunk' as const, label: `first chunk (${p.firstChunkBytes} bytes streamed)`, bytes: p.firstChunkBytes, runs: p.runs, warmup: p.warmup },
      { key: 'streamBulk' as const, label: `${(p.bulkBytes / 1024 / 1024).toFixed(0)} MB stream`, bytes: p.bulkBytes, runs: p.bulkRuns, warmup: 1 },
    ];
    for (const c of cases) {
      const file = path.join(folder, `bench-stream-${c.bytes}.json`);
      fs.writeFileSync(file, JSON.stringify({ bytes: c.bytes }));
      const uri = vscode.Uri.file(file);
      const payload = new Uint8Array(fs.readFileSync(file));
      const first = c.key === 'streamFirstChunk';
      const sample: SideSample = { key: c.key, label: c.label, extensionMs: [], bareMs: [], failures: 0, extensionReceivedMs: [], detail: { bytes: c.bytes } };
      let opened: vscode.TextDocument | undefined;
      // Each side's first `warmup` runs are not kept (interleaved runs them first).
      const done = { ext: 0, bare: 0 };
      const fromCall: number[] = [];
      let bounded = 0;
      const viaCommand = counting(sample, async () => {
        // First chunk: from the command to its text in the channel, read every 2 ms (at most that late).
        const from = first ? invocationsText(api).length : 0;
        const t0 = performance.now();
        let shownMs: number | undefined;
        let watching = first;
        const watch = (async () => {
          while (watching) {
            if (shownMs === undefined && invocationsText(api).slice(from).includes(STREAM_TEXT)) {
              shownMs = performance.now() - t0;
            }
            await sleep(2);
          }
        })();
        const o = (await vscode.commands.executeCommand('lambdaWorkbench.invokeFile', uri, { region: REGION, functionName: STREAMER })) as StreamOutcome | undefined;
        watching = false;
        await watch;
        if (first && shownMs === undefined && invocationsText(api).slice(from).includes(STREAM_TEXT)) {
          // The host was too busy to read the channel before the command ended: its end is an upper bound.
          shownMs = performance.now() - t0;
          if (done.ext >= c.warmup) bounded++;
        }
        opened = o?.responseDocument;
        const f = o?.stream;
        if (o?.kind !== 'result' || !f || f.end !== 'complete' || f.bytes !== c.bytes) {
          throw new Error(`the streamed invoke came to ${o?.kind ?? 'nothing'}${f ? ` (${f.end}, ${f.bytes} bytes)` : ', not streamed'}${o?.error ? `: ${o.error}` : ''}`);
        }
        if (first && shownMs === undefined) {
          throw new Error('the first chunk never showed in the channel');
        }
        if (done.ext++ >= c.warmup) {
          sample.extensionMs.push(first ? shownMs! : f.totalMs);
          if (first) {
            sample.extensionReceivedMs!.push(f.firstChunkMs ?? NaN);
            fromCall.push(f.firstShownMs ?? NaN);
          }
        }
      });
      const viaSdk = counting(sample, async () => {
        const t0 = performance.now();
        const r = await lambda.send(new InvokeWithResponseStreamCommand({ FunctionName: STREAMER, Payload: payload, LogType: 'Tail' }));
        let firstMs: number | undefined;
        let bytes = 0;
        for await (const e of r.EventStream ?? []) {
          if (e.PayloadChunk?.Payload) {
            firstMs ??= performance.now() - t0;
            bytes += e.PayloadChunk.Payload.length;
          }
          if (e.InvokeComplete?.ErrorCode) {
            throw new Error(`the bare stream ended with ${e.InvokeComplete.ErrorCode}`);
          }
        }
        if (bytes !== c.bytes) {
          throw new Error(`the bare stream brought ${bytes} bytes of ${c.bytes}`);
        }
        const ms = first ? (firstMs ?? NaN) : performance.now() - t0;
        if (done.bare++ >= c.warmup) {
          sample.bareMs.push(ms);
        }
      });
      const close = async () => {
        const d = opened;
        opened = undefined;
        await closeResponseEditor(d);
        if (!first) {
          // The 50 MB document reaches the extension host too: let that settle before the next run.
          await settle(SETTLE_MAX_MS);
        }
      };
      log(`streaming ${c.label}: ${c.runs} runs each after ${c.warmup} warm-up, interleaved`);
      // The timings are the outcome's and the stream's own (interleaved only orders the runs).
      await interleaved(c.runs, c.warmup, viaCommand, viaSdk, close);
      if (first) {
        sample.detail = { ...sample.detail, fromCallShownMedianMs: median(fromCall), atCommandEnd: bounded };
      }
      log(`streaming ${c.label}: extension ${median(sample.extensionMs).toFixed(1)} ms, bare ${median(sample.bareMs).toFixed(1)} ms (medians)`);
      out.push(sample);
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    }
  } finally {
    lambda.destroy();
  }
  return out;
}

export async function measureLogsStreaming(api: unknown, params: HostParams, folder: string, log: Log): Promise<SideSample[]> {
  const p = params.logsStreaming;
  if (!p) {
    throw new Error('the logs window was given no parameters');
  }
  const out: SideSample[] = [];
  const run = async (name: string, fn: () => Promise<SideSample | SideSample[]>) => {
    if (!p.rows.includes(name)) return;
    try {
      const r = await fn();
      out.push(...(Array.isArray(r) ? r : [r]));
    } catch (err) {
      out.push({ key: name as SideSample['key'], label: name, extensionMs: [], bareMs: [], failures: 1, firstFailure: String((err as Error).message ?? err).split('\n')[0] });
    }
  };
  await run('fullLog', () => measureFullLog(params, p, log));
  await run('tail', () => measureTail(api, params, p, log));
  await run('streaming', () => measureStreaming(api, params, folder, p, log));
  return out;
}
