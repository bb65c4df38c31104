import { inUse, invalidParameter, notFound } from '../errors';
import type { EventSourceMappingRecord, MappingSettings } from '../store';
import { eventSourceKind, functionArn, isFifoQueue } from '../store';
import {
  DESTINATION_ARN_PATTERN,
  RULE_140,
  arnService,
  checkArray,
  checkBoolean,
  checkEnum,
  checkInteger,
  checkLength,
  checkObject,
  checkPattern,
  checkString,
  parseFunctionName,
  parseMaxItems,
} from '../validation';
import { OpContext, OpResult, checkScope, jsonBody, page } from './context';

const PAGE_MAPPINGS = 100;
const EVENT_SOURCE_ARN_PATTERN = String.raw`arn:(aws[a-zA-Z0-9-]*):([a-zA-Z0-9\-])+:([a-z]{2}(-gov)?-[a-z]+-\d{1})?:(\d{12})?:(.*)`;
const SOURCE_ACCESS_TYPES = [
  'BASIC_AUTH',
  'VPC_SUBNET',
  'VPC_SECURITY_GROUP',
  'SASL_SCRAM_512_AUTH',
  'SASL_SCRAM_256_AUTH',
  'VIRTUAL_HOST',
  'CLIENT_CERTIFICATE_TLS_AUTH',
  'SERVER_ROOT_CA_CERTIFICATE',
] as const;
/** Default quota of filters per event source mapping. */
export const MAX_FILTERS = 5;

/** Fields that only Kinesis and DynamoDB stream mappings take. */
export const STREAM_ONLY_FIELDS = [
  'BisectBatchOnFunctionError',
  'MaximumRecordAgeInSeconds',
  'MaximumRetryAttempts',
  'ParallelizationFactor',
  'TumblingWindowInSeconds',
  'DestinationConfig',
  'StartingPosition',
  'StartingPositionTimestamp',
] as const;

export function toMapping(m: EventSourceMappingRecord): Record<string, unknown> {
  const s = m.settings;
  const kind = eventSourceKind(m.eventSourceArn);
  const out: Record<string, unknown> = { UUID: m.uuid };
  if (s.StartingPosition !== undefined) {
    out.StartingPosition = s.StartingPosition;
  }
  if (s.StartingPositionTimestamp !== undefined) {
    out.StartingPositionTimestamp = s.StartingPositionTimestamp;
  }
  out.BatchSize = s.BatchSize;
  out.MaximumBatchingWindowInSeconds = s.MaximumBatchingWindowInSeconds;
  if (kind === 'stream') {
    out.ParallelizationFactor = s.ParallelizationFactor ?? 1;
  }
  out.EventSourceArn = m.eventSourceArn;
  if (s.FilterCriteria) {
    out.FilterCriteria = { Filters: s.FilterCriteria.Filters.map((f) => ({ ...f })) };
  }
  out.FunctionArn = m.functionArn;
  out.LastModified = m.lastModified;
  out.LastProcessingResult = m.lastProcessingResult;
  out.State = m.state;
  out.StateTransitionReason = m.stateTransitionReason;
  if (kind === 'stream') {
    out.DestinationConfig = {
      OnFailure: s.DestinationConfig?.OnFailure?.Destination ? { Destination: s.DestinationConfig.OnFailure.Destination } : {},
    };
    out.MaximumRecordAgeInSeconds = s.MaximumRecordAgeInSeconds ?? -1;
    out.BisectBatchOnFunctionError = s.BisectBatchOnFunctionError ?? false;
    out.MaximumRetryAttempts = s.MaximumRetryAttempts ?? -1;
    out.TumblingWindowInSeconds = s.TumblingWindowInSeconds ?? 0;
  }
  out.FunctionResponseTypes = [...s.FunctionResponseTypes];
  if (s.ScalingConfig) {
    out.ScalingConfig = { ...s.ScalingConfig };
  }
  if (s.SourceAccessConfigurations && s.SourceAccessConfigurations.length > 0) {
    out.SourceAccessConfigurations = s.SourceAccessConfigurations.map((c) => ({ ...c }));
  }
  if (s.DocumentDBEventSourceConfig) {
    out.DocumentDBEventSourceConfig = { ...s.DocumentDBEventSourceConfig };
  }
  out.EventSourceMappingArn = `arn:aws:lambda:${m.region}:${m.account}:event-source-mapping:${m.uuid}`;
  return out;
}

function requireMapping(ctx: OpContext, uuid: string): EventSourceMappingRecord {
  const m = ctx.store.getMapping(uuid);
  if (!m || m.account !== ctx.account || m.region !== ctx.region) {
    throw notFound(`The resource you requested does not exist. (Service: Lambda, Status Code: 404, Request ID: ${ctx.requestId})`);
  }
  return m;
}

const nameOf = (arn: string): { name: string; qualifier?: string } => {
  const parts = arn.split(':');
  return { name: parts[6], qualifier: parts[7] };
};

export function listEventSourceMappings(ctx: OpContext): OpResult {
  const { EventSourceArn, FunctionName, Marker, MaxItems } = ctx.query;
  const maxItems = parseMaxItems(MaxItems, 10000);
  if (EventSourceArn !== undefined) {
    checkPattern(EventSourceArn, 'eventSourceArn', EVENT_SOURCE_ARN_PATTERN);
  }
  let filter: { name: string; qualifier?: string } | undefined;
  if (FunctionName !== undefined) {
    const parsed = parseFunctionName(FunctionName, RULE_140);
    checkScope(ctx, parsed);
    filter = { name: parsed.name, qualifier: parsed.qualifier };
  }
  const all = ctx.store
    .listMappings(ctx.account, ctx.region)
    .filter((m) => EventSourceArn === undefined || m.eventSourceArn === EventSourceArn)
    .filter((m) => {
      if (!filter) {
        return true;
      }
      const target = nameOf(m.functionArn);
      return target.name === filter.name && (filter.qualifier === undefined || target.qualifier === filter.qualifier);
    })
    .sort((a, b) => (a.uuid < b.uuid ? -1 : a.uuid > b.uuid ? 1 : 0));
  const p = page(all, (m) => m.uuid, Marker, maxItems, PAGE_MAPPINGS);
  const body: Record<string, unknown> = { EventSourceMappings: p.items.map(toMapping) };
  if (p.nextMarker) {
    body.NextMarker = p.nextMarker;
  }
  return { status: 200, body };
}

export function getEventSourceMapping(ctx: OpContext): OpResult {
  return { status: 200, body: toMapping(requireMapping(ctx, ctx.params[0])) };
}

function parseDestinationConfig(value: unknown): MappingSettings['DestinationConfig'] {
  const dc = checkObject(value, 'destinationConfig');
  const out: NonNullable<MappingSettings['DestinationConfig']> = {};
  if (dc.OnSuccess !== undefined && dc.OnSuccess !== null) {
    const on = checkObject(dc.OnSuccess, 'destinationConfig.onSuccess');
    if (on.Destination !== undefined && on.Destination !== null && on.Destination !== '') {
      throw invalidParameter('Unsupported OnSuccess destination: stream event source mappings only take an OnFailure destination.');
    }
  }
  if (dc.OnFailure !== undefined && dc.OnFailure !== null) {
    const on = checkObject(dc.OnFailure, 'destinationConfig.onFailure');
    if (on.Destination !== undefined && on.Destination !== null) {
      const arn = checkString(on.Destination, 'destinationConfig.onFailure.destination');
      checkLength(arn, 'destinationConfig.onFailure.destination', 0, 350);
      checkPattern(arn, 'destinationConfig.onFailure.destination', DESTINATION_ARN_PATTERN);
      if (arn !== '' && !['sqs', 'sns', 's3'].includes(arnService(arn) ?? '')) {
        throw invalidParameter(`The OnFailure destination ${arn} is invalid: use the ARN of an SQS queue, SNS topic or S3 bucket.`);
      }
      out.OnFailure = arn ? { Destination: arn } : {};
    } else {
      out.OnFailure = {};
    }
  }
  return out;
}

const given = (body: Record<string, unknown>, field: string): boolean => body[field] !== undefined && body[field] !== null;

/** PUT /2015-03-31/event-source-mappings/{UUID}: 202 with the whole mapping. */
export function updateEventSourceMapping(ctx: OpContext): OpResult {
  const m = requireMapping(ctx, ctx.params[0]);
  const body = jsonBody(ctx);
  const kind = eventSourceKind(m.eventSourceArn);
  const next: MappingSettings = { ...m.settings, FunctionResponseTypes: [...m.settings.FunctionResponseTypes] };

  // Which fields apply to which source.
  if (kind === 'sqs') {
    for (const field of STREAM_ONLY_FIELDS) {
      if (given(body, field)) {
        throw invalidParameter(`Unsupported parameter ${field} for an Amazon SQS event source: ${field} applies to Kinesis and DynamoDB streams only.`);
      }
    }
  }
  if (kind === 'stream' && given(body, 'ScalingConfig')) {
    throw invalidParameter('Unsupported parameter ScalingConfig for a stream event source: ScalingConfig applies to Amazon SQS only.');
  }
  if (kind !== 'other' && given(body, 'DocumentDBEventSourceConfig')) {
    throw invalidParameter('Unsupported parameter DocumentDBEventSourceConfig: it applies to Amazon DocumentDB event sources only.');
  }

  let enabled: boolean | undefined;
  if (given(body, 'Enabled')) {
    enabled = checkBoolean(body.Enabled, 'enabled');
  }
  if (given(body, 'BatchSize')) {
    next.BatchSize = checkInteger(body.BatchSize, 'batchSize', 1, 10000);
  }
  if (given(body, 'MaximumBatchingWindowInSeconds')) {
    next.MaximumBatchingWindowInSeconds = checkInteger(body.MaximumBatchingWindowInSeconds, 'maximumBatchingWindowInSeconds', 0, 300);
  }
  if (given(body, 'MaximumRecordAgeInSeconds')) {
    const v = checkInteger(body.MaximumRecordAgeInSeconds, 'maximumRecordAgeInSeconds', -1, 604800);
    if (v !== -1 && v < 60) {
      throw invalidParameter(`1 validation error detected: Value '${v}' at 'maximumRecordAgeInSeconds' failed to satisfy constraint: Member must be -1 (infinite) or have value greater than or equal to 60`);
    }
    next.MaximumRecordAgeInSeconds = v;
  }
  if (given(body, 'MaximumRetryAttempts')) {
    next.MaximumRetryAttempts = checkInteger(body.MaximumRetryAttempts, 'maximumRetryAttempts', -1, 10000);
  }
  if (given(body, 'ParallelizationFactor')) {
    next.ParallelizationFactor = checkInteger(body.ParallelizationFactor, 'parallelizationFactor', 1, 10);
  }
  if (given(body, 'TumblingWindowInSeconds')) {
    next.TumblingWindowInSeconds = checkInteger(body.TumblingWindowInSeconds, 'tumblingWindowInSeconds', 0, 900);
  }
  if (given(body, 'BisectBatchOnFunctionError')) {
    next.BisectBatchOnFunctionError = checkBoolean(body.BisectBatchOnFunctionError, 'bisectBatchOnFunctionError');
  }
  if (given(body, 'DestinationConfig')) {
    next.DestinationConfig = parseDestinationConfig(body.DestinationConfig);
  }
  if (given(body, 'FunctionResponseTypes')) {
    const list = checkArray(body.FunctionResponseTypes, 'functionResponseTypes', 0, 1);
    next.FunctionResponseTypes = list.map((t) => checkEnum(t, 'functionResponseTypes.member', ['ReportBatchItemFailures'] as const));
  }
  if (given(body, 'SourceAccessConfigurations')) {
    const list = checkArray(body.SourceAccessConfigurations, 'sourceAccessConfigurations', 0, 22);
    next.SourceAccessConfigurations = list.map((item, i) => {
      const o = checkObject(item, `sourceAccessConfigurations.${i + 1}.member`);
      const type = checkEnum(o.Type, `sourceAccessConfigurations.${i + 1}.member.type`, SOURCE_ACCESS_TYPES);
      const uri = checkString(o.URI, `sourceAccessConfigurations.${i + 1}.member.uRI`);
      checkLength(uri, `sourceAccessConfigurations.${i + 1}.member.uRI`, 1, 200);
      checkPattern(uri, `sourceAccessConfigurations.${i + 1}.member.uRI`, String.raw`[a-zA-Z0-9-\/*:_+=.@-]*`);
      return { Type: type, URI: uri };
    });
  }
  if (given(body, 'ScalingConfig')) {
    const sc = checkObject(body.ScalingConfig, 'scalingConfig');
    next.ScalingConfig = {};
    if (given(sc, 'MaximumConcurrency')) {
      next.ScalingConfig.MaximumConcurrency = checkInteger(sc.MaximumConcurrency, 'scalingConfig.maximumConcurrency', 2, 1000);
    }
  }
  if (given(body, 'FilterCriteria')) {
    const fc = checkObject(body.FilterCriteria, 'filterCriteria');
    const filters = fc.Filters === undefined || fc.Filters === null ? [] : checkArray(fc.Filters, 'filterCriteria.filters', 0, Number.MAX_SAFE_INTEGER);
    if (filters.length > MAX_FILTERS) {
      throw invalidParameter(`The total number of filters (${filters.length}) exceeds the limit of ${MAX_FILTERS} filters per event source mapping.`);
    }
    next.FilterCriteria = {
      Filters: filters.map((f, i) => {
        const o = checkObject(f, `filterCriteria.filters.${i + 1}.member`);
        const pattern = checkString(o.Pattern, `filterCriteria.filters.${i + 1}.member.pattern`);
        checkLength(pattern, `filterCriteria.filters.${i + 1}.member.pattern`, 0, 4096);
        let parsed: unknown;
        try {
          parsed = JSON.parse(pattern);
        } catch {
          parsed = undefined;
        }
        if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
          throw invalidParameter(`Invalid filter pattern definition: ${pattern} is not a JSON object.`);
        }
        return { Pattern: pattern };
      }),
    };
    if (next.FilterCriteria.Filters.length === 0) {
      next.FilterCriteria = undefined;
    }
  }
  if (given(body, 'KMSKeyArn')) {
    checkPattern(checkString(body.KMSKeyArn, 'kMSKeyArn'), 'kMSKeyArn', '(arn:(aws[a-zA-Z-]*)?:[a-z0-9-.]+:.*)|()');
  }
  if (given(body, 'DocumentDBEventSourceConfig')) {
    next.DocumentDBEventSourceConfig = checkObject(body.DocumentDBEventSourceConfig, 'documentDBEventSourceConfig');
  }

  let newFunctionArn = m.functionArn;
  if (given(body, 'FunctionName')) {
    const parsed = parseFunctionName(checkString(body.FunctionName, 'functionName'), RULE_140);
    checkScope(ctx, parsed);
    const fn = ctx.store.requireFunction(ctx.account, ctx.region, parsed.name, functionArn(ctx.region, ctx.account, parsed.name, parsed.qualifier));
    ctx.store.resolve(fn, parsed.qualifier);
    newFunctionArn = functionArn(fn.region, fn.account, fn.name, parsed.qualifier);
  }

  // Rules across fields, checked on the values the mapping would have.
  if (isFifoQueue(m.eventSourceArn) && next.BatchSize > 10) {
    throw invalidParameter(`BatchSize ${next.BatchSize} is not valid for a FIFO queue: the maximum batch size for FIFO queues is 10.`);
  }
  if ((given(body, 'BatchSize') || given(body, 'MaximumBatchingWindowInSeconds')) && kind !== 'other' && next.BatchSize > 10 && next.MaximumBatchingWindowInSeconds < 1) {
    throw invalidParameter('Maximum batch window in seconds must be greater than 0 if maximum batch size is greater than 10');
  }

  if (m.state !== 'Enabled' && m.state !== 'Disabled') {
    throw inUse(`Cannot update the event source mapping ${m.uuid} because it is in use: its state is ${m.state}. Try again when it is Enabled or Disabled.`);
  }

  m.settings = next;
  m.functionArn = newFunctionArn;
  m.stateTransitionReason = 'USER_INITIATED';
  const wasEnabled = m.state === 'Enabled';
  if (enabled === true && !wasEnabled) {
    ctx.store.transitionMapping(m.uuid, 'Enabling', 'Enabled');
  } else if (enabled === false && wasEnabled) {
    ctx.store.transitionMapping(m.uuid, 'Disabling', 'Disabled');
  } else {
    ctx.store.transitionMapping(m.uuid, 'Updating', wasEnabled ? 'Enabled' : 'Disabled');
  }
  return { status: 202, body: toMapping(m) };
}
