/*
 * The runtime of a handler process, forked by the emulator once per warm sandbox. It loads the
 * user's handler (LAMBDA_TASK_ROOT + _HANDLER) like the Node.js managed runtime, formats console
 * output as Lambda does, and answers invocations received over IPC.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import * as util from 'node:util';
import type { ChildMessage, InvokeContextData, ParentMessage, SerializedError } from './protocol';

type Handler = (event: unknown, context: Record<string, unknown>, callback: (err?: unknown, result?: unknown) => void) => unknown;

const taskRoot = process.env.LAMBDA_TASK_ROOT ?? process.cwd();
const handlerSpec = process.env._HANDLER ?? 'index.handler';
const jsonFormat = process.env.AWS_LAMBDA_LOG_FORMAT === 'JSON';
const appLogLevel = (process.env.AWS_LAMBDA_LOG_LEVEL ?? 'INFO').toUpperCase();
const LEVEL_ORDER = ['TRACE', 'DEBUG', 'INFO', 'WARN', 'ERROR', 'FATAL'];

let currentRequestId: string | undefined;
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

function emitLog(level: string, message: string): void {
  if (jsonFormat) {
    if (LEVEL_ORDER.indexOf(level) < LEVEL_ORDER.indexOf(appLogLevel)) {
      return;
    }
    const line = JSON.stringify({ timestamp: new Date().toISOString(), level, requestId: currentRequestId, message });
    send({ type: 'log', requestId: currentRequestId, text: `${line}\n` });
  } else {
    send({ type: 'log', requestId: currentRequestId, text: `${new Date().toISOString()}\t${currentRequestId ?? 'undefined'}\t${level}\t${message}\n` });
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
    send({ type: 'log', requestId: currentRequestId, text });
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
  if (jsonFormat) {
    const line = JSON.stringify({
      timestamp: new Date().toISOString(),
      level: 'ERROR',
      requestId: currentRequestId,
      message: 'Invoke Error',
      errorType: error.errorType,
      errorMessage: error.errorMessage,
      stackTrace: error.trace,
    });
    send({ type: 'log', requestId: currentRequestId, text: `${line}\n` });
  } else {
    const body = JSON.stringify({ errorType: error.errorType, errorMessage: error.errorMessage, stack: error.trace });
    send({ type: 'log', requestId: currentRequestId, text: `${new Date().toISOString()}\t${currentRequestId}\tERROR\tInvoke Error \t${body}\n` });
  }
}

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

function runHandler(handler: Handler, event: unknown, ctx: InvokeContextData, requestId: string): Promise<Outcome> {
  return new Promise<Outcome>((resolve) => {
    let settled = false;
    const finish = (o: Outcome): void => {
      if (!settled) {
        settled = true;
        pendingFailure = undefined;
        resolve(o);
      }
    };
    pendingFailure = (error) => finish({ ok: false, error, kind: 'Unhandled' });
    const callback = (err?: unknown, result?: unknown): void => {
      if (err !== undefined && err !== null) {
        finish({ ok: false, error: err, kind: 'Handled' });
      } else {
        finish({ ok: true, value: result });
      }
    };
    const context: Record<string, unknown> = {
      functionName: ctx.functionName,
      functionVersion: ctx.functionVersion,
      invokedFunctionArn: ctx.invokedFunctionArn,
      memoryLimitInMB: ctx.memoryLimitInMB,
      awsRequestId: requestId,
      logGroupName: ctx.logGroupName,
      logStreamName: ctx.logStreamName,
      clientContext: ctx.clientContext,
      identity: undefined,
      callbackWaitsForEmptyEventLoop: true,
      getRemainingTimeInMillis: () => Math.max(0, ctx.deadlineMs - Date.now()),
      succeed: (value: unknown) => callback(null, value),
      fail: (err: unknown) => callback(err ?? new Error('handled')),
      done: callback,
    };
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
  try {
    handler = await loadHandler();
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
      let event: unknown;
      try {
        event = raw.event === '' ? {} : JSON.parse(raw.event);
      } catch {
        event = raw.event;
      }
      const start = performance.now();
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
