import { invalidParameter, notFound } from '../errors';
import type { EventInvokeConfigRecord, FunctionRecord } from '../store';
import { functionArn } from '../store';
import {
  DESTINATION_ARN_PATTERN,
  RULE_140,
  RULE_140_UNQUALIFIED,
  arnService,
  checkInteger,
  checkLength,
  checkObject,
  checkPattern,
  checkString,
  parseMaxItems,
} from '../validation';
import { OpContext, OpResult, jsonBody, lookupFunction, page } from './context';

const PAGE_CONFIGS = 50;

export function toEventInvokeConfig(fn: FunctionRecord, c: EventInvokeConfigRecord): Record<string, unknown> {
  const out: Record<string, unknown> = {
    LastModified: c.lastModified,
    FunctionArn: functionArn(fn.region, fn.account, fn.name, c.qualifier),
  };
  if (c.maximumRetryAttempts !== undefined) {
    out.MaximumRetryAttempts = c.maximumRetryAttempts;
  }
  if (c.maximumEventAgeInSeconds !== undefined) {
    out.MaximumEventAgeInSeconds = c.maximumEventAgeInSeconds;
  }
  out.DestinationConfig = {
    OnSuccess: c.onSuccess ? { Destination: c.onSuccess } : {},
    OnFailure: c.onFailure ? { Destination: c.onFailure } : {},
  };
  return out;
}

interface ParsedConfigBody {
  maximumRetryAttempts?: number;
  maximumEventAgeInSeconds?: number;
  /** undefined: not given; '' : given empty (remove). */
  onSuccess?: string;
  onFailure?: string;
  hasDestinationConfig: boolean;
}

const ON_SUCCESS_SERVICES = ['lambda', 'sqs', 'sns', 'events'];
const ON_FAILURE_SERVICES = ['lambda', 'sqs', 'sns', 'events', 's3'];

function parseDestination(value: unknown, member: string, services: string[]): string | undefined {
  if (value === undefined || value === null) {
    return undefined;
  }
  const obj = checkObject(value, member);
  if (obj.Destination === undefined || obj.Destination === null) {
    return '';
  }
  const arn = checkString(obj.Destination, `${member}.destination`);
  checkLength(arn, `${member}.destination`, 0, 350);
  checkPattern(arn, `${member}.destination`, DESTINATION_ARN_PATTERN);
  if (arn !== '' && !services.includes(arnService(arn) ?? '')) {
    throw invalidParameter(`The destination ARN ${arn} is invalid: use the ARN of a Lambda function, SQS queue, SNS topic or EventBridge event bus${services.includes('s3') ? ' (or S3 bucket on failure)' : ''}.`);
  }
  return arn;
}

function parseConfigBody(ctx: OpContext): ParsedConfigBody {
  const body = jsonBody(ctx);
  const out: ParsedConfigBody = { hasDestinationConfig: false };
  if (body.MaximumRetryAttempts !== undefined && body.MaximumRetryAttempts !== null) {
    out.maximumRetryAttempts = checkInteger(body.MaximumRetryAttempts, 'maximumRetryAttempts', 0, 2);
  }
  if (body.MaximumEventAgeInSeconds !== undefined && body.MaximumEventAgeInSeconds !== null) {
    out.maximumEventAgeInSeconds = checkInteger(body.MaximumEventAgeInSeconds, 'maximumEventAgeInSeconds', 60, 21600);
  }
  if (body.DestinationConfig !== undefined && body.DestinationConfig !== null) {
    const dc = checkObject(body.DestinationConfig, 'destinationConfig');
    out.hasDestinationConfig = true;
    out.onSuccess = parseDestination(dc.OnSuccess, 'destinationConfig.onSuccess', ON_SUCCESS_SERVICES);
    out.onFailure = parseDestination(dc.OnFailure, 'destinationConfig.onFailure', ON_FAILURE_SERVICES);
  }
  return out;
}

/** Finds the function and the qualifier key ('$LATEST', version or alias), which must exist. */
function target(ctx: OpContext): { fn: FunctionRecord; key: string } {
  const { fn, qualifier } = lookupFunction(ctx, ctx.params[0], RULE_140, ctx.query.Qualifier);
  ctx.store.resolve(fn, qualifier);
  return { fn, key: qualifier ?? '$LATEST' };
}

const missing = (fn: FunctionRecord, key: string): Error =>
  notFound(`The function ${functionArn(fn.region, fn.account, fn.name, key)} doesn't have an EventInvokeConfig`);

export function getFunctionEventInvokeConfig(ctx: OpContext): OpResult {
  const { fn, key } = target(ctx);
  const c = ctx.store.getEventInvokeConfig(fn, key);
  if (!c) {
    throw missing(fn, key);
  }
  return { status: 200, body: toEventInvokeConfig(fn, c) };
}

/** PUT: replaces the whole configuration; settings left out are removed. */
export function putFunctionEventInvokeConfig(ctx: OpContext): OpResult {
  const { fn, key } = target(ctx);
  const b = parseConfigBody(ctx);
  const c = ctx.store.putEventInvokeConfig(fn, {
    qualifier: key,
    maximumRetryAttempts: b.maximumRetryAttempts,
    maximumEventAgeInSeconds: b.maximumEventAgeInSeconds,
    onSuccess: b.onSuccess || undefined,
    onFailure: b.onFailure || undefined,
  });
  return { status: 200, body: toEventInvokeConfig(fn, c) };
}

/** POST: changes only the settings given. */
export function updateFunctionEventInvokeConfig(ctx: OpContext): OpResult {
  const { fn, key } = target(ctx);
  const b = parseConfigBody(ctx);
  const existing = ctx.store.getEventInvokeConfig(fn, key);
  if (!existing) {
    throw missing(fn, key);
  }
  const c = ctx.store.putEventInvokeConfig(fn, {
    qualifier: key,
    maximumRetryAttempts: b.maximumRetryAttempts ?? existing.maximumRetryAttempts,
    maximumEventAgeInSeconds: b.maximumEventAgeInSeconds ?? existing.maximumEventAgeInSeconds,
    onSuccess: b.onSuccess === undefined ? existing.onSuccess : b.onSuccess || undefined,
    onFailure: b.onFailure === undefined ? existing.onFailure : b.onFailure || undefined,
  });
  return { status: 200, body: toEventInvokeConfig(fn, c) };
}

export function deleteFunctionEventInvokeConfig(ctx: OpContext): OpResult {
  const { fn, key } = target(ctx);
  if (!fn.eventInvokeConfigs.delete(key)) {
    throw missing(fn, key);
  }
  return { status: 204 };
}

export function listFunctionEventInvokeConfigs(ctx: OpContext): OpResult {
  const { fn } = lookupFunction(ctx, ctx.params[0], RULE_140_UNQUALIFIED);
  const maxItems = parseMaxItems(ctx.query.MaxItems, 50);
  const sortKey = (q: string): string => (q === '$LATEST' ? '0' : /^[0-9]+$/.test(q) ? `1${q.padStart(10, '0')}` : `2${q}`);
  const configs = [...fn.eventInvokeConfigs.values()].sort((a, b) => (sortKey(a.qualifier) < sortKey(b.qualifier) ? -1 : 1));
  const p = page(configs, (c) => sortKey(c.qualifier), ctx.query.Marker, maxItems, PAGE_CONFIGS);
  const body: Record<string, unknown> = { FunctionEventInvokeConfigs: p.items.map((c) => toEventInvokeConfig(fn, c)) };
  if (p.nextMarker) {
    body.NextMarker = p.nextMarker;
  }
  return { status: 200, body };
}
