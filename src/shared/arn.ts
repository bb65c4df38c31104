/**
 * Everything the extension reads out of an ARN or a function reference (name, `name:qualifier`,
 * partial or full ARN), and the short names shown in the views. The one place ARNs are parsed.
 * Pure: no vscode, no SDK.
 */
import { explicitQualifier, isVersionQualifier, LATEST } from './lambdaTarget';

export interface Arn {
  partition: string;
  service: string;
  region: string;
  account: string;
  /** Everything after the account, e.g. `function:name:qualifier` or `table/users/stream/...`. */
  resource: string;
}

export function parseArn(arn: string): Arn | undefined {
  const parts = arn.split(':');
  if (parts.length < 6 || parts[0] !== 'arn') {
    return undefined;
  }
  const [, partition, service, region, account, ...rest] = parts;
  return { partition, service, region, account, resource: rest.join(':') };
}

export type EventSourceKind = 'sqs' | 'kinesis' | 'dynamodb' | 'kafka' | 'mq' | 'docdb' | 'other';

export function eventSourceKind(arn: string | undefined): EventSourceKind {
  const service = arn ? parseArn(arn)?.service : undefined;
  switch (service) {
    case 'sqs':
      return 'sqs';
    case 'kinesis':
      return 'kinesis';
    case 'dynamodb':
      return 'dynamodb';
    case 'kafka':
      return 'kafka';
    case 'mq':
      return 'mq';
    case 'rds':
      return 'docdb';
    default:
      return 'other';
  }
}

/** True for sources whose records arrive as a stream (Kinesis, DynamoDB Streams): the stream-only settings apply. */
export function isStreamSource(arn: string | undefined): boolean {
  const kind = eventSourceKind(arn);
  return kind === 'kinesis' || kind === 'dynamodb';
}

/**
 * The name a person recognises: the queue, the stream or the table.
 *   arn:aws:sqs:us-east-1:1:orders-queue                       -> orders-queue
 *   arn:aws:kinesis:eu-west-1:1:stream/clickstream             -> clickstream
 *   arn:aws:dynamodb:us-east-1:1:table/users/stream/2026-...   -> users
 *   arn:aws:kafka:us-east-1:1:cluster/demo/abc                 -> demo
 */
export function shortSourceName(arn: string | undefined): string {
  if (!arn) {
    return '';
  }
  const parsed = parseArn(arn);
  if (!parsed) {
    return arn;
  }
  const segments = parsed.resource.split(/[/:]/).filter((s) => s.length > 0);
  switch (parsed.service) {
    case 'sqs':
      return parsed.resource;
    case 'kinesis':
    case 'dynamodb':
    case 'kafka':
    case 'mq':
      return segments[1] ?? parsed.resource;
    default:
      return segments[segments.length - 1] ?? parsed.resource;
  }
}

/** The function name from a name, `name:qualifier`, a partial ARN or a full ARN. */
export function functionNameOf(nameOrArn: string): string {
  const parsed = parseArn(nameOrArn);
  if (parsed && parsed.service === 'lambda') {
    return parsed.resource.split(':')[1] ?? nameOrArn;
  }
  const parts = nameOrArn.split(':');
  const i = parts.indexOf('function');
  if (i >= 0 && parts[i + 1]) {
    return parts[i + 1];
  }
  return parts[0];
}

/** The AWS console page of a function, or of an event source mapping. */
export function consoleUrl(target: { kind: 'function'; region: string; name: string; qualifier?: string } | { kind: 'mapping'; region: string; uuid: string }, partition = 'aws'): string {
  const host = partition === 'aws-cn' ? 'console.amazonaws.cn' : partition === 'aws-us-gov' ? 'console.amazonaws-us-gov.com' : 'console.aws.amazon.com';
  const base = `https://${target.region}.${host}/lambda/home?region=${encodeURIComponent(target.region)}`;
  if (target.kind === 'mapping') {
    return `${base}#/eventSourceMappings/${encodeURIComponent(target.uuid)}`;
  }
  const fn = `${base}#/functions/${encodeURIComponent(target.name)}`;
  const q = explicitQualifier(target.qualifier);
  if (q) {
    return isVersionQualifier(q) ? `${fn}/versions/${q}` : `${fn}/aliases/${encodeURIComponent(q)}`;
  }
  return fn;
}

/** The account of an ARN (`arn:aws:lambda:us-east-1:111111111111:function:x` → `111111111111`). */
export function accountOfArn(arn: string | undefined): string | undefined {
  const account = arn ? parseArn(arn)?.account : undefined;
  return account && /^\d{12}$/.test(account) ? account : undefined;
}

/** The partition of an ARN (`aws`, `aws-cn`, `aws-us-gov`). */
export function partitionOfArn(arn: string | undefined): string | undefined {
  return arn ? parseArn(arn)?.partition : undefined;
}

/**
 * The qualifier of a function ARN (`...:function:name:live` → `live`); `$LATEST` when the
 * ARN has none.
 */
export function qualifierOfArn(functionArn: string | undefined): string {
  if (!functionArn) {
    return LATEST;
  }
  const parsed = parseArn(functionArn);
  const parts = parsed ? parsed.resource.split(':') : functionArn.split(':');
  // `function:name:qualifier` (full ARN) or `name:qualifier`
  const i = parts.indexOf('function');
  const q = i >= 0 ? parts[i + 2] : parsed ? undefined : parts[1];
  return q ? q : LATEST;
}

/** The function ARN without its qualifier; what is not a function ARN comes back as it is. */
export function unqualifiedArn(functionArn: string): string {
  const parsed = parseArn(functionArn);
  if (!parsed || parsed.service !== 'lambda') {
    return functionArn;
  }
  const parts = parsed.resource.split(':');
  if (parts[0] === 'function' && parts.length > 2) {
    return functionArn.slice(0, functionArn.length - parts[parts.length - 1].length - 1);
  }
  return functionArn;
}

/** The function ARN (unqualified), or undefined when `arn` is not a function ARN. */
export function functionArnOf(arn: string | undefined): string | undefined {
  const parsed = arn ? parseArn(arn) : undefined;
  return parsed && parsed.service === 'lambda' && parsed.resource.startsWith('function:') ? unqualifiedArn(arn!) : undefined;
}

/** The ARN with `qualifier` (none, or `$LATEST`, gives the unqualified ARN). */
export function qualifiedArn(functionArn: string, qualifier: string | undefined): string {
  const base = unqualifiedArn(functionArn);
  const q = explicitQualifier(qualifier);
  return q ? `${base}:${q}` : base;
}

/** The name a person recognises in a destination ARN: a function, queue, topic, bus or bucket. */
export function shortResourceName(arn: string | undefined): string {
  if (!arn) {
    return '';
  }
  const parsed = parseArn(arn);
  if (!parsed) {
    return arn;
  }
  if (parsed.service === 'lambda') {
    const parts = parsed.resource.split(':');
    return parts[0] === 'function' && parts[1] ? parts.slice(1).join(':') : parsed.resource;
  }
  const segments = parsed.resource.split(/[/:]/).filter((s) => s.length > 0);
  return segments[segments.length - 1] ?? arn;
}

/** The ARN of an event source mapping, from the mapping or built from its function's ARN. */
export function mappingArn(mapping: { UUID?: string; FunctionArn?: string; EventSourceMappingArn?: string }, region: string): string | undefined {
  if (mapping.EventSourceMappingArn) {
    return mapping.EventSourceMappingArn;
  }
  const fn = mapping.FunctionArn ? parseArn(mapping.FunctionArn) : undefined;
  if (!fn || !mapping.UUID) {
    return undefined;
  }
  return `arn:${fn.partition}:lambda:${region}:${fn.account}:event-source-mapping:${mapping.UUID}`;
}

const REGION = /^[a-z]{2}(-gov|-iso[a-z]*)?-[a-z]+-\d$/;

/** True for a region name such as `us-east-1` or `us-gov-west-1`. */
export function isRegionName(s: string | undefined): boolean {
  return !!s && REGION.test(s);
}

/**
 * The region a function reference names: a full ARN (`arn:aws:lambda:REGION:...`) or a partial
 * ARN that starts with a region (`REGION:ACCOUNT:function:NAME`); undefined for a plain name.
 */
export function regionOfFunctionReference(ref: unknown): string | undefined {
  if (typeof ref !== 'string') {
    return undefined;
  }
  const arn = parseArn(ref);
  if (arn) {
    return isRegionName(arn.region) ? arn.region : undefined;
  }
  const first = ref.split(':')[0];
  return isRegionName(first) ? first : undefined;
}

/** Name and qualifier of a function reference (name, name:qualifier, partial or full ARN). */
export function splitFunctionReference(ref: string): { name: string; qualifier?: string } {
  const parts = ref.split(':');
  const i = parts.indexOf('function');
  if (i >= 0 && parts[i + 1]) {
    return { name: parts[i + 1], qualifier: parts[i + 2] };
  }
  if (parseArn(ref)) {
    return { name: functionNameOf(ref) };
  }
  return { name: parts[0], qualifier: parts[1] };
}
