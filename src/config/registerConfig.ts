/**
 * The config-file commands: Edit / New (open a prefilled file or a commented template) and
 * Apply to AWS (validate, preview, ask, send), with their diagnostics, CodeLens and preview
 * documents, and the schemas for `"$schema"` in any JSON file. Registers only; the validator
 * (dist/config.js) and the AWS SDK load on first use.
 */
import * as vscode from 'vscode';
import type { ExplorerApi } from '../core/api';
import type { Connection } from '../core/connection';
import { registerCommand } from '../core/runCommand';
import { ApplyCommands, type ApplyOutcome } from './applyCommands';
import { CONFIG_FILES, ConfigCodeLens } from './configCodeLens';
import { ConfigDiagnostics } from './configDiagnostics';
import { ConfigFiles } from './configFiles';
import { EditCommands } from './editCommands';
import { PREVIEW_SCHEME, PreviewDocuments } from './previewDocuments';
import { registerSchemaProvider } from './schemaProvider';

export type { ApplyOutcome } from './applyCommands';

/** What the config feature offers the rest of the extension and the tests. */
export interface ConfigApi {
  /** Problems found by the last Apply of each file. */
  readonly diagnostics: vscode.DiagnosticCollection;
  /** URI scheme of the read-only preview documents (current ↔ after). */
  readonly previewScheme: string;
  /** The outcome of the last Apply. */
  readonly lastApply: ApplyOutcome | undefined;
  /** Where Edit and New write files (`<workspace>/.lambda-workbench`), or undefined without a workspace folder. */
  configFolder(): vscode.Uri | undefined;
}

export function registerConfig(context: vscode.ExtensionContext, connection: Connection, explorer: ExplorerApi): ConfigApi {
  const files = new ConfigFiles(context.workspaceState);
  const diagnostics = new ConfigDiagnostics();
  const previews = new PreviewDocuments();
  const edit = new EditCommands(connection, explorer, files);
  const apply = new ApplyCommands(connection, explorer, files, diagnostics, previews);
  registerSchemaProvider(context);

  context.subscriptions.push(
    diagnostics,
    previews,
    vscode.languages.registerCodeLensProvider(CONFIG_FILES, new ConfigCodeLens()),
    registerCommand('lambdaWorkbench.editEventInvokeConfig', (node?: unknown) => edit.eventInvokeConfig(node, false)),
    registerCommand('lambdaWorkbench.newEventInvokeConfigFile', (node?: unknown) => edit.eventInvokeConfig(node, true)),
    registerCommand('lambdaWorkbench.editEventSourceMapping', (node?: unknown) => edit.eventSourceMapping(node, false)),
    registerCommand('lambdaWorkbench.newEventSourceMappingFile', (node?: unknown) => edit.eventSourceMapping(node, true)),
    registerCommand('lambdaWorkbench.putEventInvokeConfig', (arg?: unknown) => apply.apply(arg, 'put')),
    registerCommand('lambdaWorkbench.updateEventInvokeConfig', (arg?: unknown) => apply.apply(arg, 'update')),
    registerCommand('lambdaWorkbench.updateEventSourceMapping', (arg?: unknown) => apply.apply(arg, 'updateMapping')),
    registerCommand('lambdaWorkbench.applyConfigFile', (arg?: unknown) => apply.apply(arg, 'auto')),
  );

  return {
    diagnostics: diagnostics.collection,
    previewScheme: PREVIEW_SCHEME,
    get lastApply() {
      return apply.lastOutcome;
    },
    configFolder: () => files.folder(),
  };
}
