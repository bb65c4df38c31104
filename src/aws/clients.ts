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
import type { AwsCredentialIdentityProvider } from '@smithy/types';

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

export function createLambdaClient(o: ConnectionOptions): LambdaClient {
  return new LambdaClient({
    region: o.region,
    profile: o.profile || undefined,
    credentials: credentialProvider(o.profile),
    endpoint: o.endpoint || undefined,
    maxAttempts: o.maxAttempts ?? 3,
    // No client-side request timeout: a synchronous invoke may run for Lambda's 15 minutes.
  });
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

  get(o: ConnectionOptions): LambdaClient {
    return cached(this.clients, o, createLambdaClient);
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
