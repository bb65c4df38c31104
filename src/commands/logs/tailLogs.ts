import * as vscode from 'vscode';
import { pickFunction } from '../../pickers/resourcePickers';
import { targetOfArgument } from '../../shared/lambdaTarget';
import type { Workbench } from '../workbench';

/** Tail Logs: the function of the tree node (or of the argument), else a pick; one tail per function. */
export async function tailLogs(wb: Workbench, node?: unknown): Promise<{ alreadyRunning: boolean }> {
  const target = targetOfArgument(node) ?? (await pickFunction(wb.connection, { title: vscode.l10n.t('Tail Logs') }));
  return wb.tails.start(target);
}
