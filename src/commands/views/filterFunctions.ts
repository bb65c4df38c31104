import * as vscode from 'vscode';
import { Cancelled } from '../../core/errors';
import { ui } from '../../core/userInput';
import type { Workbench } from '../workbench';

/**
 * Asks for part of a function name and filters the Functions view with it (case-insensitive).
 * The loaded pages are kept; the rest of each list is loaded in the background, with the
 * view's progress bar, and matches appear as they arrive. An empty answer clears the filter.
 */
export async function filterFunctions(wb: Workbench, text?: unknown): Promise<string | undefined> {
  let value = typeof text === 'string' ? text : undefined;
  if (value === undefined) {
    value = await ui().showInputBox({
      title: vscode.l10n.t('Filter Functions by Name'),
      prompt: vscode.l10n.t('Part of the function name (case-insensitive). Leave empty to show all functions.'),
      placeHolder: vscode.l10n.t('e.g. order'),
      value: wb.views.filter ?? '',
    });
  }
  if (value === undefined) {
    throw new Cancelled();
  }
  await wb.views.setFilter(value);
  return wb.views.filter;
}
