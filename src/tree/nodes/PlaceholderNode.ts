import * as vscode from 'vscode';
import type { ExplorerContext } from '../explorerContext';
import { CONTEXT } from '../model/contextValues';
import { TreeNode } from './TreeNode';

/**
 * A one-line placeholder: `empty` for an empty list ("No aliases", "No functions match …"),
 * `loading` while a page is under way (load more, or a filter searching the rest of a list).
 */
export class PlaceholderNode extends TreeNode {
  constructor(
    ctx: ExplorerContext,
    parent: TreeNode | undefined,
    readonly id: string,
    readonly text: string,
    readonly kind: 'empty' | 'loading',
  ) {
    super(ctx, parent);
  }

  getTreeItem(): vscode.TreeItem {
    const item = new vscode.TreeItem(this.text, vscode.TreeItemCollapsibleState.None);
    item.id = this.id;
    item.iconPath = new vscode.ThemeIcon(this.kind === 'loading' ? 'loading~spin' : 'info');
    item.contextValue = this.kind === 'loading' ? CONTEXT.loading : CONTEXT.empty;
    return item;
  }
}
