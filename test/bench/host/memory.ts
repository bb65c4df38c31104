/**
 * The memory window: the extension host's memory after activation, after listing every
 * function through the Functions view, and after many runs of the invoke command.
 */
import { performance } from 'node:perf_hooks';
import * as v8 from 'node:v8';
import * as vm from 'node:vm';
import * as vscode from 'vscode';
import { invokeFileCommand } from './invokeFeel';
import type { HostParams, HostResult, MemorySample } from './protocol';
import { functionsProvider } from './workbenchApi';

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

export function memorySample(label: string): MemorySample {
  const afterGc = gc();
  const m = process.memoryUsage();
  return { label, rss: m.rss, heapUsed: m.heapUsed, heapTotal: m.heapTotal, external: m.external, arrayBuffers: m.arrayBuffers, afterGc };
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

interface Item {
  node: unknown;
  item: vscode.TreeItem;
}

async function children(provider: vscode.TreeDataProvider<unknown>, parent?: unknown): Promise<Item[]> {
  const nodes = (await provider.getChildren(parent)) ?? [];
  return Promise.all(nodes.map(async (node) => ({ node, item: await provider.getTreeItem(node) })));
}

const isFunction = (i: Item) => /^function(\.|$)/.test(i.item.contextValue ?? '');

/** With the Functions view open, clicks "Load more…" until every function is listed. */
async function listThroughTree(api: unknown, expected: number): Promise<{ listed: number; pages: number; ms: number }> {
  const provider = functionsProvider(api);
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

/** `baseline`: the sample taken right after activation (before the first view). */
export async function measureMemory(api: unknown, params: HostParams, baseline: MemorySample, write: () => void): Promise<NonNullable<HostResult['memory']>> {
  const memory: NonNullable<HostResult['memory']> = { samples: [baseline] };
  const listed = await listThroughTree(api, params.functions);
  memory.listedFunctions = listed.listed;
  memory.listPages = listed.pages;
  memory.listMs = listed.ms;
  await sleep(1000); // let the view draw what it was sent
  memory.samples.push(memorySample(`after listing ${listed.listed} functions in the Functions view`));
  write();

  const uri = vscode.Uri.file(params.payloadFile);
  const target = { region: params.region, functionName: params.functionName };
  let failures = 0;
  const t0 = performance.now();
  for (let i = 1; i <= params.invocations; i++) {
    try {
      await invokeFileCommand(uri, target);
    } catch (err) {
      failures++;
      memory.firstFailure ??= `invocation ${i}: ${(err as Error).message}`;
    }
    if ((i === 100 || i === 500) && i < params.invocations) {
      memory.samples.push(memorySample(`after ${i} invocations`));
    }
  }
  memory.invocations = params.invocations;
  memory.invokeMs = performance.now() - t0;
  memory.invokeFailures = failures;
  memory.samples.push(memorySample(`after ${params.invocations} invocations`));
  return memory;
}
