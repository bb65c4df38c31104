/**
 * What the benchmark's runner and its extension-host entry (host/index.ts) exchange: the
 * runner writes `params.json` into the folder VS Code opens; the entry writes
 * `result-<run>.json` next to it. During a window the entry can also ask the runner for
 * something (watch the page for the first drawn row, profile the page) with a rendezvous:
 * a marked line on the console, answered by an `ack-<run>-<name>.json` file in the folder.
 * No vscode import (the runner reads these types too).
 */

export const PARAMS_FILE = 'params.json';

export function resultFile(run: number): string {
  return `result-${run}.json`;
}

export function ackFile(run: number, name: string): string {
  return `ack-${run}-${name}.json`;
}

/** Brackets a rendezvous request on the extension host's console. */
export const RENDEZVOUS_OPEN = '[bench-rendezvous]';
export const RENDEZVOUS_CLOSE = '[/bench-rendezvous]';

export interface RendezvousRequest {
  run: number;
  name: RendezvousName;
  data?: unknown;
}

/**
 * - `watch-first-row`: start watching the page for the first tree row whose text contains `data.text`;
 * - `first-row-drawn`: answer `{ drawnAt }`, the epoch time (ms, sub-ms precision) of the frame that drew it;
 * - `page-profile-start` / `page-profile-stop`: a CPU profile of the workbench page (the renderer's main thread),
 *   written by the runner; the stop answers `{ file, busyMs, ... }` (see PageProfile).
 */
export type RendezvousName = 'watch-first-row' | 'first-row-drawn' | 'page-profile-start' | 'page-profile-stop';

export type HostMode = 'activation' | 'invoke' | 'memory' | 'profile' | 'logs';

export interface InvokeFeelCase {
  label: string;
  /** The payload file (in the opened folder). */
  payloadFile: string;
  payloadBytes: number;
  /** Injected by the emulator before every Invoke answer. */
  latencyMs: number;
  runs: number;
  warmup: number;
}

/** The `logs` window: full log, tail latency and streaming (see host/logsStreaming.ts). */
export interface LogsStreamingParams {
  /** Which of them: `fullLog`, `tail`, `streaming`. */
  rows: string[];
  /** Lines chatty-logger writes for the full log (about 170 bytes each in the log). */
  fullLogLines: number;
  /** Full log and first chunk: runs each side, after warm-up rounds. */
  runs: number;
  warmup: number;
  /** Lines written for the tail latency (after `warmup`). */
  tailRounds: number;
  /** How often the emulator's Live Tail sessions send what came (the emulator's setting, for the report). */
  liveTailIntervalMs: number;
  /** Bytes bulk-streamer streams for the first-chunk case, and for the large stream. */
  firstChunkBytes: number;
  bulkBytes: number;
  bulkRuns: number;
}

/** One row of the logs window: the extension's path against the bare SDK's, in the same host (ms). */
export interface SideSample {
  key: 'fullLog' | 'tail' | 'streaming' | 'streamFirstChunk' | 'streamBulk';
  label: string;
  extensionMs: number[];
  bareMs: number[];
  /** First chunk: the outcome's firstChunkMs (received by the extension, before it is shown). */
  extensionReceivedMs?: number[];
  failures: number;
  firstFailure?: string;
  detail?: Record<string, number | string>;
}

export interface HostParams {
  run: number;
  /**
   * Every window times the first activation of the extension and of the minimal extension,
   * then the first view. Then: `activation`: nothing more; `invoke`: the invoke command
   * against a bare InvokeCommand; `memory`: lists every function and invokes many times,
   * measuring memory; `profile`: the invoke command's steps and CPU profiles (development build).
   */
  mode: HostMode;
  /** The emulator's endpoint (its control endpoint sets the latency). */
  endpoint: string;
  /** The AWS profile of the settings (for the bare SDK client). */
  profile: string;
  /** The functions the view lists (one region, so they sit at the top level). */
  region: string;
  functions: number;
  /** Invocations through the Invoke command (memory and profile modes). */
  invocations: number;
  /** A function of `region` that answers every payload. */
  functionName: string;
  /** The payload file the memory and profile invocations send (in the opened folder). */
  payloadFile: string;
  /** The minimal extension installed beside the extension (activation ratio). */
  minimalExtensionId: string;
  /** Activate the minimal extension first (odd windows) or second. */
  minimalFirst: boolean;
  /** `invoke` mode: the cases. */
  invokeCases?: InvokeFeelCase[];
  /** Where the profile mode writes its .cpuprofile. */
  resultsDir: string;
  /** Profile mode: a large payload (1 MB) whose steps are timed too, and how many times. */
  largePayloadFile?: string;
  largeInvocations?: number;
  /** `logs` mode: the rows and their sizes. */
  logsStreaming?: LogsStreamingParams;
}

export interface MemorySample {
  label: string;
  rss: number;
  heapUsed: number;
  heapTotal: number;
  external: number;
  arrayBuffers: number;
  /** A full garbage collection ran just before. */
  afterGc: boolean;
}

/** One extension's first activation, timed from inside Module._load. */
export interface ActivationTiming {
  /** The extension was already active when the entry started: no first activation to time. */
  alreadyActive: boolean;
  /** `require()` of the extension's main file by the extension host (Module._load, first load). */
  bundleLoadMs?: number;
  /** Part of bundleLoadMs: the bundle's require('vscode'), where VS Code builds the API object for the extension. */
  vscodeApiMs?: number;
  /** The extension's activate(context) call itself. */
  activateCallMs?: number;
  /** `await getExtension(id).activate()` as seen by the entry: VS Code's work included. */
  endToEndMs: number;
}

export interface ActivationSample extends ActivationTiming {
  /** The minimal extension (one command), activated in the same window. */
  minimal?: ActivationTiming;
  /** The minimal extension was activated before the extension in this window. */
  minimalFirst: boolean;
  /** `api.isAwsLoaded()` right after activate() resolved, and one second later. */
  awsLoadedAfterActivate: boolean;
  awsLoadedAfterIdle: boolean;
  /** require.cache keys containing `@aws-sdk` or ending in dist/aws.js, right after activate(). */
  sdkModulesAfterActivate: string[];
  sdkModulesAfterIdle: string[];
  /** Loaded modules (require.cache size) of the extension's own folder after activation. */
  extensionModules: string[];
}

/** From opening the view to the first page of functions drawn, and its floor. */
export interface FirstViewSample {
  /** Opening the view (the command) to the frame that drew the first function row. */
  firstViewMs: number;
  /** The extension's own require() of dist/aws.js during that time. */
  awsBundleLoadMs: number;
  /** A new bare LambdaClient (same options) and its first ListFunctions (one page), in the same host afterwards. */
  bareListMs: number;
  /** Functions on that bare page. */
  barePageSize: number;
}

/** One invoke case: the command against a bare InvokeCommand sent from the same extension host. */
export interface InvokeFeelSample {
  label: string;
  payloadBytes: number;
  latencyMs: number;
  /** From executeCommand() to the result block in "Lambda Invocations" (what the row's ratio takes). */
  channelMs: number[];
  /** From executeCommand() to the command's end (after the response editor is shown, when the response opens in one). */
  commandMs: number[];
  bareMs: number[];
  /** The response opened in an editor (over invoke.responseInEditorThreshold). */
  responseInEditor?: boolean;
  /** The command's outcome was not a result (should be 0). */
  failures: number;
  firstFailure?: string;
  responseBytes?: number;
}

/** Where the invoke command's time goes, step by step (see host/steps.ts). */
export interface StepFigures {
  invocations: number;
  /** executeCommand() of the invoke command, per invocation. */
  commandMs: number[];
  /** Per step: the time spent in it in each invocation (wall clock), and how many times it ran per invocation. */
  steps: Array<{ name: string; overlaps: boolean; ms: number[]; calls: number[] }>;
  /** process.cpuUsage() of the extension host over the invocations, per invocation (user + system). */
  hostCpuMsPerInvocation: number;
  /** The server process (the extension host's parent: code-server relaying to the page), per invocation, from /proc. */
  serverCpuMsPerInvocation?: number;
  wallMsPerInvocation: number;
}

/**
 * What-if changes the profile window can make to the extension's calls, to measure what a
 * fix would save before it is written (never in the windows that measure the product):
 * - `mementoNoWait`: workspaceState.update() is made, but its promise resolves at once;
 * - `noProgress`: withProgress runs the task without a notification (what showing it only
 *   after a delay comes to for calls that end before the delay);
 * - `revealOnce`: a channel's show() only does something the first time.
 */
export interface WhatIf {
  mementoNoWait?: boolean;
  noProgress?: boolean;
  revealOnce?: boolean;
}

/** The invoke command with some what-if changes, one invocation per round beside the other variants (same window). */
export interface WhatIfSample {
  name: string;
  changes: WhatIf;
  commandMs: number[];
}

export interface HostCpuProfile {
  /** The .cpuprofile written (absolute path). */
  file: string;
  invocations: number;
  wallMs: number;
  samplingIntervalUs: number;
}

/** The renderer's CPU profile, taken by the runner over CDP while the host invokes. */
export interface PageProfile {
  file: string;
  /** Non-idle time of the page's main thread. */
  busyMs: number;
  wallMs: number;
  /** Changes of the page's own counters over the profile (DevTools Performance.getMetrics): durations in ms, counts. */
  metrics?: Record<string, number>;
}

export interface HostResult {
  run: number;
  mode: HostMode;
  /** `packaged` (the .vsix) or `development` (the repository's dist/, with source maps). */
  build: 'packaged' | 'development';
  nodeVersion: string;
  vscodeVersion: string;
  activation?: ActivationSample;
  firstView?: FirstViewSample;
  invokeFeel?: InvokeFeelSample[];
  /** `logs` mode: full log, tail latency, streaming. */
  logsStreaming?: SideSample[];
  steps?: StepFigures;
  /** The same steps with the large payload (its response opens in an editor). */
  stepsLarge?: StepFigures;
  whatIf?: WhatIfSample[];
  hostProfile?: HostCpuProfile;
  pageProfile?: PageProfile;
  memory?: {
    samples: MemorySample[];
    listedFunctions?: number;
    listPages?: number;
    listMs?: number;
    invocations?: number;
    invokeMs?: number;
    invokeFailures?: number;
    firstFailure?: string;
  };
  error?: string;
}
