import * as vscode from 'vscode';
import { Cancelled } from '../../core/errors';
import { showInfo } from '../../core/notify';
import { ui } from '../../core/userInput';
import { targetLabel, targetOfArgument, type LambdaTarget } from '../../shared/lambdaTarget';
import type { Workbench } from '../workbench';

interface StopItem extends vscode.QuickPickItem {
  target?: LambdaTarget;
}

/** Stop Tailing Logs: the tail of the node's function, the only one running, or a pick (one, or all). Returns how many stopped. */
export async function stopTail(wb: Workbench, node?: unknown): Promise<number> {
  const given = targetOfArgument(node);
  if (given) {
    return wb.tails.stop(given) ? 1 : 0;
  }
  const running = wb.tails.running();
  if (running.length === 0) {
    showInfo(vscode.l10n.t('No log tail is running.'));
    return 0;
  }
  if (running.length === 1) {
    return wb.tails.stop(running[0]) ? 1 : 0;
  }
  const items: StopItem[] = [{ label: vscode.l10n.t('All ({0})', running.length) }, ...running.map((t) => ({ label: targetLabel(t), target: t }))];
  const picked = await ui().showQuickPick(items, { title: vscode.l10n.t('Stop Tailing Logs') });
  if (!picked) {
    throw new Cancelled();
  }
  return picked.target ? (wb.tails.stop(picked.target) ? 1 : 0) : wb.tails.stopAll();
}
