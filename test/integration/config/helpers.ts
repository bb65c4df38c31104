/** Shared by the config integration tests: files of the test workspace, the preview, the demo state. */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { ApplyOutcome, ConfigHooks } from '../../../src/api';
import type { TestHooks } from '../../../src/api';
import { DEMO_ACCOUNT, DEMO_MAPPINGS, DEMO_REGION, type Emulator } from '../../emulator';

export const ORDER_DLQ = `arn:aws:sqs:${DEMO_REGION}:${DEMO_ACCOUNT}:order-dlq`;
export const HELLO_DONE = `arn:aws:sns:${DEMO_REGION}:${DEMO_ACCOUNT}:hello-done`;
export const PREVIEW_SCHEME = 'lambda-workbench-config';

export function workspaceFile(relative: string): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the integration tests run with a workspace folder');
  return vscode.Uri.joinPath(folder.uri, ...relative.split('/'));
}

export function configApi(api: TestHooks): ConfigHooks {
  return api.config;
}

export function execute(command: string, ...args: unknown[]): Thenable<ApplyOutcome | undefined> {
  return vscode.commands.executeCommand<ApplyOutcome | undefined>(command, ...args);
}

/** The diff editors of Apply previews that are open. */
export function previewTabs(): vscode.Tab[] {
  return vscode.window.tabGroups.all.flatMap((g) => g.tabs).filter((t) => t.input instanceof vscode.TabInputTextDiff && t.input.original.scheme === PREVIEW_SCHEME);
}

/** The two sides of the open preview (current, after). */
export async function previewTexts(): Promise<{ left: string; right: string; label: string }> {
  const tab = previewTabs()[0];
  assert.ok(tab, 'the side-by-side preview is open while the question is asked');
  const input = tab.input as vscode.TabInputTextDiff;
  const left = (await vscode.workspace.openTextDocument(input.original)).getText();
  const right = (await vscode.workspace.openTextDocument(input.modified)).getText();
  return { left, right, label: tab.label };
}

/** The demo event invoke config of order-processor $LATEST. */
export function resetOrderProcessor(emulator: Emulator): void {
  const fn = emulator.store.getFunction(DEMO_ACCOUNT, DEMO_REGION, 'order-processor');
  assert.ok(fn, 'demo function order-processor');
  emulator.store.putEventInvokeConfig(fn, { qualifier: '$LATEST', maximumRetryAttempts: 1, maximumEventAgeInSeconds: 3600, onFailure: ORDER_DLQ });
}

/** The demo's orders-queue mapping as the suites expect it: BatchSize 10, no batching window, Enabled. */
export function resetOrdersQueue(emulator: Emulator): void {
  const orders = emulator.store.getMapping(DEMO_MAPPINGS.ordersQueue);
  if (orders) {
    orders.settings.BatchSize = 10;
    orders.settings.MaximumBatchingWindowInSeconds = 0;
    emulator.store.setMappingState(DEMO_MAPPINGS.ordersQueue, 'Enabled');
  }
}

export function orderProcessorConfig(emulator: Emulator): Record<string, unknown> | undefined {
  const fn = emulator.store.getFunction(DEMO_ACCOUNT, DEMO_REGION, 'order-processor');
  assert.ok(fn);
  const c = emulator.store.getEventInvokeConfig(fn, '$LATEST');
  return c && { MaximumRetryAttempts: c.maximumRetryAttempts, MaximumEventAgeInSeconds: c.maximumEventAgeInSeconds, OnSuccess: c.onSuccess, OnFailure: c.onFailure };
}

/** Operations the emulator received since the last clearRequests(). */
export function operations(emulator: Emulator): string[] {
  return emulator.requests.map((r) => r.operation);
}

/** Finds a node of a tree whose `uuid` is `uuid` (walking at most four levels). */
export async function findMappingNode(provider: vscode.TreeDataProvider<unknown>, uuid: string): Promise<{ state?: string; mapping?: { BatchSize?: number } } | undefined> {
  const walk = async (element: unknown, depth: number): Promise<unknown> => {
    const children = ((await provider.getChildren(element)) ?? []) as unknown[];
    for (const child of children) {
      if ((child as { uuid?: string }).uuid === uuid) {
        return child;
      }
    }
    if (depth >= 4) {
      return undefined;
    }
    for (const child of children) {
      const found = await walk(child, depth + 1);
      if (found) {
        return found;
      }
    }
    return undefined;
  };
  return (await walk(undefined, 0)) as { state?: string; mapping?: { BatchSize?: number } } | undefined;
}
