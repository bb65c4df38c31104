import { LoadMoreNode } from '../../tree/nodes/LoadMoreNode';

/** "Load more…": appends the next page to the list the node closes. */
export async function loadMore(node?: unknown): Promise<void> {
  if (node instanceof LoadMoreNode) {
    await node.loadMore();
  }
}
