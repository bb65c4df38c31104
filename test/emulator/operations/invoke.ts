import { MAX_ASYNC_PAYLOAD, MAX_CLIENT_CONTEXT, MAX_SYNC_PAYLOAD } from '../constants';
import { invalidContent, invalidParameter, tooLarge } from '../errors';
import { logTail } from '../runtime/logs';
import type { InvocationRecord } from '../store';
import { functionArn } from '../store';
import { RULE_170_DOT, checkEnum } from '../validation';
import { OpContext, OpResult, header, lookupFunction } from './context';

/** Invocation records keep response payloads up to this size. */
const KEPT_PAYLOAD_BYTES = 1024 * 1024;
const INVOCATION_TYPES = ['Event', 'RequestResponse', 'DryRun'] as const;
const LOG_TYPES = ['None', 'Tail'] as const;

function parseClientContext(raw: string | undefined): unknown {
  if (raw === undefined) {
    return undefined;
  }
  if (Buffer.byteLength(raw, 'utf8') > MAX_CLIENT_CONTEXT) {
    throw invalidParameter(`Client context must be at most ${MAX_CLIENT_CONTEXT} bytes; got ${Buffer.byteLength(raw, 'utf8')}.`);
  }
  if (raw.length % 4 !== 0 || !/^[A-Za-z0-9+/]*={0,2}$/.test(raw)) {
    throw invalidContent('Client context must be a valid Base64-encoded JSON object.');
  }
  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(raw, 'base64').toString('utf8'));
  } catch {
    value = undefined;
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw invalidContent('Client context must be a valid Base64-encoded JSON object.');
  }
  return value;
}

/** POST /2015-03-31/functions/{FunctionName}/invocations */
export async function invoke(ctx: OpContext): Promise<OpResult> {
  const { fn, qualifier } = lookupFunction(ctx, ctx.params[0], RULE_170_DOT, ctx.query.Qualifier);
  const invocationType = checkEnum(header(ctx, 'x-amz-invocation-type') ?? 'RequestResponse', 'invocationType', INVOCATION_TYPES);
  const logType = checkEnum(header(ctx, 'x-amz-log-type') ?? 'None', 'logType', LOG_TYPES);
  const limit = invocationType === 'Event' ? MAX_ASYNC_PAYLOAD : MAX_SYNC_PAYLOAD;
  if (ctx.body.length > limit) {
    throw tooLarge(`Request must be smaller than ${limit} bytes for the InvokeFunction operation`);
  }
  const clientContext = parseClientContext(header(ctx, 'x-amz-client-context'));
  const text = ctx.body.toString('utf8');
  if (text.trim() !== '') {
    try {
      JSON.parse(text);
    } catch (e) {
      throw invalidContent(`Could not parse request body into json: Could not parse payload into json: ${(e as Error).message}`);
    }
  }
  const target = ctx.store.resolve(fn, qualifier, ctx.random);
  const invokedFunctionArn = functionArn(fn.region, fn.account, fn.name, qualifier);

  if (invocationType === 'DryRun') {
    return { status: 204 };
  }

  const record: InvocationRecord = ctx.store.recordInvocation({
    requestId: ctx.requestId,
    invocationType,
    functionArn: invokedFunctionArn,
    version: target.version,
    status: 'running',
    startedAt: new Date().toISOString(),
  });
  // Lambda hands the client context to synchronous invocations only.
  const run = ctx.pool
    .invoke({ target, requestId: ctx.requestId, payload: text, invokedFunctionArn, clientContext: invocationType === 'RequestResponse' ? clientContext : undefined })
    .then(
    (o) => {
      record.status = o.status;
      record.coldStart = o.coldStart;
      record.functionError = o.functionError;
      record.payloadBytes = Buffer.byteLength(o.payload, 'utf8');
      record.payload = record.payloadBytes <= KEPT_PAYLOAD_BYTES ? o.payload : undefined;
      record.log = o.log;
      record.finishedAt = new Date().toISOString();
      return o;
    },
    (e: unknown) => {
      record.status = 'error';
      record.finishedAt = new Date().toISOString();
      throw e;
    },
  );

  if (invocationType === 'Event') {
    // Runs in the background; the result is in store.invocations.
    run.catch(() => undefined);
    return { status: 202, body: Buffer.alloc(0) };
  }

  const outcome = await run;
  const headers: Record<string, string> = { 'X-Amz-Executed-Version': outcome.executedVersion };
  if (outcome.functionError) {
    headers['X-Amz-Function-Error'] = outcome.functionError;
  }
  if (logType === 'Tail') {
    headers['X-Amz-Log-Result'] = logTail(outcome.log);
  }
  return { status: 200, body: Buffer.from(outcome.payload, 'utf8'), headers };
}
