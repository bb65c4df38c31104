/**
 * The profile window (the development build, whose source maps lead back to src/): the
 * invoke command many times on a payload file open in an editor, first with every step
 * timed (steps.ts) and the CPU time of the extension host and of the server counted, then
 * under two CPU profilers at once: the extension host's own (node:inspector) and the page's
 * (taken by the runner over the Chrome DevTools Protocol).
 */
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import * as vscode from 'vscode';
import { withCpuProfile, withCpuTimes } from './cpuProfile';
import { closeResponseEditor, invokeFileCommand } from './invokeFeel';
import type { HostCpuProfile, HostParams, PageProfile, StepFigures, WhatIfSample } from './protocol';
import { rendezvous } from './rendezvous';
import type { StepRecorder } from './steps';

export const HOST_PROFILE_FILE = 'profile-invoke-host.cpuprofile';
/** The interval between the host profiler's samples: fine enough for steps of a tenth of a millisecond. */
const SAMPLING_INTERVAL_US = 250;

/** The what-if variants, one invocation each per round in a shuffled order, so that drift hits all alike. */
const WHAT_IF: Array<Omit<WhatIfSample, 'commandMs'>> = [
  { name: 'as it is', changes: {} },
  { name: 'Memento writes not awaited', changes: { mementoNoWait: true } },
  { name: 'no progress notification', changes: { noProgress: true } },
  { name: 'channel revealed once only', changes: { revealOnce: true } },
  { name: 'all three', changes: { mementoNoWait: true, noProgress: true, revealOnce: true } },
];

/** A small deterministic generator (mulberry32): the same orders in every run. */
function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function shuffled<T>(items: readonly T[], random: () => number): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

/** `n` invocations with every step timed, and the CPU time of the host and of the server around them. */
async function timeSteps(recorder: StepRecorder, uri: vscode.Uri, target: { region: string; functionName: string }, n: number): Promise<StepFigures> {
  recorder.reset();
  const timed = await withCpuTimes(async () => {
    for (let i = 0; i < n; i++) {
      recorder.begin();
      const t0 = performance.now();
      let opened: vscode.TextDocument | undefined;
      try {
        opened = (await invokeFileCommand(uri, target)).responseDocument;
      } finally {
        recorder.end(performance.now() - t0);
      }
      await closeResponseEditor(opened);
    }
  });
  return recorder.figures({
    hostCpuMsPerInvocation: timed.hostCpuMs / n,
    serverCpuMsPerInvocation: timed.serverCpuMs !== undefined ? timed.serverCpuMs / n : undefined,
    wallMsPerInvocation: timed.wallMs / n,
  });
}

export async function measureProfile(
  params: HostParams,
  folder: string,
  recorder: StepRecorder,
  log: (line: string) => void,
): Promise<{ steps: StepFigures; stepsLarge?: StepFigures; whatIf: WhatIfSample[]; hostProfile: HostCpuProfile; pageProfile: PageProfile }> {
  const uri = vscode.Uri.file(params.payloadFile);
  const target = { region: params.region, functionName: params.functionName };
  await vscode.window.showTextDocument(uri, { preview: false });
  const once = async (file = uri) => {
    const outcome = await invokeFileCommand(file, target);
    await closeResponseEditor(outcome.responseDocument);
  };
  const warmup = Math.min(20, params.invocations);
  for (let i = 0; i < warmup; i++) {
    await once();
  }

  log(`profile: ${params.invocations} invocations with each step timed`);
  const n = params.invocations;
  const steps = await timeSteps(recorder, uri, target, n);
  let stepsLarge: StepFigures | undefined;
  if (params.largePayloadFile && params.largeInvocations) {
    log(`profile: ${params.largeInvocations} invocations with a large payload, each step timed`);
    const large = vscode.Uri.file(params.largePayloadFile);
    await vscode.window.showTextDocument(large, { preview: false });
    await once(large); // its first run: not timed
    stepsLarge = await timeSteps(recorder, large, target, params.largeInvocations);
    await vscode.window.showTextDocument(uri, { preview: false });
  }

  const rounds = Math.max(5, Math.round(n / 5));
  log(`profile: what-if variants, ${rounds} rounds of ${WHAT_IF.length} invocations`);
  const whatIf: WhatIfSample[] = WHAT_IF.map((w) => ({ ...w, commandMs: [] }));
  const random = seededRandom(1);
  try {
    for (let r = 0; r < rounds; r++) {
      // A new order each round, so that no variant always follows the same one.
      for (const w of shuffled(whatIf, random)) {
        recorder.whatIf = w.changes;
        const t0 = performance.now();
        await invokeFileCommand(uri, target);
        w.commandMs.push(performance.now() - t0);
        recorder.whatIf = {};
        // What the variant did not wait for runs out before the next one is timed.
        await recorder.settle();
      }
    }
  } finally {
    recorder.whatIf = {};
  }

  log(`profile: ${n} invocations under the CPU profilers (extension host and page)`);
  const file = path.join(params.resultsDir, HOST_PROFILE_FILE);
  await rendezvous(folder, params.run, 'page-profile-start');
  const { wallMs } = await withCpuProfile(file, SAMPLING_INTERVAL_US, async () => {
    for (let i = 0; i < n; i++) {
      await once();
    }
  });
  const pageProfile = await rendezvous<PageProfile>(folder, params.run, 'page-profile-stop', undefined, 120_000);
  return { steps, stepsLarge, whatIf, hostProfile: { file, invocations: n, wallMs, samplingIntervalUs: SAMPLING_INTERVAL_US }, pageProfile };
}
