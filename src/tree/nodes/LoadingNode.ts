import * as vscode from 'vscode';
import type { ExplorerContext } from '../explorerContext';
import { CONTEXT } from '../model/contextValues';
import { TreeNode } from './TreeNode';

/** Shown while a page is under way (load more, or a filter searching the rest of a list). */
export class LoadingNode extends TreeNode {
  constructor(
    ctx: ExplorerContext,
    parent: TreeNode | undefined,
    readonly id: string,
    readonly text: string,
  ) {
    super(ctx, parent);
  }

  getTreeItem(): vscode.TreeItem {
    const item = new vscode.TreeItem(this.text, vscode.TreeItemCollapsibleState.None);
    item.id = this.id;
    item.iconPath = new vscode.ThemeIcon('loading~spin');
    item.contextValue = CONTEXT.loading;
    return item;
  }
}
