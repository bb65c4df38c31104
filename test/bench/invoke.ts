/**
 * Invoke overhead: runs each case in invokeWorker.js (a process of its own) under a
 * deadline, so that a pathological case is reported as such instead of stalling the run.
 */
import { fork } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { InvokeWorkerEvent, InvokeWorkerOptions, Phases, Side } from './invokeWorker';
import { median, pairedRatio, round } from './stats';

export interface InvokeCase {
  label: string;
  payloadBytes: number;
  responseBytes?: number;
  runsPlanned: number;
  extensionMs: number[];
  sdkMs: number[];
  extensionMedianMs: number;
  sdkMedianMs: number;
  /** Median of the per-round ratios (see stats.pairedRatio); undefined when the case overran. */
  pairedRatio?: number;
  /** Medians of where the extension's path spent its time (measured runs). */
  extensionPhasesMs?: Phases;
  /** extension / bare SDK, medians (a lower bound when `overran`). */
  ratio: number;
  /** The case hit its deadline: the worker was stopped. */
  overran?: { deadlineMs: number; side: Side; runningForMs: number; warmup: boolean };
}

/**
 * A JSON payload of exactly `bytes` bytes, shaped like a batch of records (the way large
 * events look: SQS, Kinesis, DynamoDB streams), not one giant string.
 */
export function makePayload(bytes: number): string {
  const head = '{"records":[';
  const tail = ']}';
  const records: string[] = [];
  let size = head.length + tail.length;
  const body = 'lorem ipsum dolor sit amet '.repeat(34); // ~900 characters
  for (let i = 0; ; i++) {
    const r = JSON.stringify({ id: i, type: 'record', source: 'benchmark', body });
    const add = r.length + (records.length ? 1 : 0);
    if (size + add > bytes) {
      break;
    }
    records.push(r);
    size += add;
  }
  // Pad the last record's body to the exact size.
  const pad = bytes - size;
  if (records.length === 0) {
    throw new Error(`payload size ${bytes} is too small`);
  }
  const last = JSON.parse(records[records.length - 1]) as { body: string };
  last.body += 'x'.repeat(pad);
  records[records.length - 1] = JSON.stringify(last);
  const text = head + records.join(',') + tail;
  if (Buffer.byteLength(text) !== bytes) {
    throw new Error(`payload is ${Buffer.byteLength(text)} bytes, wanted ${bytes}`);
  }
  return text;
}

export function writePayload(dir: string, name: string, bytes: number): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, makePayload(bytes));
  return file;
}

export function benchInvokeCase(label: string, options: InvokeWorkerOptions, deadlineMs: number, log: (line: string) => void): Promise<InvokeCase> {
  const payloadBytes = fs.statSync(options.payloadFile).size;
  log(`invoke ${label}: ${options.runs} runs each after ${options.warmup} warm-up, interleaved (deadline ${Math.round(deadlineMs / 1000)} s)`);
  const child = fork(path.join(__dirname, 'invokeWorker.js'), [JSON.stringify(options)], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const samples: Record<Side, number[]> = { extension: [], sdk: [] };
  const warm: Record<Side, number[]> = { extension: [], sdk: [] };
  let responseBytes: number | undefined;
  const phases: Phases[] = [];
  let current: { side: Side; warmup: boolean; at: number } | undefined;
  let error: string | undefined;
  let overran: InvokeCase['overran'];

  return new Promise<InvokeCase>((resolve, reject) => {
    const timer = setTimeout(() => {
      overran = current ? { deadlineMs, side: current.side, warmup: current.warmup, runningForMs: Date.now() - current.at } : { deadlineMs, side: 'sdk', warmup: false, runningForMs: 0 };
      child.kill('SIGKILL');
    }, deadlineMs);
    child.on('message', (e: InvokeWorkerEvent) => {
      if (e.type === 'start') {
        current = { side: e.side, warmup: e.warmup, at: Date.now() };
      } else if (e.type === 'sample') {
        current = undefined;
        (e.warmup ? warm : samples)[e.side].push(e.ms);
        if (e.phases && !e.warmup) {
          phases.push(e.phases);
        }
        responseBytes ??= e.responseBytes;
      } else if (e.type === 'error') {
        error = e.message;
      }
    });
    child.on('exit', () => {
      clearTimeout(timer);
      if (error) {
        reject(new Error(`invoke ${label}: ${error}`));
        return;
      }
      // A case stopped at its deadline: report what ran, and the run that overran as a lower bound.
      const ext = samples.extension.length ? samples.extension : overran?.side === 'extension' && overran.runningForMs > 0 ? [Math.max(overran.runningForMs, ...warm.extension)] : warm.extension;
      const sdk = samples.sdk.length ? samples.sdk : warm.sdk;
      if (ext.length === 0 || sdk.length === 0) {
        reject(new Error(`invoke ${label}: the worker stopped before measuring both paths`));
        return;
      }
      const extensionMedianMs = median(ext);
      const sdkMedianMs = median(sdk);
      resolve({
        label,
        payloadBytes,
        responseBytes,
        runsPlanned: options.runs,
        extensionMs: ext.map((v) => round(v)),
        sdkMs: sdk.map((v) => round(v)),
        extensionMedianMs: round(extensionMedianMs),
        sdkMedianMs: round(sdkMedianMs),
        ratio: round(extensionMedianMs / sdkMedianMs, 3),
        pairedRatio: overran ? undefined : round(pairedRatio(samples.extension, samples.sdk), 3),
        extensionPhasesMs: phases.length
          ? { readCheck: round(median(phases.map((p) => p.readCheck))), call: round(median(phases.map((p) => p.call))), decodeFormat: round(median(phases.map((p) => p.decodeFormat))) }
          : undefined,
        overran,
      });
    });
  });
}
