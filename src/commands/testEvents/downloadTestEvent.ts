import * as vscode from 'vscode';
import { showInfo } from '../../core/notify';
import { writeNewWorkspaceFile } from '../../invoke/payloadFiles';
import { targetLabel } from '../../shared/lambdaTarget';
import type { Workbench } from '../workbench';
import { testEventNodeOf } from './testEventSupport';

/**
 * Download to a Payload File…: the event in a new file of the workspace (payloads/<name>.json
 * offered), paired with the function and the event's invocation type, then opened.
 */
export async function downloadTestEvent(wb: Workbench, node?: unknown): Promise<vscode.Uri> {
  const n = testEventNodeOf(node);
  const content = `${n.text}\n`;
  const target = n.functionTarget;
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder || folder.uri.scheme !== 'file') {
    const doc = await vscode.workspace.openTextDocument({ language: 'json', content });
    await vscode.window.showTextDocument(doc);
    return doc.uri;
  }
  const uri = await writeNewWorkspaceFile(folder, `${n.event.name}.json`, vscode.l10n.t('Download "{0}" to a Payload File', n.event.name), content);
  await wb.pairings.set(uri, { region: target.region, functionName: target.functionName }, n.event.invocationType);
  await vscode.window.showTextDocument(uri, { preview: false });
  showInfo(vscode.l10n.t('{0} is paired with {1} ({2}).', vscode.workspace.asRelativePath(uri, false), targetLabel(target), n.event.invocationType));
  return uri;
}
