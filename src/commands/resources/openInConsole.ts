import * as vscode from 'vscode';
import { showWarning } from '../../core/notify';
import type { Workbench } from '../workbench';
import { resolveResource } from './resolveResource';

/**
 * Opens the AWS console page of a function, version, alias or event source mapping. With a
 * custom endpoint the menus do not offer it (the resource is not in AWS); run anyway, it says
 * why and opens nothing.
 */
export async function openInConsole(wb: Workbench, node?: unknown): Promise<string | undefined> {
  const endpoint = wb.connection.customEndpoint;
  if (endpoint) {
    showWarning(vscode.l10n.t('Open in AWS Console is not available: the connection uses the endpoint {0}, whose functions and mappings are not in the AWS console.', endpoint));
    return undefined;
  }
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
