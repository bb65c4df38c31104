import * as vscode from 'vscode';
import { UserCancelledError } from '../../core/runCommand';
import { ui } from '../../core/userInput';
import type { Explorer } from '../../tree/explorer';

/**
 * Asks for part of a function name and filters the Functions view with it (case-insensitive).
 * The loaded pages are kept; the rest of each list is loaded in the background, with the
 * view's progress bar, and matches appear as they arrive. An empty answer clears the filter.
 */
export async function filterFunctions(explorer: Explorer, text?: unknown): Promise<string | undefined> {
  let value = typeof text === 'string' ? text : undefined;
  if (value === undefined) {
    value = await ui().showInputBox({
      title: vscode.l10n.t('Filter Functions by Name'),
      prompt: vscode.l10n.t('Part of the function name (case-insensitive). Leave empty to show all functions.'),
      placeHolder: vscode.l10n.t('e.g. order'),
      value: explorer.filter ?? '',
    });
  }
  if (value === undefined) {
    throw new UserCancelledError();
  }
  await explorer.setFilter(value);
  return explorer.filter;
}

export async function clearFilter(explorer: Explorer): Promise<void> {
  await explorer.setFilter(undefined);
}
