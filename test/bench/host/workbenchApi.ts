/**
 * The one place where the benchmark's host touches the extension's API (what activate()
 * returns): its test hooks, `api.testing`, present in ExtensionMode.Test (the benchmark's
 * windows run the extension as its tests do). Command ids are used directly.
 */
import type * as vscode from 'vscode';
import type { TestHooks, WorkbenchApi } from '../../../src/api';

function hooks(api: unknown): TestHooks {
  const testing = (api as WorkbenchApi | undefined)?.testing;
  if (!testing) {
    throw new Error('the extension returned no test hooks (activate() gives them in ExtensionMode.Test only)');
  }
  return testing;
}

/** True once dist/aws.js (the AWS SDK) has been loaded. */
export function isAwsLoaded(api: unknown): boolean {
  return hooks(api).isAwsLoaded();
}

export function functionsProvider(api: unknown): vscode.TreeDataProvider<unknown> {
  return hooks(api).views.functionsProvider as vscode.TreeDataProvider<unknown>;
}

/** The last block written to the "Lambda Invocations" channel. */
export function lastInvokeOutput(api: unknown): string {
  return hooks(api).invoke.lastOutput();
}

/** What a function's tail channel holds since its tail started. */
export function tailText(api: unknown, target: { region: string; functionName: string }): string | undefined {
  return hooks(api).logs.tail(target)?.text;
}

/** Stops every tail. */
export function stopAllTails(api: unknown): number {
  return hooks(api).logs.stopAllTails();
}

/** Everything appended to "Lambda Invocations" since activation. */
export function invocationsText(api: unknown): string {
  return hooks(api).invoke.channelText();
}

/** Calls `listener` whenever a whole block (a result) has been appended to "Lambda Invocations". */
export function onInvocationsWritten(api: unknown, listener: () => void): vscode.Disposable {
  return hooks(api).invoke.onDidWriteOutput(listener);
}

/** The last notification shown (to say why a command came to nothing). */
export function lastNotification(api: unknown): string | undefined {
  return hooks(api).notifications().at(-1)?.message;
}
