import type * as vscode from 'vscode';
import { registerCommand } from '../../core/runCommand';
import type { Explorer } from '../../tree/explorer';
import { copyArn, copyName } from './copy';
import { DetailsDocuments } from './detailsDocuments';
import { clearFilter, filterFunctions } from './filterFunctions';
import { loadMore } from './loadMore';
import { disableMapping, enableMapping } from './mappingState';
import { openInConsole } from './openInConsole';
import { refresh } from './refresh';
import { retry } from './retry';
import { showDetails } from './showDetails';

/** The commands of the two views. Handlers take `(node?)`; without one they ask. */
export function registerExplorerCommands(explorer: Explorer): vscode.Disposable[] {
  const documents = new DetailsDocuments();
  return [
    documents,
    registerCommand('lambdaWorkbench.refresh', (node?: unknown) => refresh(explorer, node)),
    // The views' title bar: VS Code hands title-bar commands the focused row, which must not narrow the refresh.
    registerCommand('lambdaWorkbench.refreshViews', () => refresh(explorer)),
    registerCommand('lambdaWorkbench.filterFunctions', (text?: unknown) => filterFunctions(explorer, text)),
    registerCommand('lambdaWorkbench.clearFilter', () => clearFilter(explorer)),
    registerCommand('lambdaWorkbench.loadMore', (node?: unknown) => loadMore(node)),
    registerCommand('lambdaWorkbench.retry', (node?: unknown) => retry(explorer, node)),
    registerCommand('lambdaWorkbench.copyName', (node?: unknown) => copyName(explorer, node)),
    registerCommand('lambdaWorkbench.copyArn', (node?: unknown) => copyArn(explorer, node)),
    registerCommand('lambdaWorkbench.openInConsole', (node?: unknown) => openInConsole(explorer, node)),
    registerCommand('lambdaWorkbench.showDetails', (node?: unknown) => showDetails(explorer, documents, node)),
    registerCommand('lambdaWorkbench.enableMapping', (node?: unknown) => enableMapping(explorer, node)),
    registerCommand('lambdaWorkbench.disableMapping', (node?: unknown) => disableMapping(explorer, node)),
  ];
}
