/** Account of the profiles `demo` and `default`. */
export const DEMO_ACCOUNT = '111111111111';
/** Account of the profile `other`. */
export const OTHER_ACCOUNT = '222222222222';

export const DEMO_REGION = 'us-east-1';
export const EU_REGION = 'eu-west-1';

/** Fixed UUIDs of the demo event source mappings (account 111111111111). */
export const DEMO_MAPPINGS = {
  /** SQS orders-queue → order-processor, Enabled, BatchSize 10 (us-east-1). */
  ordersQueue: '3f6c2a8e-1b4d-4c7a-9e21-5a0d8b7c6e01',
  /** DynamoDB stream of table users → hello-world, Enabled, BatchSize 100, LATEST (us-east-1). */
  usersStream: '8d2e7f41-6c3b-4a95-b0d8-2e9f1c4a7b02',
  /** Kinesis clickstream → eu-stream-consumer, Disabled (eu-west-1). */
  clickstream: 'c5a9e1d7-3f28-4b6e-8a4c-7d1e0f9b3a03',
  /** SQS audit-queue → json-logger, Creating, becomes Enabled 60 s after start (us-east-1). */
  auditQueue: '1b7d4c9a-5e62-4f3b-9c8d-0a6e2f5b1c04',
} as const;

export interface KnownKey {
  profile: string;
  accessKeyId: string;
  secretAccessKey: string;
  account: string;
}

/**
 * Key pairs the emulator recognises. They are the ones in fixtures/aws/credentials; the
 * profile `unknown` holds a key that is deliberately absent here.
 */
export const KNOWN_KEYS: readonly KnownKey[] = [
  { profile: 'demo', accessKeyId: 'AKIALWBDEMO000000001', secretAccessKey: 'lwbDemoSecretKey/0000000000000000000000001', account: DEMO_ACCOUNT },
  { profile: 'default', accessKeyId: 'AKIALWBDEFAULT000001', secretAccessKey: 'lwbDefaultSecretKey/000000000000000000001', account: DEMO_ACCOUNT },
  { profile: 'other', accessKeyId: 'AKIALWBOTHER00000002', secretAccessKey: 'lwbOtherSecretKey/00000000000000000000002', account: OTHER_ACCOUNT },
];

/** The key of the profile `unknown`: well formed, but no account owns it. */
export const UNKNOWN_KEY = { accessKeyId: 'AKIALWBUNKNOWN000009', secretAccessKey: 'lwbUnknownSecretKey/000000000000000000009' };

export const MAX_SYNC_PAYLOAD = 6 * 1024 * 1024; // 6291456
export const MAX_ASYNC_PAYLOAD = 1024 * 1024; // 1048576
/** The response limit AWS states in its Function.ResponseSizeTooLarge error. */
export const MAX_RESPONSE_PAYLOAD = 6291556;
export const MAX_CLIENT_CONTEXT = 3583;
export const LOG_TAIL_BYTES = 4096;
/** Lambda's documented maximum size of a streamed response (200 MB), InvokeWithResponseStream. */
export const MAX_STREAMED_RESPONSE = 200 * 1024 * 1024;
