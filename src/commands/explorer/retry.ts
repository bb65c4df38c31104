import type { Explorer } from '../../tree/explorer';
import { ErrorNode } from '../../tree/nodes/ErrorNode';

/** Retries what an error node says failed; without a node, refreshes both views. */
export async function retry(explorer: Explorer, node?: unknown): Promise<void> {
  if (node instanceof ErrorNode) {
    await node.retry();
  } else {
    await explorer.refreshAsync();
  }
}
