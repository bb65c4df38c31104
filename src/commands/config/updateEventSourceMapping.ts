import type { ApplyOutcome } from '../../config/apply/applyTypes';
import type { Workbench } from '../workbench';

/** Update Event Source Mapping from a mapping file (a URI from the explorer, the editor or a CodeLens; else the active editor). */
export function updateEventSourceMapping(wb: Workbench, arg?: unknown): Promise<ApplyOutcome | undefined> {
  return wb.applier.apply(arg, 'updateMapping');
}
