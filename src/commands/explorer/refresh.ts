import type { Explorer } from '../../tree/explorer';

/** Refreshes both views, or only the node it was invoked on. */
export function refresh(explorer: Explorer, node?: unknown): Promise<void> {
  return explorer.refreshAsync(node);
}
