import type { InvokeOutcome } from '../../invoke/invoker';
import type { Workbench } from '../workbench';
import { invokeFunction } from './invokeFunction';

/** Invoke Again: the last invocation (kept across reloads), or Invoke Function… when there is none. */
export async function invokeAgain(wb: Workbench): Promise<InvokeOutcome | undefined> {
  const last = wb.invoker.lastRequest();
  return last ? wb.invoker.run(last) : invokeFunction(wb);
}
