import * as vscode from 'vscode';
import type { Workbench } from '../workbench';
import { resolveResource } from './resolveResource';

/** Opens the AWS console page of a function, version, alias or event source mapping. */
export async function openInConsole(wb: Workbench, node?: unknown): Promise<string> {
  const r = await resolveResource(wb, node, vscode.l10n.t('Open in AWS Console'));
  const url = r.consoleUrl();
  if (!url) {
    throw new Error(vscode.l10n.t('{0} has no page in the AWS console.', r.resourceName));
  }
  // Handed over as the string itself: a vscode.Uri would percent-encode the `/` of the
  // console's `#/functions/...` fragment, which the console does not route.
  await vscode.env.openExternal(url as unknown as vscode.Uri);
  return url;
}
