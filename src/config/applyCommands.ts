import type {
  EventSourceMappingConfiguration,
  FunctionEventInvokeConfig,
  PutFunctionEventInvokeConfigCommandInput,
  UpdateEventSourceMappingCommandInput,
} from '@aws-sdk/client-lambda';
import * as vscode from 'vscode';
import type { ExplorerApi } from '../core/api';
import type { Connection } from '../core/connection';
import { loadConfig } from '../core/lazy';
import { log } from '../core/log';
import { UserCancelledError } from '../core/runCommand';
import { ui } from '../core/userInput';
import { functionNameOf } from '../shared/arn';
import { describeAwsError, formatDescribedError, isCancellation } from '../shared/awsErrors';
import { needsTrustConfirmation } from '../shared/settingsPolicy';
import type { ConfigDiagnostics } from './configDiagnostics';
import type { ConfigFiles } from './configFiles';
import type { ConfigKind, ConfigProblem, MappingState, SettingChange } from './model';
import type { PreviewDocuments } from './previewDocuments';

export type ApplyOperation = 'put' | 'update' | 'updateMapping';

/** What an Apply did; returned by the apply commands and kept as ConfigApi.lastApply. */
export interface ApplyOutcome {
  uri: string;
  operation: ApplyOperation;
  status: 'applied' | 'cancelled' | 'invalid' | 'unchanged' | 'failed';
  region?: string;
  /** Problems that stopped the Apply (messages). */
  problems?: string[];
  changes?: SettingChange[];
  /** Put: the settings it removes. */
  removed?: string[];
  /** What was (or would have been) sent. */
  request?: Record<string, unknown>;
  response?: unknown;
  /** Mapping states seen after the update, in order. */
  states?: string[];
  /** The two sides of the preview. */
  preview?: { current: string; result: string };
  error?: string;
}

type Obj = Record<string, unknown>;

const KIND_OF_OPERATION: Record<ApplyOperation, ConfigKind> = { put: 'eventInvokeConfig', update: 'eventInvokeConfig', updateMapping: 'eventSourceMapping' };

function baseName(uri: vscode.Uri): string {
  return uri.path.split('/').pop() ?? uri.path;
}

/**
 * Apply to AWS: parse → validate (problems become diagnostics and stop everything) → read the
 * current state → show a side-by-side preview → ask → send one request → report, refresh the
 * views and, for a mapping, follow its state until it settles. One request per Apply: a failed
 * request changes nothing.
 */
export class ApplyCommands {
  lastOutcome: ApplyOutcome | undefined;
  private readonly inFlight = new Set<string>();

  constructor(
    private readonly connection: Connection,
    private readonly explorer: ExplorerApi,
    private readonly files: ConfigFiles,
    private readonly diagnostics: ConfigDiagnostics,
    private readonly previews: PreviewDocuments,
  ) {}

  /** `arg`: a URI (editor title, explorer, CodeLens), `[uri, uris]`, or nothing (the active editor). */
  async apply(arg: unknown, requested: ApplyOperation | 'auto'): Promise<ApplyOutcome | undefined> {
    const doc = await this.documentOf(arg);
    const model = loadConfig();
    const kind = model.configKindOf(doc.uri.path);
    const name = baseName(doc.uri);
    if (!kind) {
      throw new Error(vscode.l10n.t('{0} is not a config file: its name must end in .event-invoke-config.json or .event-source-mapping.json (or .jsonc).', name));
    }
    const operation = requested === 'auto' ? await this.chooseOperation(kind, name) : requested;
    if (KIND_OF_OPERATION[operation] !== kind) {
      throw new Error(
        kind === 'eventInvokeConfig'
          ? vscode.l10n.t('{0} is an event invoke config file: apply it with Replace (Put) or Update (Merge).', name)
          : vscode.l10n.t('{0} is an event source mapping file: apply it with Update Event Source Mapping.', name),
      );
    }
    const key = doc.uri.toString();
    if (this.inFlight.has(key)) {
      void vscode.window.showInformationMessage(vscode.l10n.t('{0} is already being applied.', name));
      return undefined;
    }
    this.inFlight.add(key);
    try {
      const outcome = await this.applyDocument(doc, operation);
      this.lastOutcome = outcome;
      return outcome;
    } finally {
      this.inFlight.delete(key);
    }
  }

  private async documentOf(arg: unknown): Promise<vscode.TextDocument> {
    const candidate = Array.isArray(arg) ? arg[0] : arg;
    const uri = candidate instanceof vscode.Uri ? candidate : vscode.window.activeTextEditor?.document.uri;
    if (!uri) {
      throw new Error(vscode.l10n.t('Open a config file (*.event-invoke-config.json or *.event-source-mapping.json) first.'));
    }
    return vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString()) ?? vscode.workspace.openTextDocument(uri);
  }

  private async chooseOperation(kind: ConfigKind, name: string): Promise<ApplyOperation> {
    if (kind === 'eventSourceMapping') {
      return 'updateMapping';
    }
    const items: Array<vscode.QuickPickItem & { op: ApplyOperation }> = [
      { label: vscode.l10n.t('Replace (Put)'), description: vscode.l10n.t('Set exactly these settings; the settings the file leaves out are removed'), op: 'put' },
      { label: vscode.l10n.t('Update (Merge)'), description: vscode.l10n.t('Change only these settings; the others are kept'), op: 'update' },
    ];
    const picked = await ui().showQuickPick(items, { title: vscode.l10n.t('Apply {0} to AWS', name), placeHolder: vscode.l10n.t('How should the event invoke config be applied?') });
    if (!picked) {
      throw new UserCancelledError();
    }
    return picked.op;
  }

  private async applyDocument(doc: vscode.TextDocument, operation: ApplyOperation): Promise<ApplyOutcome> {
    const base: ApplyOutcome = { uri: doc.uri.toString(), operation, status: 'cancelled' };
    const name = baseName(doc.uri);
    if (needsTrustConfirmation(vscode.workspace.isTrusted, { kind: 'document', scheme: doc.uri.scheme }) && vscode.workspace.getWorkspaceFolder(doc.uri)) {
      const go = vscode.l10n.t('Apply');
      const answer = await ui().showWarningMessage(
        vscode.l10n.t('This workspace is not trusted. Apply {0}, a file of this workspace, to your AWS account?', name),
        { modal: true, detail: vscode.l10n.t('The request is signed with the credentials of {0}.', this.connection.profile ?? vscode.l10n.t('the default profile')) },
        go,
      );
      if (answer !== go) {
        return base;
      }
    }
    const model = loadConfig();
    const check = model.checkConfigText(doc.getText(), doc.uri.path);
    if (!check.ok) {
      return this.invalid(doc, check.problems, base);
    }
    this.diagnostics.set(doc, check.problems);
    const value = check.parsed.value as Obj;
    return operation === 'updateMapping' ? this.applyMapping(doc, value, base) : this.applyEventInvokeConfig(doc, value, operation, base);
  }

  private invalid(doc: vscode.TextDocument, problems: ConfigProblem[], base: ApplyOutcome): ApplyOutcome {
    this.diagnostics.set(doc, problems);
    const errors = problems.filter((p) => p.severity === 'error');
    const first = errors[0];
    const editor = vscode.window.visibleTextEditors.find((e) => e.document === doc);
    if (editor && first) {
      const range = new vscode.Range(doc.positionAt(first.offset), doc.positionAt(first.offset + first.length));
      editor.selection = new vscode.Selection(range.start, range.end);
      editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
    }
    const showProblems = vscode.l10n.t('Show Problems');
    const message =
      errors.length === 1
        ? vscode.l10n.t('{0} was not applied (nothing was sent): {1}', baseName(doc.uri), first.message)
        : vscode.l10n.t('{0} was not applied (nothing was sent): {1} problems. First: {2}', baseName(doc.uri), errors.length, first?.message ?? '');
    void vscode.window.showErrorMessage(message, showProblems).then((choice) => {
      if (choice === showProblems) {
        void vscode.commands.executeCommand('workbench.actions.view.problems');
      }
    });
    return { ...base, status: 'invalid', problems: errors.map((p) => p.message) };
  }

  private failed(err: unknown, label: string, region: string, base: ApplyOutcome): ApplyOutcome {
    const d = describeAwsError(err, { profile: this.connection.profile, region, endpoint: this.connection.endpoint, target: label });
    log().error(`Apply ${base.operation} ${label}: ${formatDescribedError(d)}`);
    const showLog = vscode.l10n.t('Show Log');
    const message = d.hint ? vscode.l10n.t('{0} was not changed: {1} — {2}', label, d.message, d.hint) : vscode.l10n.t('{0} was not changed: {1}', label, d.message);
    void vscode.window.showErrorMessage(message, showLog).then((choice) => {
      if (choice === showLog) {
        log().show();
      }
    });
    return { ...base, status: 'failed', error: `${d.name}: ${d.message}` };
  }

  private async pickRegion(title: string): Promise<string> {
    const regions = await this.connection.regions();
    if (regions.length === 1) {
      return regions[0];
    }
    const picked = await ui().showQuickPick(
      regions.map((r) => ({ label: r })),
      { title, placeHolder: vscode.l10n.t('The file names no region: pick the region to apply it in') },
    );
    if (!picked) {
      throw new UserCancelledError();
    }
    return picked.label;
  }

  // -------------------------------------------------------------------------------------
  // Event invoke configs

  private async applyEventInvokeConfig(doc: vscode.TextDocument, value: Obj, mode: 'put' | 'update', base: ApplyOutcome): Promise<ApplyOutcome> {
    const model = loadConfig();
    const functionName = String(value.FunctionName);
    const region = model.regionOfFunctionName(functionName) ?? this.files.regionOf(doc.uri) ?? (await this.pickRegion(vscode.l10n.t('Apply {0}', baseName(doc.uri))));
    this.files.rememberRegion(doc.uri, region);
    const qualifier = typeof value.Qualifier === 'string' ? value.Qualifier : model.splitFunctionReference(functionName).qualifier;
    const label = `${functionNameOf(functionName)}${qualifier && qualifier !== '$LATEST' ? `:${qualifier}` : ''} (${region})`;
    const service = this.connection.service(region);
    const withRegion: ApplyOutcome = { ...base, region };

    let state: FunctionEventInvokeConfig | undefined;
    try {
      state = await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Reading the event invoke config of {0}…', label) }, () =>
        service.getEventInvokeConfig(functionName, typeof value.Qualifier === 'string' ? value.Qualifier : undefined),
      );
    } catch (err) {
      return this.failed(err, label, region, withRegion);
    }
    if (mode === 'update' && !state) {
      void vscode.window.showErrorMessage(vscode.l10n.t('{0} has no event invoke config yet: Update changes an existing one. Use "Replace (Put)" to create it. Nothing was sent.', label));
      return { ...withRegion, status: 'failed', error: 'NoEventInvokeConfig' };
    }
    const plan = model.planEventInvokeConfig(value, state, mode, label);
    const outcome: ApplyOutcome = {
      ...withRegion,
      changes: plan.changes,
      removed: plan.removed.map((c) => c.path),
      request: plan.request,
      preview: { current: plan.currentText, result: plan.resultText },
    };
    if (state && plan.changes.length === 0) {
      void vscode.window.showInformationMessage(vscode.l10n.t('The event invoke config of {0} already has these settings: nothing to apply.', label));
      return { ...outcome, status: 'unchanged' };
    }

    const title = mode === 'put' ? vscode.l10n.t('{0}: current ↔ after Put (replace)', label) : vscode.l10n.t('{0}: current ↔ after Update (merge)', label);
    const preview = await this.previews.show(baseName(doc.uri), plan.currentText, plan.resultText, title);
    const confirm = mode === 'put' ? vscode.l10n.t('Replace (Put)') : vscode.l10n.t('Update');
    const removed = plan.removed.map((c) => `${c.path} (${typeof c.before === 'string' ? c.before : JSON.stringify(c.before)})`);
    let message: string;
    if (mode === 'put') {
      message =
        removed.length > 0
          ? vscode.l10n.t('Replace the event invoke config of {0}? Put sets exactly the settings of the file. These settings will be removed: {1}.', label, removed.join(', '))
          : vscode.l10n.t('Replace the event invoke config of {0} with the settings of {1}?', label, baseName(doc.uri));
    } else {
      message = vscode.l10n.t('Update the event invoke config of {0}? Only the settings of {1} change; the others are kept.', label, baseName(doc.uri));
    }
    const answer = await ui().showWarningMessage(message, { modal: true, detail: model.formatChanges(plan.changes) }, confirm);
    if (answer !== confirm) {
      await this.previews.close(preview);
      return { ...outcome, status: 'cancelled' };
    }

    let response: FunctionEventInvokeConfig;
    try {
      const input = plan.request as unknown as PutFunctionEventInvokeConfigCommandInput;
      response = await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Applying {0} to {1}…', baseName(doc.uri), label) }, () =>
        mode === 'put' ? service.putEventInvokeConfig(input) : service.updateEventInvokeConfig(input),
      );
    } catch (err) {
      await this.previews.close(preview);
      return this.failed(err, label, region, outcome);
    } finally {
      this.explorer.refresh();
    }
    await this.previews.close(preview);
    this.diagnostics.clear(doc.uri);
    log().info(`${mode === 'put' ? 'PutFunctionEventInvokeConfig' : 'UpdateFunctionEventInvokeConfig'} ${label}: ${JSON.stringify(plan.request)}`);
    void vscode.window.showInformationMessage(
      mode === 'put'
        ? vscode.l10n.t('Event invoke config of {0} replaced: {1}', label, this.summary(response))
        : vscode.l10n.t('Event invoke config of {0} updated: {1}', label, this.summary(response)),
    );
    return { ...outcome, status: 'applied', response };
  }

  private summary(config: FunctionEventInvokeConfig): string {
    const model = loadConfig();
    const s = model.eventInvokeSettings(config);
    const parts = [
      s.MaximumRetryAttempts !== undefined ? vscode.l10n.t('{0} retries', s.MaximumRetryAttempts) : undefined,
      s.MaximumEventAgeInSeconds !== undefined ? vscode.l10n.t('events kept {0} s', s.MaximumEventAgeInSeconds) : undefined,
      s.DestinationConfig?.OnSuccess?.Destination ? vscode.l10n.t('on success → {0}', s.DestinationConfig.OnSuccess.Destination) : undefined,
      s.DestinationConfig?.OnFailure?.Destination ? vscode.l10n.t('on failure → {0}', s.DestinationConfig.OnFailure.Destination) : undefined,
    ].filter((p): p is string => !!p);
    return parts.length > 0 ? parts.join(', ') : vscode.l10n.t('no settings (Lambda defaults)');
  }

  // -------------------------------------------------------------------------------------
  // Event source mappings

  /** The mapping and its region: from FunctionName, the remembered region, or by looking in each shown region. */
  private async findMapping(doc: vscode.TextDocument, value: Obj): Promise<{ region: string; state: MappingState }> {
    const model = loadConfig();
    const uuid = String(value.UUID);
    const known = model.regionOfFunctionName(value.FunctionName) ?? this.files.regionOf(doc.uri);
    const read = (region: string) =>
      vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Reading event source mapping {0} ({1})…', uuid, region) }, () =>
        this.connection.service(region).getEventSourceMapping(uuid),
      );
    if (known) {
      return { region: known, state: (await read(known)) as MappingState };
    }
    const regions = await this.connection.regions();
    const results = await Promise.allSettled(regions.map((r) => read(r)));
    const found = results.flatMap((r, i) => (r.status === 'fulfilled' ? [{ region: regions[i], state: r.value as MappingState }] : []));
    if (found.length === 1) {
      return found[0];
    }
    if (found.length > 1) {
      const region = await this.pickRegion(vscode.l10n.t('Event source mapping {0} exists in several regions', uuid));
      return found.find((f) => f.region === region) ?? found[0];
    }
    const other = results.find((r): r is PromiseRejectedResult => r.status === 'rejected' && (r.reason as { name?: string })?.name !== 'ResourceNotFoundException');
    if (other) {
      throw other.reason;
    }
    throw Object.assign(new Error(vscode.l10n.t('Event source mapping {0} was not found in {1}.', uuid, regions.join(', '))), { name: 'ResourceNotFoundException' });
  }

  private async applyMapping(doc: vscode.TextDocument, value: Obj, base: ApplyOutcome): Promise<ApplyOutcome> {
    const model = loadConfig();
    const uuid = String(value.UUID);
    let found: { region: string; state: MappingState };
    try {
      found = await this.findMapping(doc, value);
    } catch (err) {
      if (isCancellation(err) || err instanceof UserCancelledError) {
        throw err;
      }
      // The regions looked in, for the hint ("Check the region (…)").
      return this.failed(err, uuid, this.files.regionOf(doc.uri) ?? (await this.connection.regions()).join(', '), base);
    }
    const { region, state } = found;
    this.files.rememberRegion(doc.uri, region);
    const label = vscode.l10n.t('{0} ({1} → {2}, {3})', uuid, state.EventSourceArn?.split(':').pop() ?? '?', state.FunctionArn ? functionNameOf(state.FunctionArn) : '?', region);
    const withRegion: ApplyOutcome = { ...base, region };

    // The rules that depend on the event source.
    const check = model.checkConfigText(doc.getText(), doc.uri.path, { current: state });
    if (!check.ok) {
      return this.invalid(doc, check.problems, withRegion);
    }
    this.diagnostics.set(doc, check.problems);

    const plan = model.planMappingUpdate(value, state, label);
    const outcome: ApplyOutcome = { ...withRegion, changes: plan.changes, request: plan.request, preview: { current: plan.currentText, result: plan.resultText } };
    if (plan.changed.length === 0) {
      void vscode.window.showInformationMessage(vscode.l10n.t('Event source mapping {0} already has these settings: nothing to apply.', label));
      return { ...outcome, status: 'unchanged' };
    }
    const preview = await this.previews.show(baseName(doc.uri), plan.currentText, plan.resultText, vscode.l10n.t('{0}: current ↔ after Update', label));
    const confirm = vscode.l10n.t('Update Mapping');
    const answer = await ui().showWarningMessage(
      vscode.l10n.t('Update event source mapping {0}? These settings change: {1}. The others are kept.', label, plan.changed.join(', ')),
      { modal: true, detail: model.formatChanges(plan.changes) },
      confirm,
    );
    if (answer !== confirm) {
      await this.previews.close(preview);
      return { ...outcome, status: 'cancelled' };
    }

    const service = this.connection.service(region);
    const states: string[] = [];
    let updated: EventSourceMappingConfiguration;
    let settled: EventSourceMappingConfiguration | undefined;
    try {
      [updated, settled] = await vscode.window.withProgress(
        { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Updating event source mapping {0}', label), cancellable: true },
        async (progress, token) => {
          const controller = new AbortController();
          const sub = token.onCancellationRequested(() => controller.abort());
          try {
            const u = await service.updateEventSourceMapping(plan.request as unknown as UpdateEventSourceMappingCommandInput);
            states.push(u.State ?? '');
            progress.report({ message: vscode.l10n.t('State: {0}', u.State ?? '?') });
            this.explorer.refresh();
            let s: EventSourceMappingConfiguration | undefined;
            try {
              s = await service.waitForMappingToSettle(uuid, {
                signal: controller.signal,
                intervalMs: 500,
                onState: (st) => {
                  if (states[states.length - 1] !== st) {
                    states.push(st);
                    progress.report({ message: vscode.l10n.t('State: {0}', st) });
                  }
                },
              });
            } catch (err) {
              if (!isCancellation(err)) {
                throw err;
              }
              // The update was sent: only the wait was cancelled.
            }
            return [u, s] as const;
          } finally {
            sub.dispose();
          }
        },
      );
    } catch (err) {
      await this.previews.close(preview);
      this.explorer.refresh();
      return this.failed(err, label, region, outcome);
    }
    await this.previews.close(preview);
    this.diagnostics.clear(doc.uri);
    this.explorer.refresh();
    log().info(`UpdateEventSourceMapping ${label}: ${JSON.stringify(plan.request)} → ${states.join(' → ')}`);
    const finalState = settled?.State ?? updated.State ?? '?';
    void vscode.window.showInformationMessage(
      settled
        ? vscode.l10n.t('Event source mapping {0} updated: {1}.', label, finalState)
        : vscode.l10n.t('Event source mapping {0} updated; it is still {1} (stopped waiting).', label, finalState),
    );
    return { ...outcome, status: 'applied', response: settled ?? updated, states };
  }
}
