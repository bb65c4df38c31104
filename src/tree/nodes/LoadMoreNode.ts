import { COMMANDS } from '../../shared/ids';
import { t } from '../../shared/l10n';
import { CONTEXT } from '../model/contextValues';
import { loadMoreDescription, loadMoreLabel } from '../model/labels';
import { TreeItemSpec, TreeNode } from './TreeNode';
import type { ViewContext } from './viewContext';

/** "Load more…": fetches the next page of its list and appends it (command lambdaWorkbench.loadMore). */
export class LoadMoreNode extends TreeNode {
  constructor(
    ctx: ViewContext,
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

  getTreeItem(): TreeItemSpec {
    return {
      id: this.id,
      label: loadMoreLabel(),
      description: loadMoreDescription(this.loaded),
      icon: { id: 'ellipsis' },
      contextValue: CONTEXT.loadMore,
      collapsible: 'none',
      command: { command: COMMANDS.loadMore, title: t('Load More'), arguments: [this] },
    };
  }
}
