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
import type { HostResult } from './host/protocol';
import { benchInvokeCase, makePayload, writePayload } from './invoke';
import { benchListing } from './listing';
import { ActivationFigures, BenchReport, fmt, FreshLoadFigures, MemoryFigures, PackageFigures, renderTable, TargetResult } from './report';
import { median, round } from './stats';
import { runInVSCode } from './vscodeRuns';
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
  /** Windows of VS Code, each a first activation; the last one also measures memory. */
  windows: QUICK ? 2 : 5,
  freshLoads: QUICK ? 3 : 10,
  hostFunctions: 5000,
  hostInvocations: QUICK ? 200 : 1000,
};

const TARGETS = {
  activationMs: 30,
  vsixBytes: 1024 * 1024,
  listingRatio: 1.1,
  invoke1KbRatio: 1.1,
  invoke6MbRatio: 1.5,
  heapGrowthBytes: 50 * 1024 * 1024,
};

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

function activationFigures(results: HostResult[], extensionDir: string): ActivationFigures {
  const samples = results.map((r) => r.activation).filter((a): a is NonNullable<typeof a> => !!a);
  const timed = samples.filter((a) => !a.alreadyActive && a.bundleLoadMs !== undefined && a.activateCallMs !== undefined);
  const bundleLoadMs = timed.map((a) => round(a.bundleLoadMs!));
  const vscodeApiMs = timed.map((a) => round(a.vscodeApiMs ?? 0));
  const activateCallMs = timed.map((a) => round(a.activateCallMs!));
  const extensionMs = timed.map((a) => round(a.bundleLoadMs! + a.activateCallMs!));
  const endToEndMs = samples.map((a) => round(a.endToEndMs));
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
  };
}

function memoryFigures(result: HostResult): MemoryFigures {
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

function targets(r: BenchReport): TargetResult[] {
  const out: TargetResult[] = [];
  const a = r.activation;
  if (a) {
    out.push({
      name: `Activation in VS Code: bundle load + activate() (median of ${a.extensionMs.length} windows)`,
      measured:
        `${fmt.ms(a.medianExtensionMs)} = load ${fmt.ms(a.medianBundleLoadMs)} (of which VS Code building the vscode API object ${fmt.ms(a.medianVscodeApiMs)})` +
        ` + activate() ${fmt.ms(a.medianActivateCallMs)}; each window: ${a.extensionMs.map((v) => v.toFixed(1)).join(', ')} ms`,
      target: `< ${TARGETS.activationMs} ms`,
      pass: a.extensionMs.length > 0 && a.medianExtensionMs < TARGETS.activationMs,
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
      measured: `${fmt.ms(a.medianEndToEndMs)} median (${a.endToEndMs.map((v) => v.toFixed(1)).join(', ')})`,
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
      name: `Invoke ${c.label} (${fmt.int(c.payloadBytes)} bytes): extension path ÷ bare InvokeCommand (median of ${c.extensionMs.length} runs)`,
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
      name: `Extension host heap growth: ${fmt.int(m.invocations)} invocations via the Invoke command (${fmt.ms(m.invokeMs)}${m.invokeFailures ? `, ${m.invokeFailures} failed` : ''})`,
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
  report.measured = `${path.basename(vsix)}, unpacked`;
  return { dir: path.join(scratch, 'vsix', 'extension'), vsix };
}

async function measure(report: BenchReport, only: Set<Section>, scratch: string, onStop: (stop: () => Promise<void>) => void): Promise<void> {
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
        seed: 'none',
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
    report.notMeasured.push('activation in VS Code and extension host memory: the test VS Code could not be set up (see above)');
  } else if (only.has('vscode') && vscode) {
    await section(report, 'VS Code (activation, memory)', async () => {
      const windows = Array.from({ length: CONFIG.windows }, (_, i) => ({
        mode: i === CONFIG.windows - 1 ? ('memory' as const) : ('activation' as const),
        region: REGION_5K,
        functions: CONFIG.hostFunctions,
        invocations: CONFIG.hostInvocations,
        functionName: ECHO_FUNCTION,
      }));
      log(`VS Code: ${windows.length} windows (each a first activation), the last also lists ${fmt.int(CONFIG.hostFunctions)} functions and invokes ${fmt.int(CONFIG.hostInvocations)} times`);
      const runs = await runInVSCode({
        extensionPath: extension.dir,
        runs: windows,
        settings: {
          'lambdaWorkbench.profile': PROFILE,
          'lambdaWorkbench.regions': [REGION_5K],
          'lambdaWorkbench.endpoint': emu.endpoint,
          'lambdaWorkbench.explorer.pageSize': 50,
        },
        env: awsEnv,
        payload: makePayload(CONFIG.smallPayloadBytes),
        log,
      });
      report.vscode = { version: runs.vscode.vscodeVersion, codeServer: runs.vscode.codeServerVersion, extensionHostNode: runs.results[0]?.nodeVersion ?? 'unknown' };
      report.activation = activationFigures(runs.results, extension.dir);
      if (report.activation.alreadyActive > 0) {
        report.notMeasured.push(`activation timing in ${report.activation.alreadyActive} window(s): the extension was already active when the entry ran`);
      }
      const memoryRun = runs.results.find((r) => r.mode === 'memory');
      if (memoryRun) {
        report.memory = memoryFigures(memoryRun);
      }
    });
  }
}

async function main(): Promise<number> {
  const started = Date.now();
  const only = selectedSections(process.argv.slice(2));
  const cpus = os.cpus();
  const report: BenchReport = {
    date: new Date().toISOString(),
    durationSeconds: 0,
    machine: { cpus: cpus.length, cpuModel: cpus[0]?.model.trim() ?? 'unknown', memoryGiB: Math.round(os.totalmem() / 1024 ** 3), platform: `${os.type()} ${os.release()}` },
    loadAverage: { start: os.loadavg()[0], end: NaN },
    runner: { node: process.version },
    measured: '',
    listing: [],
    invoke: [],
    targets: [],
    notMeasured: [],
  };
  if (QUICK) {
    log('BENCH_QUICK=1: fewer repetitions; these figures are for trying the benchmark only');
  }
  if (only.size < SECTIONS.length) {
    log(`only: ${[...only].join(', ')}`);
  }
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'lambda-workbench-bench-'));
  const stops: Array<() => Promise<void>> = [];
  try {
    await measure(report, only, scratch, (stop) => stops.push(stop));
  } finally {
    for (const stop of stops.reverse()) {
      await stop().catch((err: unknown) => log(`stopping: ${String(err)}`));
    }
    fs.rmSync(scratch, { recursive: true, force: true });
  }

  report.durationSeconds = (Date.now() - started) / 1000;
  report.loadAverage.end = os.loadavg()[0];
  report.targets = targets(report);
  const resultsDir = path.join(REPO_ROOT, 'bench-results');
  fs.mkdirSync(resultsDir, { recursive: true });
  // Only a complete run replaces latest.json; a quick or partial one is a trial.
  const jsonFile = path.join(resultsDir, QUICK || only.size < SECTIONS.length ? 'trial.json' : 'latest.json');
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
