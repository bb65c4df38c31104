/**
 * Activation registers the views and commands, and nothing more: the AWS SDK
 * (dist/aws.js) and the config validator (dist/config.js) are loaded on first use.
 */
import * as vscode from 'vscode';
import { registerConnectionCommands } from './commands/connection/connectionCommands';
import { registerConfig } from './config/registerConfig';
import type { WorkbenchApi } from './core/api';
import { Connection } from './core/connection';
import { isAwsLoaded } from './core/lazy';
import { disposeLog, log } from './core/log';
import { registerCommand } from './core/runCommand';
import { setUserInput } from './core/userInput';
import { registerInvoke } from './invoke/registerInvoke';
import { setTranslator } from './shared/l10n';
import { registerExplorer } from './tree/registerExplorer';

export function activate(context: vscode.ExtensionContext): WorkbenchApi {
  setTranslator(vscode.l10n.t);
  const connection = new Connection();
  context.subscriptions.push(connection, ...registerConnectionCommands(connection));
  context.subscriptions.push(registerCommand('lambdaWorkbench.showLog', () => log().show()));
  const explorer = registerExplorer(context, connection);
  const invoke = registerInvoke(context, connection, explorer);
  const config = registerConfig(context, connection, explorer);
  openWalkthroughOnFirstInstall(context);
  return { connection, explorer, invoke, config, isAwsLoaded, setUserInput };
}

const WALKTHROUGH_SHOWN = 'walkthroughShown';

function openWalkthroughOnFirstInstall(context: vscode.ExtensionContext): void {
  if (context.globalState.get<boolean>(WALKTHROUGH_SHOWN) || context.extensionMode === vscode.ExtensionMode.Test) {
    return;
  }
  void context.globalState.update(WALKTHROUGH_SHOWN, true);
  void vscode.commands.executeCommand('workbench.action.openWalkthrough', `${context.extension.id}#lambdaWorkbench.gettingStarted`, false);
}

export function deactivate(): void {
  disposeLog();
}
