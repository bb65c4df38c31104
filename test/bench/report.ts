/** The benchmark's figures: the JSON written to bench-results/latest.json and the table printed. */
import type { StepFigures } from './host/protocol';
import type { StepSummary } from './host/steps';
import type { InvokeCase } from './invoke';
import type { ListingCase } from './listing';
import { describeLoad, LoadFigures } from './load';
import type { ProfileSummary } from './profileSummary';
import { formatBytes, formatMs } from './stats';

export interface TargetResult {
  name: string;
  measured: string;
  target: string;
  /** undefined: informational figure, no target. */
  pass?: boolean;
}

export interface ActivationFigures {
  windows: number;
  /** Windows where the extension was already active (no first activation to time). */
  alreadyActive: number;
  bundleLoadMs: number[];
  /** Part of bundleLoadMs: VS Code building the API object on the bundle's require('vscode'). */
  vscodeApiMs: number[];
  activateCallMs: number[];
  /** bundle load + activate() per window. */
  extensionMs: number[];
  endToEndMs: number[];
  medianExtensionMs: number;
  medianBundleLoadMs: number;
  medianVscodeApiMs: number;
  medianActivateCallMs: number;
  medianEndToEndMs: number;
  awsLoaded: boolean;
  sdkModules: string[];
  extensionModules: string[];
  /** The minimal extension (one command) in the same windows: bundle load + activate(). */
  minimalMs: number[];
  medianMinimalMs: number;
  /** extensionMs ÷ minimalMs, window by window. */
  ratios: number[];
  medianRatio: number;
  /** Windows where the minimal extension was activated first. */
  minimalFirst: boolean[];
  /** getExtension().activate() end to end (VS Code's work included): the minimal extension's, and the ratio, window by window. */
  minimalEndToEndMs: number[];
  endToEndRatios: number[];
  medianEndToEndRatio: number;
}

/** From opening the view to the first page drawn, against AWS bundle load + one bare ListFunctions, window by window. */
export interface FirstViewFigures {
  windows: number;
  firstViewMs: number[];
  awsBundleLoadMs: number[];
  bareListMs: number[];
  floorMs: number[];
  ratios: number[];
  medianFirstViewMs: number;
  medianFloorMs: number;
  medianAwsBundleLoadMs: number;
  medianBareListMs: number;
  medianRatio: number;
}

/** The invoke command ÷ a bare InvokeCommand from the same extension host. */
export interface InvokeFeelFigures {
  label: string;
  payloadBytes: number;
  latencyMs: number;
  runs: number;
  /** To the result in the channel (the ratio's numerator). */
  channelMs: number[];
  channelMedianMs: number;
  /** To the command's end (the response editor shown, when it opens in one). */
  commandMs: number[];
  bareMs: number[];
  commandMedianMs: number;
  bareMedianMs: number;
  ratio: number;
  pairedRatio: number;
  responseInEditor: boolean;
  failures: number;
  firstFailure?: string;
}

/** Where the invoke command's time goes (the profile window, development build). */
export interface InvokeProfileFigures {
  steps: StepFigures;
  /** Medians per invocation. */
  stepMedians: StepSummary[];
  /** The same with the 1 MB payload. */
  stepsLarge?: StepFigures;
  stepMediansLarge?: StepSummary[];
  commandMedianMs: number;
  /** The command with what-if changes (same window, shuffled rounds): median, what it saves against the extension as it is (difference of the medians, and median of the per-round differences). */
  whatIf: Array<{ name: string; runs: number; medianMs: number; savedMs: number; pairedSavedMs: number; commandMs: number[] }>;
  host: ProfileSummary & { file: string; wallMs: number; samplingIntervalUs: number };
  page?: ProfileSummary & { file: string; wallMs: number; metrics?: Record<string, number> };
  /** bench-results/profile-invoke.md: the summary for people. */
  summaryFile: string;
}

/** require() of the main bundle in fresh Node processes, with a stand-in vscode module. */
export interface FreshLoadFigures {
  node: string;
  runs: number;
  loadMs: number[];
  medianMs: number;
  sdkModules: string[];
}

export interface PackageFigures {
  file: string;
  bytes: number;
  unpackedBytes: number;
  files: number;
  largest: Array<{ name: string; bytes: number }>;
}

export interface MemoryFigures {
  extensionHostNode: string;
  afterGc: boolean;
  samples: Array<{ label: string; rss: number; heapUsed: number }>;
  listedFunctions: number;
  listPages: number;
  listMs: number;
  invocations: number;
  invokeMs: number;
  invokeFailures: number;
  firstFailure?: string;
  listingHeapGrowth: number;
  listingRssGrowth: number;
  invokeHeapGrowth: number;
  invokeRssGrowth: number;
  /** heapUsed growth per invocation between the 100th and the last. */
  perInvocationBytes: number;
}

/** A row of the logs window (full log, tail, streaming): the extension's path ÷ the bare SDK's, same host. */
export interface SideFigures {
  key: string;
  label: string;
  runs: number;
  extensionMs: number[];
  bareMs: number[];
  extensionMedianMs: number;
  bareMedianMs: number;
  ratio: number;
  pairedRatio: number;
  /** First chunk: the median of the outcome's firstChunkMs (received, before shown). */
  extensionReceivedMedianMs?: number;
  failures: number;
  firstFailure?: string;
  detail?: Record<string, number | string>;
}

export interface BenchReport {
  date: string;
  durationSeconds: number;
  machine: { cpus: number; cpuModel: string; memoryGiB: number; platform: string };
  /** 1-minute load averages around the run, and whether it was clean: other work on the machine shows in the figures. */
  load: LoadFigures;
  runner: { node: string };
  /** Which build was measured. */
  measured: string;
  vscode?: { version: string; codeServer: string; extensionHostNode: string };
  activation?: ActivationFigures;
  firstView?: FirstViewFigures;
  invokeFeel: InvokeFeelFigures[];
  /** Full log, tail latency, streaming (the logs window). */
  logsStreaming?: SideFigures[];
  invokeProfile?: InvokeProfileFigures;
  freshLoad?: FreshLoadFigures;
  package?: PackageFigures;
  listing: ListingCase[];
  invoke: InvokeCase[];
  memory?: MemoryFigures;
  targets: TargetResult[];
  notMeasured: string[];
}

function verdict(pass: boolean | undefined): string {
  return pass === undefined ? 'info' : pass ? 'PASS' : 'MISS';
}

export function renderTable(r: BenchReport): string {
  const rows = r.targets.map((t) => [t.name, t.measured, t.target, verdict(t.pass)]);
  const header = ['Measure', 'Measured', 'Target', 'Result'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i].length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i])).join(' | ')} |`;
  const out = [
    `Lambda Workbench benchmarks, ${r.date} (${r.durationSeconds.toFixed(0)} s)`,
    `Measured: ${r.measured}`,
    `Machine: ${r.machine.cpus} CPUs (${r.machine.cpuModel}), ${r.machine.memoryGiB} GiB, ${r.machine.platform}; runner Node ${r.runner.node}` +
      (r.vscode ? `; VS Code ${r.vscode.version} (code-server ${r.vscode.codeServer}), extension host Node ${r.vscode.extensionHostNode}` : ''),
    describeLoad(r.load),
    '',
    line(header),
    line(widths.map((w) => '-'.repeat(w))),
    ...rows.map(line),
  ];
  const missed = r.targets.filter((t) => t.pass === false).length;
  const passed = r.targets.filter((t) => t.pass === true).length;
  out.push('', `${passed} PASS, ${missed} MISS${r.load.clean ? '' : ' (run NOT CLEAN: the machine was busy before it started)'}`);
  if (r.notMeasured.length) {
    out.push('', 'Not measured:', ...r.notMeasured.map((n) => `- ${n}`));
  }
  return out.join('\n');
}

export const fmt = {
  ms: formatMs,
  bytes: formatBytes,
  int: (n: number) => n.toLocaleString('en-US'),
  pct: (n: number) => `${(n * 100).toFixed(0)}%`,
  ratio: (n: number) => (Number.isFinite(n) ? n.toFixed(2) : 'n/a'),
};
