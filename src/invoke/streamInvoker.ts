/**
 * Invocations with a response stream (InvokeWithResponseStream): whether to stream (the
 * setting, the option, the function URL's InvokeMode), then the call, the chunks written to
 * "Lambda Invocations" as they arrive (to an editor past the response threshold), Cancel, and
 * the end of the block. The payload, the trust question and the pairing are the Invoker's, done
 * before it hands over (src/invoke/invoker.ts).
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { InvokeStreamResponse } from '../aws';
import type { Connection } from '../core/connection';
import { log } from '../core/log';
import { withDelayedProgress } from '../core/progress';
import { describeAwsError, isCancellation } from '../shared/awsErrors';
import { SETTINGS, SETTINGS_SECTION } from '../shared/ids';
import { explicitQualifier, targetLabel, type LambdaTarget } from '../shared/lambdaTarget';
import type { InvocationsOutput, LiveBlock } from './invocationsOutput';
import { loadInvokeModel } from './invokeModel';
import type { ResultHeader } from './model/format';
import type { StreamAssembly, StreamEnd } from './model/stream';

export type StreamingSetting = 'auto' | 'always' | 'never';

/** The setting lambdaWorkbench.invoke.streaming. */
export function streamingSetting(): StreamingSetting {
  const v = vscode.workspace.getConfiguration(SETTINGS_SECTION).get<string>(SETTINGS.streaming, 'auto');
  return v === 'always' || v === 'never' ? v : 'auto';
}

/** The figures of a streamed invocation (in the outcome, for tests and the benchmark). */
export interface StreamFigures {
  bytes: number;
  chunks: number;
  /** ms from the call to the first chunk received. */
  firstChunkMs?: number;
  /** ms from the call to the first chunk's text appended to the output. */
  firstShownMs?: number;
  /** ms from the call to the end of the stream. */
  totalMs: number;
  end: StreamEnd['kind'];
  errorCode?: string;
}

export interface StreamRun {
  header: ResultHeader;
  target: LambdaTarget;
  invocationType: 'RequestResponse' | 'DryRun';
  payload: Uint8Array;
  clientContext?: string;
  tenantId?: string;
  logType: 'Tail' | 'None';
}

export interface StreamResult {
  kind: 'result' | 'cancelled' | 'apiError';
  text?: string;
  /** The call failed before the stream started (the Invoker reports it as any API error). */
  error?: unknown;
  elapsedMs: number;
  head?: { StatusCode?: number; ExecutedVersion?: string; requestId?: string };
  figures?: StreamFigures;
  /** The outcome line (for the notification). */
  outcome?: string;
  failed?: boolean;
  responseDocument?: vscode.TextDocument;
}

/** Appends to the output at most every `everyMs`: the first piece at once, the rest together. */
class Coalescer {
  private pending = '';
  private timer: NodeJS.Timeout | undefined;
  private last = 0;

  constructor(
    private readonly write: (text: string) => void,
    private readonly everyMs = 50,
  ) {}

  push(text: string): void {
    if (text === '') return;
    this.pending += text;
    if (this.timer) return;
    const wait = this.last + this.everyMs - performance.now();
    if (wait <= 0) {
      this.flush();
    } else {
      this.timer = setTimeout(() => this.flush(), wait);
    }
  }

  flush(): void {
    if (this.timer) {
      clearTimeout(this.timer);
      this.timer = undefined;
    }
    if (this.pending !== '') {
      const text = this.pending;
      this.pending = '';
      this.last = performance.now();
      this.write(text);
    }
  }
}

/** Where large streamed responses are written (files older than a day are removed). */
const RESPONSES_DIR = path.join(os.tmpdir(), 'lambda-workbench-responses');

/**
 * A file that receives a large stream as it arrives, open in an editor: the text is appended to
 * the file (fast, off the window's path) and the editor follows the file as it grows, as it does
 * for any file changed on disk. Inserting megabytes through edits would hold the window up.
 */
class FileSink {
  private chain: Promise<void> = Promise.resolve();
  private failed = false;
  private written = 0;

  private constructor(
    readonly document: vscode.TextDocument,
    private readonly file: fs.promises.FileHandle,
    private readonly filePath: string,
  ) {}

  static async open(name: string, initial: string): Promise<FileSink> {
    await fs.promises.mkdir(RESPONSES_DIR, { recursive: true });
    void FileSink.removeOld();
    const safe = name.replace(/[^A-Za-z0-9._-]+/g, '_').slice(0, 80);
    const filePath = path.join(RESPONSES_DIR, `${safe}-${new Date().toISOString().replace(/[:.]/g, '-')}.txt`);
    const file = await fs.promises.open(filePath, 'w');
    await file.write(initial);
    const doc = await vscode.workspace.openTextDocument(vscode.Uri.file(filePath));
    await vscode.window.showTextDocument(doc, { preview: false, preserveFocus: true });
    const sink = new FileSink(doc, file, filePath);
    sink.written = Buffer.byteLength(initial, 'utf8');
    return sink;
  }

  private static async removeOld(): Promise<void> {
    try {
      const dayAgo = Date.now() - 24 * 3600 * 1000;
      for (const f of await fs.promises.readdir(RESPONSES_DIR)) {
        const p = path.join(RESPONSES_DIR, f);
        if ((await fs.promises.stat(p)).mtimeMs < dayAgo) await fs.promises.rm(p, { force: true });
      }
    } catch {
      // nothing to clean
    }
  }

  push(text: string): void {
    if (text === '' || this.failed) return;
    this.written += Buffer.byteLength(text, 'utf8');
    this.chain = this.chain.then(async () => {
      try {
        await this.file.write(text);
      } catch (err) {
        this.failed = true;
        log().warn(`Streamed response: could not write ${this.filePath}: ${err instanceof Error ? err.message : String(err)}`);
      }
    });
  }

  /**
   * Closes the file (a JSON response is rewritten pretty-printed, when not too large, and shown
   * with JSON colours), then waits a little for the editor to show the whole file.
   */
  async finish(json: string | undefined): Promise<void> {
    await this.chain;
    await this.file.close().catch(() => undefined);
    if (json !== undefined) {
      await fs.promises.writeFile(this.filePath, json);
      this.written = Buffer.byteLength(json, 'utf8');
    }
    const doc = this.document;
    const whole = () => Buffer.byteLength(doc.getText(), 'utf8') >= this.written;
    // VS Code gives extensions the text of files up to 50 MB only.
    if (this.written <= 40 * 1024 * 1024 && !whole()) {
      await new Promise<void>((resolve) => {
        const timer = setTimeout(done, 10_000);
        const sub = vscode.workspace.onDidChangeTextDocument((e) => {
          if (e.document === doc && whole()) done();
        });
        function done(): void {
          clearTimeout(timer);
          sub.dispose();
          resolve();
        }
      });
    }
    if (json !== undefined) {
      await vscode.languages.setTextDocumentLanguage(doc, 'json');
    }
  }
}

/** Runs one streamed invocation. */
export class StreamInvoker {
  constructor(
    private readonly connection: Connection,
    private readonly output: InvocationsOutput,
  ) {}

  /**
   * Whether to stream: the option when given, else the setting; `auto` streams a function whose
   * URL is in RESPONSE_STREAM mode (GetFunctionUrlConfig, kept a few minutes). A lookup the API
   * refuses (no permission, throttled) means no stream; one that reaches no answer (no network, no
   * credentials) rejects, as the invocation itself would.
   */
  async shouldStream(target: LambdaTarget, invocationType: string, option: boolean | undefined): Promise<boolean> {
    if (invocationType === 'Event') return false;
    if (option !== undefined) return option;
    const setting = streamingSetting();
    if (setting !== 'auto') return setting === 'always';
    try {
      const mode = await this.connection.service(target.region).invokeMode(target.functionName, explicitQualifier(target.qualifier));
      return mode === 'RESPONSE_STREAM';
    } catch (err) {
      const status = (err as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode;
      if (status === undefined) throw err;
      log().warn(`GetFunctionUrlConfig ${targetLabel(target)}: ${describeAwsError(err).message} (${status}); invoking without a stream`);
      return false;
    }
  }

  async run(r: StreamRun, controller: AbortController): Promise<StreamResult> {
    const model = loadInvokeModel();
    const label = targetLabel(r.target);
    const signal = controller.signal;
    const aborted = new Promise<never>((_resolve, reject) => {
      const onAbort = () => reject(Object.assign(new Error('Cancelled'), { name: 'AbortError' }));
      if (signal.aborted) onAbort();
      else signal.addEventListener('abort', onAbort, { once: true });
    });
    aborted.catch(() => undefined);

    const t0 = performance.now();
    const elapsed = () => performance.now() - t0;
    let response: InvokeStreamResponse;
    try {
      const call = this.connection.service(r.target.region).invokeStream(
        {
          functionName: r.target.functionName,
          qualifier: explicitQualifier(r.target.qualifier),
          invocationType: r.invocationType,
          payload: r.payload,
          clientContext: r.clientContext,
          logType: r.logType,
          tenantId: r.tenantId,
        },
        { signal },
      );
      call.catch(() => undefined);
      response = await Promise.race([call, aborted]);
    } catch (err) {
      if (signal.aborted || isCancellation(err)) {
        return { kind: 'cancelled', elapsedMs: elapsed() };
      }
      return { kind: 'apiError', error: err, elapsedMs: elapsed() };
    }

    const head = { StatusCode: response.StatusCode, ExecutedVersion: response.ExecutedVersion, ResponseStreamContentType: response.ResponseStreamContentType, requestId: response.requestId };
    const start = model.formatStreamStart(r.header, head);
    const live: LiveBlock = this.output.openLive(start, () => [start[0], model.streamContinuedLine()]);
    const assembly: StreamAssembly = new model.StreamAssembly();
    const threshold = Math.max(0, vscode.workspace.getConfiguration(SETTINGS_SECTION).get<number>(SETTINGS.responseInEditorThreshold, 65536));
    let firstShownMs: number | undefined;
    let shownInOutput = 0;
    let shownText = '';
    let editor: FileSink | undefined;
    let opening: Promise<FileSink> | undefined;
    let editorWaiting: string[] = [];
    const channel = new Coalescer((text) => {
      live.append(text);
      firstShownMs ??= elapsed();
    });
    const show = (text: string): void => {
      if (text === '') return;
      if (editor) {
        editor.push(text);
        return;
      }
      if (opening) {
        editorWaiting.push(text);
        return;
      }
      const size = Buffer.byteLength(text, 'utf8');
      if (shownInOutput + size > threshold) {
        // Past the threshold: the whole response goes on in an editor, opened with what came so far.
        channel.flush();
        const initial = shownText + text;
        shownText = '';
        opening = FileSink.open(`${r.target.functionName}${r.target.qualifier ? `-${r.target.qualifier}` : ''}`, initial);
        opening.then(
          (sink) => {
            editor = sink;
            sink.push(editorWaiting.join(''));
            editorWaiting = [];
          },
          (err: unknown) => log().warn(`Streamed response: could not open an editor: ${err instanceof Error ? err.message : String(err)}`),
        );
        return;
      }
      shownInOutput += size;
      shownText += text;
      channel.push(text);
    };

    let end = { kind: 'complete' } as StreamEnd;
    const run = (async () => {
      const it = response.events[Symbol.asyncIterator]();
      try {
        for (;;) {
          const next = await Promise.race([it.next(), aborted]);
          if (next.done) break;
          const e = next.value;
          if (e.kind === 'chunk') {
            show(assembly.push(e.bytes, elapsed()));
          } else {
            assembly.complete({ errorCode: e.errorCode, errorDetails: e.errorDetails, logResult: e.logResult });
          }
        }
        show(assembly.flush());
        if (!assembly.completion && r.invocationType === 'RequestResponse') {
          end = { kind: 'broken', error: { name: 'StreamEnded', message: vscode.l10n.t('the connection ended before InvokeComplete') } };
        }
      } catch (err) {
        if (signal.aborted || isCancellation(err)) {
          end = { kind: 'cancelled' };
          it.return?.(undefined)?.catch(() => undefined);
        } else {
          const d = describeAwsError(err);
          log().error(`Invoke ${label} (response stream): broke off after ${assembly.bytes} bytes: ${d.name}: ${d.message}${err instanceof Error && err.stack ? `\n${err.stack}` : ''}`);
          end = { kind: 'broken', error: { name: d.name, message: d.message } };
        }
      }
    })();
    const title = vscode.l10n.t('Streaming the response of {0}…', label);
    await withDelayedProgress(run, title, () => controller.abort());
    const totalMs = elapsed();
    channel.flush();
    let responseDocument: vscode.TextDocument | undefined;
    if (opening) {
      try {
        const sink = await opening;
        editor = sink;
        const json = end.kind === 'complete' ? model.prettyBody(assembly, 8 * 1024 * 1024) : undefined;
        await sink.finish(json?.text);
        responseDocument = sink.document;
      } catch {
        // logged when it failed to open
      }
    }
    const lines = model.formatStreamEnd({
      header: r.header,
      head,
      assembly,
      end,
      totalMs,
      logType: r.logType,
      inEditor: opening ? { threshold, bytesInOutput: shownInOutput } : undefined,
    });
    const text = live.close(lines);
    const outcome = lines[lines.length - 1];
    const c = assembly.completion;
    log().info(
      `Invoke ${label} ${r.invocationType} (response stream): ${head.StatusCode ?? '?'}, ${end.kind}${c?.errorCode ? ` (function error: ${c.errorCode})` : ''}, ${assembly.bytes} bytes in ${assembly.chunkCount} chunks, first after ${Math.round(assembly.firstChunkMs ?? -1)} ms, ${Math.round(totalMs)} ms, request ${head.requestId ?? '?'}`,
    );
    return {
      kind: end.kind === 'cancelled' ? 'cancelled' : 'result',
      text,
      elapsedMs: totalMs,
      head,
      outcome,
      failed: outcome.startsWith(model.OUTCOME_MARKS.failed),
      responseDocument,
      figures: {
        bytes: assembly.bytes,
        chunks: assembly.chunkCount,
        firstChunkMs: assembly.firstChunkMs,
        firstShownMs,
        totalMs,
        end: end.kind,
        errorCode: c?.errorCode,
      },
    };
  }
}
