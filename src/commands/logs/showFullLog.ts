import * as vscode from 'vscode';
import { Cancelled } from '../../core/errors';
import { showInfo } from '../../core/notify';
import { ui } from '../../core/userInput';
import type { FullLogOutcome } from '../../logs/fullLog';
import { toInvocationRef, type InvocationRef } from '../../shared/invocationRef';
import { targetLabel } from '../../shared/lambdaTarget';
import type { Workbench } from '../workbench';

interface InvocationItem extends vscode.QuickPickItem {
  ref: InvocationRef;
}

/**
 * Show Full Log of an Invocation…: the invocation it is given (the invoke notification's
 * action), else a pick of this window's recent invocations.
 */
export async function showFullLog(wb: Workbench, arg?: unknown): Promise<FullLogOutcome | undefined> {
  let ref = toInvocationRef(arg);
  if (!ref) {
    const recent = wb.invoker.recentInvocations();
    if (recent.length === 0) {
      showInfo(vscode.l10n.t('No invocation yet in this window: invoke a function, then show its full log.'));
      return undefined;
    }
    const items: InvocationItem[] = recent.map((r) => ({
      label: targetLabel(r.target),
      description: `${r.invocationType} · ${new Date(r.startedAt).toLocaleTimeString()}`,
      detail: r.requestId,
      ref: r,
    }));
    const picked = await ui().showQuickPick(items, { title: vscode.l10n.t('Show Full Log'), placeHolder: vscode.l10n.t('Pick an invocation of this window'), matchOnDetail: true });
    if (!picked) {
      throw new Cancelled();
    }
    ref = picked.ref;
  }
  return wb.fullLogs.show(ref);
}
