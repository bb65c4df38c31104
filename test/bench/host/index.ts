/**
 * The benchmark's entry inside the real VS Code extension host (the `extensionTestsPath` of
 * the workbench payload). Every window times the first activation of the extension and of
 * the minimal extension (test/bench/fixtures/minimal-extension), then the first view; then,
 * by mode, the invoke command against the bare SDK (`invoke`), memory (`memory`), the full
 * log, tail latency and streaming against the bare SDK (`logs`), or the invoke command's
 * steps and CPU profiles (`profile`). Reads params.json from the opened
 * folder and writes result-<run>.json there; measures, never asserts.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { moduleInternals, timeFirstActivation, TimeActivationOptions } from './activation';
import { measureFirstView } from './firstView';
import { measureInvokeFeel } from './invokeFeel';
import { measureLogsStreaming } from './logsStreaming';
import { measureMemory, memorySample, sleep } from './memory';
import { measureProfile } from './profileMode';
import { ActivationSample, ActivationTiming, HostParams, HostResult, PARAMS_FILE, resultFile } from './protocol';
import { interposeExtension, StepRecorder } from './steps';
import { isAwsLoaded } from './workbenchApi';

const EXTENSION_ID = 'lambda-workbench.lambda-workbench';
/** Page size of the Functions view in the benchmark's settings (lambdaWorkbench.explorer.pageSize). */
const PAGE_SIZE = 50;
/** What every synthetic function's name starts with (the first row drawn is one of them). */
const FUNCTION_PREFIX = 'synthetic-fn-';

function sdkModules(): string[] {
  return Object.keys(moduleInternals._cache).filter((k) => k.includes('@aws-sdk') || k.endsWith(`${path.sep}dist${path.sep}aws.js`));
}

function log(line: string): void {
  console.log(`[bench host] ${line}`);
}

async function activateMinimal(id: string): Promise<ActivationTiming> {
  const minimal = vscode.extensions.getExtension(id);
  if (!minimal) {
    throw new Error(`the minimal extension ${id} is not installed in this VS Code`);
  }
  return (await timeFirstActivation(minimal)).timing;
}

/** Both first activations, in the order the window's parameters say. */
async function measureActivations(ext: vscode.Extension<unknown>, params: HostParams, options: TimeActivationOptions): Promise<{ api: unknown; sample: ActivationSample }> {
  let minimal: ActivationTiming | undefined;
  if (params.minimalFirst) {
    minimal = await activateMinimal(params.minimalExtensionId);
  }
  const { exports: api, timing } = await timeFirstActivation(ext, options);
  if (!params.minimalFirst) {
    minimal = await activateMinimal(params.minimalExtensionId);
  }
  const awsLoadedAfterActivate = isAwsLoaded(api);
  const sdkModulesAfterActivate = sdkModules();
  const root = ext.extensionPath + path.sep;
  const extensionModules = Object.keys(moduleInternals._cache).filter((k) => k.startsWith(root) && !k.includes(`${path.sep}out${path.sep}test${path.sep}`));
  await sleep(1000);
  return {
    api,
    sample: {
      ...timing,
      minimal,
      minimalFirst: params.minimalFirst,
      awsLoadedAfterActivate,
      awsLoadedAfterIdle: isAwsLoaded(api),
      sdkModulesAfterActivate,
      sdkModulesAfterIdle: sdkModules(),
      extensionModules,
    },
  };
}

export async function run(): Promise<void> {
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri.fsPath;
  if (!folder) {
    throw new Error('the benchmark needs a folder open in VS Code');
  }
  const params = JSON.parse(fs.readFileSync(path.join(folder, PARAMS_FILE), 'utf8')) as HostParams;
  const result: HostResult = { run: params.run, mode: params.mode, build: 'packaged', nodeVersion: process.version, vscodeVersion: vscode.version };
  const write = () => fs.writeFileSync(path.join(folder, resultFile(params.run)), JSON.stringify(result, null, 2));
  try {
    const ext = vscode.extensions.getExtension(EXTENSION_ID);
    if (!ext) {
      throw new Error(`extension ${EXTENSION_ID} is not installed in this VS Code`);
    }
    result.build = fs.existsSync(path.join(ext.extensionPath, 'dist', 'extension.js.map')) ? 'development' : 'packaged';

    const recorder = params.mode === 'profile' ? new StepRecorder() : undefined;
    const interposed = recorder ? interposeExtension(recorder, ext.extensionPath) : undefined;
    try {
      const { api, sample } = await measureActivations(ext, params, { mapActivateArgs: interposed?.mapActivateArgs });
      result.activation = sample;
      write();
      const sum = (t?: ActivationTiming) => (t ? (t.bundleLoadMs ?? NaN) + (t.activateCallMs ?? NaN) : NaN);
      log(`activation: extension ${sum(sample).toFixed(1)} ms, minimal extension ${sum(sample.minimal).toFixed(2)} ms (${params.minimalFirst ? 'minimal first' : 'extension first'})`);
      const baseline = params.mode === 'memory' ? memorySample('after activation') : undefined;

      if (params.mode === 'profile' && recorder) {
        const p = await measureProfile(params, folder, recorder, log);
        Object.assign(result, { steps: p.steps, stepsLarge: p.stepsLarge, whatIf: p.whatIf, hostProfile: p.hostProfile, pageProfile: p.pageProfile });
        return;
      }

      const fv = await measureFirstView(params, folder, ext.extensionPath, PAGE_SIZE, FUNCTION_PREFIX);
      result.firstView = fv;
      write();
      log(`first view: ${fv.firstViewMs.toFixed(1)} ms; floor: dist/aws.js load ${fv.awsBundleLoadMs.toFixed(1)} ms + bare ListFunctions ${fv.bareListMs.toFixed(1)} ms`);
      if (params.mode === 'invoke') {
        result.invokeFeel = await measureInvokeFeel(api, params, params.invokeCases ?? [], log);
      } else if (params.mode === 'logs') {
        result.logsStreaming = await measureLogsStreaming(api, params, folder, log);
      } else if (params.mode === 'memory' && baseline) {
        result.memory = await measureMemory(api, params, baseline, write);
      }
    } finally {
      interposed?.dispose();
    }
  } catch (err) {
    result.error = err instanceof Error ? (err.stack ?? err.message) : String(err);
  } finally {
    write();
  }
}
