import { randomUUID } from 'node:crypto';
import { MAX_ASYNC_PAYLOAD, MAX_CLIENT_CONTEXT, MAX_SYNC_PAYLOAD } from '../constants';
import { conflict, durableExecutionAlreadyStarted, invalidContent, invalidParameter, noPublishedVersion, tooLarge } from '../errors';
import { logReference, logTail } from '../runtime/logs';
import type { InvokeInput, InvokeOutcome } from '../runtime/sandbox';
import type { DurableExecutionRecord, FunctionRecord, InvocationRecord, ResolvedTarget } from '../store';
import { functionArn } from '../store';
import { DURABLE_EXECUTION_NAME_PATTERN, LATEST_PUBLISHED, RULE_170_DOT, TENANT_ID_PATTERN, checkEnum, checkLength, checkPattern } from '../validation';
import { OpContext, OpResult, header, lookupFunction } from './context';

/** Invocation records keep response payloads up to this size. */
const KEPT_PAYLOAD_BYTES = 1024 * 1024;
const INVOCATION_TYPES = ['Event', 'RequestResponse', 'DryRun'] as const;
/** InvokeWithResponseStream has no Event invocation. */
const STREAM_INVOCATION_TYPES = ['RequestResponse', 'DryRun'] as const;
const LOG_TYPES = ['None', 'Tail'] as const;
/** The documented error of a TenantId missing (tenant-isolated function) or not expected (any other). */
export const TENANT_MISMATCH = 'Tenant ID configuration not specified or passed to a function when tenant isolation is not enabled.';
/** States in which an invocation is refused (409 ResourceConflictException), as on AWS. */
const NOT_INVOCABLE = ['Pending', 'Inactive', 'Deactivated', 'Deactivating', 'ActiveNonInvocable', 'Failed', 'Deleting'];

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

/** A checked invocation request, ready to run. */
export interface PreparedInvocation {
  fn: FunctionRecord;
  target: ResolvedTarget;
  invocationType: 'Event' | 'RequestResponse' | 'DryRun';
  logType: 'None' | 'Tail';
  /** The ARN as invoked (qualified when a qualifier was given). */
  invokedFunctionArn: string;
  payload: string;
  clientContext: unknown;
  tenantId?: string;
  /** DurableExecutionName asked for (durable functions). */
  durableName?: string;
  /** Lambda Managed Instances: LogResult is a reference to CloudWatch Logs, never the log's tail. */
  managedInstances: boolean;
}

/**
 * Checks an Invoke or InvokeWithResponseStream request the way Lambda does and resolves what
 * runs: the qualifier (alias routing, `$LATEST.PUBLISHED` for Lambda Managed Instances), the
 * tenant, the durable execution name, the payload and client context.
 */
export function prepareInvocation(ctx: OpContext, streaming: boolean): PreparedInvocation {
  const { fn, qualifier } = lookupFunction(ctx, ctx.params[0], RULE_170_DOT, ctx.query.Qualifier);
  const invocationType = checkEnum(header(ctx, 'x-amz-invocation-type') ?? 'RequestResponse', 'invocationType', streaming ? STREAM_INVOCATION_TYPES : INVOCATION_TYPES);
  const logType = checkEnum(header(ctx, 'x-amz-log-type') ?? 'None', 'logType', LOG_TYPES);
  const limit = invocationType === 'Event' ? MAX_ASYNC_PAYLOAD : MAX_SYNC_PAYLOAD;
  if (ctx.body.length > limit) {
    throw tooLarge(`Request must be smaller than ${limit} bytes for the InvokeFunction operation`);
  }
  const clientContext = parseClientContext(header(ctx, 'x-amz-client-context'));
  const payload = ctx.body.toString('utf8');
  if (payload.trim() !== '') {
    try {
      JSON.parse(payload);
    } catch (e) {
      throw invalidContent(`Could not parse request body into json: Could not parse payload into json: ${(e as Error).message}`);
    }
  }

  const tenantId = header(ctx, 'x-amz-tenant-id');
  if (tenantId !== undefined) {
    checkLength(tenantId, 'tenantId', 1, 256);
    checkPattern(tenantId, 'tenantId', TENANT_ID_PATTERN);
  }
  if ((tenantId !== undefined) !== (fn.latest.tenancy !== undefined)) {
    throw invalidParameter(TENANT_MISMATCH);
  }

  const durableName = streaming ? undefined : header(ctx, 'x-amz-durable-execution-name');
  if (durableName !== undefined) {
    checkLength(durableName, 'durableExecutionName', 1, 64);
    checkPattern(durableName, 'durableExecutionName', DURABLE_EXECUTION_NAME_PATTERN);
    if (!fn.latest.durable) {
      throw invalidParameter(`DurableExecutionName can be used only with a durable function; ${fn.name} has no DurableConfig.`);
    }
  }
  if (fn.latest.durable && qualifier === undefined) {
    throw invalidParameter(`Durable functions must be invoked with a qualified name: add a version, an alias or $LATEST to ${fn.name}.`);
  }

  const managedInstances = fn.latest.capacityProvider !== undefined;
  if (managedInstances && logType === 'Tail') {
    throw invalidParameter('Tail logs are not supported for functions with a capacity provider. Read the log in CloudWatch Logs (the LogResult names its log group and stream).');
  }
  // An unqualified invocation of a Lambda Managed Instances function runs $LATEST.PUBLISHED.
  let runQualifier = qualifier;
  if (managedInstances && qualifier === undefined) {
    if (!fn.latestPublished) {
      throw noPublishedVersion(fn.arn);
    }
    runQualifier = LATEST_PUBLISHED;
  }
  const target = ctx.store.resolve(fn, runQualifier, ctx.random);
  if (NOT_INVOCABLE.includes(target.config.state)) {
    throw conflict(`The operation cannot be performed at this time. The function is currently in the following state: ${target.config.state}`);
  }
  return {
    fn,
    target,
    invocationType,
    logType,
    invokedFunctionArn: functionArn(fn.region, fn.account, fn.name, qualifier),
    payload,
    clientContext,
    tenantId,
    durableName,
    managedInstances,
  };
}

/** Records the invocation and runs it; the record is completed when it ends. */
export function runInvocation(ctx: OpContext, p: PreparedInvocation, extra: Partial<InvokeInput> & { streamed?: boolean; durableExecutionArn?: string } = {}): Promise<InvokeOutcome> {
  const invocationType = p.invocationType === 'Event' ? 'Event' : 'RequestResponse';
  const record: InvocationRecord = ctx.store.recordInvocation({
    requestId: ctx.requestId,
    invocationType,
    functionArn: p.invokedFunctionArn,
    version: p.target.version,
    status: 'running',
    startedAt: new Date().toISOString(),
    tenantId: p.tenantId,
    durableExecutionArn: extra.durableExecutionArn,
    streamed: extra.streamed,
  });
  const { streamed: _streamed, durableExecutionArn: _arn, ...inputExtra } = extra;
  return ctx.pool
    .invoke({
      target: p.target,
      requestId: ctx.requestId,
      payload: p.payload,
      invokedFunctionArn: p.invokedFunctionArn,
      // Lambda hands the client context to synchronous invocations only.
      clientContext: invocationType === 'RequestResponse' ? p.clientContext : undefined,
      tenantId: p.tenantId,
      ...inputExtra,
    })
    .then(
      (o) => {
        record.status = o.status;
        record.coldStart = o.coldStart;
        record.functionError = o.functionError;
        record.payloadBytes = o.payloadBytes;
        record.payload = o.payloadBytes <= KEPT_PAYLOAD_BYTES ? o.payload.toString('utf8') : undefined;
        record.log = o.log;
        record.logGroupName = o.logGroupName;
        record.logStreamName = o.logStreamName;
        if (o.streamed) {
          record.streamContentType = o.contentType;
        }
        record.finishedAt = new Date().toISOString();
        return o;
      },
      (e: unknown) => {
        record.status = 'error';
        record.finishedAt = new Date().toISOString();
        throw e;
      },
    );
}

/** X-Amz-Log-Result: the log's last 4 KB (LogType Tail), or where the log is (Lambda Managed Instances). */
export function logResult(p: PreparedInvocation, o: InvokeOutcome): string | undefined {
  if (p.managedInstances) {
    return logReference(o.logGroupName, o.logStreamName);
  }
  return p.logType === 'Tail' ? logTail(o.log) : undefined;
}

/**
 * Starts the durable execution of a durable function's invocation, or finds the one of the same
 * name: the same input answers that execution again, another input is a conflict, as on AWS.
 */
function startDurable(ctx: OpContext, p: PreparedInvocation): { execution: DurableExecutionRecord; existing: boolean } {
  const name = p.durableName ?? randomUUID();
  const existing = p.fn.durableExecutions.get(name);
  if (existing) {
    if (existing.input !== p.payload) {
      throw durableExecutionAlreadyStarted(name, existing.arn);
    }
    return { execution: existing, existing: true };
  }
  const { fn, target } = p;
  const execution: DurableExecutionRecord = {
    name,
    arn: `${functionArn(fn.region, fn.account, fn.name, target.version)}/durable-execution/${name}/${randomUUID()}`,
    version: target.version,
    input: p.payload,
    requestId: ctx.requestId,
    startedAt: new Date().toISOString(),
    status: 'RUNNING',
  };
  fn.durableExecutions.set(name, execution);
  return { execution, existing: false };
}

function syncAnswer(p: PreparedInvocation, o: InvokeOutcome, extraHeaders: Record<string, string> = {}): OpResult {
  const headers: Record<string, string> = { 'X-Amz-Executed-Version': o.executedVersion, ...extraHeaders };
  if (o.functionError) {
    headers['X-Amz-Function-Error'] = o.functionError;
  }
  const result = logResult(p, o);
  if (result !== undefined) {
    headers['X-Amz-Log-Result'] = result;
  }
  return { status: 200, body: o.payload, headers };
}

/** POST /2015-03-31/functions/{FunctionName}/invocations */
export async function invoke(ctx: OpContext): Promise<OpResult> {
  const p = prepareInvocation(ctx, false);
  if (p.invocationType === 'DryRun') {
    return { status: 204 };
  }

  let durable: { execution: DurableExecutionRecord; existing: boolean } | undefined;
  if (p.fn.latest.durable) {
    durable = startDurable(ctx, p);
  }
  const durableHeaders: Record<string, string> = durable ? { 'X-Amz-Durable-Execution-Arn': durable.execution.arn } : {};
  if (durable?.existing) {
    // The same start again: no new run; a synchronous call answers the execution's outcome.
    if (p.invocationType === 'Event') {
      return { status: 202, body: Buffer.alloc(0), headers: durableHeaders };
    }
    const first = await durable.execution.done;
    const headers: Record<string, string> = { 'X-Amz-Executed-Version': durable.execution.version, ...durableHeaders };
    if (first?.functionError) {
      headers['X-Amz-Function-Error'] = first.functionError;
    }
    return { status: 200, body: Buffer.from(first?.payload ?? 'null'), headers };
  }

  const run = runInvocation(ctx, p, { durableExecutionArn: durable?.execution.arn });
  if (durable) {
    const execution = durable.execution;
    execution.done = run.then(
      (o) => {
        execution.status = o.status === 'success' ? 'SUCCEEDED' : o.status === 'timeout' ? 'TIMED_OUT' : 'FAILED';
        return { payload: o.payload.toString('utf8'), functionError: o.functionError, log: o.log };
      },
      (e: unknown) => {
        execution.status = 'FAILED';
        throw e;
      },
    );
    execution.done.catch(() => undefined);
  }

  if (p.invocationType === 'Event') {
    // Runs in the background; the result is in store.invocations.
    run.catch(() => undefined);
    return { status: 202, body: Buffer.alloc(0), headers: durableHeaders };
  }
  return syncAnswer(p, await run, durableHeaders);
}
