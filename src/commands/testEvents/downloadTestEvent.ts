import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { Cancelled } from '../../core/errors';
import { showInfo } from '../../core/notify';
import { ui } from '../../core/userInput';
import { loadInvokeModel } from '../../invoke/invokeModel';
import { validateNewPath } from '../../invoke/payloadFiles';
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
  const suggested = loadInvokeModel().uniqueFileName('payloads', `${n.event.name}.json`, (rel) => fs.existsSync(path.join(folder.uri.fsPath, rel)));
  const answer = await ui().showInputBox({
    title: vscode.l10n.t('Download "{0}" to a Payload File', n.event.name),
    prompt: vscode.l10n.t('Path of the new file, relative to {0}', folder.name),
    value: suggested,
    validateInput: (v) => validateNewPath(folder, v),
  });
  if (answer === undefined) {
    throw new Cancelled();
  }
  const problem = validateNewPath(folder, answer);
  if (problem) {
    throw new Error(problem);
  }
  const uri = vscode.Uri.joinPath(folder.uri, ...answer.trim().replace(/\\/g, '/').split('/'));
  await vscode.workspace.fs.createDirectory(vscode.Uri.joinPath(uri, '..'));
  await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(content));
  await wb.pairings.set(uri, { region: target.region, functionName: target.functionName }, n.event.invocationType);
  await vscode.window.showTextDocument(uri, { preview: false });
  showInfo(vscode.l10n.t('{0} is paired with {1} ({2}).', vscode.workspace.asRelativePath(uri, false), targetLabel(target), n.event.invocationType));
  return uri;
}
