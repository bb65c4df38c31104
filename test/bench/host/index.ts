/**
 * The benchmark's entry inside the real VS Code extension host (the `extensionTestsPath` of
 * the workbench payload): times the extension's first activation and, in `memory` mode,
 * lists every function through the Functions view and invokes a function many times
 * through the Invoke command, sampling the extension host's memory. Reads params.json from
 * the opened folder and writes result-<run>.json there; measures, never asserts.
 */
import * as fs from 'node:fs';
import Module = require('node:module');
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import * as v8 from 'node:v8';
import * as vm from 'node:vm';
import * as vscode from 'vscode';
import type { TestHooks, WorkbenchApi } from '../../../src/api';
import { ActivationSample, HostParams, HostResult, MemorySample, PARAMS_FILE, resultFile } from './protocol';

const EXTENSION_ID = 'lambda-workbench.lambda-workbench';

type Load = (request: string, parent: unknown, isMain: boolean) => unknown;
const moduleInternals = Module as unknown as { _load: Load; _cache: Record<string, unknown> };

function sdkModules(): string[] {
  return Object.keys(moduleInternals._cache).filter((k) => k.includes('@aws-sdk') || k.endsWith(`${path.sep}dist${path.sep}aws.js`));
}

let collect: (() => void) | undefined | null;

/** A full GC: global.gc when exposed, else V8's gc made reachable at run time. */
function gc(): boolean {
  if (collect === undefined) {
    const g = (globalThis as { gc?: () => void }).gc;
    if (typeof g === 'function') {
      collect = g;
    } else {
      try {
        v8.setFlagsFromString('--expose-gc');
        collect = vm.runInNewContext('gc') as () => void;
      } catch {
        collect = null;
      }
    }
  }
  if (!collect) {
    return false;
  }
  collect();
  collect();
  return true;
}

function sample(label: string): MemorySample {
  const afterGc = gc();
  const m = process.memoryUsage();
  return { label, rss: m.rss, heapUsed: m.heapUsed, heapTotal: m.heapTotal, external: m.external, arrayBuffers: m.arrayBuffers, afterGc };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Times the first activation: the bundle's load and activate() from inside Module._load. */
async function measureActivation(ext: vscode.Extension<WorkbenchApi>): Promise<{ api: TestHooks; sample: ActivationSample }> {
  const alreadyActive = ext.isActive;
  const main = path.join(ext.extensionPath, String((ext.packageJSON as { main?: string }).main ?? 'dist/extension.js'));
  const mainFile = main.endsWith('.js') ? main : `${main}.js`;
  let bundleLoadMs: number | undefined;
  let vscodeApiMs: number | undefined;
  let activateCallMs: number | undefined;
  let loadingBundle = false;
  const load = moduleInternals._load;
  moduleInternals._load = function (this: unknown, request: string, parent: unknown, isMain: boolean) {
    if (loadingBundle && request === 'vscode') {
      const t0 = performance.now();
      try {
        return load.call(this, request, parent, isMain);
      } finally {
        vscodeApiMs = (vscodeApiMs ?? 0) + performance.now() - t0;
      }
    }
    if (bundleLoadMs === undefined && !loadingBundle && typeof request === 'string' && (request === mainFile || `${request}.js` === mainFile)) {
      const t0 = performance.now();
      loadingBundle = true;
      let exports: { activate?: (...args: unknown[]) => unknown };
      try {
        exports = load.call(this, request, parent, isMain) as typeof exports;
      } finally {
        loadingBundle = false;
        bundleLoadMs = performance.now() - t0;
      }
      const activate = exports?.activate;
      if (typeof activate === 'function') {
        // What VS Code gets: the same exports, with activate() timed.
        return {
          ...exports,
          activate(this: unknown, ...args: unknown[]) {
            const t1 = performance.now();
            try {
              return activate.apply(this, args);
            } finally {
              activateCallMs = performance.now() - t1;
            }
          },
        };
      }
      return exports;
    }
    return load.call(this, request, parent, isMain);
  };
  let api: TestHooks;
  let endToEndMs: number;
  try {
    const t0 = performance.now();
    const exported = await ext.activate();
    if (!exported.testing) {
      throw new Error('the extension did not return its test hooks (not in ExtensionMode.Test?)');
    }
    api = exported.testing;
    endToEndMs = performance.now() - t0;
  } finally {
    moduleInternals._load = load;
  }
  const awsLoadedAfterActivate = api.isAwsLoaded();
  const sdkModulesAfterActivate = sdkModules();
  const root = ext.extensionPath + path.sep;
  const extensionModules = Object.keys(moduleInternals._cache).filter((k) => k.startsWith(root) && !k.includes(`${path.sep}out${path.sep}test${path.sep}`));
  await sleep(1000);
  return {
    api,
    sample: {
      alreadyActive,
      bundleLoadMs,
      vscodeApiMs,
      activateCallMs,
      endToEndMs,
      awsLoadedAfterActivate,
      awsLoadedAfterIdle: api.isAwsLoaded(),
      sdkModulesAfterActivate,
      sdkModulesAfterIdle: sdkModules(),
      extensionModules,
    },
  };
}

interface Item {
  node: unknown;
  item: vscode.TreeItem;
}

async function children(provider: vscode.TreeDataProvider<unknown>, parent?: unknown): Promise<Item[]> {
  const nodes = (await provider.getChildren(parent)) ?? [];
  return Promise.all(nodes.map(async (node) => ({ node, item: await provider.getTreeItem(node) })));
}

const isFunction = (i: Item) => /^function(\.|$)/.test(i.item.contextValue ?? '');

/** Opens the Functions view and clicks "Load more…" until every function is listed. */
async function listThroughTree(api: TestHooks, expected: number): Promise<{ listed: number; pages: number; ms: number }> {
  const provider = api.views.functionsProvider;
  const t0 = performance.now();
  await vscode.commands.executeCommand('workbench.view.extension.lambdaWorkbench');
  let parent: unknown;
  let pages = 1;
  const deadline = Date.now() + 5 * 60_000;
  for (;;) {
    let list = await children(provider, parent);
    // Several regions: the functions sit under the region node.
    if (parent === undefined && list.length > 0 && list.every((i) => /^region(\.|$)/.test(i.item.contextValue ?? ''))) {
      parent = list[0].node;
      list = await children(provider, parent);
    }
    const last = list[list.length - 1];
    const command = last?.item.command;
    if (command?.command === 'lambdaWorkbench.loadMore') {
      await vscode.commands.executeCommand(command.command, ...(command.arguments ?? []));
      pages++;
    } else if (last && /^loading/.test(last.item.contextValue ?? '')) {
      await sleep(50);
    } else {
      const listed = list.filter(isFunction).length;
      if (listed >= expected || !last || /^(error|empty)/.test(last.item.contextValue ?? '')) {
        if (listed < expected) {
          throw new Error(`the Functions view shows ${listed} functions, expected ${expected} (last node: ${String(last?.item.label)})`);
        }
        return { listed, pages, ms: performance.now() - t0 };
      }
      await sleep(50);
    }
    if (Date.now() > deadline) {
      throw new Error(`listing through the Functions view did not finish in 5 minutes (${pages} pages)`);
    }
  }
}

interface Outcome {
  kind?: string;
  error?: string;
}

export async function run(): Promise<void> {
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri.fsPath;
  if (!folder) {
    throw new Error('the benchmark needs a folder open in VS Code');
  }
  const params = JSON.parse(fs.readFileSync(path.join(folder, PARAMS_FILE), 'utf8')) as HostParams;
  const result: HostResult = { run: params.run, mode: params.mode, nodeVersion: process.version, vscodeVersion: vscode.version };
  const write = () => fs.writeFileSync(path.join(folder, resultFile(params.run)), JSON.stringify(result, null, 2));
  try {
    const ext = vscode.extensions.getExtension<WorkbenchApi>(EXTENSION_ID);
    if (!ext) {
      throw new Error(`extension ${EXTENSION_ID} is not installed in this VS Code`);
    }
    const { api, sample: activation } = await measureActivation(ext);
    result.activation = activation;
    write();
    if (params.mode !== 'memory') {
      return;
    }

    const memory: NonNullable<HostResult['memory']> = { samples: [sample('after activation')] };
    result.memory = memory;

    const listed = await listThroughTree(api, params.functions);
    memory.listedFunctions = listed.listed;
    memory.listPages = listed.pages;
    memory.listMs = listed.ms;
    await sleep(1000); // let the view draw what it was sent
    memory.samples.push(sample(`after listing ${listed.listed} functions in the Functions view`));
    write();

    const uri = vscode.Uri.file(params.payloadFile);
    const target = { region: params.region, functionName: params.functionName };
    let failures = 0;
    const t0 = performance.now();
    for (let i = 1; i <= params.invocations; i++) {
      const outcome = (await vscode.commands.executeCommand('lambdaWorkbench.invokeFile', uri, target)) as Outcome | undefined;
      if (outcome?.kind !== 'result') {
        failures++;
        memory.firstFailure ??= `invocation ${i}: ${outcome?.kind ?? 'no outcome'}${outcome?.error ? `: ${outcome.error}` : ''}`;
      }
      if ((i === 100 || i === 500) && i < params.invocations) {
        memory.samples.push(sample(`after ${i} invocations`));
      }
    }
    memory.invocations = params.invocations;
    memory.invokeMs = performance.now() - t0;
    memory.invokeFailures = failures;
    memory.samples.push(sample(`after ${params.invocations} invocations`));
  } catch (err) {
    result.error = err instanceof Error ? (err.stack ?? err.message) : String(err);
  } finally {
    write();
  }
}
