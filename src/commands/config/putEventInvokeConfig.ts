import type { ApplyOutcome } from '../../config/apply/applyTypes';
import type { Workbench } from '../workbench';

/** Replace (Put) an event invoke config file (a URI from the explorer, the editor or a CodeLens; else the active editor). */
export function putEventInvokeConfig(wb: Workbench, arg?: unknown): Promise<ApplyOutcome | undefined> {
  return wb.applier.apply(arg, 'put');
}
