import { log } from '../../core/log';
import type { Workbench } from '../workbench';

/** Show Log: the "Lambda Workbench" log channel. */
export function showLog(_wb: Workbench): void {
  log().show();
}
