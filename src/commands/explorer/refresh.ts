import type { Explorer } from '../../tree/explorer';

/** Refreshes both views (from a view's title), or the node it was invoked on. */
export function refresh(explorer: Explorer, node?: unknown): Promise<void> {
  return explorer.refreshAsync(node);
}
