import type { Workbench } from '../workbench';

/** Refresh: what is under the node it was invoked on, or both views. */
export function refresh(wb: Workbench, node?: unknown): Promise<void> {
  return wb.views.refreshAsync(node);
}
