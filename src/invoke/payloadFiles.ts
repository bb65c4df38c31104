/** New payload files from the event templates. */
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { Cancelled } from '../core/errors';
import { ui } from '../core/userInput';
import { accountOfArn } from '../shared/arn';
import { isConfigFileName, isJsonFileName } from '../shared/configFileNames';
import type { LambdaTarget } from '../shared/lambdaTarget';
import { loadInvokeModel } from './invokeModel';
import type { PayloadTemplate } from './model/payloadTemplates';
import type { PairingState } from './pairingState';

/** The account of a target's ARN, for templates. */
function accountOf(target: LambdaTarget | undefined): string {
  return accountOfArn(target?.functionArn) ?? loadInvokeModel().DEFAULT_TEMPLATE_CONTEXT.account;
}

/** What is wrong with a new payload file's path (relative to the folder), or undefined. */
export function validateNewPath(folder: vscode.WorkspaceFolder, value: string): string | undefined {
  const rel = value.trim().replace(/\\/g, '/');
  if (!rel) return vscode.l10n.t('Enter a file name.');
  if (path.isAbsolute(rel) || rel.split('/').includes('..')) return vscode.l10n.t('Enter a path inside the workspace folder.');
  if (!isJsonFileName(rel)) return vscode.l10n.t('The name must end in .json or .jsonc.');
  if (isConfigFileName(rel)) return vscode.l10n.t('That name is for config files; choose another.');
  if (fs.existsSync(path.join(folder.uri.fsPath, rel))) return vscode.l10n.t('{0} already exists.', rel);
  return undefined;
}

/**
 * New payload file from a template: in `payloads/` of the first workspace folder (or an
 * untitled editor without a folder), opened, and paired with `target` when given.
 */
/**
 * Asks for the path of a new file under `payloads/` of `folder` (offered free of clashes from
 * `fileName`, checked as typed) and writes `content` there; answers its URI.
 */
export async function writeNewWorkspaceFile(folder: vscode.WorkspaceFolder, fileName: string, title: string, content: string): Promise<vscode.Uri> {
  const suggested = loadInvokeModel().uniqueFileName('payloads', fileName, (rel) => fs.existsSync(path.join(folder.uri.fsPath, rel)));
  const answer = await ui().showInputBox({
    title,
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
  return uri;
}

export async function newPayloadFile(target: LambdaTarget | undefined, pairings: PairingState): Promise<vscode.Uri> {
  interface TemplateItem extends vscode.QuickPickItem {
    template: PayloadTemplate;
  }
  const items: TemplateItem[] = loadInvokeModel().payloadTemplates().map((x) => ({ label: x.label, description: x.description, template: x }));
  const picked = await ui().showQuickPick(items, { title: vscode.l10n.t('New Payload File'), placeHolder: vscode.l10n.t('Choose an event template') });
  if (!picked) {
    throw new Cancelled();
  }
  const content = loadInvokeModel().renderTemplate(picked.template, { region: target?.region ?? loadInvokeModel().DEFAULT_TEMPLATE_CONTEXT.region, account: accountOf(target) });
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder || folder.uri.scheme !== 'file') {
    const doc = await vscode.workspace.openTextDocument({ language: 'json', content });
    await vscode.window.showTextDocument(doc);
    return doc.uri;
  }
  const uri = await writeNewWorkspaceFile(folder, picked.template.fileName, vscode.l10n.t('New Payload File'), content);
  await vscode.window.showTextDocument(uri, { preview: false });
  if (target) {
    await pairings.set(uri, target);
  }
  return uri;
}
