/**
 * Rules a JSON Schema cannot express: they span several fields, or depend on the resource's
 * current state (the event source of a mapping). Problems point at the field to change.
 */
import { EventSourceKind, eventSourceKind, parseArn, shortSourceName } from '../../shared/arn';
import { t } from '../../shared/l10n';
import { currentMappingSettings, mappingUpdateRequest } from './compute';
import { splitFunctionReference } from '../../shared/arn';
import { ParsedConfig, formatPath, problemAt } from './parse';
import type { ConfigProblem, JsonPath, MappingState } from './types';

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

function fileObject(parsed: ParsedConfig): Obj | undefined {
  return parsed.root?.type === 'object' && isObj(parsed.value) ? parsed.value : undefined;
}

/** A function name alone is limited to 64 characters (the 140 of the schema count a whole ARN). */
function functionNameLength(parsed: ParsedConfig, value: unknown): ConfigProblem[] {
  if (typeof value !== 'string' || value === '') {
    return [];
  }
  const { name } = splitFunctionReference(value);
  if (name.length > 64) {
    return [problemAt(parsed, ['FunctionName'], t('The function name in FunctionName is {0} characters long: a function name is at most 64 characters.', name.length), 'rule.functionNameLength')];
  }
  return [];
}

const ASYNC_DESTINATIONS: Record<'OnSuccess' | 'OnFailure', string[]> = {
  OnSuccess: ['lambda', 'sqs', 'sns', 'events'],
  OnFailure: ['lambda', 'sqs', 'sns', 'events', 's3'],
};

/** Rules of an event invoke config file. */
export function checkEventInvokeConfigRules(parsed: ParsedConfig): ConfigProblem[] {
  const file = fileObject(parsed);
  if (!file) {
    return [];
  }
  const out = functionNameLength(parsed, file.FunctionName);
  if (typeof file.FunctionName === 'string' && typeof file.Qualifier === 'string') {
    const inName = splitFunctionReference(file.FunctionName).qualifier;
    if (inName !== undefined && inName !== file.Qualifier) {
      out.push(problemAt(parsed, ['Qualifier'], t('Qualifier "{0}" differs from the qualifier "{1}" in FunctionName: give the qualifier once, or the same in both.', file.Qualifier, inName), 'rule.qualifierMismatch'));
    }
  }
  const dc = file.DestinationConfig;
  if (isObj(dc)) {
    for (const side of ['OnSuccess', 'OnFailure'] as const) {
      const d = dc[side];
      const arn = isObj(d) ? d.Destination : undefined;
      if (typeof arn !== 'string' || arn === '') {
        continue;
      }
      const service = parseArn(arn)?.service;
      if (service && !ASYNC_DESTINATIONS[side].includes(service)) {
        out.push(
          problemAt(
            parsed,
            ['DestinationConfig', side, 'Destination'],
            side === 'OnFailure'
              ? t('DestinationConfig.OnFailure.Destination is a "{0}" ARN: it must be a Lambda function, an SQS queue, an SNS topic, an EventBridge event bus or an S3 bucket.', service)
              : t('DestinationConfig.OnSuccess.Destination is a "{0}" ARN: it must be a Lambda function, an SQS queue, an SNS topic or an EventBridge event bus.', service),
            'rule.destinationType',
          ),
        );
      }
    }
  }
  return out;
}

/** Settings that only Kinesis and DynamoDB stream mappings take. */
export const STREAM_ONLY_SETTINGS = ['BisectBatchOnFunctionError', 'MaximumRecordAgeInSeconds', 'MaximumRetryAttempts', 'ParallelizationFactor', 'TumblingWindowInSeconds'] as const;

function kindLabel(kind: EventSourceKind): string {
  switch (kind) {
    case 'sqs':
      return t('an Amazon SQS queue');
    case 'kinesis':
      return t('a Kinesis stream');
    case 'dynamodb':
      return t('a DynamoDB stream');
    case 'kafka':
      return t('an Amazon MSK cluster');
    case 'mq':
      return t('an Amazon MQ broker');
    case 'docdb':
      return t('a DocumentDB cluster');
    default:
      return t('an event source');
  }
}

/** Rules of a mapping file that need nothing but the file. */
function localMappingRules(parsed: ParsedConfig, file: Obj): ConfigProblem[] {
  const out = functionNameLength(parsed, file.FunctionName);
  const fc = file.FilterCriteria;
  if (isObj(fc) && Array.isArray(fc.Filters)) {
    fc.Filters.forEach((f, i) => {
      if (!isObj(f) || typeof f.Pattern !== 'string') {
        return;
      }
      let parsedPattern: unknown;
      try {
        parsedPattern = JSON.parse(f.Pattern);
      } catch {
        parsedPattern = undefined;
      }
      if (!isObj(parsedPattern)) {
        const path: JsonPath = ['FilterCriteria', 'Filters', i, 'Pattern'];
        out.push(problemAt(parsed, path, t('{0} must be a JSON object written as a string, for example "{\\"body\\": {\\"status\\": [\\"ready\\"]}}".', formatPath(path)), 'rule.filterPattern'));
      }
    });
  }
  return out;
}

/**
 * Rules of a mapping file. Without `current`, only the rules that need nothing else; with the
 * mapping as GetEventSourceMapping reports it, also the rules that depend on its event source,
 * checked on the settings the update actually changes.
 */
export function checkMappingRules(parsed: ParsedConfig, current?: MappingState): ConfigProblem[] {
  const file = fileObject(parsed);
  if (!file) {
    return [];
  }
  const out = localMappingRules(parsed, file);
  if (!current) {
    return out;
  }
  const kind = eventSourceKind(current.EventSourceArn);
  const source = shortSourceName(current.EventSourceArn);
  const currentSettings = currentMappingSettings(current);
  const { request } = mappingUpdateRequest(file, currentSettings);
  const sends = (field: string) => request[field] !== undefined && request[field] !== null;
  const known = kind !== 'other';
  const isStream = kind === 'kinesis' || kind === 'dynamodb';

  if (known && !isStream) {
    for (const field of STREAM_ONLY_SETTINGS) {
      if (sends(field)) {
        out.push(problemAt(parsed, [field], t('{0} applies to Kinesis and DynamoDB streams only; this mapping reads from {1} ({2}). Remove it.', field, kindLabel(kind), source), 'rule.streamOnly', { onKey: true }));
      }
    }
  }
  if (sends('DestinationConfig')) {
    if (kind === 'sqs' || kind === 'mq' || kind === 'docdb') {
      out.push(problemAt(parsed, ['DestinationConfig'], t('DestinationConfig applies to Kinesis, DynamoDB Streams, Amazon MSK and self-managed Kafka only; this mapping reads from {0} ({1}). Remove it.', kindLabel(kind), source), 'rule.destinationSource', { onKey: true }));
    } else if (isObj(request.DestinationConfig)) {
      const dc = request.DestinationConfig;
      const onSuccess = isObj(dc.OnSuccess) ? dc.OnSuccess.Destination : undefined;
      if (isStream && typeof onSuccess === 'string' && onSuccess !== '') {
        out.push(problemAt(parsed, ['DestinationConfig', 'OnSuccess'], t('A stream mapping takes only an on-failure destination: remove DestinationConfig.OnSuccess.'), 'rule.onSuccessStream', { onKey: true }));
      }
      const onFailure = isObj(dc.OnFailure) ? dc.OnFailure.Destination : undefined;
      const service = typeof onFailure === 'string' && onFailure !== '' ? parseArn(onFailure)?.service : undefined;
      if (service && !['sqs', 'sns', 's3'].includes(service)) {
        out.push(problemAt(parsed, ['DestinationConfig', 'OnFailure', 'Destination'], t('DestinationConfig.OnFailure.Destination is a "{0}" ARN: a mapping sends discarded records to an SQS queue, an SNS topic or an S3 bucket.', service), 'rule.destinationType'));
      }
    }
  }
  if (known && kind !== 'sqs' && sends('ScalingConfig')) {
    out.push(problemAt(parsed, ['ScalingConfig'], t('ScalingConfig applies to Amazon SQS mappings only; this mapping reads from {0} ({1}). Remove it.', kindLabel(kind), source), 'rule.scalingSqsOnly', { onKey: true }));
  }
  if (known && kind !== 'docdb' && sends('DocumentDBEventSourceConfig')) {
    out.push(problemAt(parsed, ['DocumentDBEventSourceConfig'], t('DocumentDBEventSourceConfig applies to DocumentDB mappings only; this mapping reads from {0} ({1}). Remove it.', kindLabel(kind), source), 'rule.documentDbOnly', { onKey: true }));
  }

  const batch = typeof request.BatchSize === 'number' ? request.BatchSize : typeof currentSettings.BatchSize === 'number' ? currentSettings.BatchSize : undefined;
  const windowSeconds =
    typeof request.MaximumBatchingWindowInSeconds === 'number'
      ? request.MaximumBatchingWindowInSeconds
      : typeof currentSettings.MaximumBatchingWindowInSeconds === 'number'
        ? currentSettings.MaximumBatchingWindowInSeconds
        : 0;
  const fifo = kind === 'sqs' && (current.EventSourceArn ?? '').endsWith('.fifo');
  if (fifo && batch !== undefined && batch > 10 && sends('BatchSize')) {
    out.push(problemAt(parsed, ['BatchSize'], t('BatchSize is {0}: the FIFO queue {1} takes at most 10 records a batch.', batch, source), 'rule.fifoBatchSize'));
  } else if ((kind === 'sqs' || isStream) && (sends('BatchSize') || sends('MaximumBatchingWindowInSeconds')) && batch !== undefined && batch > 10 && windowSeconds < 1) {
    const at: JsonPath = sends('BatchSize') ? ['BatchSize'] : ['MaximumBatchingWindowInSeconds'];
    out.push(
      problemAt(
        parsed,
        at,
        t('BatchSize {0} needs MaximumBatchingWindowInSeconds of at least 1 for {1} (it would be {2}): set MaximumBatchingWindowInSeconds to 1–300, or BatchSize to 10 or less.', batch, kindLabel(kind), windowSeconds),
        'rule.batchWindow',
      ),
    );
  }
  return out;
}
