import * as vscode from 'vscode';
import { openEventInvokeConfigFile } from '../../config/openConfigFile';
import { pickFunction } from '../../pickers/resourcePickers';
import { hasFunctionTarget } from '../../shared/lambdaTarget';
import type { Workbench } from '../workbench';

/** New Event Invoke Config File: a function, version or alias (the tree node, or a picker). */
export async function newEventInvokeConfigFile(wb: Workbench, node?: unknown): Promise<vscode.Uri> {
  const target = hasFunctionTarget(node) ? node.functionTarget : await pickFunction(wb.connection, { withQualifier: true, title: vscode.l10n.t('New Event Invoke Config File') });
  return openEventInvokeConfigFile(wb.connection, wb.configFiles, target, true);
}
