import { CONTEXT } from '../model/contextValues';
import { TreeItemSpec, TreeNode } from './TreeNode';
import type { ViewContext } from './viewContext';

/**
 * A one-line placeholder: `empty` for an empty list ("No aliases", "No functions match …"),
 * `loading` while a page is under way (load more, or a filter searching the rest of a list).
 */
export class PlaceholderNode extends TreeNode {
  constructor(
    ctx: ViewContext,
    parent: TreeNode | undefined,
    readonly id: string,
    readonly text: string,
    readonly kind: 'empty' | 'loading',
  ) {
    super(ctx, parent);
  }

  getTreeItem(): TreeItemSpec {
    return {
      id: this.id,
      label: this.text,
      icon: { id: this.kind === 'loading' ? 'loading~spin' : 'info' },
      contextValue: this.kind === 'loading' ? CONTEXT.loading : CONTEXT.empty,
      collapsible: 'none',
    };
  }
}
