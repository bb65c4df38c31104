import * as vscode from 'vscode';
import { configGlob, configKindOf } from '../shared/configFileNames';
import { COMMANDS } from '../shared/ids';

/** The document selector of config files (saved or untitled). */
export const CONFIG_FILES: vscode.DocumentSelector = [{ pattern: configGlob('eventInvokeConfig') }, { pattern: configGlob('eventSourceMapping') }];

/** "Apply to AWS" actions at the top of a config file. */
export class ConfigCodeLens implements vscode.CodeLensProvider {
  provideCodeLenses(doc: vscode.TextDocument): vscode.CodeLens[] {
    const top = new vscode.Range(0, 0, 0, 0);
    switch (configKindOf(doc.uri.path)) {
      case 'eventInvokeConfig':
        return [
          new vscode.CodeLens(top, { title: `$(cloud-upload) ${vscode.l10n.t('Apply to AWS: Replace (Put)')}`, tooltip: vscode.l10n.t('Set exactly the settings of this file; settings it leaves out are removed'), command: COMMANDS.putEventInvokeConfig, arguments: [doc.uri] }),
          new vscode.CodeLens(top, { title: vscode.l10n.t('Update (Merge)'), tooltip: vscode.l10n.t('Change only the settings of this file; the others are kept'), command: COMMANDS.updateEventInvokeConfig, arguments: [doc.uri] }),
        ];
      case 'eventSourceMapping':
        return [
          new vscode.CodeLens(top, { title: `$(cloud-upload) ${vscode.l10n.t('Apply to AWS: Update Event Source Mapping')}`, tooltip: vscode.l10n.t('Change the settings of this file; the others are kept'), command: COMMANDS.updateEventSourceMapping, arguments: [doc.uri] }),
        ];
      default:
        return [];
    }
  }
}
