/** ARN parsing and the short names shown in the views. Pure: no vscode, no SDK. */

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
  if (target.qualifier && target.qualifier !== '$LATEST') {
    return /^\d+$/.test(target.qualifier) ? `${fn}/versions/${target.qualifier}` : `${fn}/aliases/${encodeURIComponent(target.qualifier)}`;
  }
  return fn;
}
