import * as vscode from 'vscode';
import type { InvokeResponse } from '../aws';
import type { Connection } from '../core/connection';
import { Cancelled } from '../core/errors';
import { log } from '../core/log';
import { actions, showError, showInfo, showWarning } from '../core/notify';
import { withDelayedProgress } from '../core/progress';
import { reportError } from '../core/reportError';
import { ui } from '../core/userInput';
import { markWalkthroughStep } from '../core/walkthrough';
import { formatUnreadableAnswer, isCancellation, unreadableAnswer, type UnreadableAnswer } from '../shared/awsErrors';
import { COMMANDS, SETTINGS, SETTINGS_SECTION } from '../shared/ids';
import type { InvocationRef } from '../shared/invocationRef';
import { normalizeTarget, sameTarget, targetLabel, type LambdaTarget } from '../shared/lambdaTarget';
import { defaultLogGroup, type InvokeTraits } from '../shared/invokeTraits';
import { needsTrustConfirmation } from '../shared/settingsPolicy';
import type { InvocationsOutput } from './invocationsOutput';
import { loadInvokeModel } from './invokeModel';
import { InvokeTraitsCache, prepareOptions } from './invokeProfile';
import type { PayloadInfo, ResultHeader } from './model/format';
import type { InvocationType } from './model/limits';
import type { CheckedPayload } from './model/payloadCheck';
import type { PayloadError } from './model/payloadErrors';
import type { PairingState } from './pairingState';
import { StreamInvoker, type StreamFigures } from './streamInvoker';

/** `text`: an event that is not a workspace file (a shareable test event), named by `label`. */
export type PayloadSource = { kind: 'file'; uri: vscode.Uri } | { kind: 'empty' } | { kind: 'text'; label: string; text: string };

export interface InvokeOptions {
  invocationType: InvocationType;
  /** Base64 of a JSON object (synchronous invocations only). */
  clientContext?: string;
  /** Sent as `TenantId` (functions with tenant isolation). */
  tenantId?: string;
  /** Sent as `DurableExecutionName` (durable functions). */
  durableExecutionName?: string;
  /** With a response stream (true), without (false), or as the setting lambdaWorkbench.invoke.streaming says (unset). */
  stream?: boolean;
}

export interface InvocationRequest {
  target: LambdaTarget;
  source: PayloadSource;
  options: InvokeOptions;
  /** What the caller already knows of the function's configuration (a tree node's listing). */
  traits?: InvokeTraits;
  /** Send the tenant id remembered with the payload file without asking (the CodeLens shows it). */
  reuseTenant?: boolean;
}

/** What one invocation came to; returned by the commands (for tests and other extensions). */
export interface InvokeOutcome {
  /**
   * `answerLost`: the endpoint accepted the invocation (2xx), but its answer could not be read.
   * `parameterError`: a tenant id or execution name broke its rule; nothing was sent.
   */
  kind: 'result' | 'apiError' | 'answerLost' | 'payloadError' | 'parameterError' | 'cancelled';
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
  /** The durable execution started (durable functions). */
  durableExecutionArn?: string;
  /** The TenantId sent. */
  tenantId?: string;
  /** Lambda refused LogType Tail (Lambda Managed Instances) and the invocation went again without it. */
  tailRefused?: boolean;
  /** What Show Full Log takes (an invocation that ran). */
  invocation?: InvocationRef;
  /** Set for an invocation with a response stream. */
  stream?: StreamFigures;
}

const LAST_KEY = 'lambdaWorkbench.invoke.last';
/** Invocations kept for Show Full Log (this window only). */
const RECENT = 20;

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

/** What is sent: the target, the qualifier on the wire (`$LATEST` for a durable function without one), the options. */
interface SentRequest {
  target: LambdaTarget;
  qualifier: string | undefined;
  options: InvokeOptions;
}

interface CallAnswer {
  response: InvokeResponse;
  /** The LogType of the call that answered. */
  logType: 'Tail' | 'None';
  tailRefused: boolean;
}

interface SerializedRequest {
  target: LambdaTarget;
  source: { kind: 'file'; uri: string } | { kind: 'empty' } | { kind: 'text'; label: string; text: string };
  options: InvokeOptions;
}

function describeSource(source: PayloadSource): string {
  return source.kind === 'empty' ? '{}' : source.kind === 'text' ? source.label : vscode.workspace.asRelativePath(source.uri, false);
}

/** Runs invocations: reads and checks the payload, calls Invoke with a cancellable progress, writes the result. */
export class Invoker {
  private readonly running = new Set<AbortController>();
  private lastErrorMessage: string | undefined;
  private lastDocument: vscode.TextDocument | undefined;
  /** The invoke traits of the functions invoked (tenant isolation, capacity provider, durable). */
  readonly traits: InvokeTraitsCache;
  private readonly recent: InvocationRef[] = [];
  private readonly streams: StreamInvoker;

  constructor(
    private readonly connection: Connection,
    private readonly output: InvocationsOutput,
    private readonly pairings: PairingState,
    private readonly memento: vscode.Memento,
  ) {
    this.traits = new InvokeTraitsCache(connection);
    this.streams = new StreamInvoker(connection, output);
  }

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

  /** The invocations of this window that have a log (newest first, the last 20): what Show Full Log picks from. */
  recentInvocations(): readonly InvocationRef[] {
    return [...this.recent];
  }

  /** Keeps an invocation that ran (it has a request id and a log in CloudWatch Logs). */
  private keep(header: ResultHeader, response: Pick<InvokeResponse, 'requestId' | 'LogResult'>): InvocationRef | undefined {
    if (!response.requestId || header.invocationType === 'DryRun') {
      return undefined;
    }
    const decoded = loadInvokeModel().decodeLogResult(response.LogResult);
    const ref: InvocationRef = {
      target: normalizeTarget(header.target),
      requestId: response.requestId,
      invocationType: header.invocationType,
      startedAt: header.startedAt.getTime(),
      ...(decoded?.kind === 'reference' ? { logReference: { logGroup: decoded.logGroup, logStreamName: decoded.logStreamName } } : {}),
    };
    this.recent.unshift(ref);
    this.recent.splice(RECENT);
    return ref;
  }

  /** The last invocation (kept across reloads, per workspace). */
  lastRequest(): InvocationRequest | undefined {
    const s = this.memento.get<SerializedRequest>(LAST_KEY);
    if (!s || typeof s !== 'object' || !s.target?.functionName || !s.target.region || !s.options?.invocationType) {
      return undefined;
    }
    const source: PayloadSource =
      s.source?.kind === 'file' && typeof s.source.uri === 'string'
        ? { kind: 'file', uri: vscode.Uri.parse(s.source.uri) }
        : s.source?.kind === 'text' && typeof s.source.text === 'string' && typeof s.source.label === 'string'
          ? { kind: 'text', label: s.source.label, text: s.source.text }
          : { kind: 'empty' };
    return { target: s.target, source, options: s.options };
  }

  /** Keeps the request for Invoke Again (and a reload); written in the background, off the invoke's path. */
  private remember(req: InvocationRequest): void {
    const s: SerializedRequest = {
      target: normalizeTarget(req.target),
      source: req.source.kind === 'file' ? { kind: 'file', uri: req.source.uri.toString() } : req.source,
      options: req.options,
    };
    persistInBackground(this.memento.update(LAST_KEY, s), 'the last invocation');
  }

  /** Reads and checks a payload as an invocation would (an editor's unsaved text first); a bad one throws a PayloadError. */
  async readPayload(source: PayloadSource, type: InvocationType): Promise<CheckedPayload> {
    return (await this.resolvePayload(source, type)).checked;
  }

  /** Reads the payload: an open editor's text when it has unsaved changes (or is untitled), else the file's bytes. */
  private async resolvePayload(source: PayloadSource, type: InvocationType): Promise<{ info: PayloadInfo; checked: CheckedPayload }> {
    if (source.kind === 'empty') {
      const checked = loadInvokeModel().checkPayload(EMPTY_PAYLOAD, { file: '{}', invocationType: type });
      return { info: { kind: 'empty', checked }, checked };
    }
    if (source.kind === 'text') {
      const checked = loadInvokeModel().checkPayloadText(source.text, { file: source.label, invocationType: type });
      return { info: { kind: 'file', label: source.label, checked }, checked };
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

    // A shareable test event comes from the account, not from the workspace: like the empty payload.
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
    // The function's traits decide what else to ask and send: a tenant id, an execution name, the qualifier.
    if (req.traits) {
      this.traits.note(req.target, req.traits);
    }
    const pairing = req.source.kind === 'file' ? this.pairings.get(req.source.uri) : undefined;
    const remembered = pairing && sameTarget(pairing.target, req.target) ? pairing.tenantId : undefined;
    const prepared = await prepareOptions(req.target, req.options, await this.traits.get(req.target), { tenantId: remembered, reuseTenant: req.reuseTenant });
    const options = prepared.options;
    header.tenantId = options.tenantId;
    header.durableExecutionName = options.durableExecutionName;
    // Invoke Again sends the same tenant; a durable execution name is asked again (the same one would answer the same execution).
    this.remember({ target: req.target, source: req.source, options: { ...options, durableExecutionName: undefined } });
    const badParameter = loadInvokeModel().checkInvokeParams(options);
    if (badParameter) {
      return this.parameterFailed(header, badParameter);
    }
    if (req.source.kind === 'file' && req.source.uri.scheme !== 'untitled') {
      // The pairing is in effect at once (CodeLens, pickers); it is written in the background.
      persistInBackground(this.pairings.use(req.source.uri, req.target, type, options.tenantId), 'the payload pairing');
    }
    const sent: SentRequest = { target: req.target, qualifier: prepared.qualifier, options };

    // Read once: the result is formatted for the log type that was asked for.
    const logType: 'Tail' | 'None' = vscode.workspace.getConfiguration(SETTINGS_SECTION).get<string>(SETTINGS.logType, 'Tail') === 'None' ? 'None' : 'Tail';
    let stream: boolean;
    try {
      stream = await this.streams.shouldStream(req.target, type, req.options.stream);
    } catch (err) {
      return this.apiFailed(header, err, 0);
    }
    if (stream && type !== 'Event') {
      return this.runStream(header, sent, type, checked.bytes, logType);
    }
    const controller = new AbortController();
    this.running.add(controller);
    // "Round trip" is the SDK call itself: from the request to the answer, nothing of ours around it.
    const call: CallTiming = {};
    let answer: CallAnswer;
    try {
      answer = await withDelayedProgress(
        this.call(sent, checked.bytes, logType, controller.signal, call),
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
    const tailRefused = answer.tailRefused ? { logGroup: prepared.traits?.logGroup ?? defaultLogGroup(req.target.functionName) } : undefined;
    return this.succeeded(header, answer.response, callMs(call), answer.logType, tailRefused);
  }

  /** The invocation with a response stream (src/invoke/streamInvoker.ts), told the way the others are. */
  private async runStream(header: ResultHeader, sent: SentRequest, type: 'RequestResponse' | 'DryRun', payload: Uint8Array, logType: 'Tail' | 'None'): Promise<InvokeOutcome> {
    const controller = new AbortController();
    this.running.add(controller);
    try {
      const r = await this.streams.run(
        { header, target: sent.qualifier ? { ...sent.target, qualifier: sent.qualifier } : sent.target, invocationType: type, payload, clientContext: type === 'RequestResponse' ? sent.options.clientContext : undefined, tenantId: sent.options.tenantId, logType },
        controller,
      );
      if (r.kind === 'apiError') {
        return this.apiFailed(header, r.error, r.elapsedMs);
      }
      if (r.text === undefined) {
        const text = this.output.write(loadInvokeModel().formatCancelled(header, r.elapsedMs));
        return { kind: 'cancelled', text };
      }
      if (r.responseDocument) {
        this.lastDocument = r.responseDocument;
      }
      const invocation = r.kind === 'result' && r.head?.requestId ? this.keep(header, { requestId: r.head.requestId }) : undefined;
      if (r.kind === 'result') {
        markWalkthroughStep('invoked');
      }
      if (r.kind === 'result' && r.outcome) {
        this.announce(header, r.outcome, r.responseDocument, invocation);
      }
      if (r.failed) {
        this.lastErrorMessage = r.outcome;
      }
      return {
        kind: r.kind === 'cancelled' ? 'cancelled' : 'result',
        text: r.text,
        statusCode: r.head?.StatusCode,
        functionError: r.figures?.errorCode,
        executedVersion: r.head?.ExecutedVersion,
        requestId: r.head?.requestId,
        responseDocument: r.responseDocument,
        stream: r.figures,
        invocation,
        tenantId: header.tenantId,
      };
    } finally {
      this.running.delete(controller);
    }
  }

  /**
   * Calls Invoke, timing the SDK call in `timing`; rejects as soon as the signal aborts (whatever
   * the HTTP layer does). When Lambda refuses `LogType: Tail` (Lambda Managed Instances), sends
   * it once more without (the round trip is then the second call's).
   */
  private call(req: SentRequest, payload: Uint8Array, logType: 'Tail' | 'None', signal: AbortSignal, timing: CallTiming): Promise<CallAnswer> {
    const invocation = (async (): Promise<CallAnswer> => {
      const service = this.connection.service(req.target.region);
      const send = async (lt: 'Tail' | 'None') => {
        timing.start = performance.now();
        timing.end = undefined;
        try {
          return await service.invoke(
            {
              functionName: req.target.functionName,
              qualifier: req.qualifier,
              invocationType: req.options.invocationType,
              payload,
              clientContext: req.options.clientContext,
              logType: lt,
              tenantId: req.options.tenantId,
              durableExecutionName: req.options.durableExecutionName,
            },
            { signal },
          );
        } finally {
          timing.end = performance.now();
        }
      };
      try {
        return { response: await send(logType), logType, tailRefused: false };
      } catch (err) {
        if (req.options.invocationType !== 'RequestResponse' || signal.aborted || !loadInvokeModel().shouldRetryWithoutTail(err, logType, false)) {
          throw err;
        }
        log().info(`Invoke ${targetLabel(req.target)}: Lambda refused LogType Tail (${err instanceof Error ? err.message : String(err)}); sending again without it`);
        return { response: await send('None'), logType: 'None', tailRefused: true };
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
  private announce(header: ResultHeader, outcome: string, responseDocument: vscode.TextDocument | undefined, ref: InvocationRef | undefined, durableExecutionArn?: string): void {
    const model = loadInvokeModel();
    const failed = outcome.startsWith(model.OUTCOME_MARKS.failed);
    const message = vscode.l10n.t('{0}: {1}', targetLabel(header.target), outcome.slice(outcome.indexOf(' ') + 1));
    const buttons = [actions.custom(vscode.l10n.t('Show Output'), () => this.output.show())];
    if (responseDocument) {
      buttons.push(actions.custom(vscode.l10n.t('Show Response'), () => vscode.window.showTextDocument(responseDocument, { preview: false })));
    }
    if (durableExecutionArn) {
      buttons.push(
        actions.custom(vscode.l10n.t('Copy Execution ARN'), async () => {
          await vscode.env.clipboard.writeText(durableExecutionArn);
          showInfo(vscode.l10n.t('Copied the durable execution ARN: {0}', durableExecutionArn));
        }),
      );
    }
    if (ref) {
      buttons.push(actions.command(vscode.l10n.t('Show Full Log'), COMMANDS.showFullLog, ref));
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

  private parameterFailed(header: ResultHeader, problem: string): InvokeOutcome {
    const text = this.output.write(loadInvokeModel().formatPayloadError(header, { message: problem, issues: [] }));
    const message = vscode.l10n.t('Not invoked: {0}', problem);
    this.lastErrorMessage = message;
    log().warn(`Invoke ${targetLabel(header.target)}: not sent: ${problem}`);
    showError(message, actions.custom(vscode.l10n.t('Show Output'), () => this.output.show()));
    return { kind: 'parameterError', text, error: message };
  }

  private apiFailed(header: ResultHeader, err: unknown, elapsed: number): InvokeOutcome {
    const label = targetLabel(header.target);
    const answer = unreadableAnswer(err);
    if (answer) {
      return this.answerLost(header, answer, elapsed);
    }
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

  /** The endpoint accepted the invocation (2xx), but its answer could not be read: the function ran. */
  private answerLost(header: ResultHeader, answer: UnreadableAnswer, elapsed: number): InvokeOutcome {
    const label = targetLabel(header.target);
    log().warn(`Invoke ${label} ${header.invocationType}: accepted (HTTP ${answer.status}), but the answer could not be read: ${formatUnreadableAnswer(answer)}`);
    const text = this.output.write(loadInvokeModel().formatUnreadableInvoke(header, answer, elapsed));
    const message = vscode.l10n.t('{0}: {1}', label, loadInvokeModel().unreadableInvokeText(header.invocationType, answer));
    this.lastErrorMessage = message;
    showWarning(message, actions.custom(vscode.l10n.t('Show Output'), () => this.output.show()), actions.showLog());
    return { kind: 'answerLost', text, statusCode: answer.status, requestId: answer.requestId, error: message };
  }

  private async succeeded(header: ResultHeader, response: InvokeResponse, elapsed: number, logType: 'Tail' | 'None', tailRefused?: { logGroup: string }): Promise<InvokeOutcome> {
    const threshold = Math.max(0, vscode.workspace.getConfiguration(SETTINGS_SECTION).get<number>(SETTINGS.responseInEditorThreshold, 65536));
    const decoded = loadInvokeModel().decodeResponse(response.Payload);
    const inEditor = decoded.bytes > threshold && decoded.textual;
    const lines = loadInvokeModel().formatInvokeResult({
      ...header,
      response,
      elapsedMs: elapsed,
      logType,
      decoded,
      responseInEditor: inEditor ? { threshold } : undefined,
      tailRefused,
    });
    // The result is in the channel as soon as the answer is read; a large response's editor
    // follows (VS Code takes a while over a document of megabytes).
    const text = this.output.write(lines);
    log().info(
      `Invoke ${targetLabel(header.target)} ${header.invocationType}: ${response.StatusCode ?? '?'}${response.FunctionError ? ` (function error: ${response.FunctionError})` : ''} in ${Math.round(elapsed)} ms, request ${response.requestId ?? '?'}`,
    );
    const invocation = this.keep(header, response);
    let responseDocument: vscode.TextDocument | undefined;
    if (inEditor) {
      responseDocument = await vscode.workspace.openTextDocument({ language: decoded.kind === 'json' ? 'json' : 'plaintext', content: decoded.text });
      this.lastDocument = responseDocument;
      await vscode.window.showTextDocument(responseDocument, { preview: false, preserveFocus: true });
    }
    this.announce(header, lines[1], responseDocument, invocation, response.DurableExecutionArn);
    return {
      kind: 'result',
      text,
      statusCode: response.StatusCode,
      functionError: response.FunctionError,
      executedVersion: response.ExecutedVersion,
      requestId: response.requestId,
      responseDocument,
      durableExecutionArn: response.DurableExecutionArn,
      tenantId: header.tenantId,
      tailRefused: tailRefused !== undefined,
      invocation,
    };
  }
}
