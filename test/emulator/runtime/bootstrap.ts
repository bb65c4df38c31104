/*
 * The runtime of a handler process, forked by the emulator once per warm sandbox. It loads the
 * user's handler (LAMBDA_TASK_ROOT + _HANDLER) like the Node.js managed runtime, formats console
 * output as Lambda does, and answers invocations received over IPC. Like the Node.js runtime it
 * provides the global `awslambda` (streamifyResponse, HttpResponseStream): a streaming handler's
 * bytes go to the emulator through the stream pipe (see protocol.ts) as they are written.
 */
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { Writable } from 'node:stream';
import { pathToFileURL } from 'node:url';
import * as util from 'node:util';
import { type ChildMessage, FrameType, type InvokeContextData, MAX_FRAME_DATA, type ParentMessage, STREAM_FD, type SerializedError, frameHeader } from './protocol';

type Handler = ((event: unknown, context: Record<string, unknown>, callback: (err?: unknown, result?: unknown) => void) => unknown) & {
  [HANDLER_STREAMING]?: unknown;
  [HANDLER_HIGHWATERMARK]?: unknown;
};
type StreamingHandler = (event: unknown, responseStream: ResponseStream, context: Record<string, unknown>) => unknown;

// The markers the Node.js runtime's awslambda.streamifyResponse puts on a handler.
const HANDLER_STREAMING = Symbol.for('aws.lambda.runtime.handler.streaming');
const HANDLER_HIGHWATERMARK = Symbol.for('aws.lambda.runtime.handler.streaming.highWaterMark');
const STREAM_RESPONSE = 'response';
const DEFAULT_STREAM_CONTENT_TYPE = 'application/octet-stream';
const HTTP_INTEGRATION_CONTENT_TYPE = 'application/vnd.awslambda.http-integration-response';

const taskRoot = process.env.LAMBDA_TASK_ROOT ?? process.cwd();
const handlerSpec = process.env._HANDLER ?? 'index.handler';
const jsonFormat = process.env.AWS_LAMBDA_LOG_FORMAT === 'JSON';
const appLogLevel = (process.env.AWS_LAMBDA_LOG_LEVEL ?? 'INFO').toUpperCase();
const LEVEL_ORDER = ['TRACE', 'DEBUG', 'INFO', 'WARN', 'ERROR', 'FATAL'];

let currentRequestId: string | undefined;
let currentTenantId: string | undefined;
let maxRss = process.memoryUsage().rss;

function send(msg: ChildMessage): void {
  if (process.connected && process.send) {
    process.send(msg);
  }
}

function sampleRss(): void {
  const rss = process.memoryUsage().rss;
  if (rss > maxRss) {
    maxRss = rss;
  }
}

function sendLine(text: string, time: number): void {
  send({ type: 'log', requestId: currentRequestId, text, time });
}

/** A JSON log record: timestamp, level, requestId, tenantId (tenant-isolated functions), then the rest. */
function jsonRecord(time: number, level: string, rest: Record<string, unknown>): string {
  const record: Record<string, unknown> = { timestamp: new Date(time).toISOString(), level, requestId: currentRequestId };
  if (currentTenantId) {
    record.tenantId = currentTenantId;
  }
  return `${JSON.stringify({ ...record, ...rest })}\n`;
}

function emitLog(level: string, message: string): void {
  const now = Date.now();
  if (jsonFormat) {
    if (LEVEL_ORDER.indexOf(level) < LEVEL_ORDER.indexOf(appLogLevel)) {
      return;
    }
    sendLine(jsonRecord(now, level, { message }), now);
  } else {
    sendLine(`${new Date(now).toISOString()}\t${currentRequestId ?? 'undefined'}\t${level}\t${message}\n`, now);
  }
}

// Console methods as the Node.js runtime patches them.
const consoleLevels: Record<string, string> = { log: 'INFO', info: 'INFO', warn: 'WARN', error: 'ERROR', debug: 'DEBUG', trace: 'TRACE' };
for (const [method, level] of Object.entries(consoleLevels)) {
  (console as unknown as Record<string, (...args: unknown[]) => void>)[method] = (...args: unknown[]) => emitLog(level, util.format(...args));
}

// Raw writes (process.stdout.write) reach the log unformatted, as on Lambda.
for (const stream of [process.stdout, process.stderr]) {
  (stream as unknown as { write: (...args: unknown[]) => boolean }).write = (chunk: unknown, ...rest: unknown[]) => {
    const text = typeof chunk === 'string' ? chunk : Buffer.from(chunk as Uint8Array).toString('utf8');
    send({ type: 'log', requestId: currentRequestId, text, time: Date.now(), raw: true });
    const cb = rest.find((r) => typeof r === 'function') as (() => void) | undefined;
    cb?.();
    return true;
  };
}

function serializeError(err: unknown): SerializedError {
  if (err instanceof Error) {
    return {
      errorType: err.name || err.constructor?.name || 'Error',
      errorMessage: err.message,
      trace: (err.stack ?? `${err.name}: ${err.message}`).split('\n'),
    };
  }
  if (typeof err === 'string') {
    return { errorType: 'string', errorMessage: err, trace: [] };
  }
  let text: string;
  try {
    text = JSON.stringify(err) ?? String(err);
  } catch {
    text = String(err);
  }
  return { errorType: typeof err, errorMessage: text, trace: [] };
}

function logInvokeError(error: SerializedError): void {
  const now = Date.now();
  if (jsonFormat) {
    sendLine(jsonRecord(now, 'ERROR', { message: 'Invoke Error', errorType: error.errorType, errorMessage: error.errorMessage, stackTrace: error.trace }), now);
  } else {
    const body = JSON.stringify({ errorType: error.errorType, errorMessage: error.errorMessage, stack: error.trace });
    sendLine(`${new Date(now).toISOString()}\t${currentRequestId}\tERROR\tInvoke Error \t${body}\n`, now);
  }
}

// ---- response streaming ----

let streamPipe: net.Socket | undefined;

/** Writes one frame to the stream pipe; `done` runs once it is handed to the system. */
function writeFrame(type: FrameType, body: Buffer, done?: (err?: Error | null) => void): void {
  streamPipe ??= new net.Socket({ fd: STREAM_FD, readable: false, writable: true });
  streamPipe.write(frameHeader(type, body.length));
  streamPipe.write(body, done);
}

/**
 * The response stream a streaming handler writes to: a Writable, with setContentType and the
 * `_onBeforeFirstWrite` hook HttpResponseStream.from uses, as in the Node.js runtime. Each write
 * completes when the emulator has taken the bytes, so a slow client slows the handler down.
 */
class ResponseStream extends Writable {
  _onBeforeFirstWrite?: (write: (chunk: unknown) => void) => void;
  private contentType = DEFAULT_STREAM_CONTENT_TYPE;
  private started = false;

  constructor(
    private readonly requestId: string,
    highWaterMark?: number,
  ) {
    super(highWaterMark === undefined ? {} : { highWaterMark });
  }

  setContentType(contentType: string): void {
    if (this.started) {
      throw Object.assign(new Error('Cannot set content-type, too late.'), { name: 'Runtime.InvalidStreamingOperation' });
    }
    this.contentType = contentType;
  }

  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  override write(chunk: any, encoding?: any, callback?: any): boolean {
    const data = typeof chunk === 'string' || chunk instanceof Uint8Array ? chunk : JSON.stringify(chunk);
    if (!this.started) {
      this.start();
      if (typeof this._onBeforeFirstWrite === 'function') {
        this._onBeforeFirstWrite((ch) => super.write(ch));
      }
    }
    return super.write(data, encoding, callback);
  }

  /** The content type is fixed by the first write (or the end): the emulator hears of it first. */
  private start(): void {
    this.started = true;
    writeFrame(FrameType.Meta, Buffer.from(JSON.stringify({ requestId: this.requestId, contentType: this.contentType })));
  }

  override _write(chunk: Buffer, _encoding: BufferEncoding, callback: (err?: Error | null) => void): void {
    if (chunk.length === 0) {
      callback();
      return;
    }
    for (let i = 0; i < chunk.length; i += MAX_FRAME_DATA) {
      const piece = chunk.subarray(i, i + MAX_FRAME_DATA);
      writeFrame(FrameType.Data, piece, i + MAX_FRAME_DATA >= chunk.length ? callback : undefined);
    }
  }

  override _final(callback: (err?: Error | null) => void): void {
    if (!this.started) {
      this.start();
    }
    callback();
  }

  /** Closes the stream after an error (what was written is still delivered). */
  close(): Promise<void> {
    return new Promise((resolve) => {
      if (this.writableFinished || this.destroyed) {
        resolve();
      } else if (this.writableEnded) {
        this.once('finish', () => resolve());
        this.once('close', () => resolve());
      } else {
        this.end(() => resolve());
      }
    });
  }
}

/** HttpResponseStream.from: a JSON prelude and 8 zero bytes before the body (function URLs read them). */
class HttpResponseStream {
  static from(underlyingStream: ResponseStream, prelude: Record<string, unknown>): ResponseStream {
    underlyingStream.setContentType(HTTP_INTEGRATION_CONTENT_TYPE);
    const metadata = JSON.stringify(prelude);
    underlyingStream._onBeforeFirstWrite = (write) => {
      write(metadata);
      write(new Uint8Array(8));
    };
    return underlyingStream;
  }
}

(globalThis as Record<string, unknown>).awslambda = {
  ...((globalThis as Record<string, unknown>).awslambda as object | undefined),
  streamifyResponse: (handler: Handler, options?: { highWaterMark?: number }): Handler => {
    handler[HANDLER_STREAMING] = STREAM_RESPONSE;
    if (typeof options?.highWaterMark === 'number') {
      handler[HANDLER_HIGHWATERMARK] = Math.trunc(options.highWaterMark);
    }
    return handler;
  },
  HttpResponseStream,
};

const dynamicImport = new Function('specifier', 'return import(specifier)') as (s: string) => Promise<Record<string, unknown>>;

async function loadHandler(): Promise<Handler> {
  const dot = handlerSpec.lastIndexOf('.');
  if (dot <= 0) {
    throw Object.assign(new Error(`Bad handler ${handlerSpec}: missing module or function name`), { name: 'Runtime.MalformedHandlerName' });
  }
  const modulePath = handlerSpec.slice(0, dot);
  const exportPath = handlerSpec.slice(dot + 1);
  const base = path.resolve(taskRoot, modulePath);
  let mod: Record<string, unknown>;
  const candidates = ['.js', '.cjs', '.mjs'].map((ext) => base + ext);
  const file = candidates.find((c) => fs.existsSync(c));
  if (!file) {
    throw Object.assign(new Error(`Cannot find module '${modulePath}'`), { name: 'Runtime.ImportModuleError' });
  }
  try {
    if (file.endsWith('.mjs')) {
      mod = await dynamicImport(pathToFileURL(file).href);
    } else {
      mod = require(file) as Record<string, unknown>;
    }
  } catch (e) {
    if (e instanceof SyntaxError) {
      throw Object.assign(new Error(`${e.name}: ${e.message}`), { name: 'Runtime.UserCodeSyntaxError', stack: e.stack });
    }
    throw e;
  }
  let target: unknown = mod;
  for (const part of exportPath.split('.')) {
    target = (target as Record<string, unknown> | undefined)?.[part];
  }
  if (typeof target !== 'function') {
    throw Object.assign(new Error(`${handlerSpec} is undefined or not exported`), { name: 'Runtime.HandlerNotFound' });
  }
  return target as Handler;
}

type Outcome = { ok: true; value: unknown } | { ok: false; error: unknown; kind: 'Unhandled' | 'Handled' };

let pendingFailure: ((error: unknown) => void) | undefined;

/** The context object, as the Node.js runtime builds it. */
function makeContext(ctx: InvokeContextData, requestId: string, callback: (err?: unknown, result?: unknown) => void): Record<string, unknown> {
  return {
    functionName: ctx.functionName,
    functionVersion: ctx.functionVersion,
    invokedFunctionArn: ctx.invokedFunctionArn,
    memoryLimitInMB: ctx.memoryLimitInMB,
    awsRequestId: requestId,
    logGroupName: ctx.logGroupName,
    logStreamName: ctx.logStreamName,
    clientContext: ctx.clientContext,
    identity: undefined,
    tenantId: ctx.tenantId,
    callbackWaitsForEmptyEventLoop: true,
    getRemainingTimeInMillis: () => Math.max(0, ctx.deadlineMs - Date.now()),
    succeed: (value: unknown) => callback(null, value),
    fail: (err: unknown) => callback(err ?? new Error('handled')),
    done: callback,
  };
}

/** Settles once; an uncaught exception during the invocation settles it as Unhandled. */
function settleOnce(resolve: (o: Outcome) => void): (o: Outcome) => void {
  let settled = false;
  const finish = (o: Outcome): void => {
    if (!settled) {
      settled = true;
      pendingFailure = undefined;
      resolve(o);
    }
  };
  pendingFailure = (error) => finish({ ok: false, error, kind: 'Unhandled' });
  return finish;
}

function runHandler(handler: Handler, event: unknown, ctx: InvokeContextData, requestId: string): Promise<Outcome> {
  return new Promise<Outcome>((resolve) => {
    const finish = settleOnce(resolve);
    const callback = (err?: unknown, result?: unknown): void => {
      if (err !== undefined && err !== null) {
        finish({ ok: false, error: err, kind: 'Handled' });
      } else {
        finish({ ok: true, value: result });
      }
    };
    const context = makeContext(ctx, requestId, callback);
    try {
      const returned = handler(event, context, callback);
      if (returned && typeof (returned as Promise<unknown>).then === 'function') {
        (returned as Promise<unknown>).then(
          (value) => finish({ ok: true, value }),
          (error: unknown) => finish({ ok: false, error, kind: 'Unhandled' }),
        );
      } else if (handler.length < 3) {
        finish({ ok: true, value: returned });
      }
    } catch (error) {
      finish({ ok: false, error, kind: 'Unhandled' });
    }
  });
}

/**
 * Runs a streaming handler: it must return a promise; the invocation ends when that promise
 * settles and the response stream is finished (as in the Node.js runtime, a stream never ended
 * keeps the invocation running until its timeout).
 */
function runStreamingHandler(handler: Handler, stream: ResponseStream, event: unknown, ctx: InvokeContextData, requestId: string): Promise<Outcome> {
  return new Promise<Outcome>((resolve) => {
    const finish = settleOnce(resolve);
    const context = makeContext(ctx, requestId, () => undefined);
    try {
      const returned = (handler as unknown as StreamingHandler)(event, stream, context);
      if (!returned || typeof (returned as Promise<unknown>).then !== 'function') {
        throw new Error('Streaming does not support non-async handlers.');
      }
      (returned as Promise<unknown>).then(
        (value) => {
          if (value !== undefined) {
            console.warn('Streaming handlers ignore return values.');
          }
          if (stream.writableFinished) {
            finish({ ok: true, value: undefined });
          } else {
            stream.once('finish', () => finish({ ok: true, value: undefined }));
          }
        },
        (error: unknown) => finish({ ok: false, error, kind: 'Unhandled' }),
      );
    } catch (error) {
      finish({ ok: false, error, kind: 'Unhandled' });
    }
  });
}

process.on('uncaughtException', (error) => {
  if (pendingFailure) {
    pendingFailure(error);
  } else {
    emitLog('ERROR', `Uncaught Exception \t${JSON.stringify(serializeError(error))}`);
    process.exit(129);
  }
});
process.on('unhandledRejection', (reason) => {
  const error = Object.assign(new Error(reason instanceof Error ? `${reason.name}: ${reason.message}` : String(reason)), {
    name: 'Runtime.UnhandledPromiseRejection',
  });
  if (pendingFailure) {
    pendingFailure(error);
  } else {
    emitLog('ERROR', `Unhandled Promise Rejection \t${JSON.stringify(serializeError(error))}`);
    process.exit(128);
  }
});
// The emulator went away: never linger.
process.on('disconnect', () => process.exit(0));

async function main(): Promise<void> {
  const t0 = performance.now();
  let handler: Handler;
  let streaming = false;
  let highWaterMark: number | undefined;
  try {
    handler = await loadHandler();
    const marker = handler[HANDLER_STREAMING];
    if (marker !== undefined && marker !== STREAM_RESPONSE) {
      throw Object.assign(new Error('Only response streaming is supported.'), { name: 'Runtime.MalformedStreamingHandler' });
    }
    streaming = marker === STREAM_RESPONSE;
    const hwm = Number(handler[HANDLER_HIGHWATERMARK]);
    highWaterMark = hwm > 0 ? hwm : undefined;
  } catch (e) {
    sampleRss();
    send({ type: 'init-error', error: serializeError(e), initMs: performance.now() - t0, rssBytes: maxRss });
    return;
  }
  sampleRss();
  send({ type: 'ready', initMs: performance.now() - t0, rssBytes: maxRss });

  process.on('message', (raw: ParentMessage) => {
    if (raw?.type !== 'invoke') {
      return;
    }
    void (async () => {
      const { requestId } = raw;
      currentRequestId = requestId;
      currentTenantId = raw.context.tenantId;
      let event: unknown;
      try {
        event = raw.event === '' ? {} : JSON.parse(raw.event);
      } catch {
        event = raw.event;
      }
      const start = performance.now();
      if (streaming) {
        const stream = new ResponseStream(requestId, highWaterMark);
        const outcome = await runStreamingHandler(handler, stream, event, raw.context, requestId);
        const durationMs = performance.now() - start;
        let error: SerializedError | undefined;
        if (!outcome.ok) {
          error = serializeError(outcome.error);
          logInvokeError(error);
        }
        // What the handler wrote before failing is still delivered; then the End frame.
        await stream.close();
        sampleRss();
        writeFrame(FrameType.End, Buffer.from(JSON.stringify({ requestId })), () => {
          send({ type: 'result', requestId, ok: outcome.ok, streamed: true, error, errorKind: error ? 'Unhandled' : undefined, durationMs, maxRssBytes: maxRss });
        });
        return;
      }
      const outcome = await runHandler(handler, event, raw.context, requestId);
      const durationMs = performance.now() - start;
      sampleRss();
      if (outcome.ok) {
        let payload: string | undefined;
        try {
          payload = JSON.stringify(outcome.value === undefined ? null : outcome.value);
        } catch (e) {
          const error = serializeError(e);
          logInvokeError(error);
          send({ type: 'result', requestId, ok: false, error, errorKind: 'Unhandled', durationMs, maxRssBytes: maxRss });
          return;
        }
        send({ type: 'result', requestId, ok: true, payload, durationMs, maxRssBytes: maxRss });
      } else {
        const error = serializeError(outcome.error);
        logInvokeError(error);
        send({ type: 'result', requestId, ok: false, error, errorKind: outcome.kind, durationMs, maxRssBytes: maxRss });
        if (error.errorType === 'Runtime.UnhandledPromiseRejection') {
          setImmediate(() => process.exit(128));
        }
      }
      // Like the Node.js runtime, lines written after the handler returned keep this request id.
    })();
  });
}

void main();
