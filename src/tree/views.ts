import type { EventSourceMappingConfiguration } from '@aws-sdk/client-lambda';
import * as vscode from 'vscode';
import type { Connection } from '../core/connection';
import { log } from '../core/log';
import { onDidChangeRemote } from '../core/remoteChanges';
import { CONTEXT_KEYS, SETTINGS, settingId, VIEWS } from '../shared/ids';
import { FunctionsProvider } from './functionsProvider';
import { MappingsProvider } from './mappingsProvider';
import { TreeNode } from './nodes/TreeNode';
import type { TestEventSources } from './viewProvider';

/**
 * The Lambda Workbench views (Functions, Event Source Mappings) in the side bar: their
 * providers and tree views, and what commands need from them. Reloads when the connection
 * changes or a feature says that something changed in AWS.
 */
export class LambdaViews implements vscode.Disposable {
  readonly functions: FunctionsProvider;
  readonly mappings: MappingsProvider;
  readonly functionsView: vscode.TreeView<TreeNode>;
  readonly mappingsView: vscode.TreeView<TreeNode>;
  private readonly disposables: vscode.Disposable[] = [];

  constructor(
    readonly connection: Connection,
    testEventSources?: TestEventSources,
  ) {
    this.functions = new FunctionsProvider(connection);
    if (testEventSources) {
      this.functions.testEventSources = testEventSources;
    }
    this.mappings = new MappingsProvider(connection);
    this.functionsView = vscode.window.createTreeView(VIEWS.functions, { treeDataProvider: this.functions, showCollapseAll: true });
    this.mappingsView = vscode.window.createTreeView(VIEWS.mappings, { treeDataProvider: this.mappings, showCollapseAll: false });
    this.disposables.push(
      this.functions,
      this.mappings,
      this.functionsView,
      this.mappingsView,
      connection.onDidChange(() => this.refresh()),
      // The endpoint is back: one view's Retry (or any call that succeeds) brings the other back too.
      connection.onDidSucceed(() => {
        this.functions.retryTransientErrors();
        this.mappings.retryTransientErrors();
      }),
      onDidChangeRemote(() => this.refresh()),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration(settingId(SETTINGS.pageSize))) {
          this.functions.invalidate();
        }
      }),
    );
    void vscode.commands.executeCommand('setContext', CONTEXT_KEYS.filterActive, false);
  }

  /** Refreshes both views, or (given a node) what is under that node. Never throws: a failure goes to the log. */
  refresh(node?: unknown): void {
    this.refreshAsync(node).catch((err: unknown) => log().error(`Refresh failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`));
  }

  async refreshAsync(node?: unknown): Promise<void> {
    if (node instanceof TreeNode) {
      await node.ctx.refreshNode(node);
      return;
    }
    this.functions.invalidate();
    this.mappings.invalidate();
  }

  get filter(): string | undefined {
    return this.functions.filterText();
  }

  /** Sets or (empty) clears the name filter of the Functions view. */
  async setFilter(text: string | undefined): Promise<void> {
    this.functions.setFilter(text);
    const filter = this.functions.filterText();
    this.functionsView.description = filter ? vscode.l10n.t('Filter: {0}', filter) : undefined;
    await vscode.commands.executeCommand('setContext', CONTEXT_KEYS.filterActive, filter !== undefined);
  }

  /** Reloads the "Test events" groups shown of a function, reading its shareable events again. */
  refreshTestEvents(region: string, functionName: string): void {
    this.functions.refreshTestEvents(region, functionName);
  }

  /** The "Test events" groups shown list the paired payload files again. */
  refreshPairedPayloads(): void {
    this.functions.refreshPairedPayloads();
  }

  /** Every node of the mapping, in both views, takes its new description (or state) and is redrawn. */
  updateMapping(region: string, uuid: string, update: EventSourceMappingConfiguration | { State: string }): void {
    this.functions.updateMapping(region, uuid, update);
    this.mappings.updateMapping(region, uuid, update);
  }

  dispose(): void {
    for (const d of this.disposables) {
      d.dispose();
    }
  }
}
