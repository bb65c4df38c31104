import type { Workbench } from '../workbench';

/** Clear Filter: the Functions view shows every function again. */
export async function clearFilter(wb: Workbench): Promise<void> {
  await wb.views.setFilter(undefined);
}
