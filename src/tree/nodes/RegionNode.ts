import * as vscode from 'vscode';
import type { ExplorerContext } from '../explorerContext';
import { CONTEXT } from '../model/contextValues';
import { nodeIds } from '../model/ids';
import { regionDescription } from '../model/labels';
import type { ChildList } from '../pagedChildren';
import { TreeNode } from './TreeNode';

/** One region, when a view shows several: its functions (or mappings) hang below it. */
export class RegionNode extends TreeNode {
  readonly id: string;
  readonly list: ChildList;

  constructor(
    ctx: ExplorerContext,
    readonly region: string,
    makeList: (owner: RegionNode) => ChildList,
  ) {
    super(ctx, undefined);
    this.id = nodeIds.region(region);
    this.list = makeList(this);
  }

  getTreeItem(): vscode.TreeItem {
    const item = new vscode.TreeItem(this.region, vscode.TreeItemCollapsibleState.Expanded);
    item.id = this.id;
    item.description = regionDescription(this.list.items.length, this.list.complete, this.list.matchCount()) || undefined;
    item.iconPath = new vscode.ThemeIcon('globe');
    item.contextValue = CONTEXT.region;
    return item;
  }

  override getChildren(): Promise<TreeNode[]> {
    return this.list.getChildren();
  }

  override reset(): void {
    this.list.reset();
  }
}
