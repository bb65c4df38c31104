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
import type { HostCpuProfile, HostParams, PageProfile, StepFigures } from './protocol';
import { rendezvous } from './rendezvous';
import type { StepRecorder } from './steps';

export const HOST_PROFILE_FILE = 'profile-invoke-host.cpuprofile';
/** The interval between the host profiler's samples: fine enough for steps of a tenth of a millisecond. */
const SAMPLING_INTERVAL_US = 250;

export async function measureProfile(
  params: HostParams,
  folder: string,
  recorder: StepRecorder,
  log: (line: string) => void,
): Promise<{ steps: StepFigures; hostProfile: HostCpuProfile; pageProfile: PageProfile }> {
  const uri = vscode.Uri.file(params.payloadFile);
  const target = { region: params.region, functionName: params.functionName };
  await vscode.window.showTextDocument(uri, { preview: false });
  const once = async () => {
    const outcome = await invokeFileCommand(uri, target);
    await closeResponseEditor(outcome.responseDocument);
  };
  const warmup = Math.min(20, params.invocations);
  for (let i = 0; i < warmup; i++) {
    await once();
  }

  log(`profile: ${params.invocations} invocations with each step timed`);
  const timed = await withCpuTimes(async () => {
    for (let i = 0; i < params.invocations; i++) {
      recorder.begin();
      const t0 = performance.now();
      try {
        await invokeFileCommand(uri, target);
      } finally {
        recorder.end(performance.now() - t0);
      }
    }
  });
  const n = params.invocations;
  const steps = recorder.figures({
    hostCpuMsPerInvocation: timed.hostCpuMs / n,
    serverCpuMsPerInvocation: timed.serverCpuMs !== undefined ? timed.serverCpuMs / n : undefined,
    wallMsPerInvocation: timed.wallMs / n,
  });

  log(`profile: ${n} invocations under the CPU profilers (extension host and page)`);
  const file = path.join(params.resultsDir, HOST_PROFILE_FILE);
  await rendezvous(folder, params.run, 'page-profile-start');
  const { wallMs } = await withCpuProfile(file, SAMPLING_INTERVAL_US, async () => {
    for (let i = 0; i < n; i++) {
      await once();
    }
  });
  const pageProfile = await rendezvous<PageProfile>(folder, params.run, 'page-profile-stop', undefined, 120_000);
  return { steps, hostProfile: { file, invocations: n, wallMs, samplingIntervalUs: SAMPLING_INTERVAL_US }, pageProfile };
}
