/**
 * The files the Edit and New commands open: prefilled from the current settings (plain JSON,
 * the input of the AWS CLI's --cli-input-json) or a commented template (JSONC) when there is
 * nothing to prefill. Pure.
 */
import { eventSourceKind, shortSourceName, unqualifiedArn } from '../../shared/arn';
import { t } from '../../shared/l10n';
import { explicitQualifier, targetLabel, type LambdaTarget } from '../../shared/lambdaTarget';
import { currentMappingSettings } from './compute';
import { propertyOrder } from './schemas';
import type { EventInvokeSettings, MappingState } from './types';

/** What a file's FunctionName holds for a target: its unqualified ARN when known, else its name. */
export function functionReference(target: LambdaTarget): string {
  return target.functionArn ? unqualifiedArn(target.functionArn) : target.functionName;
}

function ordered(value: Record<string, unknown>, order: string[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const k of [...order, ...Object.keys(value)]) {
    if (value[k] !== undefined && !(k in out)) {
      out[k] = value[k];
    }
  }
  return out;
}

function identity(target: LambdaTarget): Record<string, unknown> {
  const id: Record<string, unknown> = { FunctionName: functionReference(target) };
  const qualifier = explicitQualifier(target.qualifier);
  if (qualifier) {
    id.Qualifier = qualifier;
  }
  return id;
}

/** An event invoke config file holding the current settings (`.json`). */
export function eventInvokeConfigFile(target: LambdaTarget, settings: EventInvokeSettings): string {
  const value = ordered({ ...identity(target), ...settings }, propertyOrder('eventInvokeConfig'));
  return `${JSON.stringify(value, null, 2)}\n`;
}

const q = (s: string) => JSON.stringify(s);

/** A commented template of an event invoke config (`.jsonc`), for a function that has none yet. */
export function eventInvokeConfigTemplate(target: LambdaTarget, options: { hasConfig: boolean }): string {
  const id = identity(target);
  const label = targetLabel(target);
  const lines = [
    `// ${t('Event invoke config of {0}: how Lambda handles asynchronous invocations.', label)}`,
    options.hasConfig ? `// ${t('It has one already: "Edit Event Invoke Config" opens it with the current settings.')}` : `// ${t('It has none yet: Lambda retries twice and keeps events for up to 6 hours.')}`,
    `// ${t('Set the values, then "Apply to AWS": Replace (Put) sets exactly these settings and removes the others; Update (Merge) changes only these.')}`,
    `// ${t('Without the comments, as a .json file, this is the input of: aws lambda put-function-event-invoke-config --cli-input-json file://FILE')}`,
    '{',
    `  "FunctionName": ${q(String(id.FunctionName))},`,
  ];
  if (id.Qualifier) {
    lines.push(`  "Qualifier": ${q(String(id.Qualifier))},`);
  }
  lines.push(
    `  // ${t('Where records of invocations go: the ARN of a Lambda function, an SQS queue, an SNS topic or an EventBridge event bus (on failure also an S3 bucket).')}`,
    '  // "DestinationConfig": {',
    '  //   "OnSuccess": { "Destination": "arn:aws:sns:us-east-1:123456789012:my-topic" },',
    '  //   "OnFailure": { "Destination": "arn:aws:sqs:us-east-1:123456789012:my-dlq" }',
    '  // },',
    `  // ${t('Retries when the function returns an error: 0 to 2 (default 2).')}`,
    '  "MaximumRetryAttempts": 2,',
    `  // ${t('Maximum age of an event in the queue, in seconds: 60 to 21600 (default 21600, six hours).')}`,
    '  "MaximumEventAgeInSeconds": 21600',
    '}',
    '',
  );
  return lines.join('\n');
}

/** An event source mapping file holding the current settings (`.json`). */
export function eventSourceMappingFile(state: MappingState): string {
  const value = ordered({ UUID: state.UUID, ...currentMappingSettings(state) }, propertyOrder('eventSourceMapping'));
  return `${JSON.stringify(value, null, 2)}\n`;
}

interface Suggestion {
  field: string;
  comment: string;
  example: unknown;
}

/** A commented template of a mapping update (`.jsonc`): the settings that apply to its source, commented out with their current values. */
export function eventSourceMappingTemplate(state: MappingState, region?: string): string {
  const kind = eventSourceKind(state.EventSourceArn);
  const current = currentMappingSettings(state);
  const isStream = kind === 'kinesis' || kind === 'dynamodb';
  const fifo = kind === 'sqs' && (state.EventSourceArn ?? '').endsWith('.fifo');
  const value = (field: string, fallback: unknown) => (current[field] !== undefined ? current[field] : fallback);
  const suggestions: Suggestion[] = [
    { field: 'Enabled', comment: t('true: active; false: Lambda pauses polling and invocation.'), example: value('Enabled', true) },
    {
      field: 'BatchSize',
      comment: fifo ? t('Records per batch: 1 to 10 for a FIFO queue.') : t('Records per batch: 1 to 10000. Above 10, MaximumBatchingWindowInSeconds must be at least 1.'),
      example: value('BatchSize', kind === 'sqs' ? 10 : 100),
    },
    { field: 'MaximumBatchingWindowInSeconds', comment: t('Seconds to gather records before invoking: 0 to 300.'), example: value('MaximumBatchingWindowInSeconds', 0) },
    {
      field: 'FunctionResponseTypes',
      comment: t('With ReportBatchItemFailures the function reports the records that failed, and only those are retried.'),
      example: Array.isArray(current.FunctionResponseTypes) && current.FunctionResponseTypes.length > 0 ? current.FunctionResponseTypes : ['ReportBatchItemFailures'],
    },
    { field: 'FilterCriteria', comment: t('Only events that match a filter pattern are processed.'), example: value('FilterCriteria', { Filters: [{ Pattern: '{"body": {"status": ["ready"]}}' }] }) },
  ];
  if (kind === 'sqs') {
    suggestions.push({ field: 'ScalingConfig', comment: t('Maximum concurrent invocations by this queue: 2 to 1000.'), example: value('ScalingConfig', { MaximumConcurrency: 2 }) });
  }
  if (isStream) {
    suggestions.push(
      { field: 'ParallelizationFactor', comment: t('Batches processed at once from each shard: 1 to 10.'), example: value('ParallelizationFactor', 1) },
      { field: 'BisectBatchOnFunctionError', comment: t('Split a failed batch in two and retry.'), example: value('BisectBatchOnFunctionError', false) },
      { field: 'MaximumRetryAttempts', comment: t('Retries before a record is discarded: -1 (until it expires) to 10000.'), example: value('MaximumRetryAttempts', -1) },
      { field: 'MaximumRecordAgeInSeconds', comment: t('Discard records older than this: -1 (never), or 60 to 604800 seconds.'), example: value('MaximumRecordAgeInSeconds', -1) },
      { field: 'TumblingWindowInSeconds', comment: t('Tumbling window in seconds: 0 (none) to 900.'), example: value('TumblingWindowInSeconds', 0) },
      { field: 'DestinationConfig', comment: t('Where discarded records go: an SQS queue or an SNS topic.'), example: value('DestinationConfig', { OnFailure: { Destination: 'arn:aws:sqs:us-east-1:123456789012:my-dlq' } }) },
    );
  }
  const source = shortSourceName(state.EventSourceArn) || state.EventSourceArn || '?';
  const lines = [
    `// ${t('Event source mapping {0}: {1} → {2}{3}.', state.UUID ?? '', source, state.FunctionArn ?? '?', region ? ` (${region})` : '')}`,
    `// ${t('Uncomment the settings to change, then "Apply to AWS": only the settings given change.')}`,
    `// ${t('Without the comments, as a .json file, this is the input of: aws lambda update-event-source-mapping --cli-input-json file://FILE')}`,
    '{',
  ];
  for (const s of suggestions) {
    lines.push(`  // ${s.comment}`);
    const json = JSON.stringify(s.example, null, 2).split('\n');
    json.forEach((l, i) => lines.push(`  // ${i === 0 ? `${q(s.field)}: ` : ''}${l}${i === json.length - 1 ? ',' : ''}`));
  }
  lines.push(`  "UUID": ${q(state.UUID ?? '')}`);
  lines.push('}', '');
  return lines.join('\n');
}
