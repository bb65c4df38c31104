/**
 * Where the invoke command's time goes, step by step, without touching the extension's
 * code: in the profile window only, the entry stands between the extension and what it
 * calls, and times each call as the extension makes it:
 *
 * - the `vscode` module the extension's bundle requires (window.withProgress,
 *   window.createOutputChannel and the channels' writes, languages.registerCodeLensProvider
 *   and the provider's provideCodeLenses);
 * - the ExtensionContext given to activate() (workspaceState.update: the Memento writes);
 * - the lazy bundles when the extension first requires them: dist/invoke.js
 *   (readPayloadFile, split into the read and the checks at the file's close;
 *   decodeResponse, formatInvokeResult) and dist/aws.js (LambdaService.invoke: the SDK call).
 *
 * Every wrapper calls through to the real thing with the same arguments and `this`.
 */
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { median, round } from '../stats';
import { Load, moduleInternals } from './activation';
import type { StepFigures, WhatIf } from './protocol';

type AnyFunction = (...args: unknown[]) => unknown;

interface StepTotal {
  ms: number;
  calls: number;
}

/** Collects the time of each step per invocation (between begin() and end()). */
export class StepRecorder {
  /** The what-if changes in force (none: the extension as it is). */
  whatIf: WhatIf = {};
  /** Writes a what-if change did not let the extension wait for, still under way. */
  private readonly pending = new Set<Promise<unknown>>();

  /** Lets a write the extension did not wait for run out its course. */
  track(p: Promise<unknown>): void {
    const settled = p.catch(() => undefined).finally(() => this.pending.delete(settled));
    this.pending.add(settled);
  }

  /** Waits for every write still under way (so that none spills into the next measured invocation). */
  async settle(): Promise<void> {
    while (this.pending.size > 0) {
      await Promise.all([...this.pending]);
    }
  }
  private current: Map<string, StepTotal> | undefined;
  private readonly invocations: Array<Map<string, StepTotal>> = [];
  private readonly commandMs: number[] = [];
  private readonly order: string[] = [];
  private readonly overlapping = new Set<string>();
  private readonly marks = new Map<string, number>();

  /** Forgets the invocations recorded so far (the steps' names and order stay). */
  reset(): void {
    this.invocations.length = 0;
    this.commandMs.length = 0;
    this.current = undefined;
  }

  begin(): void {
    this.current = new Map();
  }

  end(commandMs: number): void {
    if (this.current) {
      this.invocations.push(this.current);
      this.commandMs.push(commandMs);
    }
    this.current = undefined;
  }

  /** Adds `ms` to step `name` of the invocation running (outside an invocation: not counted). */
  add(name: string, ms: number, overlaps = false): void {
    if (!this.order.includes(name)) {
      this.order.push(name);
    }
    if (overlaps) {
      this.overlapping.add(name);
    }
    if (!this.current) {
      return;
    }
    const t = this.current.get(name) ?? { ms: 0, calls: 0 };
    t.ms += ms;
    t.calls++;
    this.current.set(name, t);
  }

  mark(name: string): void {
    this.marks.set(name, performance.now());
  }

  markAt(name: string): number | undefined {
    return this.marks.get(name);
  }

  timeSync<T>(name: string, fn: () => T, overlaps = false): T {
    const t0 = performance.now();
    try {
      return fn();
    } finally {
      this.add(name, performance.now() - t0, overlaps);
    }
  }

  async timeAsync<T>(name: string, fn: () => Promise<T> | T, overlaps = false): Promise<T> {
    const t0 = performance.now();
    try {
      return await fn();
    } finally {
      this.add(name, performance.now() - t0, overlaps);
    }
  }

  figures(cpu: { hostCpuMsPerInvocation: number; serverCpuMsPerInvocation?: number; wallMsPerInvocation: number }): StepFigures {
    return {
      invocations: this.invocations.length,
      commandMs: this.commandMs.map((v) => round(v, 3)),
      steps: this.order.map((name) => ({
        name,
        overlaps: this.overlapping.has(name),
        ms: this.invocations.map((inv) => round(inv.get(name)?.ms ?? 0, 3)),
        calls: this.invocations.map((inv) => inv.get(name)?.calls ?? 0),
      })),
      ...cpu,
    };
  }
}

/**
 * Per step: the median and the mean time per invocation and the calls per invocation (a
 * mean: steps the workbench asks for, like CodeLens, do not come every time); then what no
 * step accounts for (the command's total minus the non-overlapping steps).
 */
export function summarizeSteps(f: StepFigures): StepSummary[] {
  const mean = (v: number[]) => (v.length ? v.reduce((a, b) => a + b, 0) / v.length : NaN);
  const rows = f.steps.map((s) => ({ name: s.name, medianMs: round(median(s.ms), 3), meanMs: round(mean(s.ms), 3), callsPerInvocation: round(mean(s.calls), 2), overlaps: s.overlaps }));
  const rest = f.commandMs.map((total, i) => total - f.steps.filter((s) => !s.overlaps).reduce((sum, s) => sum + (s.ms[i] ?? 0), 0));
  rows.push({
    name: 'not in any step above (command dispatch, the Invoker’s own code, waiting for the event loop)',
    medianMs: round(median(rest), 3),
    meanMs: round(mean(rest), 3),
    callsPerInvocation: 1,
    overlaps: false,
  });
  return rows;
}

export interface StepSummary {
  name: string;
  medianMs: number;
  meanMs: number;
  callsPerInvocation: number;
  overlaps: boolean;
}

/**
 * A stand-in for `original` whose properties are read from `original` and passed through
 * `wrap`. Its target is a fresh object, so that frozen originals (VS Code freezes some API
 * objects) do not bind the proxy to return their own values.
 */
export function interpose<T extends object>(original: T, wrap: (key: PropertyKey, value: unknown) => unknown): T {
  const wrapped = new Map<PropertyKey, { from: unknown; to: unknown }>();
  return new Proxy(Object.create(Object.getPrototypeOf(original) as object | null) as T, {
    get(_target, key) {
      const value: unknown = Reflect.get(original, key);
      const known = wrapped.get(key);
      if (known && known.from === value) {
        return known.to;
      }
      const to = wrap(key, value);
      wrapped.set(key, { from: value, to });
      return to;
    },
    set: (_target, key, value) => Reflect.set(original, key, value),
    has: (_target, key) => Reflect.has(original, key),
    ownKeys: () => Reflect.ownKeys(original),
    getOwnPropertyDescriptor(_target, key) {
      const d = Reflect.getOwnPropertyDescriptor(original, key);
      return d ? { ...d, configurable: true } : undefined;
    },
  });
}

const CHANNEL_WRITES = new Set<PropertyKey>(['append', 'appendLine', 'replace', 'show', 'trace', 'debug', 'info', 'warn', 'error']);

function parentFile(parent: unknown): string | undefined {
  return (parent as { filename?: string } | undefined)?.filename;
}

/**
 * Stands between the extension at `extensionRoot` and what it calls, for `recorder`. Call
 * before the extension's activation; pass `mapActivateArgs` to timeFirstActivation.
 */
export function interposeExtension(recorder: StepRecorder, extensionRoot: string): { mapActivateArgs: (args: unknown[]) => unknown[]; dispose: () => void } {
  const dist = path.join(extensionRoot, 'dist');
  const invokeBundle = path.join(dist, 'invoke.js');
  const awsBundle = path.join(dist, 'aws.js');
  const isBundle = (file: string, request: string) => request === file || `${request}.js` === file;

  const wrapVscode = (api: object): object => {
    const wrapWindow = (window: object) =>
      interpose(window, (key, value) => {
        if (key === 'withProgress' && typeof value === 'function') {
          return async (options: unknown, task: AnyFunction) => {
            if (recorder.whatIf.noProgress) {
              return task({ report: () => undefined }, { isCancellationRequested: false, onCancellationRequested: () => ({ dispose: () => undefined }) });
            }
            const t0 = performance.now();
            let taskStart = t0;
            let taskEnd = t0;
            try {
              return await (value as AnyFunction).call(window, options, (...args: unknown[]) => {
                taskStart = performance.now();
                return Promise.resolve(task(...args)).finally(() => {
                  taskEnd = performance.now();
                });
              });
            } finally {
              const t1 = performance.now();
              recorder.add('progress notification: withProgress until its task starts', taskStart - t0);
              recorder.add('progress task (Invoker.call: abort race around the SDK call)', taskEnd - taskStart, true);
              recorder.add('progress notification: withProgress after its task ended', t1 - taskEnd);
            }
          };
        }
        if (key === 'showTextDocument' && typeof value === 'function') {
          return (...args: unknown[]) => recorder.timeAsync('response editor: window.showTextDocument()', () => (value as AnyFunction).apply(window, args) as Promise<unknown>);
        }
        if (key === 'createOutputChannel' && typeof value === 'function') {
          return (name: string, ...rest: unknown[]) => {
            const channel = (value as AnyFunction).call(window, name, ...rest) as object;
            let shown = false;
            return interpose(channel, (k, v) => {
              if (typeof v !== 'function' || !CHANNEL_WRITES.has(k)) {
                return v;
              }
              return (...a: unknown[]) => {
                if (k === 'show' && shown && recorder.whatIf.revealOnce) {
                  return undefined;
                }
                shown ||= k === 'show';
                return recorder.timeSync(`channel "${name}": ${String(k)}()`, () => (v as AnyFunction).apply(channel, a));
              };
            });
          };
        }
        return value;
      });
    const wrapLanguages = (languages: object) =>
      interpose(languages, (key, value) => {
        if (key === 'registerCodeLensProvider' && typeof value === 'function') {
          return (selector: unknown, provider: object) => {
            const name = `CodeLens: ${provider.constructor?.name ?? 'provider'}.provideCodeLenses() (asked by the workbench; overlaps other steps)`;
            const timed = interpose(provider, (k, v) => (k === 'provideCodeLenses' && typeof v === 'function' ? (...a: unknown[]) => recorder.timeSync(name, () => (v as AnyFunction).apply(provider, a), true) : v));
            return (value as AnyFunction).call(languages, selector, timed);
          };
        }
        return value;
      });
    const wrapWorkspace = (workspace: object) =>
      interpose(workspace, (key, value) =>
        key === 'openTextDocument' && typeof value === 'function'
          ? (...args: unknown[]) => recorder.timeAsync('response editor: workspace.openTextDocument()', () => (value as AnyFunction).apply(workspace, args) as Promise<unknown>)
          : value,
      );
    return interpose(api, (key, value) => {
      if (key === 'window' && value && typeof value === 'object') {
        return wrapWindow(value);
      }
      if (key === 'workspace' && value && typeof value === 'object') {
        return wrapWorkspace(value);
      }
      if (key === 'languages' && value && typeof value === 'object') {
        return wrapLanguages(value);
      }
      return value;
    });
  };

  const wrapInvokeModel = (model: object): object =>
    interpose(model, (key, value) => {
      if (typeof value !== 'function') {
        return value;
      }
      const fn = value as AnyFunction;
      if (key === 'readPayloadFile') {
        return async (...args: unknown[]) => {
          const t0 = performance.now();
          const result = await fn(...args);
          const t1 = performance.now();
          const closedAt = recorder.markAt('payload file closed');
          const split = closedAt !== undefined && closedAt >= t0 && closedAt <= t1 ? closedAt : t1;
          recorder.add('payload: read the file (open, fstat, read)', split - t0);
          recorder.add('payload: checks (strict UTF-8, JSON, size)', t1 - split);
          return result;
        };
      }
      if (key === 'decodeResponse' || key === 'formatInvokeResult' || key === 'checkPayload' || key === 'checkPayloadText') {
        return (...args: unknown[]) => recorder.timeSync(`result: ${String(key)}()`, () => fn(...args));
      }
      return value;
    });

  const load = moduleInternals._load;
  moduleInternals._load = function (this: unknown, request: string, parent: unknown, isMain: boolean) {
    const from = parentFile(parent);
    const loaded = load.call(this, request, parent, isMain);
    if (request === 'vscode' && from?.startsWith(dist + path.sep)) {
      return wrapVscode(loaded as object);
    }
    if ((request === 'node:fs' || request === 'fs') && from === invokeBundle) {
      const fs = loaded as typeof import('node:fs');
      return interpose(fs, (key, value) =>
        key === 'close' && typeof value === 'function'
          ? (...args: unknown[]) => {
              recorder.mark('payload file closed');
              return (value as AnyFunction).apply(fs, args);
            }
          : value,
      );
    }
    if (isBundle(invokeBundle, request)) {
      return wrapInvokeModel(loaded as object);
    }
    if (isBundle(awsBundle, request)) {
      const proto = (loaded as { LambdaService?: { prototype: { invoke?: AnyFunction; __benchTimed?: boolean } } }).LambdaService?.prototype;
      if (proto?.invoke && !proto.__benchTimed) {
        const invoke = proto.invoke;
        proto.invoke = function (this: unknown, ...args: unknown[]) {
          return recorder.timeAsync('SDK call: LambdaService.invoke()', () => invoke.apply(this, args) as Promise<unknown>);
        };
        proto.__benchTimed = true;
      }
    }
    return loaded;
  } as Load;

  const mapActivateArgs = (args: unknown[]): unknown[] => {
    const [context, ...rest] = args;
    const workspaceState = (context as { workspaceState: { update: AnyFunction } }).workspaceState;
    const timedState = Object.create(workspaceState, {
      update: {
        value: (key: string, value: unknown) => {
          const written = recorder.timeAsync(`Memento write: workspaceState.update("${key}")`, () => workspaceState.update(key, value) as Promise<void>);
          if (recorder.whatIf.mementoNoWait) {
            recorder.track(written);
            return Promise.resolve();
          }
          return written;
        },
      },
    }) as object;
    return [Object.create(context as object, { workspaceState: { value: timedState } }), ...rest];
  };

  return {
    mapActivateArgs,
    dispose: () => {
      moduleInternals._load = load;
    },
  };
}
