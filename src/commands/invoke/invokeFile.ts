import * as vscode from 'vscode';
import { Cancelled } from '../../core/errors';
import { ui } from '../../core/userInput';
import type { InvokeOutcome } from '../../invoke/invoker';
import { activePayloadDocument, DEFAULT_INVOKE_OPTIONS, pickInvokeOptions } from '../../invoke/payloadPicker';
import { isConfigFileName } from '../../shared/configFileNames';
import { sameTarget, targetLabel, targetOfArgument } from '../../shared/lambdaTarget';
import type { Workbench } from '../workbench';
import { pickInvokeTarget, wantsOptions } from './invokeArguments';

/**
 * Invoke Lambda Function… on a payload file (explorer, editor, CodeLens, palette): the
 * remembered target offered first.
 */
export async function invokeFile(wb: Workbench, uriArg?: unknown, targetArg?: unknown, optionsArg?: unknown): Promise<InvokeOutcome | undefined> {
  let uri = uriArg instanceof vscode.Uri ? uriArg : activePayloadDocument()?.uri;
  if (!uri) {
    const chosen = await ui().showOpenDialog({
      title: vscode.l10n.t('Invoke Lambda Function: choose a payload file'),
      canSelectMany: false,
      filters: { JSON: ['json', 'jsonc'] },
      defaultUri: vscode.workspace.workspaceFolders?.[0]?.uri,
    });
    uri = chosen?.[0];
    if (!uri) {
      throw new Cancelled();
    }
  }
  const fileName = vscode.workspace.asRelativePath(uri, false);
  if (isConfigFileName(uri.path)) {
    throw new Error(vscode.l10n.t('{0} is a config file: use Apply to AWS… instead.', fileName));
  }
  let target = targetOfArgument(targetArg);
  let withOptions = wantsOptions(targetArg, optionsArg);
  const pairing = wb.pairings.get(uri);
  if (!target && pairing) {
    const label = targetLabel(pairing.target);
    const items: Array<vscode.QuickPickItem & { action: 'paired' | 'options' | 'other' }> = [
      {
        label: `$(play) ${label}`,
        description: pairing.tenantId ? vscode.l10n.t('used with this file before, tenant {0}', pairing.tenantId) : vscode.l10n.t('used with this file before'),
        action: 'paired',
      },
      { label: `$(settings-gear) ${vscode.l10n.t('Invoke with options…')}`, description: label, action: 'options' },
      { label: `$(list-selection) ${vscode.l10n.t('Choose another function…')}`, action: 'other' },
    ];
    const picked = await ui().showQuickPick(items, { title: vscode.l10n.t('Invoke with {0}', fileName), placeHolder: vscode.l10n.t('Choose the function') });
    if (!picked) {
      throw new Cancelled();
    }
    if (picked.action === 'other') {
      target = await pickInvokeTarget(wb, vscode.l10n.t('Invoke with {0}', fileName));
    } else {
      target = pairing.target;
      withOptions ||= picked.action === 'options';
    }
  }
  target ??= await pickInvokeTarget(wb, vscode.l10n.t('Invoke with {0}', fileName));
  const paired = pairing !== undefined && sameTarget(pairing.target, target);
  const options = withOptions ? await pickInvokeOptions(pairing?.invocationType, { tenantId: paired ? pairing.tenantId : undefined }) : DEFAULT_INVOKE_OPTIONS;
  // The paired target (the CodeLens, which shows the tenant) sends the remembered tenant id without asking.
  return wb.invoker.run({ target, source: { kind: 'file', uri }, options, reuseTenant: paired && !withOptions });
}
