/**
 * The SHIPPED schemas (schemas/*.schema.json, the files VS Code uses through jsonValidation),
 * loaded from disk with ajv: every range, length, pattern and enum of the API reference
 * (seeds 000/001 for event invoke configs, 003/004 for UpdateEventSourceMapping; the members
 * added up to SDK 3.1164 from the Lambda API model), at each boundary and one past it, wrong
 * types and unknown fields.
 */
import * as assert from 'node:assert/strict';
import { SourceAccessType } from '@aws-sdk/client-lambda';
import Ajv, { ValidateFunction } from 'ajv';
import { readSchema } from './schemaFiles';

function load(name: string): ValidateFunction {
  return new Ajv({ strict: false, allErrors: true }).compile(readSchema(name));
}

const invoke = load('event-invoke-config.schema.json');
const mapping = load('event-source-mapping.schema.json');

type Case = [description: string, value: unknown, valid: boolean];

function check(v: ValidateFunction, base: Record<string, unknown>, field: string[], cases: Case[]): void {
  for (const [description, value, valid] of cases) {
    it(`${field.join('.')} ${description} → ${valid ? 'accepted' : 'rejected'}`, () => {
      const doc: Record<string, unknown> = JSON.parse(JSON.stringify(base)) as Record<string, unknown>;
      let target = doc;
      for (const seg of field.slice(0, -1)) {
        target[seg] ??= {};
        target = target[seg] as Record<string, unknown>;
      }
      target[field[field.length - 1]] = value;
      const ok = v(doc);
      assert.equal(ok, valid, `${JSON.stringify(doc).slice(0, 200)}: ${JSON.stringify(v.errors)}`);
    });
  }
}

const s = (n: number, c = 'a') => c.repeat(n);

describe('config/schema: event-invoke-config.schema.json (PutFunctionEventInvokeConfig, UpdateFunctionEventInvokeConfig)', () => {
  const base = { FunctionName: 'my-function' };

  it('is draft-07 and forbids unknown fields at every level', () => {
    const raw = readSchema('event-invoke-config.schema.json');
    assert.equal(raw.$schema, 'http://json-schema.org/draft-07/schema#');
    assert.equal(invoke({ ...base, Foo: 1 }), false);
    assert.equal(invoke({ ...base, DestinationConfig: { OnError: {} } }), false);
    assert.equal(invoke({ ...base, DestinationConfig: { OnFailure: { Destination: '', Type: 'SQS' } } }), false);
    assert.equal(invoke({ ...base, FunctionArn: 'arn:aws:lambda:us-east-1:111111111111:function:x' }), false, 'response-only fields are not input');
  });

  it('requires FunctionName (URI parameter) and allows $schema', () => {
    assert.equal(invoke({}), false);
    assert.equal(invoke({ MaximumRetryAttempts: 1 }), false);
    assert.equal(invoke({ ...base, $schema: './x.json' }), true);
  });

  it('gives every property a description and a markdownDescription', () => {
    const raw = readSchema<{ properties: Record<string, { description?: string; markdownDescription?: string }> }>('event-invoke-config.schema.json');
    for (const [name, p] of Object.entries(raw.properties)) {
      assert.ok(p.description && p.markdownDescription, name);
    }
  });

  describe('ranges (seed: 0–2, 60–21600)', () => {
    check(invoke, base, ['MaximumRetryAttempts'], [
      ['0 (minimum)', 0, true],
      ['2 (maximum)', 2, true],
      ['-1 (one below)', -1, false],
      ['3 (one above)', 3, false],
      ['1.5 (not an integer)', 1.5, false],
      ['"1" (a string)', '1', false],
      ['null', null, false],
    ]);
    check(invoke, base, ['MaximumEventAgeInSeconds'], [
      ['60 (minimum)', 60, true],
      ['21600 (maximum)', 21600, true],
      ['59 (one below)', 59, false],
      ['21601 (one above)', 21601, false],
      ['true (a boolean)', true, false],
    ]);
  });

  describe('FunctionName (length 1–256, pattern of NamespacedFunctionName)', () => {
    const arn = 'arn:aws:lambda:us-west-2:123456789012:function:';
    check(invoke, {}, ['FunctionName'], [
      ['a name', 'my-function', true],
      ['a name with an alias', 'my-function:v1', true],
      ['a name with $LATEST', 'my-function:$LATEST', true],
      ['a name with $LATEST.PUBLISHED', 'my-function:$LATEST.PUBLISHED', true],
      ['a full ARN', `${arn}my-function`, true],
      ['a GovCloud ARN', 'arn:aws-us-gov:lambda:us-gov-west-1:123456789012:function:f', true],
      ['an ARN of an isolated region', 'arn:aws-iso:lambda:us-iso-east-1:123456789012:function:f', true],
      ['a partial ARN', '123456789012:function:my-function', true],
      ['a name with a period', 'my.function', true],
      ['1 character (minimum)', 'a', true],
      ['256 characters (maximum)', arn + s(256 - arn.length), true],
      ['257 characters (one above)', arn + s(257 - arn.length), false],
      ['empty (one below)', '', false],
      ['with a space', 'my function', false],
      ['with a slash', 'my/function', false],
      ['$LATEST with another suffix', 'my-function:$LATEST.OTHER', false],
      ['an ARN of another service', 'arn:aws:s3:::bucket', false],
      ['a number', 12, false],
    ]);
  });

  describe('Qualifier (length 1–128, [a-zA-Z0-9$_-]+ or $LATEST.PUBLISHED)', () => {
    check(invoke, base, ['Qualifier'], [
      ['an alias', 'live', true],
      ['a version', '12', true],
      ['$LATEST', '$LATEST', true],
      ['$LATEST.PUBLISHED', '$LATEST.PUBLISHED', true],
      ['another suffix after $LATEST', '$LATEST.DRAFT', false],
      ['128 characters (maximum)', s(128), true],
      ['129 characters (one above)', s(129), false],
      ['empty (one below)', '', false],
      ['with a dot', 'v1.2', false],
      ['with a space', 'a b', false],
    ]);
  });

  describe('DestinationConfig.OnSuccess/OnFailure.Destination (length 0–350, ARN pattern)', () => {
    for (const side of ['OnSuccess', 'OnFailure']) {
      const prefix = 'arn:aws:sqs:us-east-1:123456789012:';
      check(invoke, base, ['DestinationConfig', side, 'Destination'], [
        ['an SQS queue ARN', `${prefix}my-dlq`, true],
        ['an SNS topic ARN', 'arn:aws:sns:us-east-1:123456789012:my-topic', true],
        ['a function ARN', 'arn:aws:lambda:us-east-1:123456789012:function:f', true],
        ['an event bus ARN', 'arn:aws:events:us-east-1:123456789012:event-bus/default', true],
        ['an S3 bucket ARN', 'arn:aws:s3:::my-bucket', true],
        ['an ARN of an isolated region', 'arn:aws-iso:sqs:us-iso-east-1:123456789012:q', true],
        ['empty (no destination)', '', true],
        ['a Kafka topic (mappings only)', 'kafka://failed', false],
        ['350 characters (maximum)', prefix + s(350 - prefix.length), true],
        ['351 characters (one above)', prefix + s(351 - prefix.length), false],
        ['not an ARN', 'my-dlq', false],
        ['text before the ARN', `x ${prefix}q`, false],
        ['a number', 1, false],
      ]);
    }
  });
});

describe('config/schema: event-source-mapping.schema.json (UpdateEventSourceMapping)', () => {
  const base = { UUID: '3f6c2a8e-1b4d-4c7a-9e21-5a0d8b7c6e01' };

  it('requires UUID (URI parameter) and allows $schema', () => {
    assert.equal(mapping({}), false);
    assert.equal(mapping({ BatchSize: 10 }), false);
    assert.equal(mapping({ ...base, $schema: './x.json' }), true);
  });

  it('forbids unknown fields and the fields UpdateEventSourceMapping does not take', () => {
    for (const field of ['Foo', 'batchSize', 'EventSourceArn', 'StartingPosition', 'StartingPositionTimestamp', 'State', 'FunctionArn', 'LastModified', 'Topics', 'Queues', 'SelfManagedEventSource']) {
      assert.equal(mapping({ ...base, [field]: 'x' }), false, field);
    }
    assert.equal(mapping({ ...base, ScalingConfig: { MaximumConcurrency: 2, Other: 1 } }), false);
    assert.equal(mapping({ ...base, FilterCriteria: { Filters: [{ Pattern: '{}', Name: 'x' }] } }), false);
  });

  it('accepts every body field of the seed together', () => {
    const all = {
      ...base,
      BatchSize: 100,
      BisectBatchOnFunctionError: true,
      DestinationConfig: { OnFailure: { Destination: 'arn:aws:sqs:us-east-1:123456789012:dlq' }, OnSuccess: { Destination: '' } },
      DocumentDBEventSourceConfig: { CollectionName: 'orders', DatabaseName: 'shop', FullDocument: 'UpdateLookup' },
      Enabled: false,
      FilterCriteria: { Filters: [{ Pattern: '{"body": {"a": [1]}}' }] },
      FunctionName: 'my-function:live',
      FunctionResponseTypes: ['ReportBatchItemFailures'],
      KMSKeyArn: 'arn:aws:kms:us-east-1:123456789012:key/abc',
      MaximumBatchingWindowInSeconds: 5,
      MaximumRecordAgeInSeconds: 3600,
      MaximumRetryAttempts: 3,
      MetricsConfig: { Metrics: ['EventCount'] },
      ParallelizationFactor: 2,
      ProvisionedPollerConfig: { MinimumPollers: 1, MaximumPollers: 10 },
      ScalingConfig: { MaximumConcurrency: 5 },
      SourceAccessConfigurations: [{ Type: 'BASIC_AUTH', URI: 'arn:aws:secretsmanager:us-east-1:01234567890:secret:MyBrokerSecretName' }],
      TumblingWindowInSeconds: 60,
    };
    assert.equal(mapping(all), true, JSON.stringify(mapping.errors));
  });

  describe('ranges', () => {
    check(mapping, base, ['BatchSize'], [
      ['1 (minimum)', 1, true],
      ['10000 (maximum)', 10000, true],
      ['0 (one below)', 0, false],
      ['10001 (one above)', 10001, false],
      ['"10" (a string)', '10', false],
      ['2.5 (not an integer)', 2.5, false],
    ]);
    check(mapping, base, ['MaximumBatchingWindowInSeconds'], [
      ['0 (minimum)', 0, true],
      ['300 (maximum)', 300, true],
      ['-1 (one below)', -1, false],
      ['301 (one above)', 301, false],
    ]);
    check(mapping, base, ['MaximumRecordAgeInSeconds'], [
      ['-1 (infinite)', -1, true],
      ['60 (smallest age)', 60, true],
      ['604800 (maximum)', 604800, true],
      ['-2 (one below -1)', -2, false],
      ['0 (in the absolute range, not allowed)', 0, false],
      ['59 (one below 60)', 59, false],
      ['604801 (one above)', 604801, false],
    ]);
    check(mapping, base, ['MaximumRetryAttempts'], [
      ['-1 (infinite, minimum)', -1, true],
      ['10000 (maximum)', 10000, true],
      ['-2 (one below)', -2, false],
      ['10001 (one above)', 10001, false],
    ]);
    check(mapping, base, ['ParallelizationFactor'], [
      ['1 (minimum)', 1, true],
      ['10 (maximum)', 10, true],
      ['0 (one below)', 0, false],
      ['11 (one above)', 11, false],
    ]);
    check(mapping, base, ['TumblingWindowInSeconds'], [
      ['0 (minimum)', 0, true],
      ['900 (maximum)', 900, true],
      ['-1 (one below)', -1, false],
      ['901 (one above)', 901, false],
    ]);
    check(mapping, base, ['ScalingConfig', 'MaximumConcurrency'], [
      ['2 (minimum)', 2, true],
      ['1000 (maximum)', 1000, true],
      ['1 (one below)', 1, false],
      ['1001 (one above)', 1001, false],
    ]);
  });

  describe('booleans', () => {
    for (const field of ['Enabled', 'BisectBatchOnFunctionError']) {
      check(mapping, base, [field], [
        ['true', true, true],
        ['false', false, true],
        ['"true" (a string)', 'true', false],
        ['1', 1, false],
      ]);
    }
  });

  describe('FunctionResponseTypes (0–1 items, ReportBatchItemFailures)', () => {
    check(mapping, base, ['FunctionResponseTypes'], [
      ['[] (0 items)', [], true],
      ['[ReportBatchItemFailures]', ['ReportBatchItemFailures'], true],
      ['2 items (one above)', ['ReportBatchItemFailures', 'ReportBatchItemFailures'], false],
      ['another value', ['ReportFailures'], false],
      ['a string, not a list', 'ReportBatchItemFailures', false],
    ]);
  });

  describe('SourceAccessConfigurations (0–22 items; Type enum of SDK 3.1164; URI 1–200)', () => {
    const item = { Type: 'VPC_SUBNET', URI: 'subnet:subnet-0123' };
    check(mapping, base, ['SourceAccessConfigurations'], [
      ['0 items', [], true],
      ['22 items (maximum)', Array(22).fill(item), true],
      ['23 items (one above)', Array(23).fill(item), false],
    ]);
    for (const type of Object.values(SourceAccessType)) {
      check(mapping, base, ['SourceAccessConfigurations'], [[`Type ${type}`, [{ Type: type, URI: 'x' }], true]]);
    }
    check(mapping, base, ['SourceAccessConfigurations'], [
      ['an unknown Type', [{ Type: 'OAUTH', URI: 'x' }], false],
      ['URI of 200 characters (maximum)', [{ Type: 'BASIC_AUTH', URI: s(200) }], true],
      ['URI of 201 characters (one above)', [{ Type: 'BASIC_AUTH', URI: s(201) }], false],
      ['an empty URI (one below)', [{ Type: 'BASIC_AUTH', URI: '' }], false],
      ['a URI with a space', [{ Type: 'BASIC_AUTH', URI: 'a b' }], false],
    ]);
  });

  describe('DocumentDBEventSourceConfig', () => {
    check(mapping, base, ['DocumentDBEventSourceConfig', 'CollectionName'], [
      ['57 characters (maximum)', s(57), true],
      ['58 characters (one above)', s(58), false],
      ['empty (one below)', '', false],
      ['starting with system.', 'system.users', false],
      ['with a $', 'a$b', false],
      ['starting with a dot', '.a', false],
    ]);
    check(mapping, base, ['DocumentDBEventSourceConfig', 'DatabaseName'], [
      ['63 characters (maximum)', s(63), true],
      ['64 characters (one above)', s(64), false],
      ['empty (one below)', '', false],
      ['with a dot', 'a.b', false],
      ['with a space', 'a b', false],
      ['with a double quote', 'a"b', false],
    ]);
    check(mapping, base, ['DocumentDBEventSourceConfig', 'FullDocument'], [
      ['UpdateLookup', 'UpdateLookup', true],
      ['Default', 'Default', true],
      ['another value', 'Full', false],
    ]);
  });

  describe('FilterCriteria.Filters[].Pattern (length 0–4096) and DestinationConfig (length 0–350)', () => {
    check(mapping, base, ['FilterCriteria'], [
      ['a pattern of 4096 characters (maximum)', { Filters: [{ Pattern: s(4096) }] }, true],
      ['a pattern of 4097 characters (one above)', { Filters: [{ Pattern: s(4097) }] }, false],
      ['an empty pattern (minimum)', { Filters: [{ Pattern: '' }] }, true],
      ['a pattern that is an object, not a string', { Filters: [{ Pattern: { a: 1 } }] }, false],
    ]);
    const prefix = 'arn:aws:sqs:us-east-1:123456789012:';
    check(mapping, base, ['DestinationConfig', 'OnFailure', 'Destination'], [
      ['350 characters (maximum)', prefix + s(350 - prefix.length), true],
      ['351 characters (one above)', prefix + s(351 - prefix.length), false],
      ['not an ARN', 'queue', false],
    ]);
  });

  it('accepts every member of UpdateEventSourceMappingRequest (SDK 3.1164) together, nested ones included', () => {
    const registry = {
      SchemaRegistryURI: 'arn:aws:glue:us-east-1:123456789012:registry/orders',
      EventRecordFormat: 'SOURCE',
      AccessConfigs: [{ Type: 'CLIENT_CERTIFICATE_TLS_AUTH', URI: 'arn:aws:secretsmanager:us-east-1:123456789012:secret:tls' }],
      SchemaValidationConfigs: [{ Attribute: 'KEY' }],
    };
    const all = {
      ...base,
      FunctionName: 'my-function',
      KMSKeyArn: '',
      MetricsConfig: { Metrics: ['EventCount', 'ErrorCount', 'KafkaMetrics'] },
      LoggingConfig: { SystemLogLevel: 'INFO' },
      AmazonManagedKafkaEventSourceConfig: { ConsumerGroupId: 'group-1', SchemaRegistryConfig: registry },
      SelfManagedKafkaEventSourceConfig: { ConsumerGroupId: 'group-2', SchemaRegistryConfig: registry, ConsumptionMode: 'Queue' },
      ProvisionedPollerConfig: { MinimumPollers: 200, MaximumPollers: 10000, PollerGroupName: '' },
      DestinationConfig: { OnFailure: { Destination: 'kafka://failed-records' } },
    };
    assert.equal(mapping(all), true, JSON.stringify(mapping.errors));
  });

  it('forbids unknown fields inside the new objects', () => {
    assert.equal(mapping({ ...base, LoggingConfig: { ApplicationLogLevel: 'INFO' } }), false);
    assert.equal(mapping({ ...base, AmazonManagedKafkaEventSourceConfig: { ConsumptionMode: 'Queue' } }), false, 'ConsumptionMode is for self-managed Kafka');
    assert.equal(mapping({ ...base, SelfManagedKafkaEventSourceConfig: { SchemaRegistryConfig: { Uri: 'x' } } }), false);
    assert.equal(mapping({ ...base, SelfManagedKafkaEventSourceConfig: { SchemaRegistryConfig: { AccessConfigs: [{ Type: 'BASIC_AUTH', Secret: 'x' }] } } }), false);
    assert.equal(mapping({ ...base, AmazonManagedKafkaEventSourceConfig: { SchemaRegistryConfig: { SchemaValidationConfigs: [{ Attribute: 'KEY', Name: 'x' }] } } }), false);
    assert.equal(mapping({ ...base, ProvisionedPollerConfig: { MinPollers: 1 } }), false);
  });

  describe('provisioned mode (MinimumPollers 1–200, MaximumPollers 1–10000, PollerGroupName 0–128 [a-zA-Z0-9-_])', () => {
    check(mapping, base, ['ProvisionedPollerConfig', 'MinimumPollers'], [
      ['1 (minimum)', 1, true],
      ['200 (maximum)', 200, true],
      ['0 (one below)', 0, false],
      ['201 (one above)', 201, false],
      ['1.5 (not an integer)', 1.5, false],
    ]);
    check(mapping, base, ['ProvisionedPollerConfig', 'MaximumPollers'], [
      ['1 (minimum)', 1, true],
      ['10000 (maximum, Amazon SQS)', 10000, true],
      ['0 (one below)', 0, false],
      ['10001 (one above)', 10001, false],
    ]);
    check(mapping, base, ['ProvisionedPollerConfig', 'PollerGroupName'], [
      ['empty (minimum)', '', true],
      ['128 characters (maximum)', s(128), true],
      ['129 characters (one above)', s(129), false],
      ['letters, digits, - and _', 'orders_pollers-2', true],
      ['with a period', 'orders.pollers', false],
      ['with a space', 'orders pollers', false],
    ]);
  });

  describe('LoggingConfig.SystemLogLevel and MetricsConfig.Metrics (enums of the SDK)', () => {
    check(mapping, base, ['LoggingConfig', 'SystemLogLevel'], [
      ['DEBUG', 'DEBUG', true],
      ['INFO', 'INFO', true],
      ['WARN', 'WARN', true],
      ['ERROR (an application log level, not a system one)', 'ERROR', false],
      ['warn (case)', 'warn', false],
    ]);
    check(mapping, base, ['MetricsConfig', 'Metrics'], [
      ['[] (turns them off)', [], true],
      ['the three values', ['EventCount', 'ErrorCount', 'KafkaMetrics'], true],
      ['a value twice', ['EventCount', 'EventCount'], false],
      ['an unknown value', ['ThrottleCount'], false],
    ]);
  });

  describe('Kafka configs: ConsumerGroupId (1–200), SchemaRegistryConfig, ConsumptionMode', () => {
    for (const config of ['AmazonManagedKafkaEventSourceConfig', 'SelfManagedKafkaEventSourceConfig']) {
      check(mapping, base, [config, 'ConsumerGroupId'], [
        ['1 character (minimum)', 'a', true],
        ['200 characters (maximum)', s(200), true],
        ['201 characters (one above)', s(201), false],
        ['empty (one below)', '', false],
        ['with a space', 'my group', false],
        ['with - / * : _ + = . @', 'a-b/c*d:e_f+g=h.i@j', true],
      ]);
      check(mapping, base, [config, 'SchemaRegistryConfig', 'SchemaRegistryURI'], [
        ['an AWS Glue registry ARN', 'arn:aws:glue:us-east-1:123456789012:registry/orders', true],
        ['a Confluent registry URL', 'https://psrc-abc12.us-east-1.aws.confluent.cloud:443', true],
        ['10000 characters (maximum)', `https://${s(10000 - 8)}`, true],
        ['10001 characters (one above)', `https://${s(10001 - 8)}`, false],
        ['empty (one below)', '', false],
        ['a URL with a query', 'https://registry.example.com/?a=b', false],
      ]);
      check(mapping, base, [config, 'SchemaRegistryConfig', 'EventRecordFormat'], [
        ['JSON', 'JSON', true],
        ['SOURCE', 'SOURCE', true],
        ['AVRO', 'AVRO', false],
      ]);
      check(mapping, base, [config, 'SchemaRegistryConfig', 'AccessConfigs'], [
        ['BASIC_AUTH with a secret ARN', [{ Type: 'BASIC_AUTH', URI: 'arn:aws:secretsmanager:us-east-1:123456789012:secret:s' }], true],
        ['OAUTHBEARER_AUTH', [{ Type: 'OAUTHBEARER_AUTH', URI: 'arn:aws:secretsmanager:us-east-1:123456789012:secret:s' }], true],
        ['a source access type of the cluster (SASL_SCRAM_512_AUTH)', [{ Type: 'SASL_SCRAM_512_AUTH', URI: 'arn:aws:secretsmanager:us-east-1:123456789012:secret:s' }], false],
        ['a URI that is not an ARN', [{ Type: 'BASIC_AUTH', URI: 'my-secret' }], false],
      ]);
      check(mapping, base, [config, 'SchemaRegistryConfig', 'SchemaValidationConfigs'], [
        ['KEY and VALUE', [{ Attribute: 'KEY' }, { Attribute: 'VALUE' }], true],
        ['HEADERS', [{ Attribute: 'HEADERS' }], false],
      ]);
    }
    check(mapping, base, ['SelfManagedKafkaEventSourceConfig', 'ConsumptionMode'], [
      ['Stream', 'Stream', true],
      ['Queue', 'Queue', true],
      ['queue (case)', 'queue', false],
      ['Share', 'Share', false],
    ]);
  });

  describe('DestinationConfig.OnFailure.Destination: an ARN or a Kafka topic (kafka://, topic of 1–249 characters)', () => {
    check(mapping, base, ['DestinationConfig', 'OnFailure', 'Destination'], [
      ['a Kafka topic', 'kafka://orders-failed', true],
      ['a topic of 249 characters (maximum)', `kafka://${s(249)}`, true],
      ['a topic of 250 characters (one above)', `kafka://${s(250)}`, false],
      ['an empty topic', 'kafka://', false],
      ['a topic starting with a period', 'kafka://.orders', false],
      ['a topic with a space', 'kafka://my topic', false],
      ['an ARN of an isolated region', 'arn:aws-iso-b:sqs:us-isob-east-1:123456789012:q', true],
    ]);
    check(mapping, base, ['DestinationConfig', 'OnSuccess', 'Destination'], [['a Kafka topic (on failure only)', 'kafka://done', false]]);
  });

  describe('FunctionName (same constraints as the event invoke config)', () => {
    check(mapping, base, ['FunctionName'], [
      ['an alias ARN', 'arn:aws:lambda:us-west-2:123456789012:function:MyFunction:PROD', true],
      ['empty', '', false],
      ['with a slash', 'a/b', false],
    ]);
  });
});
