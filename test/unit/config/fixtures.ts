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
