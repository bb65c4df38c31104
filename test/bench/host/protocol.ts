/**
 * What the benchmark's runner and its extension-host entry (host/index.ts) exchange: the
 * runner writes `params.json` into the folder VS Code opens; the entry writes
 * `result-<run>.json` next to it. No vscode import (the runner reads these types too).
 */

export const PARAMS_FILE = 'params.json';

export function resultFile(run: number): string {
  return `result-${run}.json`;
}

export interface HostParams {
  run: number;
  /** `activation`: activate and measure only; `memory`: then list and invoke, measuring memory. */
  mode: 'activation' | 'memory';
  /** The functions the view lists (one region, so they sit at the top level). */
  region: string;
  functions: number;
  /** Invocations through the Invoke command. */
  invocations: number;
  /** A function of `region` that answers every payload. */
  functionName: string;
  /** The payload file the invocations send (in the opened folder). */
  payloadFile: string;
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

export interface ActivationSample {
  /** The extension was already active when the entry started: no first activation to time. */
  alreadyActive: boolean;
  /** `require()` of dist/extension.js by the extension host (Module._load, first load). */
  bundleLoadMs?: number;
  /** Part of bundleLoadMs: the bundle's require('vscode'), where VS Code builds the API object for the extension. */
  vscodeApiMs?: number;
  /** The extension's activate(context) call itself. */
  activateCallMs?: number;
  /** `await getExtension(id).activate()` as seen by the entry: VS Code's work included. */
  endToEndMs: number;
  /** `api.isAwsLoaded()` right after activate() resolved, and one second later. */
  awsLoadedAfterActivate: boolean;
  awsLoadedAfterIdle: boolean;
  /** require.cache keys containing `@aws-sdk` or ending in dist/aws.js, right after activate(). */
  sdkModulesAfterActivate: string[];
  sdkModulesAfterIdle: string[];
  /** Loaded modules (require.cache size) of the extension's own folder after activation. */
  extensionModules: string[];
}

export interface HostResult {
  run: number;
  mode: HostParams['mode'];
  nodeVersion: string;
  vscodeVersion: string;
  activation?: ActivationSample;
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
