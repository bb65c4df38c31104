/**
 * Show Full Log: the whole log of one invocation from CloudWatch Logs, waited for with a
 * cancellable progress until its REPORT line is there (bounded by a setting), opened read-only
 * in a `lambda-workbench-log:` document with the log grammar.
 */
import * as vscode from 'vscode';
import type { Connection } from '../core/connection';
import { AlreadyReported, Cancelled } from '../core/errors';
import { log } from '../core/log';
import { actions, showInfo, showWarning } from '../core/notify';
import { reportError } from '../core/reportError';
import { isCancellation } from '../shared/awsErrors';
import { COMMANDS, LOG_LANGUAGE_ID, SETTINGS, SETTINGS_SECTION } from '../shared/ids';
import { logGroupOf, type InvocationRef } from '../shared/invocationRef';
import { explicitQualifier, targetLabel } from '../shared/lambdaTarget';
import { loadLogsModel } from './logsModel';
import type { InvocationLog } from './model/invocationLog';

export const LOG_SCHEME = 'lambda-workbench-log';

/** What Show Full Log came to (returned by the command, for tests and other extensions). */
export interface FullLogOutcome {
  document: vscode.TextDocument;
  complete: boolean;
  started: boolean;
  events: number;
  logGroupName: string;
  logStreamName?: string;
  pages: number;
  /** How long it waited for the log to reach CloudWatch Logs (ms). */
  waitedMs: number;
}

/** The read-only documents (a content provider: nothing to save, nothing to edit). */
class LogDocuments implements vscode.TextDocumentContentProvider {
  private readonly texts = new Map<string, string>();
  private readonly emitter = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.emitter.event;

  set(uri: vscode.Uri, text: string): void {
    this.texts.set(uri.toString(), text);
    this.emitter.fire(uri);
  }

  provideTextDocumentContent(uri: vscode.Uri): string {
    return this.texts.get(uri.toString()) ?? '';
  }

  dispose(): void {
    this.emitter.dispose();
    this.texts.clear();
  }
}

export class FullLogs implements vscode.Disposable {
  private readonly documents = new LogDocuments();
  private readonly registration: vscode.Disposable;
  private last: FullLogOutcome | undefined;

  constructor(private readonly connection: Connection) {
    this.registration = vscode.workspace.registerTextDocumentContentProvider(LOG_SCHEME, this.documents);
  }

  get lastOutcome(): FullLogOutcome | undefined {
    return this.last;
  }

  /** The log group: the one LogResult named, else the function's LoggingConfig.LogGroup, else /aws/lambda/<name>. */
  private async logGroup(ref: InvocationRef, signal: AbortSignal): Promise<string> {
    if (ref.logReference) {
      return ref.logReference.logGroup;
    }
    try {
      const cfg = await this.connection.service(ref.target.region).getFunctionConfiguration(ref.target.functionName, explicitQualifier(ref.target.qualifier), { signal });
      return logGroupOf(ref.target.functionName, cfg.LoggingConfig?.LogGroup);
    } catch (err) {
      if (signal.aborted || isCancellation(err)) {
        throw err;
      }
      // Not allowed to read the function (or it is gone): its log may still be in the default group.
      log().warn(`Show Full Log ${targetLabel(ref.target)}: could not read the logging configuration (${(err as Error).name}: ${(err as Error).message}); using /aws/lambda/${ref.target.functionName}`);
      return logGroupOf(ref.target.functionName, undefined);
    }
  }

  async show(ref: InvocationRef): Promise<FullLogOutcome> {
    const label = targetLabel(ref.target);
    const timeoutSeconds = Math.max(0, vscode.workspace.getConfiguration(SETTINGS_SECTION).get<number>(SETTINGS.fullLogWaitSeconds, 60));
    const model = loadLogsModel();
    const controller = new AbortController();
    let group = logGroupOf(ref.target.functionName, ref.logReference?.logGroup);
    let result: InvocationLog;
    try {
      result = await vscode.window.withProgress(
        { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Log of {0}', label), cancellable: true },
        async (progress, token) => {
          const sub = token.onCancellationRequested(() => controller.abort());
          try {
            group = await this.logGroup(ref, controller.signal);
            progress.report({ message: vscode.l10n.t('Reading {0}…', group) });
            return await model.fetchInvocationLog(
              this.connection.logs(ref.target.region),
              { requestId: ref.requestId, logGroupName: group, logStreamName: ref.logReference?.logStreamName, startedAt: ref.startedAt },
              {
                signal: controller.signal,
                timeoutMs: timeoutSeconds * 1000,
                onWait: (w) =>
                  progress.report({
                    message: w.started
                      ? vscode.l10n.t('Waiting for the REPORT line ({0} events so far, {1} s of {2} s)…', w.events, Math.round(w.waitedMs / 1000), timeoutSeconds)
                      : vscode.l10n.t('Waiting for the log to reach CloudWatch Logs ({0} s of {1} s)…', Math.round(w.waitedMs / 1000), timeoutSeconds),
                  }),
              },
            );
          } finally {
            sub.dispose();
          }
        },
      );
    } catch (err) {
      if (controller.signal.aborted || isCancellation(err)) {
        throw new Cancelled();
      }
      const operation = ref.logReference ? 'GetLogEvents' : 'FilterLogEvents';
      reportError(err, {
        what: vscode.l10n.t('Show Full Log of {0} failed', label),
        message: model.logsErrorMessage(err, { operation, logGroupName: group }),
        context: { profile: this.connection.profile, region: ref.target.region, endpoint: this.connection.endpoint, target: label },
        logAs: `Show Full Log ${label} ${ref.requestId}`,
      });
      throw new AlreadyReported();
    }
    const text = model.formatFullLog(result, { label, invocationType: ref.invocationType, timeoutSeconds });
    const uri = vscode.Uri.from({ scheme: LOG_SCHEME, path: `/${ref.target.functionName}/${ref.requestId}.log` });
    this.documents.set(uri, text);
    let document = await vscode.workspace.openTextDocument(uri);
    if (document.languageId !== LOG_LANGUAGE_ID) {
      document = await vscode.languages.setTextDocumentLanguage(document, LOG_LANGUAGE_ID);
    }
    await vscode.window.showTextDocument(document, { preview: false });
    log().info(`Show Full Log ${label} ${ref.requestId}: ${result.events.length} events from ${group} ${result.logStreamName ?? '(no stream)'}, ${result.complete ? 'complete' : 'not complete'}, ${result.pages} pages, waited ${Math.round(result.waitedMs)} ms`);
    if (!result.complete) {
      showWarning(`${label}: ${model.completenessLine(result, timeoutSeconds)}`, actions.command(vscode.l10n.t('Try Again'), COMMANDS.showFullLog, ref));
    } else if (result.waitedMs >= 1000) {
      showInfo(vscode.l10n.t('The log of {0} is complete ({1} events).', label, result.events.length));
    }
    this.last = { document, complete: result.complete, started: result.started, events: result.events.length, logGroupName: group, logStreamName: result.logStreamName, pages: result.pages, waitedMs: result.waitedMs };
    return this.last;
  }

  dispose(): void {
    this.registration.dispose();
    this.documents.dispose();
  }
}
