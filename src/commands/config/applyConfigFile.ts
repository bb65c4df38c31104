import type { ApplyOutcome } from '../../config/apply/applyTypes';
import type { Workbench } from '../workbench';

/** Apply to AWS (editor title): the operation of the file's kind, asked for an event invoke config (a URI from the explorer, the editor or a CodeLens; else the active editor). */
export function applyConfigFile(wb: Workbench, arg?: unknown): Promise<ApplyOutcome | undefined> {
  return wb.applier.apply(arg, 'auto');
}
