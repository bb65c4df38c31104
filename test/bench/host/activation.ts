/**
 * Times an extension's first activation from inside the extension host: the first
 * `require()` of its main file (Module._load) and its activate(context) call, by handing VS
 * Code the same exports with activate() wrapped. Works for any extension (the extension
 * and the minimal one are timed the same way, in the same window).
 */
import Module = require('node:module');
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import type * as vscode from 'vscode';
import type { ActivationTiming } from './protocol';

export type Load = (request: string, parent: unknown, isMain: boolean) => unknown;
export const moduleInternals = Module as unknown as { _load: Load; _cache: Record<string, unknown> };

/** The absolute path of an extension's main file. */
export function mainFileOf(ext: vscode.Extension<unknown>): string {
  const main = path.join(ext.extensionPath, String((ext.packageJSON as { main?: string }).main ?? 'extension.js'));
  return main.endsWith('.js') ? main : `${main}.js`;
}

export interface TimeActivationOptions {
  /** Given the arguments of activate() (the ExtensionContext), returns those to pass on (profile mode). */
  mapActivateArgs?: (args: unknown[]) => unknown[];
}

export async function timeFirstActivation<T>(ext: vscode.Extension<T>, options: TimeActivationOptions = {}): Promise<{ exports: T; timing: ActivationTiming }> {
  const alreadyActive = ext.isActive;
  const mainFile = mainFileOf(ext);
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
      let loaded: { activate?: (...args: unknown[]) => unknown };
      try {
        loaded = load.call(this, request, parent, isMain) as typeof loaded;
      } finally {
        loadingBundle = false;
        bundleLoadMs = performance.now() - t0;
      }
      const activate = loaded?.activate;
      if (typeof activate === 'function') {
        // What VS Code gets: the same exports, with activate() timed.
        return {
          ...loaded,
          activate(this: unknown, ...args: unknown[]) {
            const passed = options.mapActivateArgs ? options.mapActivateArgs(args) : args;
            const t1 = performance.now();
            try {
              return activate.apply(this, passed);
            } finally {
              activateCallMs = performance.now() - t1;
            }
          },
        };
      }
      return loaded;
    }
    return load.call(this, request, parent, isMain);
  };
  let api: T;
  let endToEndMs: number;
  try {
    const t0 = performance.now();
    api = await ext.activate();
    endToEndMs = performance.now() - t0;
  } finally {
    moduleInternals._load = load;
  }
  return { exports: api, timing: { alreadyActive, bundleLoadMs, vscodeApiMs, activateCallMs, endToEndMs } };
}

/**
 * Times the first `require()` of `file` (e.g. dist/aws.js, loaded by the extension on first
 * use) while `fn` runs. Returns `fn`'s result and the load time (undefined: not loaded then).
 */
export async function timeFirstLoadOf<R>(file: string, fn: () => Promise<R>): Promise<{ result: R; loadMs?: number }> {
  let loadMs: number | undefined;
  const load = moduleInternals._load;
  moduleInternals._load = function (this: unknown, request: string, parent: unknown, isMain: boolean) {
    if (loadMs === undefined && (request === file || `${request}.js` === file)) {
      const t0 = performance.now();
      try {
        return load.call(this, request, parent, isMain);
      } finally {
        loadMs = performance.now() - t0;
      }
    }
    return load.call(this, request, parent, isMain);
  };
  try {
    const result = await fn();
    return { result, loadMs };
  } finally {
    moduleInternals._load = load;
  }
}
