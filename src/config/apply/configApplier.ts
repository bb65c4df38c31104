/**
 * Apply to AWS: which document, which operation, the trust question and the checks (problems
 * become diagnostics and stop everything); then the flow of the file's kind
 * (applyEventInvokeConfig.ts, applyMappingUpdate.ts). One request per Apply: a failed request
 * changes nothing.
 */
import * as vscode from 'vscode';
import { Cancelled } from '../../core/errors';
import { showInfo } from '../../core/notify';
import { ui } from '../../core/userInput';
import { configKindOf, type ConfigKind } from '../../shared/configFileNames';
import { needsTrustConfirmation } from '../../shared/settingsPolicy';
import { loadConfigModel } from '../configModel';
import { applyEventInvokeConfig } from './applyEventInvokeConfig';
import { applyMappingUpdate } from './applyMappingUpdate';
import { baseName, rejectInvalid } from './applySteps';
import type { ApplyOperation, ApplyOutcome, ApplyServices } from './applyTypes';
import { markWalkthroughStep } from '../../core/walkthrough';

const KIND_OF_OPERATION: Record<ApplyOperation, ConfigKind> = { put: 'eventInvokeConfig', update: 'eventInvokeConfig', updateMapping: 'eventSourceMapping' };

type Obj = Record<string, unknown>;

/** Runs Apply for one file at a time per file, and keeps the last outcome. */
export class ConfigApplier {
  lastOutcome: ApplyOutcome | undefined;
  private readonly inFlight = new Set<string>();

  constructor(readonly services: ApplyServices) {}

  /** `arg`: a URI (editor title, explorer, CodeLens), `[uri, uris]`, or nothing (the active editor). */
  async apply(arg: unknown, requested: ApplyOperation | 'auto'): Promise<ApplyOutcome | undefined> {
    const doc = await documentOf(arg);
    const kind = configKindOf(doc.uri.path);
    const name = baseName(doc.uri);
    if (!kind) {
      throw new Error(vscode.l10n.t('{0} is not a config file: its name must end in .event-invoke-config.json or .event-source-mapping.json (or .jsonc).', name));
    }
    const operation = requested === 'auto' ? await chooseOperation(kind, name) : requested;
    if (KIND_OF_OPERATION[operation] !== kind) {
      throw new Error(
        kind === 'eventInvokeConfig'
          ? vscode.l10n.t('{0} is an event invoke config file: apply it with Replace (Put) or Update (Merge).', name)
          : vscode.l10n.t('{0} is an event source mapping file: apply it with Update Event Source Mapping.', name),
      );
    }
    const key = doc.uri.toString();
    if (this.inFlight.has(key)) {
      showInfo(vscode.l10n.t('{0} is already being applied.', name));
      return undefined;
    }
    this.inFlight.add(key);
    try {
      const outcome = await this.applyDocument(doc, operation);
      this.lastOutcome = outcome;
      if (outcome.status === 'applied' || outcome.status === 'unchanged') {
        markWalkthroughStep('configApplied');
      }
      return outcome;
    } finally {
      this.inFlight.delete(key);
    }
  }

  private async applyDocument(doc: vscode.TextDocument, operation: ApplyOperation): Promise<ApplyOutcome> {
    const base: ApplyOutcome = { uri: doc.uri.toString(), operation, status: 'cancelled' };
    const name = baseName(doc.uri);
    if (needsTrustConfirmation(vscode.workspace.isTrusted, { kind: 'document', scheme: doc.uri.scheme }) && vscode.workspace.getWorkspaceFolder(doc.uri)) {
      const go = vscode.l10n.t('Apply');
      const answer = await ui().showWarningMessage(
        vscode.l10n.t('This workspace is not trusted. Apply {0}, a file of this workspace, to your AWS account?', name),
        { modal: true, detail: vscode.l10n.t('The request is signed with the credentials of {0}.', this.services.connection.profile ?? vscode.l10n.t('the default profile')) },
        go,
      );
      if (answer !== go) {
        return base;
      }
    }
    const check = loadConfigModel().checkConfigText(doc.getText(), doc.uri.path);
    if (!check.ok) {
      return rejectInvalid(this.services, doc, check.problems, base);
    }
    this.services.diagnostics.set(doc, check.problems);
    const value = check.parsed.value as Obj;
    return operation === 'updateMapping' ? applyMappingUpdate(this.services, doc, value, base) : applyEventInvokeConfig(this.services, doc, value, operation, base);
  }
}

async function documentOf(arg: unknown): Promise<vscode.TextDocument> {
  const candidate = Array.isArray(arg) ? arg[0] : arg;
  const uri = candidate instanceof vscode.Uri ? candidate : vscode.window.activeTextEditor?.document.uri;
  if (!uri) {
    throw new Error(vscode.l10n.t('Open a config file (*.event-invoke-config.json or *.event-source-mapping.json) first.'));
  }
  return vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString()) ?? vscode.workspace.openTextDocument(uri);
}

async function chooseOperation(kind: ConfigKind, name: string): Promise<ApplyOperation> {
  if (kind === 'eventSourceMapping') {
    return 'updateMapping';
  }
  const items: Array<vscode.QuickPickItem & { op: ApplyOperation }> = [
    { label: vscode.l10n.t('Replace (Put)'), description: vscode.l10n.t('Set exactly these settings; the settings the file leaves out are removed'), op: 'put' },
    { label: vscode.l10n.t('Update (Merge)'), description: vscode.l10n.t('Change only these settings; the others are kept'), op: 'update' },
  ];
  const picked = await ui().showQuickPick(items, { title: vscode.l10n.t('Apply {0} to AWS', name), placeHolder: vscode.l10n.t('How should the event invoke config be applied?') });
  if (!picked) {
    throw new Cancelled();
  }
  return picked.op;
}

