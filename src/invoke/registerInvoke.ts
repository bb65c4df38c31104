/**
 * The invoke commands: Invoke Function… (tree node or palette), Invoke Lambda Function…
 * (a payload file from the explorer, the editor or a CodeLens), Invoke Again, New Payload
 * File…; the "Lambda Invocations" channel; the payload file ↔ target pairs and their CodeLens.
 */
import * as vscode from 'vscode';
import type { ExplorerApi } from '../core/api';
import type { Connection } from '../core/connection';
import { registerCommand, UserCancelledError } from '../core/runCommand';
import { FunctionTarget, hasFunctionTarget } from '../core/targets';
import { ui } from '../core/userInput';
import { CHANGE_TARGET_COMMAND, isConfigFile, PayloadCodeLensProvider } from './codeLens';
import { InvocationRequest, Invoker, InvokeOptions, InvokeOutcome } from './invoker';
import { targetLabel } from './model/targetLabel';
import type { PairedTarget } from './model/pairings';
import { InvocationsOutput, OUTPUT_CHANNEL_NAME } from './output';
import { PairingState } from './pairingState';
import { activePayloadDocument, newPayloadFile, pickInvokeOptions, pickPayload } from './pickers';

export type { InvokeOutcome } from './invoker';

/** What the invoke feature offers tests (through `activate()`'s `invoke`) and other extensions. */
export interface InvokeApi {
  readonly outputChannelName: string;
  /** The last block written to "Lambda Invocations" (an output channel cannot be read back through the API). */
  lastOutput(): string;
  /** The blocks written, oldest first (the last 200). */
  outputs(): readonly string[];
  /** Everything appended to the channel since activation, exactly as appended. */
  channelText(): string;
  /** The last error message shown by an invocation (payload or API error). */
  lastError(): string | undefined;
  /** The last response opened in an editor (over the threshold). */
  lastResponseDocument(): vscode.TextDocument | undefined;
  /** Invocations waiting for their answer. */
  running(): number;
  /** Cancels every invocation waiting for its answer (as the progress notification's Cancel does). */
  cancelAll(): number;
  /** The target a payload file is paired with. */
  pairing(uri: vscode.Uri): PairedTarget | undefined;
  clearPairings(): Promise<void>;
}

const DEFAULT_OPTIONS: InvokeOptions = { invocationType: 'RequestResponse' };

/** A target passed as an argument: a tree node, or a plain `{region, functionName, qualifier?}` (CodeLens, tests). */
function toTarget(x: unknown): FunctionTarget | undefined {
  if (hasFunctionTarget(x)) {
    return x.functionTarget;
  }
  if (typeof x === 'object' && x !== null && !(x instanceof vscode.Uri) && !Array.isArray(x)) {
    const o = x as Record<string, unknown>;
    if (typeof o.region === 'string' && typeof o.functionName === 'string' && o.region && o.functionName) {
      return { region: o.region, functionName: o.functionName, ...(typeof o.qualifier === 'string' && o.qualifier ? { qualifier: o.qualifier } : {}) };
    }
  }
  return undefined;
}

function wantsOptions(...args: unknown[]): boolean {
  return args.some((a) => typeof a === 'object' && a !== null && (a as { withOptions?: unknown }).withOptions === true);
}

export function registerInvoke(context: vscode.ExtensionContext, connection: Connection, explorer: ExplorerApi): InvokeApi {
  const output = new InvocationsOutput();
  const pairings = new PairingState(context.workspaceState);
  const invoker = new Invoker(connection, output, pairings, context.workspaceState);
  const codeLens = new PayloadCodeLensProvider(pairings);

  const pickTarget = (title: string): Promise<FunctionTarget> => explorer.pickFunction({ withQualifier: true, title });

  /** Invoke Function…: a function, version or alias (node or picker), then the payload. */
  async function invoke(node?: unknown): Promise<InvokeOutcome | undefined> {
    const target = toTarget(node) ?? (await pickTarget(vscode.l10n.t('Invoke Function')));
    let withOptions = false;
    let choice = await pickPayload(target, pairings, { allowOptions: true });
    if (choice.kind === 'options') {
      withOptions = true;
      choice = await pickPayload(target, pairings, { allowOptions: false });
    }
    if (choice.kind === 'template') {
      const uri = await newPayloadFile(target, pairings);
      void vscode.window.showInformationMessage(
        vscode.l10n.t('{0} is paired with {1}. Edit the event, then click ▶ Invoke at the top of the file.', vscode.workspace.asRelativePath(uri, false), targetLabel(target)),
      );
      return undefined;
    }
    if (choice.kind !== 'source') {
      throw new UserCancelledError();
    }
    const options = withOptions ? await pickInvokeOptions() : DEFAULT_OPTIONS;
    return invoker.run({ target, source: choice.source, options });
  }

  /** Invoke Lambda Function… on a payload file: the remembered target offered first. */
  async function invokeFile(uriArg?: unknown, targetArg?: unknown, optionsArg?: unknown): Promise<InvokeOutcome | undefined> {
    let uri = uriArg instanceof vscode.Uri ? uriArg : activePayloadDocument()?.uri;
    if (!uri) {
      const chosen = await ui().showOpenDialog({
        title: vscode.l10n.t('Invoke Lambda Function: choose a payload file'),
        canSelectMany: false,
        filters: { JSON: ['json', 'jsonc'] },
        defaultUri: vscode.workspace.workspaceFolders?.[0]?.uri,
      });
      uri = chosen?.[0];
      if (!uri) {
        throw new UserCancelledError();
      }
    }
    if (isConfigFile(uri)) {
      throw new Error(vscode.l10n.t('{0} is a config file: use Apply to AWS… instead.', vscode.workspace.asRelativePath(uri, false)));
    }
    let target = toTarget(targetArg);
    let withOptions = wantsOptions(targetArg, optionsArg);
    const pairing = pairings.get(uri);
    if (!target && pairing) {
      interface ActionItem extends vscode.QuickPickItem {
        action: 'paired' | 'options' | 'other';
      }
      const label = targetLabel(pairing.target);
      const items: ActionItem[] = [
        { label: `$(play) ${label}`, description: vscode.l10n.t('used with this file before'), action: 'paired' },
        { label: `$(settings-gear) ${vscode.l10n.t('Invoke with options…')}`, description: label, action: 'options' },
        { label: `$(list-selection) ${vscode.l10n.t('Choose another function…')}`, action: 'other' },
      ];
      const picked = await ui().showQuickPick(items, {
        title: vscode.l10n.t('Invoke with {0}', vscode.workspace.asRelativePath(uri, false)),
        placeHolder: vscode.l10n.t('Choose the function'),
      });
      if (!picked) {
        throw new UserCancelledError();
      }
      if (picked.action === 'other') {
        target = await pickTarget(vscode.l10n.t('Invoke with {0}', vscode.workspace.asRelativePath(uri, false)));
      } else {
        target = pairing.target;
        withOptions ||= picked.action === 'options';
      }
    }
    target ??= await pickTarget(vscode.l10n.t('Invoke with {0}', vscode.workspace.asRelativePath(uri, false)));
    const options = withOptions ? await pickInvokeOptions(pairing?.invocationType) : DEFAULT_OPTIONS;
    return invoker.run({ target, source: { kind: 'file', uri }, options });
  }

  async function invokeAgain(): Promise<InvokeOutcome | undefined> {
    const last: InvocationRequest | undefined = invoker.lastRequest();
    return last ? invoker.run(last) : invoke();
  }

  async function changeTarget(uriArg?: unknown): Promise<PairedTarget | undefined> {
    const uri = uriArg instanceof vscode.Uri ? uriArg : activePayloadDocument()?.uri;
    if (!uri) {
      throw new UserCancelledError();
    }
    const target = await pickTarget(vscode.l10n.t('Pair {0} with', vscode.workspace.asRelativePath(uri, false)));
    await pairings.set(uri, target);
    return pairings.get(uri)?.target;
  }

  context.subscriptions.push(
    output,
    pairings,
    registerCommand('lambdaWorkbench.invoke', invoke),
    registerCommand('lambdaWorkbench.invokeFile', invokeFile),
    registerCommand('lambdaWorkbench.invokeAgain', invokeAgain),
    registerCommand('lambdaWorkbench.newPayloadFile', (arg?: unknown) => newPayloadFile(toTarget(arg), pairings)),
    registerCommand(CHANGE_TARGET_COMMAND, changeTarget),
    vscode.languages.registerCodeLensProvider([{ language: 'json' }, { language: 'jsonc' }], codeLens),
  );

  return {
    outputChannelName: OUTPUT_CHANNEL_NAME,
    lastOutput: () => output.last(),
    outputs: () => output.all(),
    channelText: () => output.text(),
    lastError: () => invoker.lastError,
    lastResponseDocument: () => invoker.lastResponseDocument,
    running: () => invoker.runningCount,
    cancelAll: () => invoker.cancelAll(),
    pairing: (uri) => pairings.get(uri)?.target,
    clearPairings: () => pairings.clear(),
  };
}
