import type { EventSourceMappingConfiguration } from '@aws-sdk/client-lambda';
import * as vscode from 'vscode';
import { pickFunction, pickMapping } from '../commands/pickers';
import type { ExplorerApi } from '../core/api';
import type { Connection } from '../core/connection';
import { log } from '../core/log';
import type { FunctionTarget, MappingTarget } from '../core/targets';
import { FUNCTIONS_VIEW, FunctionsProvider } from './functionsProvider';
import { MAPPINGS_VIEW, MappingsProvider } from './mappingsProvider';
import { TreeNode } from './nodes/TreeNode';

export const FILTER_CONTEXT_KEY = 'lambdaWorkbench.filterActive';

/** The two views, their providers, and what the commands need from them. */
export class Explorer implements ExplorerApi, vscode.Disposable {
  readonly functions: FunctionsProvider;
  readonly mappings: MappingsProvider;
  readonly functionsView: vscode.TreeView<TreeNode>;
  readonly mappingsView: vscode.TreeView<TreeNode>;
  private readonly disposables: vscode.Disposable[] = [];

  constructor(readonly connection: Connection) {
    this.functions = new FunctionsProvider(connection);
    this.mappings = new MappingsProvider(connection);
    this.functionsView = vscode.window.createTreeView(FUNCTIONS_VIEW, { treeDataProvider: this.functions, showCollapseAll: true });
    this.mappingsView = vscode.window.createTreeView(MAPPINGS_VIEW, { treeDataProvider: this.mappings, showCollapseAll: false });
    this.disposables.push(
      this.functions,
      this.mappings,
      this.functionsView,
      this.mappingsView,
      connection.onDidChange(() => this.refresh()),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration('lambdaWorkbench.explorer.pageSize')) {
          this.functions.invalidate();
        }
      }),
    );
    void vscode.commands.executeCommand('setContext', FILTER_CONTEXT_KEY, false);
  }

  get functionsProvider(): vscode.TreeDataProvider<TreeNode> {
    return this.functions;
  }

  get mappingsProvider(): vscode.TreeDataProvider<TreeNode> {
    return this.mappings;
  }

  /** Refreshes both views, or (given a node) what is under that node. */
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
    await vscode.commands.executeCommand('setContext', FILTER_CONTEXT_KEY, filter !== undefined);
  }

  /** Every node of the mapping, in both views, takes its new description (or state) and is redrawn. */
  updateMapping(region: string, uuid: string, update: EventSourceMappingConfiguration | { State: string }): void {
    this.functions.updateMapping(region, uuid, update);
    this.mappings.updateMapping(region, uuid, update);
  }

  pickFunction(options?: { withQualifier?: boolean; title?: string }): Promise<FunctionTarget> {
    return pickFunction(this.connection, options);
  }

  pickMapping(options?: { title?: string }): Promise<MappingTarget> {
    return pickMapping(this.connection, options);
  }

  dispose(): void {
    for (const d of this.disposables) {
      d.dispose();
    }
  }
}
