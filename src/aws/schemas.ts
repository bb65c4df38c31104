/**
 * EventBridge Schemas, the calls the Lambda console's shareable test events need (registry
 * `lambda-testevent-schemas`): on the connection's profile, region and endpoint, with the SDK's
 * retries. A registry or schema that does not exist answers undefined, not an error.
 */
import {
  ConflictException,
  CreateRegistryCommand,
  CreateSchemaCommand,
  DeleteSchemaCommand,
  DeleteSchemaVersionCommand,
  DescribeRegistryCommand,
  DescribeSchemaCommand,
  GetDiscoveredSchemaCommand,
  NotFoundException,
  paginateListSchemaVersions,
  SchemasClient,
  UpdateSchemaCommand,
} from '@aws-sdk/client-schemas';
import { ConnectionOptions, credentialProvider } from './clients';

export interface SchemaCallOptions {
  signal?: AbortSignal;
}

export function createSchemasClient(o: ConnectionOptions): SchemasClient {
  return new SchemasClient({
    region: o.region,
    profile: o.profile || undefined,
    credentials: credentialProvider(o.profile),
    endpoint: o.endpoint || undefined,
    maxAttempts: o.maxAttempts ?? 3,
  });
}

const isNotFound = (err: unknown): boolean => err instanceof NotFoundException || (err as { name?: string }).name === 'NotFoundException';

export class SchemaService {
  constructor(readonly client: SchemasClient) {}

  private opts(o?: SchemaCallOptions): { abortSignal?: AbortSignal } {
    return o?.signal ? { abortSignal: o.signal } : {};
  }

  async describeSchema(registry: string, schema: string, o?: SchemaCallOptions): Promise<{ content: string; version: string } | undefined> {
    try {
      const out = await this.client.send(new DescribeSchemaCommand({ RegistryName: registry, SchemaName: schema }), this.opts(o));
      return { content: out.Content ?? '', version: out.SchemaVersion ?? '' };
    } catch (err) {
      if (isNotFound(err)) {
        return undefined;
      }
      throw err;
    }
  }

  async ensureRegistry(registry: string): Promise<void> {
    try {
      await this.client.send(new DescribeRegistryCommand({ RegistryName: registry }));
      return;
    } catch (err) {
      if (!isNotFound(err)) {
        throw err;
      }
    }
    try {
      await this.client.send(new CreateRegistryCommand({ RegistryName: registry }));
    } catch (err) {
      // Made meanwhile by someone else: what was wanted.
      if (!(err instanceof ConflictException) && (err as { name?: string }).name !== 'ConflictException') {
        throw err;
      }
    }
  }

  async discoverSchema(eventJson: string): Promise<string> {
    const out = await this.client.send(new GetDiscoveredSchemaCommand({ Events: [eventJson], Type: 'OpenApi3' }));
    return out.Content ?? '';
  }

  async createSchema(registry: string, schema: string, content: string): Promise<string> {
    const out = await this.client.send(new CreateSchemaCommand({ RegistryName: registry, SchemaName: schema, Type: 'OpenApi3', Content: content }));
    return out.SchemaVersion ?? '1';
  }

  async updateSchema(registry: string, schema: string, content: string): Promise<string> {
    const out = await this.client.send(new UpdateSchemaCommand({ RegistryName: registry, SchemaName: schema, Type: 'OpenApi3', Content: content }));
    return out.SchemaVersion ?? '';
  }

  async listSchemaVersions(registry: string, schema: string): Promise<string[]> {
    const out: string[] = [];
    for await (const page of paginateListSchemaVersions({ client: this.client }, { RegistryName: registry, SchemaName: schema })) {
      for (const v of page.SchemaVersions ?? []) {
        if (v.SchemaVersion) {
          out.push(v.SchemaVersion);
        }
      }
    }
    return out;
  }

  async deleteSchemaVersion(registry: string, schema: string, version: string): Promise<void> {
    await this.client.send(new DeleteSchemaVersionCommand({ RegistryName: registry, SchemaName: schema, SchemaVersion: version }));
  }

  async deleteSchema(registry: string, schema: string): Promise<void> {
    await this.client.send(new DeleteSchemaCommand({ RegistryName: registry, SchemaName: schema }));
  }
}
