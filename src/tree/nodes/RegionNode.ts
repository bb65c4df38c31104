import { CONTEXT } from '../model/contextValues';
import { nodeIds } from '../model/ids';
import { regionDescription } from '../model/labels';
import type { ChildList } from './pagedChildren';
import { TreeItemSpec, TreeNode } from './TreeNode';
import type { ViewContext } from './viewContext';

/** One region, when a view shows several: its functions (or mappings) hang below it. */
export class RegionNode extends TreeNode {
  readonly id: string;
  readonly list: ChildList;

  constructor(
    ctx: ViewContext,
    readonly region: string,
    makeList: (owner: RegionNode) => ChildList,
  ) {
    super(ctx, undefined);
    this.id = nodeIds.region(region);
    this.list = makeList(this);
  }

  getTreeItem(): TreeItemSpec {
    return {
      id: this.id,
      label: this.region,
      description: regionDescription(this.list.items.length, this.list.complete, this.list.matchCount()) || undefined,
      icon: { id: 'globe' },
      contextValue: CONTEXT.region,
      collapsible: 'expanded',
    };
  }

  override getChildren(): Promise<TreeNode[]> {
    return this.list.getChildren();
  }

  override reset(): void {
    this.list.reset();
  }
}
