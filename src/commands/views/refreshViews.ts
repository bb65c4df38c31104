import type { Workbench } from '../workbench';

/** Refresh All (the views' title bar): both views, whatever row VS Code hands over with the focus. */
export function refreshViews(wb: Workbench): Promise<void> {
  return wb.views.refreshAsync();
}
