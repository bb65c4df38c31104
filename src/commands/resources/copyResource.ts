import * as vscode from 'vscode';

/** Puts text on the clipboard and says so in the status bar. */
export async function copyToClipboard(text: string): Promise<string> {
  await vscode.env.clipboard.writeText(text);
  vscode.window.setStatusBarMessage(vscode.l10n.t('Copied {0}', text), 4000);
  return text;
}
