/**
 * Bodies that UpdateEventSourceMapping (and Put/UpdateFunctionEventInvokeConfig) accept with the
 * members of SDK 3.1164 — Kafka schema registries, consumption modes, logging, metrics,
 * provisioned mode, KMS keys — pass the checks Apply runs; the new ranges and rules across
 * fields say which field, which range and why.
 */
import * as assert from 'node:assert/strict';
import { checkConfigText, eventSourceMappingFile, planMappingUpdate } from '../../../src/config/model';
import type { MappingState } from '../../../src/config/model';
import { ACCOUNT, mskMapping, selfManagedKafkaMapping, sqsMapping, streamMapping } from './fixtures';

const MAPPING = 'm.event-source-mapping.json';
const INVOKE = 'f.event-invoke-config.json';
const SECRET = `arn:aws:secretsmanager:us-east-1:${ACCOUNT}:secret:registry-credentials`;
const GLUE_REGISTRY = `arn:aws:glue:us-east-1:${ACCOUNT}:registry/orders`;

function check(file: Record<string, unknown>, current?: MappingState) {
  const text = JSON.stringify({ UUID: current?.UUID ?? 'c0a8f3e2-7d41-4b6a-9f10-3e5d2c1b0a94', ...file }, null, 2);
  const r = checkConfigText(text, MAPPING, { current });
  return {
    ...r,
    messages: r.problems.map((p) => p.message),
    /** The text a problem points at. */
    at: (i = 0) => text.slice(r.problems[i].offset, r.problems[i].offset + r.problems[i].length),
  };
}

const mskBody = {
  FunctionName: 'order-processor:live',
  BatchSize: 500,
  MaximumBatchingWindowInSeconds: 2,
  BisectBatchOnFunctionError: true,
  MaximumRetryAttempts: 5,
  MaximumRecordAgeInSeconds: 3600,
  FunctionResponseTypes: ['ReportBatchItemFailures'],
  DestinationConfig: { OnFailure: { Destination: 'kafka://orders-failed' } },
  KMSKeyArn: `arn:aws:kms:us-east-1:${ACCOUNT}:key/1234abcd-12ab-34cd-56ef-1234567890ab`,
  FilterCriteria: { Filters: [{ Pattern: '{"value": {"status": ["ready"]}}' }] },
  AmazonManagedKafkaEventSourceConfig: {
    ConsumerGroupId: 'orders-consumers',
    SchemaRegistryConfig: { SchemaRegistryURI: GLUE_REGISTRY, EventRecordFormat: 'JSON', SchemaValidationConfigs: [{ Attribute: 'KEY' }, { Attribute: 'VALUE' }] },
  },
  ProvisionedPollerConfig: { MinimumPollers: 1, MaximumPollers: 2000, PollerGroupName: 'orders-pollers' },
  MetricsConfig: { Metrics: ['EventCount', 'ErrorCount', 'KafkaMetrics'] },
  LoggingConfig: { SystemLogLevel: 'WARN' },
};

describe('config: bodies AWS accepts with the members of SDK 3.1164 pass the checks', () => {
  it('Amazon MSK with an AWS Glue schema registry, provisioned mode, metrics, logging, a KMS key and a Kafka topic for failures', () => {
    const alone = check(mskBody);
    assert.equal(alone.ok, true, alone.messages.join('\n'));
    const r = check(mskBody, mskMapping());
    assert.equal(r.ok, true, r.messages.join('\n'));
  });

  it('Amazon MSK with a Confluent schema registry and its Secrets Manager secrets', () => {
    const body = {
      AmazonManagedKafkaEventSourceConfig: {
        ConsumerGroupId: 'orders-consumers',
        SchemaRegistryConfig: {
          SchemaRegistryURI: 'https://psrc-abc12.us-east-1.aws.confluent.cloud',
          EventRecordFormat: 'SOURCE',
          AccessConfigs: [
            { Type: 'BASIC_AUTH', URI: SECRET },
            { Type: 'SERVER_ROOT_CA_CERTIFICATE', URI: `${SECRET}-ca` },
          ],
          SchemaValidationConfigs: [{ Attribute: 'VALUE' }],
        },
      },
    };
    const r = check(body, mskMapping());
    assert.equal(r.ok, true, r.messages.join('\n'));
  });

  it('self-managed Apache Kafka: ConsumptionMode kept, a schema registry, OAuth sign-in, metrics and logging', () => {
    const body = {
      SelfManagedKafkaEventSourceConfig: {
        ConsumerGroupId: 'payments-consumers',
        ConsumptionMode: 'Stream',
        SchemaRegistryConfig: { SchemaRegistryURI: 'https://registry.kafka.example.com:8081', EventRecordFormat: 'JSON', AccessConfigs: [{ Type: 'OAUTHBEARER_AUTH', URI: SECRET }] },
      },
      SourceAccessConfigurations: [
        { Type: 'OAUTHBEARER_AUTH', URI: `arn:aws:secretsmanager:us-east-1:${ACCOUNT}:secret:kafka-oauth` },
        { Type: 'OAUTHBEARER_SCOPE', URI: 'kafka.read' },
        { Type: 'OAUTHBEARER_AUDIENCE', URI: 'https://kafka.example.com' },
        { Type: 'VPC_SUBNET', URI: 'subnet:subnet-0123456789abcdef0' },
      ],
      MetricsConfig: { Metrics: ['KafkaMetrics'] },
      LoggingConfig: { SystemLogLevel: 'DEBUG' },
      ProvisionedPollerConfig: { MinimumPollers: 1, MaximumPollers: 10 },
    };
    const r = check(body, selfManagedKafkaMapping());
    assert.equal(r.ok, true, r.messages.join('\n'));
  });

  it('self-managed Apache Kafka in Queue mode with IAM OAuth sign-in and no retries', () => {
    const current = selfManagedKafkaMapping({ SelfManagedKafkaEventSourceConfig: { ConsumerGroupId: 'payments-share', ConsumptionMode: 'Queue' } });
    const body = {
      SelfManagedKafkaEventSourceConfig: { ConsumerGroupId: 'payments-share', ConsumptionMode: 'Queue' },
      SourceAccessConfigurations: [{ Type: 'IAM_OAUTHBEARER_AUTH' }, { Type: 'OAUTHBEARER_AUDIENCE', URI: 'sts.amazonaws.com' }],
      MaximumRetryAttempts: 0,
      BatchSize: 50,
    };
    const r = check(body, current);
    assert.equal(r.ok, true, r.messages.join('\n'));
  });

  it('Amazon SQS in provisioned mode (2 to 10000 pollers) with event metrics and a KMS key for the filters', () => {
    const body = {
      ProvisionedPollerConfig: { MinimumPollers: 2, MaximumPollers: 10000 },
      MetricsConfig: { Metrics: ['EventCount'] },
      KMSKeyArn: `arn:aws:kms:us-east-1:${ACCOUNT}:key/1234abcd-12ab-34cd-56ef-1234567890ab`,
      FilterCriteria: { Filters: [{ Pattern: '{"body": {"status": ["ready"]}}' }] },
    };
    const r = check(body, sqsMapping());
    assert.equal(r.ok, true, r.messages.join('\n'));
  });

  it('a prefilled Amazon MSK file holds the Kafka config, passes the checks and changes nothing when applied as it is', () => {
    const current = mskMapping({
      AmazonManagedKafkaEventSourceConfig: { ConsumerGroupId: 'orders-consumers', SchemaRegistryConfig: { SchemaRegistryURI: GLUE_REGISTRY, EventRecordFormat: 'JSON' } },
      LoggingConfig: { SystemLogLevel: 'INFO' },
      MetricsConfig: { Metrics: ['EventCount'] },
      ProvisionedPollerConfig: { MinimumPollers: 1, MaximumPollers: 5 },
    });
    const text = eventSourceMappingFile(current);
    const file = JSON.parse(text) as Record<string, unknown>;
    assert.deepEqual(file.AmazonManagedKafkaEventSourceConfig, current.AmazonManagedKafkaEventSourceConfig);
    assert.deepEqual(file.LoggingConfig, { SystemLogLevel: 'INFO' });
    const r = checkConfigText(text, MAPPING, { current });
    assert.equal(r.ok, true, JSON.stringify(r.problems));
    assert.deepEqual(planMappingUpdate(file, current, 'demo').changed, []);
  });

  it('event invoke configs: a function on Lambda Managed Instances ($LATEST.PUBLISHED) by name, qualifier or ARN', () => {
    for (const body of [
      { FunctionName: 'my-function:$LATEST.PUBLISHED', MaximumRetryAttempts: 1 },
      { FunctionName: 'my-function', Qualifier: '$LATEST.PUBLISHED' },
      { FunctionName: 'arn:aws:lambda:us-east-1:123456789012:function:my-function:$LATEST.PUBLISHED', Qualifier: '$LATEST.PUBLISHED' },
    ]) {
      const r = checkConfigText(JSON.stringify(body), INVOKE);
      assert.equal(r.ok, true, `${JSON.stringify(body)}: ${JSON.stringify(r.problems)}`);
    }
  });
});

describe('config: the ranges and rules of the new members say the field, the allowed range and where', () => {
  it('ranges of the schema: the pollers, the registry URI, the poller group name', () => {
    const min = check({ ProvisionedPollerConfig: { MinimumPollers: 0 } });
    assert.deepEqual(min.messages, ['ProvisionedPollerConfig.MinimumPollers is 0: the allowed range is 1 to 200.']);
    assert.equal(min.at(), '0');
    assert.deepEqual(check({ ProvisionedPollerConfig: { MaximumPollers: 10001 } }).messages, ['ProvisionedPollerConfig.MaximumPollers is 10001: the allowed range is 1 to 10000.']);
    assert.deepEqual(check({ ProvisionedPollerConfig: { PollerGroupName: 'g'.repeat(129) } }).messages, ['ProvisionedPollerConfig.PollerGroupName is 129 characters long: it must be 0 to 128 characters.']);
    const uri = check({ SelfManagedKafkaEventSourceConfig: { SchemaRegistryConfig: { SchemaRegistryURI: 'https://registry example' } } });
    assert.match(uri.messages[0], /^SelfManagedKafkaEventSourceConfig\.SchemaRegistryConfig\.SchemaRegistryURI is not valid \("https:\/\/registry example"\): Must be the ARN of an AWS Glue schema registry or the URL of a Confluent schema registry/);
  });

  it('enums: ConsumptionMode, SystemLogLevel, the registry access types, the metrics', () => {
    const mode = check({ SelfManagedKafkaEventSourceConfig: { ConsumptionMode: 'Share' } });
    assert.deepEqual(mode.messages, ['SelfManagedKafkaEventSourceConfig.ConsumptionMode is "Share": it must be one of "Stream", "Queue".']);
    assert.equal(mode.at(), '"Share"');
    assert.deepEqual(check({ LoggingConfig: { SystemLogLevel: 'ERROR' } }).messages, ['LoggingConfig.SystemLogLevel is "ERROR": it must be one of "DEBUG", "INFO", "WARN".']);
    assert.deepEqual(check({ AmazonManagedKafkaEventSourceConfig: { SchemaRegistryConfig: { AccessConfigs: [{ Type: 'IAM_AUTH', URI: SECRET }] } } }).messages, [
      'AmazonManagedKafkaEventSourceConfig.SchemaRegistryConfig.AccessConfigs[0].Type is "IAM_AUTH": it must be one of "BASIC_AUTH", "CLIENT_CERTIFICATE_TLS_AUTH", "OAUTHBEARER_AUTH", "SERVER_ROOT_CA_CERTIFICATE".',
    ]);
    assert.deepEqual(check({ MetricsConfig: { Metrics: ['EventCount', 'EventCount'] } }).messages, ['MetricsConfig.Metrics lists the same value more than once.']);
  });

  it('ConsumptionMode belongs to self-managed Apache Kafka: in the Amazon MSK config it is an unknown field', () => {
    const r = check({ AmazonManagedKafkaEventSourceConfig: { ConsumptionMode: 'Queue' } });
    assert.deepEqual(r.messages, ['Unknown field "ConsumptionMode" in AmazonManagedKafkaEventSourceConfig. The fields are: ConsumerGroupId, SchemaRegistryConfig.']);
    assert.equal(r.at(), '"ConsumptionMode"');
  });

  it('provisioned mode by source: SQS 2–200 and 2–10000 pollers and no poller group, Kafka at most 2000 pollers, no provisioned mode for streams', () => {
    const sqsMin = check({ ProvisionedPollerConfig: { MinimumPollers: 1, MaximumPollers: 1 } }, sqsMapping());
    assert.deepEqual(sqsMin.messages, [
      'ProvisionedPollerConfig.MinimumPollers is 1: for an Amazon SQS queue the allowed range is 2 to 200.',
      'ProvisionedPollerConfig.MaximumPollers is 1: for an Amazon SQS queue the allowed range is 2 to 10000.',
    ]);
    assert.equal(sqsMin.at(0), '1');
    assert.deepEqual(check({ ProvisionedPollerConfig: { MinimumPollers: 2, PollerGroupName: 'shared' } }, sqsMapping()).messages, [
      'ProvisionedPollerConfig.PollerGroupName applies to Amazon MSK and self-managed Apache Kafka mappings only; this mapping reads from an Amazon SQS queue (orders-queue). Remove it.',
    ]);
    assert.deepEqual(check({ ProvisionedPollerConfig: { MaximumPollers: 5000 } }, mskMapping()).messages, ['ProvisionedPollerConfig.MaximumPollers is 5000: for an Amazon MSK cluster the allowed range is 1 to 2000.']);
    assert.equal(check({ ProvisionedPollerConfig: { MaximumPollers: 5000 } }, sqsMapping()).ok, true);
    const stream = check({ ProvisionedPollerConfig: { MinimumPollers: 2 } }, streamMapping());
    assert.deepEqual(stream.messages, ['ProvisionedPollerConfig applies to Amazon SQS, Amazon MSK and self-managed Apache Kafka mappings only; this mapping reads from a DynamoDB stream (users). Remove it.']);
    assert.equal(stream.at(), '"ProvisionedPollerConfig"');
  });

  it('the minimum of pollers cannot exceed the maximum (checked without the mapping)', () => {
    const r = check({ ProvisionedPollerConfig: { MinimumPollers: 20, MaximumPollers: 10 } });
    assert.deepEqual(r.messages, ['ProvisionedPollerConfig.MinimumPollers (20) is greater than ProvisionedPollerConfig.MaximumPollers (10): the minimum cannot exceed the maximum.']);
    assert.equal(r.at(), '20');
  });

  it('logging and the Kafka metrics are for Amazon MSK and self-managed Apache Kafka; EventCount for any source', () => {
    assert.deepEqual(check({ LoggingConfig: { SystemLogLevel: 'INFO' } }, sqsMapping()).messages, [
      'LoggingConfig applies to Amazon MSK and self-managed Apache Kafka mappings only; this mapping reads from an Amazon SQS queue (orders-queue). Remove it.',
    ]);
    const metrics = check({ MetricsConfig: { Metrics: ['EventCount', 'ErrorCount'] } }, streamMapping());
    assert.deepEqual(metrics.messages, ['MetricsConfig.Metrics[1] ("ErrorCount") applies to Amazon MSK and self-managed Apache Kafka mappings only; this mapping reads from a DynamoDB stream (users). Remove it.']);
    assert.equal(metrics.at(), '"ErrorCount"');
    assert.equal(check({ MetricsConfig: { Metrics: ['EventCount'] } }, streamMapping()).ok, true);
  });

  it('each Kafka config belongs to its source, and a file holds one of them', () => {
    assert.deepEqual(check({ AmazonManagedKafkaEventSourceConfig: { ConsumerGroupId: 'x' } }, selfManagedKafkaMapping()).messages, [
      'AmazonManagedKafkaEventSourceConfig applies to Amazon MSK mappings only; this mapping reads from a self-managed Apache Kafka cluster (b-1.kafka.example.com:9092). Remove it.',
    ]);
    assert.deepEqual(check({ SelfManagedKafkaEventSourceConfig: { ConsumptionMode: 'Stream' } }, mskMapping()).messages, [
      'SelfManagedKafkaEventSourceConfig applies to self-managed Apache Kafka mappings only; this mapping reads from an Amazon MSK cluster (demo). Remove it.',
    ]);
    assert.deepEqual(check({ AmazonManagedKafkaEventSourceConfig: { ConsumerGroupId: 'x' } }, sqsMapping()).messages, [
      'AmazonManagedKafkaEventSourceConfig applies to Amazon MSK mappings only; this mapping reads from an Amazon SQS queue (orders-queue). Remove it.',
    ]);
    const both = check({ AmazonManagedKafkaEventSourceConfig: {}, SelfManagedKafkaEventSourceConfig: {} });
    assert.deepEqual(both.messages, [
      'A mapping reads from an Amazon MSK cluster or from a self-managed Apache Kafka cluster, not both: keep AmazonManagedKafkaEventSourceConfig or SelfManagedKafkaEventSourceConfig.',
    ]);
  });

  it('what is fixed when the mapping is created: ConsumptionMode and the consumer group', () => {
    const mode = check({ SelfManagedKafkaEventSourceConfig: { ConsumerGroupId: 'payments-consumers', ConsumptionMode: 'Queue' } }, selfManagedKafkaMapping());
    assert.deepEqual(mode.messages, ['SelfManagedKafkaEventSourceConfig.ConsumptionMode cannot be changed once the mapping is created (it is "Stream"); to use "Queue", create a new mapping.']);
    assert.equal(mode.at(), '"Queue"');
    const noMode = selfManagedKafkaMapping({ SelfManagedKafkaEventSourceConfig: { ConsumerGroupId: 'payments-consumers' } });
    assert.equal(check({ SelfManagedKafkaEventSourceConfig: { ConsumptionMode: 'Queue' } }, noMode).ok, false, 'a mapping without ConsumptionMode is in Stream mode');
    const group = check({ AmazonManagedKafkaEventSourceConfig: { ConsumerGroupId: 'other-group' } }, mskMapping());
    assert.deepEqual(group.messages, [
      'AmazonManagedKafkaEventSourceConfig.ConsumerGroupId cannot be changed once the mapping is created (it is "orders-consumers"); to use "other-group", create a new mapping.',
    ]);
  });

  it('Queue consumption mode takes no batching window (with the mapping, and from the file alone)', () => {
    const queue = selfManagedKafkaMapping({ SelfManagedKafkaEventSourceConfig: { ConsumerGroupId: 'payments-share', ConsumptionMode: 'Queue' } });
    const r = check({ MaximumBatchingWindowInSeconds: 5 }, queue);
    assert.deepEqual(r.messages, ['MaximumBatchingWindowInSeconds is not supported when the Kafka ConsumptionMode is Queue: remove it.']);
    assert.equal(r.at(), '"MaximumBatchingWindowInSeconds"');
    assert.equal(check({ MaximumBatchingWindowInSeconds: 5 }, selfManagedKafkaMapping()).ok, true, 'Stream mode takes one');
    assert.equal(check({ MaximumBatchingWindowInSeconds: 5, SelfManagedKafkaEventSourceConfig: { ConsumptionMode: 'Queue' } }).ok, false);
  });

  it('an AWS Glue schema registry takes no access configs', () => {
    const r = check({ AmazonManagedKafkaEventSourceConfig: { SchemaRegistryConfig: { SchemaRegistryURI: GLUE_REGISTRY, AccessConfigs: [{ Type: 'BASIC_AUTH', URI: SECRET }] } } });
    assert.deepEqual(r.messages, [
      "AmazonManagedKafkaEventSourceConfig.SchemaRegistryConfig.SchemaRegistryURI is an AWS Glue schema registry: Lambda reaches it with the function's execution role, so remove AmazonManagedKafkaEventSourceConfig.SchemaRegistryConfig.AccessConfigs.",
    ]);
    assert.equal(r.at(), '"AccessConfigs"');
  });

  it('the OAuth and IAM sign-in types of self-managed Apache Kafka: what each needs, what goes together, no URI for IAM', () => {
    const sac = (list: unknown[]) => check({ SourceAccessConfigurations: list }).messages;
    assert.deepEqual(sac([{ Type: 'IAM_AUTH', URI: SECRET }]), ["SourceAccessConfigurations[0]: IAM_AUTH takes no URI (Lambda signs in with the function's execution role); remove URI."]);
    assert.deepEqual(sac([{ Type: 'OAUTHBEARER_SCOPE', URI: 'kafka.read' }]), ['SourceAccessConfigurations[0]: OAUTHBEARER_SCOPE needs OAUTHBEARER_AUTH in the same list.']);
    assert.deepEqual(sac([{ Type: 'OAUTHBEARER_AUDIENCE', URI: 'kafka' }]), ['SourceAccessConfigurations[0]: OAUTHBEARER_AUDIENCE needs OAUTHBEARER_AUTH or IAM_OAUTHBEARER_AUTH in the same list.']);
    assert.deepEqual(sac([{ Type: 'IAM_OAUTHBEARER_AUTH' }]), ['SourceAccessConfigurations[0]: IAM_OAUTHBEARER_AUTH needs OAUTHBEARER_AUDIENCE in the same list.']);
    assert.deepEqual(sac([{ Type: 'IAM_OAUTHBEARER_AUTH' }, { Type: 'OAUTHBEARER_AUDIENCE', URI: 'kafka' }, { Type: 'OAUTHBEARER_AUTH', URI: SECRET }]), [
      'SourceAccessConfigurations[2]: OAUTHBEARER_AUTH cannot be used with IAM_OAUTHBEARER_AUTH.',
    ]);
  });

  it('a Kafka topic as the on-failure destination: Kafka mappings only; never for asynchronous invocation', () => {
    const dc = { OnFailure: { Destination: 'kafka://failed-records' } };
    assert.deepEqual(check({ DestinationConfig: dc }, streamMapping()).messages, [
      'DestinationConfig.OnFailure.Destination is a Kafka topic: only Amazon MSK and self-managed Apache Kafka mappings send discarded records to a Kafka topic; this mapping reads from a DynamoDB stream (users).',
    ]);
    assert.equal(check({ DestinationConfig: dc }, selfManagedKafkaMapping()).ok, true);
    assert.match(check({ DestinationConfig: { OnFailure: { Destination: 'kafka://' } } }).messages[0], /is not valid \("kafka:\/\/"\): Must be the ARN of the destination resource .*, a Kafka topic \(kafka:\/\/topic-name\)/);
    const invoke = checkConfigText(JSON.stringify({ FunctionName: 'f', DestinationConfig: dc }), INVOKE);
    assert.equal(invoke.ok, false);
    assert.match(invoke.problems[0].message, /^DestinationConfig\.OnFailure\.Destination is not valid \("kafka:\/\/failed-records"\)/);
  });

  it('FunctionResponseTypes: not for Amazon MQ and DocumentDB; Kafka mappings take it', () => {
    const mq = sqsMapping({ EventSourceArn: `arn:aws:mq:us-east-1:${ACCOUNT}:broker:orders:b-1234` });
    assert.deepEqual(check({ FunctionResponseTypes: ['ReportBatchItemFailures'] }, mq).messages, [
      'FunctionResponseTypes applies to Kinesis, DynamoDB Streams, Amazon SQS, Amazon MSK and self-managed Apache Kafka mappings only; this mapping reads from an Amazon MQ broker (orders). Remove it.',
    ]);
    assert.equal(check({ FunctionResponseTypes: ['ReportBatchItemFailures'] }, mskMapping()).ok, true);
  });

  it('an SQS FIFO queue takes no batching window', () => {
    const fifo = sqsMapping({ EventSourceArn: `arn:aws:sqs:us-east-1:${ACCOUNT}:orders.fifo` });
    const r = check({ MaximumBatchingWindowInSeconds: 5 }, fifo);
    assert.deepEqual(r.messages, ['MaximumBatchingWindowInSeconds is 5: the FIFO queue orders.fifo takes no batching window (0 only).']);
    assert.equal(r.at(), '5');
    assert.equal(check({ MaximumBatchingWindowInSeconds: 0 }, sqsMapping({ EventSourceArn: fifo.EventSourceArn, MaximumBatchingWindowInSeconds: 3 })).ok, true, 'setting it back to 0 is fine');
  });
});
