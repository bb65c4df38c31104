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
import { rangeText } from './validate';

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
export const STREAM_ONLY_SETTINGS = ['ParallelizationFactor', 'TumblingWindowInSeconds'] as const;

/** Error handling that stream mappings and Kafka mappings (Amazon MSK, self-managed Apache Kafka) take. */
export const STREAM_AND_KAFKA_SETTINGS = ['BisectBatchOnFunctionError', 'MaximumRecordAgeInSeconds', 'MaximumRetryAttempts'] as const;

/** The event source of a mapping; a self-managed Apache Kafka cluster has no ARN, only bootstrap servers. */
type SourceKind = EventSourceKind | 'selfManagedKafka';

function sourceKind(current: MappingState): SourceKind {
  const kind = eventSourceKind(current.EventSourceArn);
  if (kind === 'other' && (isObj(current.SelfManagedEventSource) || isObj(current.SelfManagedKafkaEventSourceConfig))) {
    return 'selfManagedKafka';
  }
  return kind;
}

/** The queue, stream or table of the mapping; for self-managed Apache Kafka its first bootstrap server. */
function sourceName(current: MappingState): string {
  const short = shortSourceName(current.EventSourceArn);
  if (short) {
    return short;
  }
  const endpoints = isObj(current.SelfManagedEventSource) ? current.SelfManagedEventSource.Endpoints : undefined;
  const servers = isObj(endpoints) ? endpoints.KAFKA_BOOTSTRAP_SERVERS : undefined;
  return Array.isArray(servers) && typeof servers[0] === 'string' ? servers[0] : (current.UUID ?? '?');
}

function kindLabel(kind: SourceKind): string {
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
    case 'selfManagedKafka':
      return t('a self-managed Apache Kafka cluster');
    default:
      return t('an event source');
  }
}

/** The sources a setting applies to, as the messages name them. */
const SOURCES = {
  kafka: () => t('Amazon MSK and self-managed Apache Kafka mappings'),
  msk: () => t('Amazon MSK mappings'),
  selfManagedKafka: () => t('self-managed Apache Kafka mappings'),
  streamsAndKafka: () => t('Kinesis, DynamoDB Streams, Amazon MSK and self-managed Apache Kafka mappings'),
  sqsAndKafka: () => t('Amazon SQS, Amazon MSK and self-managed Apache Kafka mappings'),
  batchItemFailures: () => t('Kinesis, DynamoDB Streams, Amazon SQS, Amazon MSK and self-managed Apache Kafka mappings'),
};

const KAFKA_CONFIGS = ['AmazonManagedKafkaEventSourceConfig', 'SelfManagedKafkaEventSourceConfig'] as const;

/** The consumption mode of a self-managed Apache Kafka mapping as a file or the mapping gives it. */
function consumptionMode(value: Obj): string | undefined {
  const smk = value.SelfManagedKafkaEventSourceConfig;
  return isObj(smk) && typeof smk.ConsumptionMode === 'string' ? smk.ConsumptionMode : undefined;
}

/** Source access types that need another type in the same list (documented with SourceAccessType). */
const ACCESS_NEEDS: Readonly<Record<string, readonly string[]>> = {
  OAUTHBEARER_SCOPE: ['OAUTHBEARER_AUTH'],
  OAUTHBEARER_LOGICAL_CLUSTER: ['OAUTHBEARER_AUTH'],
  OAUTHBEARER_IDENTITY_POOL: ['OAUTHBEARER_AUTH'],
  OAUTHBEARER_AUDIENCE: ['OAUTHBEARER_AUTH', 'IAM_OAUTHBEARER_AUTH'],
  IAM_OAUTHBEARER_AUTH: ['OAUTHBEARER_AUDIENCE'],
};
/** Types whose value is the function's execution role: they take no URI. */
const ACCESS_WITHOUT_URI = ['IAM_AUTH', 'IAM_OAUTHBEARER_AUTH'];
/** The OAUTHBEARER types IAM_OAUTHBEARER_AUTH does not go with. */
const NOT_WITH_IAM_OAUTHBEARER = ['OAUTHBEARER_AUTH', 'OAUTHBEARER_SCOPE', 'OAUTHBEARER_LOGICAL_CLUSTER', 'OAUTHBEARER_IDENTITY_POOL'];

function sourceAccessRules(parsed: ParsedConfig, list: unknown): ConfigProblem[] {
  if (!Array.isArray(list)) {
    return [];
  }
  const out: ConfigProblem[] = [];
  const types = list.map((item) => (isObj(item) && typeof item.Type === 'string' ? item.Type : undefined));
  list.forEach((item, i) => {
    const type = types[i];
    if (!isObj(item) || type === undefined) {
      return;
    }
    if (ACCESS_WITHOUT_URI.includes(type) && item.URI !== undefined) {
      out.push(problemAt(parsed, ['SourceAccessConfigurations', i, 'URI'], t("SourceAccessConfigurations[{0}]: {1} takes no URI (Lambda signs in with the function's execution role); remove URI.", i, type), 'rule.sourceAccessUri', { onKey: true }));
    }
    const needs = ACCESS_NEEDS[type];
    if (needs && !needs.some((n) => types.includes(n))) {
      out.push(problemAt(parsed, ['SourceAccessConfigurations', i, 'Type'], t('SourceAccessConfigurations[{0}]: {1} needs {2} in the same list.', i, type, needs.join(t(' or '))), 'rule.sourceAccessNeeds'));
    }
    if (NOT_WITH_IAM_OAUTHBEARER.includes(type) && types.includes('IAM_OAUTHBEARER_AUTH')) {
      out.push(problemAt(parsed, ['SourceAccessConfigurations', i, 'Type'], t('SourceAccessConfigurations[{0}]: {1} cannot be used with {2}.', i, type, 'IAM_OAUTHBEARER_AUTH'), 'rule.sourceAccessConflict'));
    }
  });
  return out;
}

/** Rules of the Kafka configs that need nothing but the file. */
function kafkaConfigRules(parsed: ParsedConfig, file: Obj): ConfigProblem[] {
  const out: ConfigProblem[] = [];
  if (isObj(file.AmazonManagedKafkaEventSourceConfig) && isObj(file.SelfManagedKafkaEventSourceConfig)) {
    out.push(
      problemAt(
        parsed,
        ['SelfManagedKafkaEventSourceConfig'],
        t('A mapping reads from an Amazon MSK cluster or from a self-managed Apache Kafka cluster, not both: keep AmazonManagedKafkaEventSourceConfig or SelfManagedKafkaEventSourceConfig.'),
        'rule.kafkaConfigs',
        { onKey: true },
      ),
    );
  }
  for (const config of KAFKA_CONFIGS) {
    const c = file[config];
    const registry = isObj(c) ? c.SchemaRegistryConfig : undefined;
    if (!isObj(registry) || typeof registry.SchemaRegistryURI !== 'string') {
      continue;
    }
    if (parseArn(registry.SchemaRegistryURI)?.service === 'glue' && Array.isArray(registry.AccessConfigs) && registry.AccessConfigs.length > 0) {
      const at: JsonPath = [config, 'SchemaRegistryConfig', 'AccessConfigs'];
      out.push(
        problemAt(parsed, at, t("{0} is an AWS Glue schema registry: Lambda reaches it with the function's execution role, so remove {1}.", formatPath([config, 'SchemaRegistryConfig', 'SchemaRegistryURI']), formatPath(at)), 'rule.glueAccessConfigs', {
          onKey: true,
        }),
      );
    }
  }
  return out;
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
  const dc = file.DestinationConfig;
  const onSuccess = isObj(dc) && isObj(dc.OnSuccess) ? dc.OnSuccess.Destination : undefined;
  if (typeof onSuccess === 'string' && onSuccess !== '') {
    out.push(problemAt(parsed, ['DestinationConfig', 'OnSuccess'], t('An event source mapping takes only an on-failure destination: remove DestinationConfig.OnSuccess.'), 'rule.onSuccessMapping', { onKey: true }));
  }
  const ppc = file.ProvisionedPollerConfig;
  if (isObj(ppc) && typeof ppc.MinimumPollers === 'number' && typeof ppc.MaximumPollers === 'number' && ppc.MinimumPollers > ppc.MaximumPollers) {
    out.push(
      problemAt(
        parsed,
        ['ProvisionedPollerConfig', 'MinimumPollers'],
        t('ProvisionedPollerConfig.MinimumPollers ({0}) is greater than ProvisionedPollerConfig.MaximumPollers ({1}): the minimum cannot exceed the maximum.', ppc.MinimumPollers, ppc.MaximumPollers),
        'rule.pollersMinMax',
      ),
    );
  }
  out.push(...sourceAccessRules(parsed, file.SourceAccessConfigurations));
  out.push(...kafkaConfigRules(parsed, file));
  return out;
}

/** A setting the mapping's event source does not take: the same message for every such rule. */
function notForSource(parsed: ParsedConfig, path: JsonPath, field: string, sources: string, kind: SourceKind, source: string, code: string): ConfigProblem {
  return problemAt(parsed, path, t('{0} applies to {1} only; this mapping reads from {2} ({3}). Remove it.', field, sources, kindLabel(kind), source), code, { onKey: true });
}

/** A number outside the range the mapping's event source allows. */
function outOfRangeForSource(parsed: ParsedConfig, path: JsonPath, value: number, kind: SourceKind, min: number, max: number, code: string): ConfigProblem {
  return problemAt(parsed, path, t('{0} is {1}: for {2} the allowed range is {3}.', formatPath(path), value, kindLabel(kind), rangeText(min, max)), code);
}

/** Rules of the provisioned mode by source: Amazon SQS 2–200 and 2–10000 pollers, Kafka 1–200 and 1–2000, poller groups for Kafka only. */
function provisionedPollerRules(parsed: ParsedConfig, ppc: Obj, kind: SourceKind, source: string): ConfigProblem[] {
  const out: ConfigProblem[] = [];
  const min = ppc.MinimumPollers;
  const max = ppc.MaximumPollers;
  if (kind === 'sqs') {
    if (typeof min === 'number' && min < 2) {
      out.push(outOfRangeForSource(parsed, ['ProvisionedPollerConfig', 'MinimumPollers'], min, kind, 2, 200, 'rule.pollersRange'));
    }
    if (typeof max === 'number' && max < 2) {
      out.push(outOfRangeForSource(parsed, ['ProvisionedPollerConfig', 'MaximumPollers'], max, kind, 2, 10000, 'rule.pollersRange'));
    }
    if (typeof ppc.PollerGroupName === 'string' && ppc.PollerGroupName !== '') {
      out.push(notForSource(parsed, ['ProvisionedPollerConfig', 'PollerGroupName'], 'ProvisionedPollerConfig.PollerGroupName', SOURCES.kafka(), kind, source, 'rule.pollerGroupKafka'));
    }
  } else if (typeof max === 'number' && max > 2000) {
    out.push(outOfRangeForSource(parsed, ['ProvisionedPollerConfig', 'MaximumPollers'], max, kind, 1, 2000, 'rule.pollersRange'));
  }
  return out;
}

/** Rules of the Kafka configs that depend on the mapping: its source, and what cannot change once it is created. */
function kafkaMappingRules(parsed: ParsedConfig, request: Obj, current: MappingState, kind: SourceKind, source: string): ConfigProblem[] {
  const out: ConfigProblem[] = [];
  const owner: Record<(typeof KAFKA_CONFIGS)[number], { kind: SourceKind; sources: string }> = {
    AmazonManagedKafkaEventSourceConfig: { kind: 'kafka', sources: SOURCES.msk() },
    SelfManagedKafkaEventSourceConfig: { kind: 'selfManagedKafka', sources: SOURCES.selfManagedKafka() },
  };
  for (const config of KAFKA_CONFIGS) {
    const sent = request[config];
    if (sent === undefined || sent === null) {
      continue;
    }
    if (kind !== 'other' && kind !== owner[config].kind) {
      out.push(notForSource(parsed, [config], config, owner[config].sources, kind, source, 'rule.kafkaConfigSource'));
      continue;
    }
    const was = current[config];
    if (!isObj(sent) || !isObj(was)) {
      continue;
    }
    const fixed: Array<[string, unknown]> = [['ConsumerGroupId', was.ConsumerGroupId]];
    if (config === 'SelfManagedKafkaEventSourceConfig') {
      fixed.push(['ConsumptionMode', was.ConsumptionMode ?? 'Stream']);
    }
    for (const [field, before] of fixed) {
      const after = sent[field];
      if (typeof before === 'string' && typeof after === 'string' && after !== before) {
        const path: JsonPath = [config, field];
        out.push(problemAt(parsed, path, t('{0} cannot be changed once the mapping is created (it is {1}); to use {2}, create a new mapping.', formatPath(path), JSON.stringify(before), JSON.stringify(after)), 'rule.kafkaFixed'));
      }
    }
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
    if (consumptionMode(file) === 'Queue' && file.MaximumBatchingWindowInSeconds !== undefined) {
      out.push(problemAt(parsed, ['MaximumBatchingWindowInSeconds'], t('MaximumBatchingWindowInSeconds is not supported when the Kafka ConsumptionMode is Queue: remove it.'), 'rule.queueBatchingWindow', { onKey: true }));
    }
    return out;
  }
  const kind = sourceKind(current);
  const source = sourceName(current);
  const currentSettings = currentMappingSettings(current);
  const { request } = mappingUpdateRequest(file, currentSettings);
  const sends = (field: string) => request[field] !== undefined && request[field] !== null;
  const known = kind !== 'other';
  const isStream = kind === 'kinesis' || kind === 'dynamodb';
  const isKafka = kind === 'kafka' || kind === 'selfManagedKafka';

  if (known && !isStream) {
    for (const field of STREAM_ONLY_SETTINGS) {
      if (sends(field)) {
        out.push(problemAt(parsed, [field], t('{0} applies to Kinesis and DynamoDB streams only; this mapping reads from {1} ({2}). Remove it.', field, kindLabel(kind), source), 'rule.streamOnly', { onKey: true }));
      }
    }
  }
  if (known && !isStream && !isKafka) {
    for (const field of STREAM_AND_KAFKA_SETTINGS) {
      if (sends(field)) {
        out.push(notForSource(parsed, [field], field, SOURCES.streamsAndKafka(), kind, source, 'rule.streamOrKafka'));
      }
    }
  }
  if (sends('DestinationConfig')) {
    if (kind === 'sqs' || kind === 'mq' || kind === 'docdb') {
      out.push(problemAt(parsed, ['DestinationConfig'], t('DestinationConfig applies to Kinesis, DynamoDB Streams, Amazon MSK and self-managed Kafka only; this mapping reads from {0} ({1}). Remove it.', kindLabel(kind), source), 'rule.destinationSource', { onKey: true }));
    } else if (isObj(request.DestinationConfig)) {
      const dc = request.DestinationConfig;
      const onFailure = isObj(dc.OnFailure) ? dc.OnFailure.Destination : undefined;
      const service = typeof onFailure === 'string' && onFailure !== '' ? parseArn(onFailure)?.service : undefined;
      if (service && !['sqs', 'sns', 's3'].includes(service)) {
        out.push(problemAt(parsed, ['DestinationConfig', 'OnFailure', 'Destination'], t('DestinationConfig.OnFailure.Destination is a "{0}" ARN: a mapping sends discarded records to an SQS queue, an SNS topic or an S3 bucket.', service), 'rule.destinationType'));
      }
      if (isStream && typeof onFailure === 'string' && onFailure.startsWith('kafka://')) {
        out.push(
          problemAt(
            parsed,
            ['DestinationConfig', 'OnFailure', 'Destination'],
            t('DestinationConfig.OnFailure.Destination is a Kafka topic: only Amazon MSK and self-managed Apache Kafka mappings send discarded records to a Kafka topic; this mapping reads from {0} ({1}).', kindLabel(kind), source),
            'rule.kafkaDestination',
          ),
        );
      }
    }
  }
  if (known && kind !== 'sqs' && sends('ScalingConfig')) {
    out.push(problemAt(parsed, ['ScalingConfig'], t('ScalingConfig applies to Amazon SQS mappings only; this mapping reads from {0} ({1}). Remove it.', kindLabel(kind), source), 'rule.scalingSqsOnly', { onKey: true }));
  }
  if (known && kind !== 'docdb' && sends('DocumentDBEventSourceConfig')) {
    out.push(problemAt(parsed, ['DocumentDBEventSourceConfig'], t('DocumentDBEventSourceConfig applies to DocumentDB mappings only; this mapping reads from {0} ({1}). Remove it.', kindLabel(kind), source), 'rule.documentDbOnly', { onKey: true }));
  }
  if ((kind === 'mq' || kind === 'docdb') && Array.isArray(request.FunctionResponseTypes) && request.FunctionResponseTypes.length > 0) {
    out.push(notForSource(parsed, ['FunctionResponseTypes'], 'FunctionResponseTypes', SOURCES.batchItemFailures(), kind, source, 'rule.responseTypesSource'));
  }
  if (known && !isKafka && sends('LoggingConfig')) {
    out.push(notForSource(parsed, ['LoggingConfig'], 'LoggingConfig', SOURCES.kafka(), kind, source, 'rule.loggingKafkaOnly'));
  }
  if (sends('ProvisionedPollerConfig')) {
    if (known && kind !== 'sqs' && !isKafka) {
      out.push(notForSource(parsed, ['ProvisionedPollerConfig'], 'ProvisionedPollerConfig', SOURCES.sqsAndKafka(), kind, source, 'rule.provisionedSource'));
    } else if (known && isObj(request.ProvisionedPollerConfig)) {
      out.push(...provisionedPollerRules(parsed, request.ProvisionedPollerConfig, kind, source));
    }
  }
  const metrics = isObj(request.MetricsConfig) ? request.MetricsConfig.Metrics : undefined;
  if (known && !isKafka && Array.isArray(metrics)) {
    metrics.forEach((m, i) => {
      if (m === 'ErrorCount' || m === 'KafkaMetrics') {
        const path: JsonPath = ['MetricsConfig', 'Metrics', i];
        out.push(notForSource(parsed, path, `${formatPath(path)} (${JSON.stringify(m)})`, SOURCES.kafka(), kind, source, 'rule.metricsKafkaOnly'));
      }
    });
  }
  out.push(...kafkaMappingRules(parsed, request, current, kind, source));
  if ((consumptionMode(file) ?? consumptionMode(current)) === 'Queue' && sends('MaximumBatchingWindowInSeconds')) {
    out.push(problemAt(parsed, ['MaximumBatchingWindowInSeconds'], t('MaximumBatchingWindowInSeconds is not supported when the Kafka ConsumptionMode is Queue: remove it.'), 'rule.queueBatchingWindow', { onKey: true }));
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
  if (fifo && sends('MaximumBatchingWindowInSeconds') && typeof request.MaximumBatchingWindowInSeconds === 'number' && request.MaximumBatchingWindowInSeconds > 0) {
    out.push(problemAt(parsed, ['MaximumBatchingWindowInSeconds'], t('MaximumBatchingWindowInSeconds is {0}: the FIFO queue {1} takes no batching window (0 only).', request.MaximumBatchingWindowInSeconds, source), 'rule.fifoBatchingWindow'));
  }
  return out;
}
