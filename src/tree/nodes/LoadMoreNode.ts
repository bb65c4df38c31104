import * as vscode from 'vscode';
import type { ExplorerContext } from '../explorerContext';
import { CONTEXT } from '../model/contextValues';
import { loadMoreDescription, loadMoreLabel } from '../model/labels';
import { TreeNode } from './TreeNode';

/** "Load more…": fetches the next page of its list and appends it (command lambdaWorkbench.loadMore). */
export class LoadMoreNode extends TreeNode {
  constructor(
    ctx: ExplorerContext,
    parent: TreeNode | undefined,
    readonly id: string,
    private readonly loaded: number,
    private readonly onLoadMore: () => Promise<void>,
  ) {
    super(ctx, parent);
  }

  loadMore(): Promise<void> {
    return this.onLoadMore();
  }

  getTreeItem(): vscode.TreeItem {
    const item = new vscode.TreeItem(loadMoreLabel(), vscode.TreeItemCollapsibleState.None);
    item.id = this.id;
    item.description = loadMoreDescription(this.loaded);
    item.iconPath = new vscode.ThemeIcon('ellipsis');
    item.contextValue = CONTEXT.loadMore;
    item.command = { command: 'lambdaWorkbench.loadMore', title: vscode.l10n.t('Load More'), arguments: [this] };
    return item;
  }
}
