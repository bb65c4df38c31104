/**
 * One invoke case, in a process of its own (forked by invoke.ts, which enforces a deadline):
 * the extension's whole invoke path against a bare `InvokeCommand`, interleaved.
 * Options come as JSON in argv[2]; every run is reported over IPC as it starts and ends.
 *
 * The extension's path is the one Invoker.run() takes for a payload file, minus the
 * VS Code parts (progress notification, output channel, editor): read and check the file
 * (readPayloadFile), LambdaService.invoke from the shipped dist/aws.js, decode the response
 * (decodeResponse) and format the block with its log and REPORT (formatInvokeResult).
 */
import { InvokeCommand, LambdaClient } from '@aws-sdk/client-lambda';
import { fromIni } from '@aws-sdk/credential-providers';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { decodeResponse, formatInvokeResult, readPayloadFile } from '../../src/invoke/model';
import { hideSdkNodeVersionWarning } from './warnings';

hideSdkNodeVersionWarning();

type AwsBundle = typeof import('../../src/aws');

export interface InvokeWorkerOptions {
  awsBundle: string;
  endpoint: string;
  profile: string;
  region: string;
  functionName: string;
  payloadFile: string;
  runs: number;
  warmup: number;
}

export type Side = 'extension' | 'sdk';

export type InvokeWorkerEvent =
  | { type: 'start'; side: Side; warmup: boolean }
  | { type: 'sample'; side: Side; warmup: boolean; ms: number; responseBytes: number; outputChars?: number; phases?: Phases }
  | { type: 'done' }
  | { type: 'error'; message: string };

/** Where the extension's path spends its time (ms). */
export interface Phases {
  /** readPayloadFile: stat, read, UTF-8 and JSON checks. */
  readCheck: number;
  /** LambdaService.invoke. */
  call: number;
  /** decodeResponse and formatInvokeResult (log decoding, REPORT parsing, pretty-printing). */
  decodeFormat: number;
}

/** The extension's default of lambdaWorkbench.invoke.responseInEditorThreshold. */
const RESPONSE_IN_EDITOR_THRESHOLD = 65536;

function emit(e: InvokeWorkerEvent): void {
  process.send?.(e);
}

async function main(): Promise<void> {
  const o = JSON.parse(process.argv[2]) as InvokeWorkerOptions;
  const aws = require(o.awsBundle) as AwsBundle;
  const clients = new aws.ClientCache();
  const service = new aws.LambdaService({ profile: o.profile, region: o.region, endpoint: o.endpoint }, clients);
  const bare = new LambdaClient({ region: o.region, profile: o.profile, credentials: fromIni({ profile: o.profile, ignoreCache: true }), endpoint: o.endpoint, maxAttempts: 3 });
  const label = path.basename(o.payloadFile);
  const bareBytes = new Uint8Array(fs.readFileSync(o.payloadFile));

  const viaExtension = async (): Promise<{ responseBytes: number; outputChars: number; phases: Phases }> => {
    const startedAt = new Date();
    const tRead = performance.now();
    const checked = await readPayloadFile(o.payloadFile, { file: label, invocationType: 'RequestResponse' });
    const t0 = performance.now();
    const response = await service.invoke({ functionName: o.functionName, invocationType: 'RequestResponse', payload: checked.bytes, logType: 'Tail' });
    const t1 = performance.now();
    const elapsedMs = t1 - t0;
    const decoded = decodeResponse(response.Payload);
    const lines = formatInvokeResult({
      target: { region: o.region, functionName: o.functionName },
      invocationType: 'RequestResponse',
      startedAt,
      payload: { kind: 'file', label, checked },
      response,
      elapsedMs,
      logType: 'Tail',
      decoded,
      responseInEditor: decoded.bytes > RESPONSE_IN_EDITOR_THRESHOLD ? { threshold: RESPONSE_IN_EDITOR_THRESHOLD } : undefined,
    });
    // What the channel is given (Invoker writes the block in one call).
    const text = lines.join('\n');
    const t2 = performance.now();
    expectOk('extension', response.StatusCode, response.FunctionError);
    return { responseBytes: decoded.bytes, outputChars: text.length, phases: { readCheck: t0 - tRead, call: elapsedMs, decodeFormat: t2 - t1 } };
  };
  const viaSdk = async (): Promise<{ responseBytes: number }> => {
    const out = await bare.send(new InvokeCommand({ FunctionName: o.functionName, InvocationType: 'RequestResponse', Payload: bareBytes, LogType: 'Tail' }));
    expectOk('bare SDK', out.StatusCode, out.FunctionError);
    return { responseBytes: out.Payload?.length ?? 0 };
  };

  const one = async (side: Side, warmup: boolean): Promise<void> => {
    emit({ type: 'start', side, warmup });
    const t0 = performance.now();
    const r = side === 'extension' ? await viaExtension() : await viaSdk();
    emit({ type: 'sample', side, warmup, ms: performance.now() - t0, ...r });
  };
  // Warm-up: the bare client first, so that its figure exists even if the extension's path overruns.
  for (let i = 0; i < o.warmup; i++) {
    await one('sdk', true);
    await one('extension', true);
  }
  for (let i = 0; i < o.runs; i++) {
    const order: Side[] = i % 2 === 0 ? ['extension', 'sdk'] : ['sdk', 'extension'];
    for (const side of order) {
      await one(side, false);
    }
  }
  bare.destroy();
  clients.clear();
  emit({ type: 'done' });
}

function expectOk(who: string, status: number | undefined, functionError: string | undefined): void {
  if (status !== 200 || functionError) {
    throw new Error(`${who}: invoke answered ${status}${functionError ? ` with a function error (${functionError})` : ''}`);
  }
}

// The runner went away: stop.
process.on('disconnect', () => process.exit(1));

main().then(
  () => process.exit(0),
  (err: unknown) => {
    emit({ type: 'error', message: String((err as Error)?.stack ?? err) });
    process.exit(1);
  },
);
