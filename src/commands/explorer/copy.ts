import * as vscode from 'vscode';
import type { Explorer } from '../../tree/explorer';
import { resolveResource } from './resource';

async function copy(text: string): Promise<string> {
  await vscode.env.clipboard.writeText(text);
  vscode.window.setStatusBarMessage(vscode.l10n.t('Copied {0}', text), 4000);
  return text;
}

/** Copies a function name (`name:qualifier` for a version or alias), or a mapping's UUID. */
export async function copyName(explorer: Explorer, node?: unknown): Promise<string> {
  const r = await resolveResource(explorer, node, vscode.l10n.t('Copy Name'));
  return copy(r.resourceName);
}

/** Copies the ARN of a function, version, alias or event source mapping. */
export async function copyArn(explorer: Explorer, node?: unknown): Promise<string> {
  const r = await resolveResource(explorer, node, vscode.l10n.t('Copy ARN'));
  if (!r.resourceArn) {
    throw new Error(vscode.l10n.t('The ARN of {0} is not known.', r.resourceName));
  }
  return copy(r.resourceArn);
}
