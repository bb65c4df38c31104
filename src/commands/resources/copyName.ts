import * as vscode from 'vscode';
import type { Workbench } from '../workbench';
import { copyToClipboard } from './copyResource';
import { resolveResource } from './resolveResource';

/** Copies a function name (`name:qualifier` for a version or alias), or a mapping's UUID. */
export async function copyName(wb: Workbench, node?: unknown): Promise<string> {
  const r = await resolveResource(wb, node, vscode.l10n.t('Copy Name'));
  return copyToClipboard(r.resourceName);
}
