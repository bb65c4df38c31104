/**
 * Which account, region and endpoint a Lambda client talks to, and how its credentials
 * are found. Credentials come from the SDK's own chain (`@aws-sdk/credential-providers`):
 * a named profile from the shared files (static keys, role_arn/source_profile, SSO,
 * credential_process) or, without a profile, the default Node provider chain.
 */
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

/** One client per connection, reused; dropped when the connection changes. */
export class ClientCache {
  private readonly clients = new Map<string, LambdaClient>();
  private readonly schemaClients = new Map<string, SchemasClient>();

  /** The EventBridge Schemas client of a connection (shareable test events), made by `create` once. */
  schemas(o: ConnectionOptions, create: (o: ConnectionOptions) => SchemasClient): SchemasClient {
    const key = connectionKey(o);
    let client = this.schemaClients.get(key);
    if (!client) {
      client = create(o);
      this.schemaClients.set(key, client);
    }
    return client;
  }

  get(o: ConnectionOptions): LambdaClient {
    const key = connectionKey(o);
    let client = this.clients.get(key);
    if (!client) {
      client = createLambdaClient(o);
      this.clients.set(key, client);
    }
    return client;
  }

  clear(): void {
    for (const c of [...this.clients.values(), ...this.schemaClients.values()]) {
      c.destroy();
    }
    this.clients.clear();
    this.schemaClients.clear();
  }
}
