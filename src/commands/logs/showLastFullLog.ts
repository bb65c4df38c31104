import * as vscode from 'vscode';
import { showInfo } from '../../core/notify';
import type { FullLogOutcome } from '../../logs/fullLog';
import type { Workbench } from '../workbench';

/** Show Full Log of the Last Invocation. */
export async function showLastFullLog(wb: Workbench): Promise<FullLogOutcome | undefined> {
  const last = wb.invoker.recentInvocations()[0];
  if (!last) {
    showInfo(vscode.l10n.t('No invocation yet in this window: invoke a function, then show its full log.'));
    return undefined;
  }
  return wb.fullLogs.show(last);
}
