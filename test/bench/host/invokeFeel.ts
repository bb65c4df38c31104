/**
 * Invoke as the user feels it: the `lambdaWorkbench.invokeFile` command on a payload file
 * open in an editor (the way the CodeLens and the editor's menu run it), from the file's
 * read to the result written in the channel, against a bare `InvokeCommand` with the same
 * bytes sent from the same extension host, interleaved, at each latency the emulator is
 * told to add before answering.
 */
import * as fs from 'node:fs';
import * as vscode from 'vscode';
import { interleaved, median } from '../stats';
import { bareClient, setLatency } from './bareSdk';
import { settle } from './settle';
import { onInvocationsWritten } from './workbenchApi';
import type { HostParams, InvokeFeelCase, InvokeFeelSample } from './protocol';

export const INVOKE_FILE_COMMAND = 'lambdaWorkbench.invokeFile';
/** After a run whose response opened in an editor: wait at most this long for the host to be quiet. */
const SETTLE_MAX_MS = 10_000;

/** What the command returns (InvokeOutcome): only what the benchmark reads. */
export interface Outcome {
  kind?: string;
  error?: string;
  text?: string;
  responseDocument?: vscode.TextDocument;
}

/** Runs the invoke command once; throws unless it came to a result. */
export async function invokeFileCommand(uri: vscode.Uri, target: { region: string; functionName: string }): Promise<Outcome> {
  const outcome = (await vscode.commands.executeCommand(INVOKE_FILE_COMMAND, uri, target)) as Outcome | undefined;
  if (outcome?.kind !== 'result') {
    throw new Error(`the invoke command came to ${outcome?.kind ?? 'nothing'}${outcome?.error ? `: ${outcome.error}` : ''}`);
  }
  return outcome;
}

/** Closes a response the extension opened in an editor (over the size threshold), discarding it. */
export async function closeResponseEditor(doc: vscode.TextDocument | undefined): Promise<void> {
  if (!doc || doc.isClosed) {
    return;
  }
  await vscode.window.showTextDocument(doc, { preview: false, preserveFocus: false });
  await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
}

export async function measureInvokeFeel(api: unknown, params: HostParams, cases: InvokeFeelCase[], log: (line: string) => void): Promise<InvokeFeelSample[]> {
  const target = { region: params.region, functionName: params.functionName };
  const bare = bareClient({ region: params.region, profile: params.profile, endpoint: params.endpoint });
  const { InvokeCommand } = require('@aws-sdk/client-lambda') as typeof import('@aws-sdk/client-lambda');
  const out: InvokeFeelSample[] = [];
  try {
    for (const c of cases) {
      const uri = vscode.Uri.file(c.payloadFile);
      const bytes = new Uint8Array(fs.readFileSync(c.payloadFile));
      // The payload file open, as when the user invokes from its CodeLens or its editor.
      await vscode.window.showTextDocument(uri, { preview: false });
      await setLatency(params.endpoint, 'Invoke', c.latencyMs);
      const sample: InvokeFeelSample = { label: c.label, payloadBytes: bytes.length, latencyMs: c.latencyMs, channelMs: [], commandMs: [], bareMs: [], failures: 0 };
      let opened: vscode.TextDocument | undefined;
      // Every run of the command, warm-up included: when its result block reached the channel.
      const channelMs: number[] = [];
      const viaCommand = async () => {
        let written: number | undefined;
        const listener = onInvocationsWritten(api, () => {
          written ??= performance.now();
        });
        const t0 = performance.now();
        try {
          const outcome = await invokeFileCommand(uri, target);
          opened = outcome.responseDocument;
          sample.responseInEditor ||= opened !== undefined;
        } catch (err) {
          sample.failures++;
          sample.firstFailure ??= String((err as Error).message);
        } finally {
          listener.dispose();
          channelMs.push((written ?? performance.now()) - t0);
        }
      };
      const viaSdk = async () => {
        const r = await bare.send(new InvokeCommand({ FunctionName: params.functionName, InvocationType: 'RequestResponse', Payload: bytes, LogType: 'Tail' }));
        if (r.StatusCode !== 200 || r.FunctionError) {
          throw new Error(`the bare InvokeCommand answered ${r.StatusCode}${r.FunctionError ? ` (${r.FunctionError})` : ''}`);
        }
        sample.responseBytes = r.Payload?.length;
      };
      // Outside the timing: a response editor is closed, and the host left to finish with it,
      // so that the megabyte document leaving it does not weigh on the next run of either side.
      const closeOpened = async () => {
        const doc = opened;
        opened = undefined;
        if (doc) {
          await closeResponseEditor(doc);
          await settle(SETTLE_MAX_MS);
        }
      };
      log(`invoke ${c.label}, ${c.latencyMs} ms latency: ${c.runs} runs each after ${c.warmup} warm-up, interleaved`);
      const s = await interleaved(c.runs, c.warmup, viaCommand, viaSdk, closeOpened);
      sample.commandMs = s.a;
      sample.bareMs = s.b;
      // The warm-up runs came first.
      sample.channelMs = channelMs.slice(c.warmup);
      log(`invoke ${c.label}, ${c.latencyMs} ms latency: result in the channel ${median(sample.channelMs).toFixed(1)} ms, command ${median(s.a).toFixed(1)} ms, bare ${median(s.b).toFixed(1)} ms (medians)${sample.failures ? `, ${sample.failures} failed` : ''}`);
      out.push(sample);
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    }
  } finally {
    await setLatency(params.endpoint, 'Invoke', 0);
    bare.destroy();
  }
  return out;
}
