/**
 * The one place where the benchmark's host touches the extension's API (what activate()
 * returns). The test hooks are moving under `api.testing` (present in ExtensionMode.Test
 * only); when they do, `hooks()` below is the only line to change. Command ids are used
 * directly (they do not move).
 */
import type * as vscode from 'vscode';

/** What the benchmark uses of the extension's API. */
export interface BenchHooks {
  /** True once dist/aws.js (the AWS SDK) has been loaded. */
  isAwsLoaded(): boolean;
  readonly explorer: { readonly functionsProvider: vscode.TreeDataProvider<unknown> };
  readonly invoke: { lastOutput(): string };
}

function hooks(api: unknown): BenchHooks {
  return api as BenchHooks;
}

export function isAwsLoaded(api: unknown): boolean {
  return hooks(api).isAwsLoaded();
}

export function functionsProvider(api: unknown): vscode.TreeDataProvider<unknown> {
  return hooks(api).explorer.functionsProvider;
}

/** The last block written to the "Lambda Invocations" channel. */
export function lastInvokeOutput(api: unknown): string {
  return hooks(api).invoke.lastOutput();
}
