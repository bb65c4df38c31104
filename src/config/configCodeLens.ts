import * as vscode from 'vscode';

const INVOKE_CONFIG = /\.event-invoke-config\.jsonc?$/i;
const MAPPING = /\.event-source-mapping\.jsonc?$/i;

/** The document selector of config files (saved or untitled). */
export const CONFIG_FILES: vscode.DocumentSelector = [
  { pattern: '**/*.event-invoke-config.{json,jsonc}' },
  { pattern: '**/*.event-source-mapping.{json,jsonc}' },
];

/** "Apply to AWS" actions at the top of a config file. */
export class ConfigCodeLens implements vscode.CodeLensProvider {
  provideCodeLenses(doc: vscode.TextDocument): vscode.CodeLens[] {
    const top = new vscode.Range(0, 0, 0, 0);
    const name = doc.uri.path;
    if (INVOKE_CONFIG.test(name)) {
      return [
        new vscode.CodeLens(top, { title: `$(cloud-upload) ${vscode.l10n.t('Apply to AWS: Replace (Put)')}`, tooltip: vscode.l10n.t('Set exactly the settings of this file; settings it leaves out are removed'), command: 'lambdaWorkbench.putEventInvokeConfig', arguments: [doc.uri] }),
        new vscode.CodeLens(top, { title: vscode.l10n.t('Update (Merge)'), tooltip: vscode.l10n.t('Change only the settings of this file; the others are kept'), command: 'lambdaWorkbench.updateEventInvokeConfig', arguments: [doc.uri] }),
      ];
    }
    if (MAPPING.test(name)) {
      return [
        new vscode.CodeLens(top, { title: `$(cloud-upload) ${vscode.l10n.t('Apply to AWS: Update Event Source Mapping')}`, tooltip: vscode.l10n.t('Change the settings of this file; the others are kept'), command: 'lambdaWorkbench.updateEventSourceMapping', arguments: [doc.uri] }),
      ];
    }
    return [];
  }
}
