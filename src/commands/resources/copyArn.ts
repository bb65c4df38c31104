import * as vscode from 'vscode';
import type { Workbench } from '../workbench';
import { copyToClipboard } from './copyResource';
import { resolveResource } from './resolveResource';

/** Copies the ARN of a function, version, alias or event source mapping. */
export async function copyArn(wb: Workbench, node?: unknown): Promise<string> {
  const r = await resolveResource(wb, node, vscode.l10n.t('Copy ARN'));
  if (!r.resourceArn) {
    throw new Error(vscode.l10n.t('The ARN of {0} is not known.', r.resourceName));
  }
  return copyToClipboard(r.resourceArn);
}
