/**
 * `npm run bench` (after scripts/bench.sh has built, compiled and packaged): measures
 * activation, package size, listing, invoke overhead and the extension host's memory;
 * prints one table and writes the figures to bench-results/latest.json. It reports; it
 * asserts nothing. Everything it starts (emulator, workers, VS Code, browser) is stopped.
 *
 * BENCH_QUICK=1 runs fewer repetitions (to try the benchmark, not for figures).
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { REPO_ROOT } from '../harness/paths';
import { ensureTestVSCode, TestVSCode } from '../harness/vscode';
import { fixtures } from '../emulator/paths';
import { EmulatorProcess } from './emulatorClient';
import type { HostMode, HostParams, InvokeFeelCase } from './host/protocol';
import { benchInvokeCase, makePayload, writePayload } from './invoke';
import { benchListing } from './listing';
import { busyThreshold, isClean, loadBefore, LoadSampler } from './load';
import { BenchReport, fmt, FreshLoadFigures, PackageFigures, renderTable, SideFigures, TargetResult } from './report';
import { median, round } from './stats';
import { activationFigures, firstViewFigures, invokeFeelFigures, invokeProfileFigures, logsStreamingFigures, memoryFigures } from './vscodeFigures';
import { runInVSCode, VSCodeWindow } from './vscodeRuns';
import { hideSdkNodeVersionWarning } from './warnings';
import { extractZip, readZipSizes } from './zip';

hideSdkNodeVersionWarning();

const QUICK = process.env.BENCH_QUICK === '1';

const SECTIONS = ['package', 'fresh', 'listing', 'invoke', 'vscode'] as const;
type Section = (typeof SECTIONS)[number];

/** `--only listing,invoke`: run some sections only (to work on the benchmark). */
function selectedSections(argv: string[]): Set<Section> {
  const i = argv.findIndex((a) => a === '--only' || a.startsWith('--only='));
  if (i < 0) {
    return new Set(SECTIONS);
  }
  const value = argv[i].includes('=') ? argv[i].slice('--only='.length) : argv[i + 1];
  const names = (value ?? '').split(',').filter(Boolean);
  const unknown = names.filter((n) => !(SECTIONS as readonly string[]).includes(n));
  if (names.length === 0 || unknown.length > 0) {
    throw new Error(`--only takes a comma-separated list of: ${SECTIONS.join(', ')}`);
  }
  return new Set(names as Section[]);
}

/** `--windows invoke,logs`: only these kinds of VS Code window (to work on the benchmark; activation windows: `activation`). */
function selectedWindows(argv: string[]): Set<HostMode> | undefined {
  const i = argv.findIndex((a) => a === '--windows' || a.startsWith('--windows='));
  if (i < 0) {
    return undefined;
  }
  const value = argv[i].includes('=') ? argv[i].slice('--windows='.length) : argv[i + 1];
  const modes: HostMode[] = ['activation', 'invoke', 'logs', 'memory', 'profile'];
  const names = (value ?? '').split(',').filter(Boolean);
  if (names.length === 0 || names.some((n) => !(modes as string[]).includes(n))) {
    throw new Error(`--windows takes a comma-separated list of: ${modes.join(', ')}`);
  }
  return new Set(names as HostMode[]);
}

const PROFILE = 'demo';
/** Regions of the synthetic functions: 1,000 in one, 5,000 in another. */
const REGION_1K = 'us-west-2';
const REGION_5K = 'eu-central-1';
/** A synthetic function: echoes the event back (its name is in both regions). */
const ECHO_FUNCTION = 'synthetic-fn-00001';

const CONFIG = {
  /** Without latency a run takes tens of milliseconds: more runs, to steady the medians. */
  listRuns: (latencyMs: number) => (QUICK ? 3 : latencyMs === 0 ? 15 : 7),
  latenciesMs: [0, 50],
  invoke1KbRuns: QUICK ? 5 : 30,
  invoke6MbRuns: QUICK ? 2 : 7,
  /** 6,291,456 (the synchronous limit) minus 1 KB: the echo's answer stays under the response limit too. */
  bigPayloadBytes: 6 * 1024 * 1024 - 1024,
  smallPayloadBytes: 1024,
  mbPayloadBytes: 1024 * 1024,
  /**
   * Windows of VS Code, each a first activation of the extension and of the minimal
   * extension, then a first view; after them one window each for the invoke command, memory
   * and the profile.
   */
  activationWindows: QUICK ? 1 : 4,
  freshLoads: QUICK ? 3 : 10,
  hostFunctions: 5000,
  hostInvocations: QUICK ? 200 : 1000,
  profileInvocations: QUICK ? 40 : 200,
  /** The profile's steps with the 1 MB payload (its response opens in an editor). */
  profileLargeInvocations: QUICK ? 3 : 10,
  /** The invoke command ÷ bare InvokeCommand cases (runs each side, after warm-up rounds). */
  invokeFeel: [
    { label: '1 KB', bytes: 1024, latencyMs: 0, runs: QUICK ? 8 : 40, warmup: QUICK ? 3 : 10 },
    { label: '1 KB', bytes: 1024, latencyMs: 50, runs: QUICK ? 5 : 20, warmup: 3 },
    { label: '1 MB', bytes: 1024 * 1024, latencyMs: 0, runs: QUICK ? 4 : 20, warmup: 2 },
    { label: '1 MB', bytes: 1024 * 1024, latencyMs: 50, runs: QUICK ? 3 : 20, warmup: 2 },
  ],
  /** The logs window: full log, tail latency, streaming (`--logs fullLog,tail,streaming` picks among them). */
  logs: {
    /** About 1 MB of log: chatty-logger's lines are about 175 bytes with the runtime's prefix. */
    fullLogLines: 6000,
    runs: QUICK ? 5 : 15,
    warmup: QUICK ? 2 : 3,
    tailRounds: QUICK ? 8 : 30,
    firstChunkBytes: 16 * 1024,
    bulkBytes: 50 * 1024 * 1024,
    bulkRuns: QUICK ? 1 : 3,
  },
  /**
   * The emulator's Live Tail sessions send what came every this many ms (CloudWatch Logs: about
   * once a second). Short, so that the tail's own delay is not lost in the wait for the tick.
   */
  liveTailIntervalMs: 50,
  /** Events per page of the emulator's FilterLogEvents and GetLogEvents: CloudWatch Logs answers up to 10,000 (or 1 MB) when no limit is given, as neither side gives one. */
  logsPageSize: 10_000,
};

const LOGS_ROWS = ['fullLog', 'tail', 'streaming'];

/** `--logs tail,streaming`: only these rows in the logs window (to work on the benchmark). */
function selectedLogRows(argv: string[]): string[] {
  const i = argv.findIndex((a) => a === '--logs' || a.startsWith('--logs='));
  if (i < 0) {
    return LOGS_ROWS;
  }
  const value = argv[i].includes('=') ? argv[i].slice('--logs='.length) : argv[i + 1];
  const names = (value ?? '').split(',').filter(Boolean);
  if (names.length === 0 || names.some((n) => !LOGS_ROWS.includes(n))) {
    throw new Error(`--logs takes a comma-separated list of: ${LOGS_ROWS.join(', ')}`);
  }
  return names;
}

const TARGETS = {
  /** Information only since the ratio to the minimal extension is the target: an absolute time on 2 busy cores says little. */
  activationMs: 30,
  activationRatio: 1.5,
  firstViewRatio: 1.3,
  vsixBytes: 1024 * 1024,
  listingRatio: 1.1,
  invoke1KbRatio: 1.1,
  invoke6MbRatio: 1.25,
  /** The invoke command ÷ bare InvokeCommand: with latency, and without (1 KB only). */
  invokeCommandLatencyRatio: 1.1,
  invokeCommandNoLatency1KbRatio: 1.5,
  heapGrowthBytes: 50 * 1024 * 1024,
};

const MINIMAL_EXTENSION_DIR = path.join(REPO_ROOT, 'test', 'bench', 'fixtures', 'minimal-extension');
const MINIMAL_EXTENSION_ID = 'lambda-workbench-bench.minimal';

function log(line: string): void {
  process.stderr.write(`[bench] ${line}\n`);
}

function packageFigures(vsix: string): PackageFigures {
  const z = readZipSizes(vsix);
  return {
    file: path.relative(REPO_ROOT, vsix),
    bytes: z.fileBytes,
    unpackedBytes: z.unpackedBytes,
    files: z.entries.filter((e) => !e.name.endsWith('/')).length,
    largest: [...z.entries]
      .sort((a, b) => b.uncompressedSize - a.uncompressedSize)
      .slice(0, 5)
      .map((e) => ({ name: e.name, bytes: e.uncompressedSize })),
  };
}

/** require() of the main bundle in fresh Node processes (the extension host's Node when available). */
function freshLoads(node: string, bundle: string, runs: number): FreshLoadFigures {
  const loadMs: number[] = [];
  let sdkModules: string[] = [];
  for (let i = 0; i < runs; i++) {
    const r = spawnSync(node, [path.join(__dirname, 'loadBundle.js'), bundle], { encoding: 'utf8', timeout: 60_000 });
    if (r.status !== 0) {
      throw new Error(`loading ${bundle} in a fresh process failed: ${r.stderr || r.error?.message}`);
    }
    const out = JSON.parse(r.stdout.trim().split('\n').pop() ?? '{}') as { loadMs: number; sdkModules: string[] };
    loadMs.push(round(out.loadMs));
    sdkModules = [...new Set([...sdkModules, ...out.sdkModules])];
  }
  const version = spawnSync(node, ['--version'], { encoding: 'utf8' }).stdout.trim();
  return { node: version, runs, loadMs, medianMs: round(median(loadMs)), sdkModules };
}

/** A row of the logs window: no target in the issues (information). */
function logsStreamingRow(c: SideFigures): TargetResult {
  const failed = c.failures ? `; ${c.failures} FAILED: ${c.firstFailure ?? ''}` : '';
  const d = c.detail ?? {};
  const num = (k: string) => (typeof d[k] === 'number' ? (d[k] as number) : NaN);
  const side = `${fmt.ms(c.extensionMedianMs)} ÷ ${fmt.ms(c.bareMedianMs)} = ${fmt.ratio(c.ratio)} (paired ${fmt.ratio(c.pairedRatio)})`;
  switch (c.key) {
    case 'fullLog':
      return {
        name: `Full log of an invocation with ${fmt.bytes(num('logBytes'))} of log (${fmt.int(num('bareEvents'))} events): Show Full Log ÷ bare FilterLogEvents + GetLogEvents pages, same host (median of ${c.runs})`,
        measured: `${side}; pages: extension ${num('extensionPages')}, bare ${num('barePages')}${failed}`,
        target: '–',
      };
    case 'tail':
      return {
        name: `Tail latency: the emulator writes a line → the tail's channel shows it; ÷ a bare StartLiveTail session receiving the same line (median of ${c.runs}; Live Tail updates every ${num('liveTailIntervalMs')} ms)`,
        measured: `${side}; the channel ${fmt.ms(c.extensionMedianMs - c.bareMedianMs)} after the bare session (medians)${failed}`,
        target: '–',
      };
    case 'streamFirstChunk':
      return {
        name: `Streaming, time to first chunk (${fmt.bytes(num('bytes'))} stream): the invoke command to the chunk shown in the output ÷ a bare InvokeWithResponseStream to its first chunk, same host (median of ${c.runs})`,
        measured:
          `${side}; from the SDK call (the outcome's StreamFigures): received ${fmt.ms(c.extensionReceivedMedianMs ?? NaN)}, shown ${fmt.ms(num('fromCallShownMedianMs'))}` +
          (num('atCommandEnd') > 0 ? `; ${num('atCommandEnd')} runs timed at the command's end (the channel not read in between: upper bounds)` : '') +
          failed,
        target: '–',
      };
    case 'streamBulk': {
      const mbps = (ms: number) => `${(num('bytes') / 1024 / 1024 / (ms / 1000)).toFixed(0)} MB/s`;
      return {
        name: `Streaming throughput, ${fmt.bytes(num('bytes'))} stream: the invoke command (to an editor) ÷ bare InvokeWithResponseStream read to the end, same host (median of ${c.runs})`,
        measured: `${side}; ${mbps(c.extensionMedianMs)} vs ${mbps(c.bareMedianMs)}${failed}`,
        target: '–',
      };
    }
    default:
      return { name: c.label, measured: `not measured${failed}`, target: '–' };
  }
}

function targets(r: BenchReport): TargetResult[] {
  const out: TargetResult[] = [];
  const a = r.activation;
  if (a) {
    out.push({
      name: `Activation ÷ minimal extension (one command), same windows: bundle load + activate() (median of ${a.ratios.length} windows' ratios)`,
      measured:
        `${fmt.ms(a.medianExtensionMs)} ÷ ${fmt.ms(a.medianMinimalMs)} (medians) = ${fmt.ratio(a.medianRatio)}; ` +
        `each window: ${a.ratios.map((v, i) => `${v.toFixed(1)}${a.minimalFirst[i] ? '*' : ''}`).join(', ')} (* minimal activated first)`,
      target: `≤ ${TARGETS.activationRatio.toFixed(2)}`,
      pass: a.ratios.length > 0 && a.medianRatio <= TARGETS.activationRatio,
    });
    out.push({
      name: `Activation in VS Code: bundle load + activate() (median of ${a.extensionMs.length} windows)`,
      measured:
        `${fmt.ms(a.medianExtensionMs)} = load ${fmt.ms(a.medianBundleLoadMs)} (of which VS Code building the vscode API object ${fmt.ms(a.medianVscodeApiMs)})` +
        ` + activate() ${fmt.ms(a.medianActivateCallMs)}; each window: ${a.extensionMs.map((v) => v.toFixed(1)).join(', ')} ms`,
      target: `(was < ${TARGETS.activationMs} ms; see the ratio)`,
    });
    out.push({
      name: 'AWS SDK evaluated at activation',
      measured: a.awsLoaded
        ? `LOADED (${a.sdkModules.length} modules, e.g. ${a.sdkModules[0] ?? 'isAwsLoaded() true'})`
        : `no: isAwsLoaded() false and no @aws-sdk or dist/aws.js in require.cache, ${a.windows}/${a.windows} windows (also 1 s later)`,
      target: 'not loaded',
      pass: !a.awsLoaded,
    });
    out.push({
      name: "getExtension().activate() end to end (VS Code's work included)",
      measured:
        `${fmt.ms(a.medianEndToEndMs)} median (${a.endToEndMs.map((v) => v.toFixed(1)).join(', ')}); ` +
        `÷ the minimal extension's (${a.minimalEndToEndMs.map((v) => v.toFixed(1)).join(', ')} ms) = ${fmt.ratio(a.medianEndToEndRatio)} (median of the windows' ratios)`,
      target: '-',
    });
  }
  const v = r.firstView;
  if (v) {
    out.push({
      name: `First view: opening the Functions view to the first page drawn ÷ (AWS bundle load + one bare ListFunctions), same host (median of ${v.windows} windows' ratios)`,
      measured:
        `${fmt.ms(v.medianFirstViewMs)} ÷ (${fmt.ms(v.medianAwsBundleLoadMs)} + ${fmt.ms(v.medianBareListMs)} = ${fmt.ms(v.medianFloorMs)}) (medians) = ${fmt.ratio(v.medianRatio)}; ` +
        `each window: ${v.ratios.map((x) => x.toFixed(2)).join(', ')}`,
      target: `≤ ${TARGETS.firstViewRatio.toFixed(2)}`,
      pass: v.medianRatio <= TARGETS.firstViewRatio,
    });
  }
  for (const c of r.invokeFeel) {
    const limit = c.latencyMs > 0 ? TARGETS.invokeCommandLatencyRatio : c.payloadBytes <= 1024 ? TARGETS.invokeCommandNoLatency1KbRatio : undefined;
    out.push({
      name: `Invoke as the user feels it, ${c.label}, ${c.latencyMs} ms latency: the invoke command to its result in the channel ÷ bare InvokeCommand, same host (median of ${c.runs} runs)`,
      measured:
        `${fmt.ms(c.channelMedianMs)} ÷ ${fmt.ms(c.bareMedianMs)} = ${fmt.ratio(c.ratio)} (paired ${fmt.ratio(c.pairedRatio)}); overhead ${fmt.ms(c.channelMedianMs - c.bareMedianMs)}` +
        (c.responseInEditor ? `; the response editor shown at ${fmt.ms(c.commandMedianMs)} (${fmt.ratio(c.commandMedianMs / c.bareMedianMs)} × the bare call)` : '') +
        (c.failures ? `; ${c.failures} FAILED: ${c.firstFailure ?? ''}` : ''),
      target: limit !== undefined ? `≤ ${limit.toFixed(2)}` : '-',
      pass: limit !== undefined ? c.failures === 0 && c.ratio <= limit : undefined,
    });
  }
  for (const c of r.logsStreaming ?? []) {
    out.push(logsStreamingRow(c));
  }
  const pr = r.invokeProfile;
  if (pr) {
    const top = pr.stepMedians
      .filter((s) => !s.overlaps && s.medianMs >= 0.05)
      .sort((x, y) => y.medianMs - x.medianMs)
      .slice(0, 6)
      .map((s) => `${s.name.split(':')[0].split(' (')[0]} ${s.medianMs.toFixed(2)}`)
      .join(', ');
    out.push({
      name: `Invoke command, where the time goes (profile window, ${pr.steps.invocations} invocations, 1 KB, no latency)`,
      measured:
        `${fmt.ms(pr.commandMedianMs)} per invocation; largest steps (ms): ${top}; CPU per invocation: host ${pr.steps.hostCpuMsPerInvocation.toFixed(2)} ms` +
        (pr.steps.serverCpuMsPerInvocation !== undefined ? `, server ${pr.steps.serverCpuMsPerInvocation.toFixed(2)} ms` : '') +
        (pr.page ? `, page ${pr.page.busyPerInvocationMs.toFixed(2)} ms` : '') +
        `; what-if savings (ms, per-round median): ${pr.whatIf
          .slice(1)
          .map((w) => `${w.name} ${w.pairedSavedMs.toFixed(1)}`)
          .join(', ')}; see ${pr.summaryFile}`,
      target: '-',
    });
  }
  const f = r.freshLoad;
  if (f) {
    out.push({
      name: `Bundle load in a fresh Node ${f.node} process, stand-in vscode module (median of ${f.runs})`,
      measured: `${fmt.ms(f.medianMs)}; ${f.sdkModules.length ? `SDK modules loaded: ${f.sdkModules.length}` : 'no SDK module loaded'}`,
      target: '-',
    });
  }
  const p = r.package;
  if (p) {
    out.push({ name: '.vsix size', measured: `${fmt.bytes(p.bytes)} (${fmt.int(p.bytes)} bytes)`, target: `< 1 MB (${fmt.int(TARGETS.vsixBytes)} bytes)`, pass: p.bytes < TARGETS.vsixBytes });
    out.push({ name: '.vsix unpacked', measured: `${fmt.bytes(p.unpackedBytes)} (${fmt.int(p.unpackedBytes)} bytes, ${p.files} files)`, target: '-' });
  }
  for (const c of r.listing) {
    const floor = c.latencyMs > 0 ? `; floor ${c.pages} pages × ${c.latencyMs} ms = ${fmt.ms(c.lowerBoundMs)}, extension at ${fmt.pct(c.extensionMedianMs / c.lowerBoundMs)} of it` : `; ${c.pages} pages`;
    out.push({
      name: `List ${fmt.int(c.functions)} functions, ${c.latencyMs} ms/call: extension ÷ bare SDK (median of ${c.runs})`,
      measured: `${fmt.ms(c.extensionMedianMs)} vs ${fmt.ms(c.sdkMedianMs)} = ${fmt.ratio(c.ratio)} (paired ${fmt.ratio(c.pairedRatio)})${floor}`,
      target: `≤ ${TARGETS.listingRatio.toFixed(2)}`,
      pass: c.ratio <= TARGETS.listingRatio,
    });
  }
  for (const c of r.invoke) {
    const limit = c.payloadBytes > 1024 * 1024 ? TARGETS.invoke6MbRatio : TARGETS.invoke1KbRatio;
    const o = c.overran;
    const measured = o
      ? `${o.side === 'extension' ? '≥ ' : ''}${fmt.ms(c.extensionMedianMs)} vs ${fmt.ms(c.sdkMedianMs)} = ${o.side === 'extension' ? '≥ ' : ''}${fmt.ratio(c.ratio)}; ` +
        `stopped at the ${Math.round(o.deadlineMs / 1000)} s deadline, ${o.runningForMs > 0 ? `an ${o.side === 'extension' ? 'extension' : 'SDK'} ${o.warmup ? 'warm-up ' : ''}run still going after ${fmt.ms(o.runningForMs)}` : 'between runs'}`
      : `${fmt.ms(c.extensionMedianMs)} vs ${fmt.ms(c.sdkMedianMs)} = ${fmt.ratio(c.ratio)} (paired ${fmt.ratio(c.pairedRatio ?? NaN)})`;
    const ph = c.extensionPhasesMs;
    const phases = ph ? `; extension: read+check ${fmt.ms(ph.readCheck)}, invoke ${fmt.ms(ph.call)}, decode+format ${fmt.ms(ph.decodeFormat)}` : '';
    out.push({
      name: `Invoke ${c.label} (${fmt.int(c.payloadBytes)} bytes) outside VS Code: the extension's payload and format code ÷ bare InvokeCommand (median of ${c.extensionMs.length} runs)`,
      measured: measured + phases,
      target: `≤ ${limit.toFixed(2)}`,
      pass: c.ratio <= limit,
    });
  }
  const m = r.memory;
  if (m) {
    const gcNote = m.afterGc ? 'after GC' : 'no GC available';
    out.push({
      name: `Extension host heap growth: listing ${fmt.int(m.listedFunctions)} functions in the Functions view (${m.listPages} pages, ${fmt.ms(m.listMs)})`,
      measured: `${fmt.bytes(m.listingHeapGrowth)} heapUsed, ${fmt.bytes(m.listingRssGrowth)} rss (${gcNote})`,
      target: `< ${fmt.bytes(TARGETS.heapGrowthBytes)}`,
      pass: m.listedFunctions > 0 && m.listingHeapGrowth < TARGETS.heapGrowthBytes,
    });
    out.push({
      name: `Extension host heap growth: ${fmt.int(m.invocations)} invocations via the Invoke command (${fmt.ms(m.invokeMs)}, ${fmt.ms(m.invokeMs / Math.max(1, m.invocations))} each${m.invokeFailures ? `, ${m.invokeFailures} failed` : ''})`,
      measured: `${fmt.bytes(m.invokeHeapGrowth)} heapUsed, ${fmt.bytes(m.invokeRssGrowth)} rss; ${Number.isFinite(m.perInvocationBytes) ? `${fmt.bytes(m.perInvocationBytes)} per invocation after the 100th` : ''} (${gcNote})`,
      target: `< ${fmt.bytes(TARGETS.heapGrowthBytes)}`,
      pass: m.invocations > 0 && m.invokeFailures === 0 && m.invokeHeapGrowth < TARGETS.heapGrowthBytes,
    });
    const last = m.samples[m.samples.length - 1];
    out.push({ name: 'Extension host memory at the end', measured: `rss ${fmt.bytes(last.rss)}, heapUsed ${fmt.bytes(last.heapUsed)}`, target: '-' });
  }
  return out;
}

async function section(report: BenchReport, name: string, fn: () => Promise<void>): Promise<boolean> {
  const t0 = Date.now();
  try {
    await fn();
    log(`${name}: done in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
    return true;
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    log(`${name}: FAILED: ${err instanceof Error ? (err.stack ?? message) : message}`);
    report.notMeasured.push(`${name}: ${message.split('\n')[0]}`);
    return false;
  }
}

/** The packaged extension, unpacked into `scratch`: the files users install (else the repository's dist/). */
function extensionUnderTest(report: BenchReport, scratch: string): { dir: string; vsix?: string } {
  const vsix = path.join(REPO_ROOT, 'lambda-workbench.vsix');
  if (!fs.existsSync(vsix)) {
    report.measured = 'dist/ of the repository (no lambda-workbench.vsix: run `npm run package`)';
    report.notMeasured.push('package size: lambda-workbench.vsix is missing (run `npm run package`; scripts/bench.sh does)');
    return { dir: REPO_ROOT };
  }
  extractZip(vsix, path.join(scratch, 'vsix'));
  const dir = path.join(scratch, 'vsix', 'extension');
  // The benchmark's windows read the extension through its test hooks, which are not packaged:
  // the build's bundle of them goes beside the packaged ones (loaded in ExtensionMode.Test only).
  const hooks = path.join(REPO_ROOT, 'dist', 'testHooks.js');
  if (!fs.existsSync(hooks)) {
    throw new Error(`${hooks} is missing: run \`npm run build\` (scripts/bench.sh does)`);
  }
  fs.copyFileSync(hooks, path.join(dir, 'dist', 'testHooks.js'));
  report.measured = `${path.basename(vsix)}, unpacked, with the test hooks (dist/testHooks.js) beside it`;
  return { dir, vsix };
}

async function measure(report: BenchReport, only: Set<Section>, scratch: string, resultsDir: string, onStop: (stop: () => Promise<void>) => void): Promise<void> {
  // The runner's own SDK clients and the extension host read the emulator's profiles.
  const awsEnv = { AWS_SHARED_CREDENTIALS_FILE: fixtures.credentialsFile, AWS_CONFIG_FILE: fixtures.configFile };
  Object.assign(process.env, awsEnv);

  const extension = extensionUnderTest(report, scratch);
  const bundle = path.join(extension.dir, 'dist', 'extension.js');
  const awsBundle = path.join(extension.dir, 'dist', 'aws.js');
  for (const f of [bundle, awsBundle]) {
    if (!fs.existsSync(f)) {
      throw new Error(`${f} is missing: run \`npm run build\` (scripts/bench.sh does)`);
    }
  }
  log(`measuring ${report.measured}`);

  const vsix = extension.vsix;
  if (only.has('package') && vsix) {
    await section(report, 'package size', async () => {
      report.package = packageFigures(vsix);
    });
  }

  let testVSCode: TestVSCode | undefined;
  if (only.has('fresh') || only.has('vscode')) {
    await section(report, 'test VS Code', async () => {
      testVSCode = await ensureTestVSCode();
    });
  }

  if (only.has('fresh')) {
    await section(report, 'bundle load in fresh processes', async () => {
      report.freshLoad = freshLoads(testVSCode?.node ?? process.execPath, bundle, CONFIG.freshLoads);
    });
  }

  let emulator: EmulatorProcess | undefined;
  if (only.has('listing') || only.has('invoke') || only.has('vscode')) {
    await section(report, 'emulator', async () => {
      const started = await EmulatorProcess.start({
        // The demo functions (us-east-1) serve the logs window; the synthetic ones are in other regions.
        seed: 'demo',
        liveTailIntervalMs: CONFIG.liveTailIntervalMs,
        logsPageSize: CONFIG.logsPageSize,
        synthetic: { count: 1000, region: REGION_1K },
        moreSynthetic: [{ count: 5000, region: REGION_5K, prefix: 'synthetic-fn' }],
      });
      onStop(() => started.stop());
      emulator = started;
      log(`emulator (pid ${started.pid}) at ${started.endpoint}: 1,000 functions in ${REGION_1K}, 5,000 in ${REGION_5K}`);
    });
  }
  const emu = emulator;
  if (!emu) {
    if (only.has('listing') || only.has('invoke') || only.has('vscode')) {
      report.notMeasured.push('listing, invoke overhead, activation in VS Code and memory: the emulator did not start (see above)');
    }
    return;
  }

  if (only.has('listing')) {
    await section(report, 'listing', async () => {
      const aws = require(awsBundle) as typeof import('../../src/aws');
      report.listing = await benchListing({
        aws,
        emulator: emu,
        profile: PROFILE,
        targets: [
          { region: REGION_1K, functions: 1000 },
          { region: REGION_5K, functions: 5000 },
        ],
        latencies: CONFIG.latenciesMs,
        runs: CONFIG.listRuns,
        log,
      });
    });
  }

  if (only.has('invoke')) {
    const cases: Array<{ label: string; bytes: number; runs: number; warmup: number; deadlineMs: number }> = [
      { label: '1 KB', bytes: CONFIG.smallPayloadBytes, runs: CONFIG.invoke1KbRuns, warmup: 5, deadlineMs: 90_000 },
      { label: '6 MB', bytes: CONFIG.bigPayloadBytes, runs: CONFIG.invoke6MbRuns, warmup: 1, deadlineMs: 120_000 },
    ];
    for (const c of cases) {
      await section(report, `invoke ${c.label}`, async () => {
        const payloadFile = writePayload(scratch, `event-${c.bytes}.json`, c.bytes);
        const options = { awsBundle, endpoint: emu.endpoint, profile: PROFILE, region: REGION_1K, functionName: ECHO_FUNCTION, payloadFile, runs: c.runs, warmup: c.warmup };
        report.invoke.push(await benchInvokeCase(c.label, options, c.deadlineMs, log));
        await emu.clear();
      });
    }
  }

  const vscode = testVSCode;
  if (only.has('vscode') && !vscode) {
    report.notMeasured.push('activation, first view, invoke command, memory and profile in VS Code: the test VS Code could not be set up (see above)');
  } else if (only.has('vscode') && vscode) {
    await section(report, 'VS Code (activation, first view, invoke command, memory, profile)', async () => {
      await measureInVSCode(report, extension.dir, emu, awsEnv, resultsDir);
    });
  }
}

/** The windows of VS Code: activation and first view in each, then the invoke command, memory and the profile. */
async function measureInVSCode(report: BenchReport, extensionDir: string, emu: EmulatorProcess, awsEnv: NodeJS.ProcessEnv, resultsDir: string): Promise<void> {
  const files: Record<string, string> = {};
  const payloadNames = new Map<number, string>();
  for (const bytes of [CONFIG.smallPayloadBytes, CONFIG.mbPayloadBytes]) {
    const name = `bench-event-${bytes}.json`;
    files[name] = makePayload(bytes);
    payloadNames.set(bytes, name);
  }
  // The profile runs the repository's development build (source maps lead back to src/) when it is there.
  const devBuild = fs.existsSync(path.join(REPO_ROOT, 'dist', 'extension.js.map')) && fs.existsSync(path.join(REPO_ROOT, 'dist', 'invoke.js.map'));
  const profileDir = devBuild ? REPO_ROOT : extensionDir;
  if (!devBuild) {
    log('no development build in dist/ (run `npm run build`; scripts/bench.sh does): the profile runs the packaged bundles, without source maps');
  }
  const chosen = selectedWindows(process.argv.slice(2));
  const logRows = selectedLogRows(process.argv.slice(2));
  const modes = ([...Array.from({ length: CONFIG.activationWindows }, () => 'activation' as const), 'invoke', 'logs', 'memory', 'profile'] as HostMode[]).filter((m) => !chosen || chosen.has(m));
  const windows: VSCodeWindow[] = modes.map((mode) => ({
    extensionPath: mode === 'profile' ? profileDir : extensionDir,
    params: (folder: string, run: number): HostParams => ({
      run,
      mode,
      endpoint: emu.endpoint,
      profile: PROFILE,
      region: REGION_5K,
      functions: CONFIG.hostFunctions,
      invocations: mode === 'profile' ? CONFIG.profileInvocations : CONFIG.hostInvocations,
      functionName: ECHO_FUNCTION,
      payloadFile: path.join(folder, payloadNames.get(CONFIG.smallPayloadBytes)!),
      minimalExtensionId: MINIMAL_EXTENSION_ID,
      minimalFirst: run % 2 === 1,
      invokeCases:
        mode === 'invoke'
          ? CONFIG.invokeFeel.map(
              (c): InvokeFeelCase => ({ label: c.label, payloadFile: path.join(folder, payloadNames.get(c.bytes)!), payloadBytes: c.bytes, latencyMs: c.latencyMs, runs: c.runs, warmup: c.warmup }),
            )
          : undefined,
      resultsDir,
      largePayloadFile: mode === 'profile' ? path.join(folder, payloadNames.get(CONFIG.mbPayloadBytes)!) : undefined,
      largeInvocations: mode === 'profile' ? CONFIG.profileLargeInvocations : undefined,
      logsStreaming: mode === 'logs' ? { rows: logRows, liveTailIntervalMs: CONFIG.liveTailIntervalMs, ...CONFIG.logs } : undefined,
    }),
  }));
  log(
    `VS Code: ${windows.length} windows (each a first activation of the extension and of the minimal extension, then a first view); ` +
      `then the invoke command against the bare SDK, memory (${fmt.int(CONFIG.hostFunctions)} functions listed, ${fmt.int(CONFIG.hostInvocations)} invocations) and the profile (${CONFIG.profileInvocations} invocations)`,
  );
  const runs = await runInVSCode({
    windows,
    installed: [MINIMAL_EXTENSION_DIR],
    settings: {
      'lambdaWorkbench.profile': PROFILE,
      'lambdaWorkbench.regions': [REGION_5K],
      'lambdaWorkbench.endpoint': emu.endpoint,
      'lambdaWorkbench.explorer.pageSize': 50,
    },
    env: awsEnv,
    files,
    resultsDir,
    log,
  });
  report.vscode = { version: runs.vscode.vscodeVersion, codeServer: runs.vscode.codeServerVersion, extensionHostNode: runs.results.find((r) => r.nodeVersion)?.nodeVersion ?? 'unknown' };
  for (const r of runs.results.filter((x) => x.error)) {
    report.notMeasured.push(`window ${r.run} (${r.mode}): ${String(r.error).split('\n')[0]}`);
  }
  report.activation = activationFigures(runs.results, extensionDir);
  if (report.activation.alreadyActive > 0) {
    report.notMeasured.push(`activation timing in ${report.activation.alreadyActive} window(s): the extension was already active when the entry ran`);
  }
  report.firstView = firstViewFigures(runs.results);
  report.invokeFeel = invokeFeelFigures(runs.results);
  report.logsStreaming = logsStreamingFigures(runs.results);
  for (const c of report.logsStreaming.filter((x) => x.runs === 0)) {
    report.notMeasured.push(`${c.label}: ${c.firstFailure ?? 'no run came to a figure'}`);
  }
  const memoryRun = runs.results.find((r) => r.mode === 'memory' && r.memory?.invocations !== undefined);
  if (memoryRun) {
    report.memory = memoryFigures(memoryRun);
  }
  const profileRun = runs.results.find((r) => r.mode === 'profile' && r.hostProfile);
  if (profileRun) {
    report.invokeProfile = invokeProfileFigures(profileRun, profileDir, REPO_ROOT, resultsDir);
    log(`profile: ${report.invokeProfile.summaryFile}, ${report.invokeProfile.host.file}${report.invokeProfile.page ? `, ${report.invokeProfile.page.file}` : ''}`);
  }
}

async function main(): Promise<number> {
  const started = Date.now();
  const only = selectedSections(process.argv.slice(2));
  const cpus = os.cpus();
  const before = loadBefore();
  const report: BenchReport = {
    date: new Date().toISOString(),
    durationSeconds: 0,
    machine: { cpus: cpus.length, cpuModel: cpus[0]?.model.trim() ?? 'unknown', memoryGiB: Math.round(os.totalmem() / 1024 ** 3), platform: `${os.type()} ${os.release()}` },
    load: {
      cpus: cpus.length,
      before: before.value,
      beforeAt: before.at,
      start: os.loadavg()[0],
      end: NaN,
      during: { mean: NaN, max: NaN, samples: 0 },
      threshold: busyThreshold(cpus.length),
      clean: isClean(before.value, cpus.length),
    },
    runner: { node: process.version },
    measured: '',
    listing: [],
    invoke: [],
    invokeFeel: [],
    targets: [],
    notMeasured: [],
  };
  if (QUICK) {
    log('BENCH_QUICK=1: fewer repetitions; these figures are for trying the benchmark only');
  }
  if (only.size < SECTIONS.length) {
    log(`only: ${[...only].join(', ')}`);
  }
  log(
    `load average (1 min): ${report.load.before.toFixed(2)} before the run (${before.at === 'bench.sh' ? 'before the build' : 'now'}), ${report.load.start.toFixed(2)} now; ` +
      (report.load.clean ? 'clean' : `NOT CLEAN: above ${report.load.threshold.toFixed(1)} (half the ${cpus.length} CPUs), other work competes with the benchmark`),
  );
  const resultsDir = path.join(REPO_ROOT, 'bench-results');
  fs.mkdirSync(resultsDir, { recursive: true });
  const sampler = new LoadSampler();
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'lambda-workbench-bench-'));
  const stops: Array<() => Promise<void>> = [];
  try {
    await measure(report, only, scratch, resultsDir, (stop) => stops.push(stop));
  } finally {
    for (const stop of stops.reverse()) {
      await stop().catch((err: unknown) => log(`stopping: ${String(err)}`));
    }
    fs.rmSync(scratch, { recursive: true, force: true });
  }

  report.durationSeconds = (Date.now() - started) / 1000;
  report.load.during = sampler.stop();
  report.load.end = os.loadavg()[0];
  report.targets = targets(report);
  // Only a complete run replaces latest.json; a quick or partial one is a trial.
  const jsonFile = path.join(resultsDir, QUICK || only.size < SECTIONS.length || selectedWindows(process.argv.slice(2)) ? 'trial.json' : 'latest.json');
  fs.writeFileSync(jsonFile, `${JSON.stringify(report, null, 2)}\n`);
  process.stdout.write(`\n${renderTable(report)}\n\nFigures: ${path.relative(process.cwd(), jsonFile) || jsonFile}\n`);
  return report.notMeasured.length > 0 ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    process.stderr.write(`[bench] FAILED: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
    process.exit(1);
  },
);
