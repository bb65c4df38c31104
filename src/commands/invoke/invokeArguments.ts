import { pickFunction } from '../../pickers/resourcePickers';
import type { LambdaTarget } from '../../shared/lambdaTarget';
import type { Workbench } from '../workbench';

/** `{ withOptions: true }` among a command's arguments (the "Invoke with options…" CodeLens). */
export function wantsOptions(...args: unknown[]): boolean {
  return args.some((a) => typeof a === 'object' && a !== null && (a as { withOptions?: unknown }).withOptions === true);
}

/** The palette's target: a function of the shown regions, then `$LATEST`, an alias or a version. */
export function pickInvokeTarget(wb: Workbench, title: string): Promise<LambdaTarget> {
  return pickFunction(wb.connection, { withQualifier: true, title });
}
