/**
 * Which account, region and endpoint a Lambda client talks to, and how its credentials
 * are found. Credentials come from the SDK's own chain (`@aws-sdk/credential-providers`):
 * a named profile from the shared files (static keys, role_arn/source_profile, SSO,
 * credential_process) or, without a profile, the default Node provider chain.
 */
import { CloudWatchLogsClient } from '@aws-sdk/client-cloudwatch-logs';
import { LambdaClient } from '@aws-sdk/client-lambda';
import type { SchemasClient } from '@aws-sdk/client-schemas';
import { fromIni, fromNodeProviderChain } from '@aws-sdk/credential-providers';
import type { AwsCredentialIdentityProvider, DeserializeMiddleware, FinalizeRequestMiddleware, MetadataBearer } from '@smithy/types';

export interface ConnectionOptions {
  /** A profile of the shared config/credentials files; empty: the SDK's default chain. */
  profile?: string;
  region: string;
  /** A custom endpoint (LocalStack, moto, a local emulator); empty: the SDK resolves it. */
  endpoint?: string;
  /** Attempts per call, retries included (the SDK's standard retry strategy). */
  maxAttempts?: number;
}

export function connectionKey(o: ConnectionOptions): string {
  return JSON.stringify([o.profile ?? '', o.region, o.endpoint ?? '', o.maxAttempts ?? 0]);
}

export function credentialProvider(profile: string | undefined): AwsCredentialIdentityProvider {
  return profile ? fromIni({ profile, ignoreCache: true }) : fromNodeProviderChain({ ignoreCache: true });
}

/** Operations whose answer is a stream, read as it comes: never buffered. */
const STREAMED_OPERATIONS = new Set(['InvokeWithResponseStreamCommand']);

interface RawResponse {
  statusCode?: number;
  headers?: Record<string, string | undefined>;
  body?: unknown;
}

function isReadable(body: unknown): body is AsyncIterable<Uint8Array | string> {
  return !!body && typeof body === 'object' && typeof (body as AsyncIterable<unknown>)[Symbol.asyncIterator] === 'function';
}

/**
 * Keeps the bytes of every answer (the streamed ones aside), so that an answer the SDK cannot
 * read can be logged as it came: the deserializer reads the body from these bytes, and an error
 * it throws carries them as `$response.body`. A connection that closes half-way through a 2xx
 * answer fails the way the deserializer would fail, with `$metadata` and `$response` (the bytes
 * that did arrive).
 */
const keepAnswerBytes: DeserializeMiddleware<object, MetadataBearer> = (next, context) => async (args) => {
  const result = await next(args);
  const response = result.response as RawResponse;
  if (STREAMED_OPERATIONS.has(String((context as { commandName?: string }).commandName)) || !isReadable(response.body)) {
    return result;
  }
  const chunks: Uint8Array[] = [];
  try {
    for await (const chunk of response.body) {
      chunks.push(typeof chunk === 'string' ? new TextEncoder().encode(chunk) : chunk);
    }
  } catch (err) {
    response.body = Buffer.concat(chunks);
    const headers = response.headers ?? {};
    throw Object.defineProperty(
      Object.assign(err as object, { $metadata: { httpStatusCode: response.statusCode, requestId: headers['x-amzn-requestid'] } }),
      '$response',
      { value: response, enumerable: false, configurable: true },
    );
  }
  response.body = Buffer.concat(chunks);
  return result;
};

/**
 * A change the endpoint accepted (2xx) is not sent again because its answer could not be read:
 * the SDK retries an `ECONNRESET`, which would invoke the function again, or change the mapping
 * twice. Reads (GET) are still retried.
 */
const noRetryAfterAcceptedChange: FinalizeRequestMiddleware<object, MetadataBearer> = (next) => async (args) => {
  try {
    return await next(args);
  } catch (err) {
    const e = err as { $metadata?: { httpStatusCode?: number }; code?: string };
    const status = e?.$metadata?.httpStatusCode;
    const method = (args.request as { method?: string }).method;
    if (status !== undefined && status >= 200 && status < 300 && method !== 'GET' && e.code) {
      // Kept under another name for the log; the retry strategy looks at `code`.
      Object.defineProperty(e, 'networkCode', { value: e.code, enumerable: false });
      delete e.code;
    }
    throw err;
  }
};

export function createLambdaClient(o: ConnectionOptions): LambdaClient {
  const client = new LambdaClient({
    region: o.region,
    profile: o.profile || undefined,
    credentials: credentialProvider(o.profile),
    endpoint: o.endpoint || undefined,
    maxAttempts: o.maxAttempts ?? 3,
    // No client-side request timeout: a synchronous invoke may run for Lambda's 15 minutes.
  });
  client.middlewareStack.addRelativeTo(keepAnswerBytes, { name: 'lambdaWorkbenchKeepAnswerBytes', relation: 'after', toMiddleware: 'deserializerMiddleware' });
  client.middlewareStack.add(noRetryAfterAcceptedChange, { step: 'finalizeRequest', priority: 'low', name: 'lambdaWorkbenchNoRetryAfterAcceptedChange' });
  return client;
}

/**
 * A CloudWatch Logs client. The custom endpoint serves every service the extension calls (as
 * LocalStack and moto do), unless `AWS_ENDPOINT_URL_CLOUDWATCH_LOGS` names the Logs endpoint:
 * the SDK's service-specific variable wins. With any custom endpoint the host prefix of
 * StartLiveTail (`stream-`) is turned off: `stream-127.0.0.1` does not resolve.
 */
export function createLogsClient(o: ConnectionOptions, env: NodeJS.ProcessEnv = process.env): CloudWatchLogsClient {
  const ownEndpoint = env.AWS_ENDPOINT_URL_CLOUDWATCH_LOGS ? undefined : o.endpoint || undefined;
  return new CloudWatchLogsClient({
    region: o.region,
    profile: o.profile || undefined,
    credentials: credentialProvider(o.profile),
    endpoint: ownEndpoint,
    maxAttempts: o.maxAttempts ?? 3,
    disableHostPrefix: !!(ownEndpoint || env.AWS_ENDPOINT_URL_CLOUDWATCH_LOGS || env.AWS_ENDPOINT_URL),
  });
}

function cached<C>(clients: Map<string, C>, o: ConnectionOptions, create: (o: ConnectionOptions) => C): C {
  const key = connectionKey(o);
  let client = clients.get(key);
  if (!client) {
    client = create(o);
    clients.set(key, client);
  }
  return client;
}

/** One client per connection, reused; dropped when the connection changes. */
export class ClientCache {
  private readonly clients = new Map<string, LambdaClient>();
  private readonly logsClients = new Map<string, CloudWatchLogsClient>();

  /** The CloudWatch Logs client of a connection (created on first use). */
  logs(o: ConnectionOptions): CloudWatchLogsClient {
    return cached(this.logsClients, o, createLogsClient);
  }

  private readonly schemaClients = new Map<string, SchemasClient>();

  /** The EventBridge Schemas client of a connection (shareable test events), made by `create` once. */
  schemas(o: ConnectionOptions, create: (o: ConnectionOptions) => SchemasClient): SchemasClient {
    return cached(this.schemaClients, o, create);
  }

  /** `onSuccess`: called after each call whose answer was read (any operation, any region). */
  constructor(private readonly hooks: { onSuccess?: () => void } = {}) {}

  get(o: ConnectionOptions): LambdaClient {
    return cached(this.clients, o, (opts) => {
      const client = createLambdaClient(opts);
      const onSuccess = this.hooks.onSuccess;
      if (onSuccess) {
        const tell: DeserializeMiddleware<object, MetadataBearer> = (next) => async (args) => {
          const result = await next(args);
          onSuccess();
          return result;
        };
        client.middlewareStack.addRelativeTo(tell, { name: 'lambdaWorkbenchOnSuccess', relation: 'before', toMiddleware: 'deserializerMiddleware' });
      }
      return client;
    });
  }

  clear(): void {
    for (const c of [...this.clients.values(), ...this.logsClients.values(), ...this.schemaClients.values()]) {
      c.destroy();
    }
    this.clients.clear();
    this.logsClients.clear();
    this.schemaClients.clear();
  }
}
