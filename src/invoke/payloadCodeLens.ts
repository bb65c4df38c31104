import * as vscode from 'vscode';
import { isConfigFileName } from '../shared/configFileNames';
import { COMMANDS } from '../shared/ids';
import { targetLabel } from '../shared/lambdaTarget';
import type { PairingState } from './pairingState';

/**
 * At the top of a payload file that has been invoked before: "▶ Invoke hello-world:live
 * (us-east-1)", "Invoke with options…" and "Change target".
 */
export class PayloadCodeLensProvider implements vscode.CodeLensProvider {
  readonly onDidChangeCodeLenses: vscode.Event<void>;

  constructor(private readonly pairings: PairingState) {
    this.onDidChangeCodeLenses = pairings.onDidChange;
  }

  provideCodeLenses(document: vscode.TextDocument): vscode.CodeLens[] {
    if (isConfigFileName(document.uri.path)) {
      return [];
    }
    const pairing = this.pairings.get(document.uri);
    if (!pairing) {
      return [];
    }
    const range = new vscode.Range(0, 0, 0, 0);
    return [
      new vscode.CodeLens(range, {
        title: pairing.tenantId ? vscode.l10n.t('▶ Invoke {0} · tenant {1}', targetLabel(pairing.target), pairing.tenantId) : vscode.l10n.t('▶ Invoke {0}', targetLabel(pairing.target)),
        tooltip: vscode.l10n.t('Invoke the function with this file as the payload'),
        command: COMMANDS.invokeFile,
        arguments: [document.uri, pairing.target],
      }),
      new vscode.CodeLens(range, {
        title: vscode.l10n.t('Invoke with options…'),
        tooltip: vscode.l10n.t('Choose the invocation type (RequestResponse, Event, DryRun), a client context, a tenant id and a durable execution name'),
        command: COMMANDS.invokeFile,
        arguments: [document.uri, pairing.target, { withOptions: true }],
      }),
      new vscode.CodeLens(range, {
        title: vscode.l10n.t('Change target'),
        tooltip: vscode.l10n.t('Pair this payload file with another function, version or alias'),
        command: COMMANDS.changePayloadTarget,
        arguments: [document.uri],
      }),
    ];
  }
}
