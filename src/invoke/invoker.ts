import * as vscode from 'vscode';
import type { InvokeResponse } from '../aws';
import type { Connection } from '../core/connection';
import { Cancelled } from '../core/errors';
import { log } from '../core/log';
import { actions, showError, showInfo } from '../core/notify';
import { withDelayedProgress } from '../core/progress';
import { reportError } from '../core/reportError';
import { ui } from '../core/userInput';
import { markWalkthroughStep } from '../core/walkthrough';
import { isCancellation } from '../shared/awsErrors';
import { SETTINGS, SETTINGS_SECTION } from '../shared/ids';
import { explicitQualifier, normalizeTarget, targetLabel, type LambdaTarget } from '../shared/lambdaTarget';
import { needsTrustConfirmation } from '../shared/settingsPolicy';
import type { InvocationsOutput } from './invocationsOutput';
import { loadInvokeModel } from './invokeModel';
import type { PayloadInfo, ResultHeader } from './model/format';
import type { InvocationType } from './model/limits';
import type { CheckedPayload } from './model/payloadCheck';
import type { PayloadError } from './model/payloadErrors';
import type { PairingState } from './pairingState';

export type PayloadSource = { kind: 'file'; uri: vscode.Uri } | { kind: 'empty' };

export interface InvokeOptions {
  invocationType: InvocationType;
  /** Base64 of a JSON object (synchronous invocations only). */
  clientContext?: string;
  /** Sent as `TenantId` (functions with tenant isolation). */
  tenantId?: string;
  /** Sent as `DurableExecutionName` (durable functions). */
  durableExecutionName?: string;
}

export interface InvocationRequest {
  target: LambdaTarget;
  source: PayloadSource;
  options: InvokeOptions;
}

/** What one invocation came to; returned by the commands (for tests and other extensions). */
export interface InvokeOutcome {
  kind: 'result' | 'apiError' | 'payloadError' | 'cancelled';
  /** The block written to the channel. */
  text: string;
  statusCode?: number;
  functionError?: string;
  executedVersion?: string;
  requestId?: string;
  /** The error shown to the user (payload and API errors). */
  error?: string;
  /** Set when the response opened in an editor. */
  responseDocument?: vscode.TextDocument;
}

const LAST_KEY = 'lambdaWorkbench.invoke.last';

/** Waits for nothing: a state write that fails is logged (what the user relies on is in memory already). */
function persistInBackground(write: Thenable<void>, what: string): void {
  Promise.resolve(write).catch((err: unknown) => log().warn(`Could not save ${what}: ${err instanceof Error ? err.message : String(err)}`));
}

/** When the SDK call started and ended (performance.now()). */
interface CallTiming {
  start?: number;
  end?: number;
}

/** The call's duration: to its end, or (cancelled while under way) to now. */
function callMs(t: CallTiming): number {
  return t.start === undefined ? 0 : (t.end ?? performance.now()) - t.start;
}
const EMPTY_PAYLOAD = new TextEncoder().encode('{}');

interface SerializedRequest {
  target: LambdaTarget;
  source: { kind: 'file'; uri: string } | { kind: 'empty' };
  options: InvokeOptions;
}

function describeSource(source: PayloadSource): string {
  return source.kind === 'empty' ? '{}' : vscode.workspace.asRelativePath(source.uri, false);
}

/** Runs invocations: reads and checks the payload, calls Invoke with a cancellable progress, writes the result. */
export class Invoker {
  private readonly running = new Set<AbortController>();
  private lastErrorMessage: string | undefined;
  private lastDocument: vscode.TextDocument | undefined;

  constructor(
    private readonly connection: Connection,
    private readonly output: InvocationsOutput,
    private readonly pairings: PairingState,
    private readonly memento: vscode.Memento,
  ) {}

  get runningCount(): number {
    return this.running.size;
  }

  get lastError(): string | undefined {
    return this.lastErrorMessage;
  }

  get lastResponseDocument(): vscode.TextDocument | undefined {
    return this.lastDocument;
  }

  /** Aborts every invocation in flight; returns how many. */
  cancelAll(): number {
    const n = this.running.size;
    for (const c of this.running) {
      c.abort();
    }
    return n;
  }

  /** The last invocation (kept across reloads, per workspace). */
  lastRequest(): InvocationRequest | undefined {
    const s = this.memento.get<SerializedRequest>(LAST_KEY);
    if (!s || typeof s !== 'object' || !s.target?.functionName || !s.target.region || !s.options?.invocationType) {
      return undefined;
    }
    const source: PayloadSource = s.source?.kind === 'file' && typeof s.source.uri === 'string' ? { kind: 'file', uri: vscode.Uri.parse(s.source.uri) } : { kind: 'empty' };
    return { target: s.target, source, options: s.options };
  }

  /** Keeps the request for Invoke Again (and a reload); written in the background, off the invoke's path. */
  private remember(req: InvocationRequest): void {
    const s: SerializedRequest = {
      target: normalizeTarget(req.target),
      source: req.source.kind === 'file' ? { kind: 'file', uri: req.source.uri.toString() } : { kind: 'empty' },
      options: req.options,
    };
    persistInBackground(this.memento.update(LAST_KEY, s), 'the last invocation');
  }

  /** Reads the payload: an open editor's text when it has unsaved changes (or is untitled), else the file's bytes. */
  private async resolvePayload(source: PayloadSource, type: InvocationType): Promise<{ info: PayloadInfo; checked: CheckedPayload }> {
    if (source.kind === 'empty') {
      const checked = loadInvokeModel().checkPayload(EMPTY_PAYLOAD, { file: '{}', invocationType: type });
      return { info: { kind: 'empty', checked }, checked };
    }
    const uri = source.uri;
    const doc = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
    if (doc && (doc.isDirty || doc.isUntitled)) {
      const label = doc.isUntitled ? uri.path : vscode.workspace.asRelativePath(uri, false);
      const checked = loadInvokeModel().checkPayloadText(doc.getText(), { file: label, invocationType: type });
      return { info: { kind: 'editor', label, checked, unsavedChanges: !doc.isUntitled }, checked };
    }
    const label = vscode.workspace.asRelativePath(uri, false);
    let checked: CheckedPayload;
    if (uri.scheme === 'file') {
      checked = await loadInvokeModel().readPayloadFile(uri.fsPath, { file: label, invocationType: type });
    } else {
      let bytes: Uint8Array;
      try {
        bytes = await vscode.workspace.fs.readFile(uri);
      } catch (err) {
        const e = err as vscode.FileSystemError;
        throw loadInvokeModel().readError(label, e.code, e.message);
      }
      checked = loadInvokeModel().checkPayload(bytes, { file: label, invocationType: type });
    }
    return { info: { kind: 'file', label, checked }, checked };
  }

  async run(req: InvocationRequest): Promise<InvokeOutcome> {
    const type = req.options.invocationType;
    const startedAt = new Date();
    const header: ResultHeader = {
      target: req.target,
      invocationType: type,
      startedAt,
      payload: req.source.kind === 'empty' ? { kind: 'empty' } : { kind: 'file', label: describeSource(req.source) },
      clientContextBytes: req.options.clientContext && type === 'RequestResponse' ? req.options.clientContext.length : undefined,
    };
    this.remember(req);
    const label = targetLabel(req.target);

    let checked: CheckedPayload;
    try {
      const resolved = await this.resolvePayload(req.source, type);
      header.payload = resolved.info;
      checked = resolved.checked;
    } catch (err) {
      if (loadInvokeModel().isPayloadError(err)) {
        return this.payloadFailed(header, err, req.source);
      }
      throw err;
    }

    if (needsTrustConfirmation(vscode.workspace.isTrusted, req.source.kind === 'file' ? { kind: 'document', scheme: req.source.uri.scheme } : { kind: 'empty' })) {
      const invoke = vscode.l10n.t('Invoke');
      const answer = await ui().showWarningMessage(
        vscode.l10n.t('This workspace is not trusted. Send {0} to {1}?', describeSource(req.source), label),
        { modal: true },
        invoke,
      );
      if (answer !== invoke) {
        throw new Cancelled();
      }
    }
    if (req.source.kind === 'file' && req.source.uri.scheme !== 'untitled') {
      // The pairing is in effect at once (CodeLens, pickers); it is written in the background.
      persistInBackground(this.pairings.use(req.source.uri, req.target, type), 'the payload pairing');
    }

    // Read once: the result is formatted for the log type that was asked for.
    const logType: 'Tail' | 'None' = vscode.workspace.getConfiguration(SETTINGS_SECTION).get<string>(SETTINGS.logType, 'Tail') === 'None' ? 'None' : 'Tail';
    const controller = new AbortController();
    this.running.add(controller);
    // "Round trip" is the SDK call itself: from the request to the answer, nothing of ours around it.
    const call: CallTiming = {};
    let response: InvokeResponse;
    try {
      response = await withDelayedProgress(
        this.call(req, checked.bytes, logType, controller.signal, call),
        type === 'RequestResponse' ? vscode.l10n.t('Invoking {0}…', label) : vscode.l10n.t('Invoking {0} ({1})…', label, type),
        () => controller.abort(),
      );
    } catch (err) {
      const elapsed = callMs(call);
      if (controller.signal.aborted || isCancellation(err)) {
        const text = this.output.write(loadInvokeModel().formatCancelled(header, elapsed));
        log().info(`Invoke ${label} ${type}: cancelled after ${Math.round(elapsed)} ms`);
        return { kind: 'cancelled', text };
      }
      return this.apiFailed(header, err, elapsed);
    } finally {
      this.running.delete(controller);
    }
    markWalkthroughStep('invoked');
    return this.succeeded(header, response, callMs(call), logType);
  }

  /** Calls Invoke, timing the SDK call in `timing`; rejects as soon as the signal aborts (whatever the HTTP layer does). */
  private call(req: InvocationRequest, payload: Uint8Array, logType: 'Tail' | 'None', signal: AbortSignal, timing: CallTiming): Promise<InvokeResponse> {
    const invocation = (async () => {
      const service = this.connection.service(req.target.region);
      timing.start = performance.now();
      try {
        return await service.invoke(
          {
            functionName: req.target.functionName,
            qualifier: explicitQualifier(req.target.qualifier),
            invocationType: req.options.invocationType,
            payload,
            clientContext: req.options.clientContext,
            logType,
            tenantId: req.options.tenantId,
            durableExecutionName: req.options.durableExecutionName,
          },
          { signal },
        );
      } finally {
        timing.end = performance.now();
      }
    })();
    const aborted = new Promise<never>((_resolve, reject) => {
      const onAbort = () => reject(Object.assign(new Error('Cancelled'), { name: 'AbortError' }));
      if (signal.aborted) {
        onAbort();
      } else {
        signal.addEventListener('abort', onAbort, { once: true });
      }
    });
    invocation.catch(() => undefined);
    aborted.catch(() => undefined);
    return Promise.race([invocation, aborted]);
  }

  /**
   * Says how the invocation ended, as the outcome line does, in a notification with the way to
   * the output (and to the response when it opened in an editor).
   */
  private announce(header: ResultHeader, outcome: string, responseDocument: vscode.TextDocument | undefined): void {
    const model = loadInvokeModel();
    const failed = outcome.startsWith(model.OUTCOME_MARKS.failed);
    const message = vscode.l10n.t('{0}: {1}', targetLabel(header.target), outcome.slice(outcome.indexOf(' ') + 1));
    const buttons = [actions.custom(vscode.l10n.t('Show Output'), () => this.output.show())];
    if (responseDocument) {
      buttons.push(actions.custom(vscode.l10n.t('Show Response'), () => vscode.window.showTextDocument(responseDocument, { preview: false })));
    }
    if (failed) {
      showError(message, ...buttons);
    } else {
      showInfo(message, ...buttons);
    }
  }

  private payloadFailed(header: ResultHeader, err: PayloadError, source: PayloadSource): InvokeOutcome {
    const text = this.output.write(loadInvokeModel().formatPayloadError(header, err));
    const message = vscode.l10n.t('Not invoked: {0}', err.message);
    this.lastErrorMessage = message;
    log().warn(`Invoke ${targetLabel(header.target)}: payload not sent (${err.code}): ${err.message}`);
    const canOpen = source.kind === 'file' && err.code !== 'notFound' && err.code !== 'notAFile';
    if (canOpen) {
      showError(message, actions.openFile(source.uri, err.line, err.column));
    } else {
      showError(message);
    }
    return { kind: 'payloadError', text, error: message };
  }

  private apiFailed(header: ResultHeader, err: unknown, elapsed: number): InvokeOutcome {
    const label = targetLabel(header.target);
    const { described: d, message } = reportError(err, {
      what: vscode.l10n.t('Invoke {0} failed', label),
      context: { profile: this.connection.profile, region: header.target.region, endpoint: this.connection.endpoint, target: label },
      logAs: `Invoke ${label} ${header.invocationType}`,
      actions: [actions.custom(vscode.l10n.t('Show Output'), () => this.output.show())],
    });
    const text = this.output.write(loadInvokeModel().formatApiError(header, d, elapsed));
    this.lastErrorMessage = message;
    return { kind: 'apiError', text, statusCode: d.status, error: message };
  }

  private async succeeded(header: ResultHeader, response: InvokeResponse, elapsed: number, logType: 'Tail' | 'None'): Promise<InvokeOutcome> {
    const threshold = Math.max(0, vscode.workspace.getConfiguration(SETTINGS_SECTION).get<number>(SETTINGS.responseInEditorThreshold, 65536));
    const decoded = loadInvokeModel().decodeResponse(response.Payload);
    let responseDocument: vscode.TextDocument | undefined;
    if (decoded.bytes > threshold && (decoded.kind === 'json' || decoded.kind === 'text')) {
      responseDocument = await vscode.workspace.openTextDocument({ language: decoded.kind === 'json' ? 'json' : 'plaintext', content: decoded.text });
      this.lastDocument = responseDocument;
      await vscode.window.showTextDocument(responseDocument, { preview: false, preserveFocus: true });
    }
    const lines = loadInvokeModel().formatInvokeResult({
      ...header,
      response,
      elapsedMs: elapsed,
      logType,
      decoded,
      responseInEditor: responseDocument ? { threshold } : undefined,
    });
    const text = this.output.write(lines);
    log().info(
      `Invoke ${targetLabel(header.target)} ${header.invocationType}: ${response.StatusCode ?? '?'}${response.FunctionError ? ` (function error: ${response.FunctionError})` : ''} in ${Math.round(elapsed)} ms, request ${response.requestId ?? '?'}`,
    );
    this.announce(header, lines[1], responseDocument);
    return {
      kind: 'result',
      text,
      statusCode: response.StatusCode,
      functionError: response.FunctionError,
      executedVersion: response.ExecutedVersion,
      requestId: response.requestId,
      responseDocument,
    };
  }
}
