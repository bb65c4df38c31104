import { ErrorNode } from '../../tree/nodes/ErrorNode';
import type { Workbench } from '../workbench';

/** Retries what an error node says failed; without a node, refreshes both views. */
export async function retry(wb: Workbench, node?: unknown): Promise<void> {
  if (node instanceof ErrorNode) {
    await node.retry();
  } else {
    await wb.views.refreshAsync();
  }
}
