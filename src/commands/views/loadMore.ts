import { LoadMoreNode } from '../../tree/nodes/LoadMoreNode';
import type { Workbench } from '../workbench';

/** "Load more…": appends the next page to the list the node closes. */
export async function loadMore(_wb: Workbench, node?: unknown): Promise<void> {
  if (node instanceof LoadMoreNode) {
    await node.loadMore();
  }
}
