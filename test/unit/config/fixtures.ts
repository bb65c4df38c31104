/** States as GetFunctionEventInvokeConfig / GetEventSourceMapping answer them for the demo data. */
import type { EventInvokeConfigState, MappingState } from '../../../src/config/model';

export const ACCOUNT = '111111111111';
export const ORDER_DLQ = `arn:aws:sqs:us-east-1:${ACCOUNT}:order-dlq`;
export const HELLO_DONE = `arn:aws:sns:us-east-1:${ACCOUNT}:hello-done`;

/** order-processor $LATEST: 1 retry, events kept 3600 s, failures to order-dlq. */
export const orderProcessorConfig: EventInvokeConfigState = {
  LastModified: 1767225600,
  FunctionArn: `arn:aws:lambda:us-east-1:${ACCOUNT}:function:order-processor:$LATEST`,
  MaximumRetryAttempts: 1,
  MaximumEventAgeInSeconds: 3600,
  DestinationConfig: { OnSuccess: {}, OnFailure: { Destination: ORDER_DLQ } },
};

export function sqsMapping(overrides: Partial<MappingState> = {}): MappingState {
  return {
    UUID: '3f6c2a8e-1b4d-4c7a-9e21-5a0d8b7c6e01',
    BatchSize: 10,
    MaximumBatchingWindowInSeconds: 0,
    EventSourceArn: `arn:aws:sqs:us-east-1:${ACCOUNT}:orders-queue`,
    FunctionArn: `arn:aws:lambda:us-east-1:${ACCOUNT}:function:order-processor`,
    LastModified: 1767225600,
    LastProcessingResult: 'OK',
    State: 'Enabled',
    StateTransitionReason: 'USER_INITIATED',
    FunctionResponseTypes: [],
    EventSourceMappingArn: `arn:aws:lambda:us-east-1:${ACCOUNT}:event-source-mapping:3f6c2a8e-1b4d-4c7a-9e21-5a0d8b7c6e01`,
    ...overrides,
  };
}

export function streamMapping(overrides: Partial<MappingState> = {}): MappingState {
  return {
    UUID: '8d2e7f41-6c3b-4a95-b0d8-2e9f1c4a7b02',
    StartingPosition: 'LATEST',
    BatchSize: 100,
    MaximumBatchingWindowInSeconds: 1,
    ParallelizationFactor: 1,
    EventSourceArn: `arn:aws:dynamodb:us-east-1:${ACCOUNT}:table/users/stream/2026-01-01T00:00:00.000`,
    FunctionArn: `arn:aws:lambda:us-east-1:${ACCOUNT}:function:hello-world`,
    LastModified: 1767225660,
    State: 'Enabled',
    DestinationConfig: { OnFailure: {} },
    MaximumRecordAgeInSeconds: -1,
    BisectBatchOnFunctionError: false,
    MaximumRetryAttempts: -1,
    TumblingWindowInSeconds: 0,
    FunctionResponseTypes: [],
    ...overrides,
  };
}

export const MSK_CLUSTER = `arn:aws:kafka:us-east-1:${ACCOUNT}:cluster/demo/abcd1234-abcd-cafe-abab-9876543210ab-4`;

/** An Amazon MSK mapping with a consumer group of its own. */
export function mskMapping(overrides: Partial<MappingState> = {}): MappingState {
  return {
    UUID: 'c0a8f3e2-7d41-4b6a-9f10-3e5d2c1b0a94',
    StartingPosition: 'LATEST',
    BatchSize: 100,
    EventSourceArn: MSK_CLUSTER,
    FunctionArn: `arn:aws:lambda:us-east-1:${ACCOUNT}:function:order-processor`,
    LastModified: 1767225720,
    LastProcessingResult: 'OK',
    State: 'Enabled',
    StateTransitionReason: 'USER_INITIATED',
    Topics: ['orders'],
    AmazonManagedKafkaEventSourceConfig: { ConsumerGroupId: 'orders-consumers' },
    ...overrides,
  };
}

/** A self-managed Apache Kafka mapping (no event source ARN: bootstrap servers), in Stream consumption mode. */
export function selfManagedKafkaMapping(overrides: Partial<MappingState> = {}): MappingState {
  return {
    UUID: '5b9e1d27-0c3a-4f68-8e2b-7a4c6d9f1e03',
    StartingPosition: 'TRIM_HORIZON',
    BatchSize: 100,
    FunctionArn: `arn:aws:lambda:us-east-1:${ACCOUNT}:function:payments`,
    LastModified: 1767225780,
    LastProcessingResult: 'OK',
    State: 'Enabled',
    StateTransitionReason: 'USER_INITIATED',
    Topics: ['payments'],
    SelfManagedEventSource: { Endpoints: { KAFKA_BOOTSTRAP_SERVERS: ['b-1.kafka.example.com:9092', 'b-2.kafka.example.com:9092'] } },
    SelfManagedKafkaEventSourceConfig: { ConsumerGroupId: 'payments-consumers', ConsumptionMode: 'Stream' },
    SourceAccessConfigurations: [{ Type: 'SASL_SCRAM_512_AUTH', URI: `arn:aws:secretsmanager:us-east-1:${ACCOUNT}:secret:kafka-credentials` }],
    ...overrides,
  };
}
