/**
 * Activation registers the views, the commands and the providers, and nothing more: the AWS
 * SDK (dist/aws.js), the config validator (dist/config.js) and the invoke model
 * (dist/invoke.js) are loaded on first use.
 */
import * as path from 'path';
import * as vscode from 'vscode';
import type { WorkbenchApi } from './api';
import { registerCommands } from './commands/registerCommands';
import type { Workbench } from './commands/workbench';
import { ConfigApplier } from './config/apply/configApplier';
import { CONFIG_FILES, ConfigCodeLens } from './config/configCodeLens';
import { ConfigDiagnostics } from './config/configDiagnostics';
import { ConfigFileStore } from './config/configFileStore';
import { PREVIEW_SCHEME, PreviewDocuments } from './config/previewDocuments';
import { registerSchemaProvider } from './config/schemaProvider';
import { Connection } from './core/connection';
import { isAwsLoaded } from './core/lazy';
import { disposeLog } from './core/log';
import { notifier, setNotifier } from './core/notify';
import { setUserInput } from './core/userInput';
import { InvocationsOutput, OUTPUT_CHANNEL_NAME } from './invoke/invocationsOutput';
import { Invoker } from './invoke/invoker';
import { PairingState } from './invoke/pairingState';
import { PayloadCodeLensProvider } from './invoke/payloadCodeLens';
import { FullLogs } from './logs/fullLog';
import { LiveTails } from './logs/liveTails';
import { pickFunction, pickMapping } from './pickers/resourcePickers';
import { OTHER_IDS } from './shared/ids';
import { setTranslator } from './shared/l10n';
import { testEventStore } from './testEvents/testEventsModel';
import type { testHooks } from './testHooks';
import { DetailsDocuments } from './tree/detailsDocuments';
import { LambdaViews } from './tree/views';

export function activate(context: vscode.ExtensionContext): WorkbenchApi {
  setTranslator(vscode.l10n.t);
  const connection = new Connection();
  const pairings = new PairingState(context.workspaceState);
  const views = new LambdaViews(connection, {
    testEvents: (region) => testEventStore(connection, region),
    pairedPayloads: (region, functionName) =>
      pairings.pairingsOfFunction(region, functionName).map((p) => ({
        uri: p.payload,
        label: vscode.workspace.asRelativePath(vscode.Uri.parse(p.payload), false),
        qualifier: p.target.qualifier,
        invocationType: p.invocationType,
      })),
  });
  const details = new DetailsDocuments();
  const output = new InvocationsOutput();
  const invoker = new Invoker(connection, output, pairings, context.workspaceState);
  const configFiles = new ConfigFileStore(context.workspaceState);
  const diagnostics = new ConfigDiagnostics();
  const previews = new PreviewDocuments();
  const applier = new ConfigApplier({ connection, files: configFiles, diagnostics, previews });
  const fullLogs = new FullLogs(connection);
  const tails = new LiveTails(connection);
  const wb: Workbench = { context, connection, views, details, invoker, output, pairings, configFiles, applier, fullLogs, tails };

  context.subscriptions.push(
    connection,
    views,
    details,
    output,
    pairings,
    diagnostics,
    previews,
    fullLogs,
    tails,
    ...registerCommands(wb),
    pairings.onDidChange(() => views.refreshPairedPayloads()),
    vscode.languages.registerCodeLensProvider([{ language: 'json' }, { language: 'jsonc' }], new PayloadCodeLensProvider(pairings)),
    vscode.languages.registerCodeLensProvider(CONFIG_FILES, new ConfigCodeLens()),
  );
  registerSchemaProvider(context);
  openWalkthroughOnFirstInstall(context);
  if (context.extensionMode !== vscode.ExtensionMode.Test) {
    return { apiVersion: 1 };
  }
  // The test hooks are a bundle of their own (dist/testHooks.js), never loaded otherwise.
  const hooks = (require(path.join(__dirname, 'testHooks')) as { testHooks: typeof testHooks }).testHooks;
  return {
    apiVersion: 1,
    testing: hooks({ wb, diagnostics, previewScheme: PREVIEW_SCHEME, outputChannelName: OUTPUT_CHANNEL_NAME, isAwsLoaded, setUserInput, notifier, setNotifier, pickFunction, pickMapping }),
  };
}

const WALKTHROUGH_SHOWN = 'walkthroughShown';

function openWalkthroughOnFirstInstall(context: vscode.ExtensionContext): void {
  if (context.globalState.get<boolean>(WALKTHROUGH_SHOWN) || context.extensionMode === vscode.ExtensionMode.Test) {
    return;
  }
  void context.globalState.update(WALKTHROUGH_SHOWN, true);
  void vscode.commands.executeCommand('workbench.action.openWalkthrough', `${context.extension.id}#${OTHER_IDS.walkthrough}`, false);
}

export function deactivate(): void {
  disposeLog();
}
