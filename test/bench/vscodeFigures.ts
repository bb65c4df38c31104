/** The figures of the VS Code windows (host results), as the report holds them. */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { HostResult, StepFigures } from './host/protocol';
import { StepSummary, summarizeSteps } from './host/steps';
import type { ActivationFigures, FirstViewFigures, InvokeFeelFigures, InvokeProfileFigures, MemoryFigures, SideFigures } from './report';
import { CpuProfile, hostLocator, pageLocator, ProfileSummary, summarizeProfile } from './profileSummary';
import { formatMs, median, round, sideBySide } from './stats';

const defined = <T>(v: T | undefined): v is T => v !== undefined;

export function activationFigures(results: HostResult[], extensionDir: string): ActivationFigures {
  const samples = results.filter((r) => r.build === 'packaged').map((r) => r.activation).filter(defined);
  const timed = samples.filter((a) => !a.alreadyActive && a.bundleLoadMs !== undefined && a.activateCallMs !== undefined);
  const total = (t: { bundleLoadMs?: number; activateCallMs?: number }) => (t.bundleLoadMs ?? NaN) + (t.activateCallMs ?? NaN);
  const bundleLoadMs = timed.map((a) => round(a.bundleLoadMs!));
  const vscodeApiMs = timed.map((a) => round(a.vscodeApiMs ?? 0));
  const activateCallMs = timed.map((a) => round(a.activateCallMs!));
  const extensionMs = timed.map((a) => round(total(a)));
  const endToEndMs = samples.map((a) => round(a.endToEndMs));
  const paired = timed.filter((a) => a.minimal && !a.minimal.alreadyActive && a.minimal.bundleLoadMs !== undefined && a.minimal.activateCallMs !== undefined);
  const minimalMs = paired.map((a) => round(total(a.minimal!), 3));
  const ratios = paired.map((a) => round(total(a) / total(a.minimal!), 3));
  const endToEndRatios = paired.map((a) => round(a.endToEndMs / a.minimal!.endToEndMs, 3));
  return {
    windows: samples.length,
    alreadyActive: samples.filter((a) => a.alreadyActive).length,
    bundleLoadMs,
    vscodeApiMs,
    activateCallMs,
    extensionMs,
    endToEndMs,
    medianExtensionMs: round(median(extensionMs)),
    medianBundleLoadMs: round(median(bundleLoadMs)),
    medianVscodeApiMs: round(median(vscodeApiMs)),
    medianActivateCallMs: round(median(activateCallMs)),
    medianEndToEndMs: round(median(endToEndMs)),
    awsLoaded: samples.some((a) => a.awsLoadedAfterActivate || a.awsLoadedAfterIdle || a.sdkModulesAfterActivate.length > 0 || a.sdkModulesAfterIdle.length > 0),
    sdkModules: [...new Set(samples.flatMap((a) => [...a.sdkModulesAfterActivate, ...a.sdkModulesAfterIdle]))],
    extensionModules: [...new Set(samples.flatMap((a) => a.extensionModules.map((m) => path.relative(extensionDir, m))))],
    minimalMs,
    medianMinimalMs: round(median(minimalMs), 3),
    ratios,
    medianRatio: round(median(ratios), 3),
    minimalFirst: paired.map((a) => a.minimalFirst),
    minimalEndToEndMs: paired.map((a) => round(a.minimal!.endToEndMs)),
    endToEndRatios,
    medianEndToEndRatio: round(median(endToEndRatios), 3),
  };
}

export function firstViewFigures(results: HostResult[]): FirstViewFigures | undefined {
  const samples = results.filter((r) => r.build === 'packaged').map((r) => r.firstView).filter(defined);
  if (samples.length === 0) {
    return undefined;
  }
  const floorMs = samples.map((s) => round(s.awsBundleLoadMs + s.bareListMs));
  const ratios = samples.map((s) => round(s.firstViewMs / (s.awsBundleLoadMs + s.bareListMs), 3));
  const firstViewMs = samples.map((s) => round(s.firstViewMs));
  const awsBundleLoadMs = samples.map((s) => round(s.awsBundleLoadMs));
  const bareListMs = samples.map((s) => round(s.bareListMs));
  return {
    windows: samples.length,
    firstViewMs,
    awsBundleLoadMs,
    bareListMs,
    floorMs,
    ratios,
    medianFirstViewMs: round(median(firstViewMs)),
    medianFloorMs: round(median(floorMs)),
    medianAwsBundleLoadMs: round(median(awsBundleLoadMs)),
    medianBareListMs: round(median(bareListMs)),
    medianRatio: round(median(ratios), 3),
  };
}

export function invokeFeelFigures(results: HostResult[]): InvokeFeelFigures[] {
  return results
    .filter((r) => r.build === 'packaged')
    .flatMap((r) => r.invokeFeel ?? [])
    .map((c) => {
      const m = sideBySide(c.channelMs, c.bareMs);
      return {
        label: c.label,
        payloadBytes: c.payloadBytes,
        latencyMs: c.latencyMs,
        runs: c.channelMs.length,
        channelMs: m.a,
        channelMedianMs: m.aMedianMs,
        commandMs: c.commandMs.map((v) => round(v)),
        bareMs: m.b,
        commandMedianMs: round(median(c.commandMs)),
        bareMedianMs: m.bMedianMs,
        ratio: m.ratio,
        pairedRatio: m.pairedRatio,
        responseInEditor: c.responseInEditor === true,
        failures: c.failures,
        firstFailure: c.firstFailure,
      };
    });
}

/** The logs window's rows: medians, ratio of the medians and the paired ratio. */
export function logsStreamingFigures(results: HostResult[]): SideFigures[] {
  return results
    .filter((r) => r.build === 'packaged')
    .flatMap((r) => r.logsStreaming ?? [])
    .map((c) => {
      const m = sideBySide(c.extensionMs, c.bareMs);
      return {
        key: c.key,
        label: c.label,
        runs: Math.min(c.extensionMs.length, c.bareMs.length),
        extensionMs: m.a,
        bareMs: m.b,
        extensionMedianMs: m.aMedianMs,
        bareMedianMs: m.bMedianMs,
        ratio: m.ratio,
        pairedRatio: m.pairedRatio,
        ...(c.extensionReceivedMs?.length ? { extensionReceivedMedianMs: round(median(c.extensionReceivedMs)) } : {}),
        failures: c.failures,
        firstFailure: c.firstFailure,
        detail: c.detail,
      };
    });
}

export function memoryFigures(result: HostResult): MemoryFigures {
  const m = result.memory;
  if (!m || m.samples.length < 3) {
    throw new Error('the extension host reported no memory figures');
  }
  const at = (prefix: string) => {
    const s = m.samples.find((x) => x.label.startsWith(prefix));
    if (!s) {
      throw new Error(`no memory sample "${prefix}"`);
    }
    return s;
  };
  const base = at('after activation');
  const listed = at('after listing');
  const hundred = m.samples.find((x) => x.label === 'after 100 invocations');
  const last = m.samples[m.samples.length - 1];
  const invocations = m.invocations ?? 0;
  return {
    extensionHostNode: result.nodeVersion,
    afterGc: m.samples.every((s) => s.afterGc),
    samples: m.samples.map((s) => ({ label: s.label, rss: s.rss, heapUsed: s.heapUsed })),
    listedFunctions: m.listedFunctions ?? 0,
    listPages: m.listPages ?? 0,
    listMs: round(m.listMs ?? NaN),
    invocations,
    invokeMs: round(m.invokeMs ?? NaN),
    invokeFailures: m.invokeFailures ?? 0,
    firstFailure: m.firstFailure,
    listingHeapGrowth: listed.heapUsed - base.heapUsed,
    listingRssGrowth: listed.rss - base.rss,
    invokeHeapGrowth: last.heapUsed - listed.heapUsed,
    invokeRssGrowth: last.rss - listed.rss,
    perInvocationBytes: hundred && invocations > 100 ? Math.round((last.heapUsed - hundred.heapUsed) / (invocations - 100)) : NaN,
  };
}

function readProfile(file: string): CpuProfile {
  return JSON.parse(fs.readFileSync(file, 'utf8')) as CpuProfile;
}

/** The profile window's figures, and bench-results/profile-invoke.md written from them. */
export function invokeProfileFigures(result: HostResult, extensionDir: string, repoRoot: string, resultsDir: string): InvokeProfileFigures {
  const { steps, hostProfile, pageProfile } = result;
  if (!steps || !hostProfile) {
    throw new Error('the profile window reported no steps or profile');
  }
  const host = { ...summarizeProfile(readProfile(hostProfile.file), hostProfile.invocations, hostLocator(extensionDir, repoRoot)), file: path.relative(repoRoot, hostProfile.file), wallMs: hostProfile.wallMs, samplingIntervalUs: hostProfile.samplingIntervalUs };
  const page = pageProfile
    ? { ...summarizeProfile(readProfile(pageProfile.file), hostProfile.invocations, pageLocator()), file: path.relative(repoRoot, pageProfile.file), wallMs: pageProfile.wallMs, metrics: pageProfile.metrics }
    : undefined;
  // Each round ran every variant once: index i of every list is round i.
  const asItIs = result.whatIf?.[0]?.commandMs ?? [];
  const whatIf = (result.whatIf ?? []).map((w) => ({
    name: w.name,
    runs: w.commandMs.length,
    medianMs: round(median(w.commandMs), 3),
    savedMs: round(median(asItIs) - median(w.commandMs), 3),
    pairedSavedMs: round(median(w.commandMs.map((v, i) => (asItIs[i] ?? NaN) - v)), 3),
    commandMs: w.commandMs.map((v) => round(v)),
  }));
  const figures: InvokeProfileFigures = {
    steps,
    stepMedians: summarizeSteps(steps),
    stepsLarge: result.stepsLarge,
    stepMediansLarge: result.stepsLarge ? summarizeSteps(result.stepsLarge) : undefined,
    commandMedianMs: round(median(steps.commandMs), 3),
    whatIf,
    host,
    page,
    summaryFile: path.relative(repoRoot, path.join(resultsDir, 'profile-invoke.md')),
  };
  fs.writeFileSync(path.join(resultsDir, 'profile-invoke.md'), profileMarkdown(figures, result.build));
  return figures;
}

const ms3 = (v: number) => (Number.isFinite(v) ? v.toFixed(3) : 'n/a');
const pct = (v: number) => `${(v * 100).toFixed(1)}%`;

function functionTable(title: string, rows: ProfileSummary['topSelf']): string[] {
  return [
    `### ${title}`,
    '',
    '| ms per invocation | share of busy time | function | where | category |',
    '|---:|---:|---|---|---|',
    ...rows.map((r) => `| ${ms3(r.perInvocationMs)} | ${pct(r.share)} | \`${r.name}\` | ${r.where || '-'} | ${r.category} |`),
    '',
  ];
}

function profileSection(title: string, s: ProfileSummary & { file: string; wallMs: number }): string[] {
  return [
    `## ${title}`,
    '',
    `Profile: \`${s.file}\` (open it in Chrome DevTools or VS Code). ${s.invocations} invocations in ${formatMs(s.wallMs)}: ` +
      `busy ${ms3(s.busyPerInvocationMs)} ms per invocation (${formatMs(s.busyMs)} of ${formatMs(s.sampledMs)} sampled; idle ${formatMs(s.idleMs)}).`,
    '',
    '| category | ms per invocation | share of busy time |',
    '|---|---:|---:|',
    ...s.categories.map((c) => `| ${c.name} | ${ms3(c.perInvocationMs)} | ${pct(c.share)} |`),
    '',
    ...functionTable('Most self time', s.topSelf),
    ...functionTable('Most inclusive time (a function and what it calls)', s.topInclusive),
  ];
}

function stepTable(title: string, s: StepFigures, rows: StepSummary[]): string[] {
  const mean = s.commandMs.reduce((a, b) => a + b, 0) / Math.max(1, s.commandMs.length);
  return [
    `### ${title}: ${s.invocations} invocations; CPU per invocation: host ${ms3(s.hostCpuMsPerInvocation)} ms` +
      (s.serverCpuMsPerInvocation !== undefined ? `, server ${ms3(s.serverCpuMsPerInvocation)} ms` : ''),
    '',
    '| step | median ms | mean ms | calls per invocation (mean) |',
    '|---|---:|---:|---:|',
    ...rows.map((r) => `| ${r.name}${r.overlaps ? ' (overlaps)' : ''} | ${ms3(r.medianMs)} | ${ms3(r.meanMs)} | ${r.callsPerInvocation} |`),
    `| **the command, end to end** | **${ms3(median(s.commandMs))}** | **${ms3(mean)}** | |`,
    '',
  ];
}

export function profileMarkdown(f: InvokeProfileFigures, build: string): string {
  const s = f.steps;
  return [
    '# Where the invoke command spends its time',
    '',
    `The \`lambdaWorkbench.invokeFile\` command on a 1 KB payload file open in an editor, in code-server's extension host ` +
      `(${build} build), ${s.invocations} invocations with every step timed, then ${f.host.invocations} under the CPU profilers. ` +
      'Written by `npm run bench` (test/bench/host/profileMode.ts); the method is in docs/benchmarks.md.',
    '',
    `Per invocation: the command takes ${ms3(f.commandMedianMs)} ms (median; ${ms3(s.wallMsPerInvocation)} ms on average with the loop). ` +
      `CPU: extension host ${ms3(s.hostCpuMsPerInvocation)} ms` +
      (s.serverCpuMsPerInvocation !== undefined ? `, server (relays the host's messages to the page) ${ms3(s.serverCpuMsPerInvocation)} ms` : '') +
      (f.page ? `, page (the workbench's main thread) ${ms3(f.page.busyPerInvocationMs)} ms busy` : '') +
      '.',
    '',
    '## Steps (wall clock, per invocation)',
    '',
    'Steps marked "overlaps" run while another step waits (they are not part of the sum). The CPU time of the',
    'page is not in any step: the extension host waits for it (Memento writes are answered by the page).',
    '',
    ...stepTable('1 KB payload', s, f.stepMedians),
    ...(f.stepsLarge && f.stepMediansLarge ? stepTable('1 MB payload (the response opens in an editor)', f.stepsLarge, f.stepMediansLarge) : []),
    '## What a fix would save (what-if, measured)',
    '',
    'The same command with one change made where the extension calls VS Code (test/bench/host/steps.ts), in the same window:',
    'one invocation of each variant per round, in a new shuffled order each round; after each, untimed, the writes it did not',
    'wait for run out. Medians per invocation.',
    '',
    '| variant | runs | median ms | saved ms (difference of the medians) | saved ms (median of the per-round differences) |',
    '|---|---:|---:|---:|---:|',
    ...f.whatIf.map((w) => `| ${w.name} | ${w.runs} | ${ms3(w.medianMs)} | ${ms3(w.savedMs)} | ${ms3(w.pairedSavedMs)} |`),
    '',
    ...profileSection('Extension host CPU profile', f.host),
    ...(f.page ? profileSection('Page CPU profile (the workbench in the browser)', f.page) : []),
    ...(f.page?.metrics
      ? [
          '### The page’s own counters (DevTools Performance metrics), per invocation',
          '',
          '| counter | per invocation |',
          '|---|---:|',
          ...Object.entries(f.page.metrics).map(([k, v]) => `| ${k} | ${ms3(v / Math.max(1, f.host.invocations))} |`),
          '',
        ]
      : []),
  ].join('\n');
}
