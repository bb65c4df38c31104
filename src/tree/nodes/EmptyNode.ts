import * as vscode from 'vscode';
import type { ExplorerContext } from '../explorerContext';
import { CONTEXT } from '../model/contextValues';
import { TreeNode } from './TreeNode';

/** The placeholder of an empty list ("No aliases", "No functions match …"). */
export class EmptyNode extends TreeNode {
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
    item.iconPath = new vscode.ThemeIcon('info');
    item.contextValue = CONTEXT.empty;
    return item;
  }
}
