import * as vscode from 'vscode';
import { registerExplorerCommands } from '../commands/explorer/registerExplorerCommands';
import type { ExplorerApi } from '../core/api';
import type { Connection } from '../core/connection';
import { Explorer } from './explorer';

/** Registers the Functions and Event Source Mappings views and their commands. */
export function registerExplorer(context: vscode.ExtensionContext, connection: Connection): ExplorerApi {
  const explorer = new Explorer(connection);
  context.subscriptions.push(explorer, ...registerExplorerCommands(explorer));
  return explorer;
}
