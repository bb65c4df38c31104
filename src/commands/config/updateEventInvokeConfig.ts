import type { ApplyOutcome } from '../../config/apply/applyTypes';
import type { Workbench } from '../workbench';

/** Update (Merge) an event invoke config file (a URI from the explorer, the editor or a CodeLens; else the active editor). */
export function updateEventInvokeConfig(wb: Workbench, arg?: unknown): Promise<ApplyOutcome | undefined> {
  return wb.applier.apply(arg, 'update');
}
