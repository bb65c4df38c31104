/**
 * The emulator's EventBridge Schemas data: registries of schemas of versions, per account and
 * region. Versions are numbered "1", "2", … per schema and never reused, as the service numbers
 * them; the schema's LastModified is the time of its latest change.
 */

export type SchemaType = 'OpenApi3' | 'JSONSchemaDraft4';

export interface SchemaVersionRecord {
  version: string;
  type: SchemaType;
  content: string;
  created: Date;
}

export interface SchemaRecord {
  name: string;
  description?: string;
  tags: Record<string, string>;
  lastModified: Date;
  /** Oldest first. */
  versions: SchemaVersionRecord[];
  nextVersion: number;
  /** ClientTokenId of the last UpdateSchema, with the version it made (a retry makes none). */
  lastClientToken?: { token: string; version: string };
}

export interface RegistryRecord {
  account: string;
  region: string;
  name: string;
  description?: string;
  tags: Record<string, string>;
  schemas: Map<string, SchemaRecord>;
}

export class SchemaRegistryStore {
  private readonly registries = new Map<string, RegistryRecord>();

  private key(account: string, region: string, name: string): string {
    return `${account}/${region}/${name}`;
  }

  getRegistry(account: string, region: string, name: string): RegistryRecord | undefined {
    return this.registries.get(this.key(account, region, name));
  }

  listRegistries(account: string, region: string): RegistryRecord[] {
    return [...this.registries.values()].filter((r) => r.account === account && r.region === region).sort((a, b) => (a.name < b.name ? -1 : 1));
  }

  allRegistries(): RegistryRecord[] {
    return [...this.registries.values()];
  }

  /** Creates a registry; returns undefined when it exists. */
  createRegistry(account: string, region: string, name: string, description?: string, tags: Record<string, string> = {}): RegistryRecord | undefined {
    const k = this.key(account, region, name);
    if (this.registries.has(k)) {
      return undefined;
    }
    const r: RegistryRecord = { account, region, name, description, tags: { ...tags }, schemas: new Map() };
    this.registries.set(k, r);
    return r;
  }

  deleteRegistry(account: string, region: string, name: string): boolean {
    return this.registries.delete(this.key(account, region, name));
  }

  /** Adds a schema with its first version. */
  createSchema(registry: RegistryRecord, s: { name: string; type: SchemaType; content: string; description?: string; tags?: Record<string, string>; at?: Date }): SchemaRecord {
    const at = s.at ?? new Date();
    const schema: SchemaRecord = {
      name: s.name,
      description: s.description,
      tags: { ...(s.tags ?? {}) },
      lastModified: at,
      versions: [{ version: '1', type: s.type, content: s.content, created: at }],
      nextVersion: 2,
    };
    registry.schemas.set(s.name, schema);
    return schema;
  }

  /** Adds the next version of a schema. */
  addVersion(schema: SchemaRecord, type: SchemaType, content: string, at = new Date()): SchemaVersionRecord {
    const v: SchemaVersionRecord = { version: String(schema.nextVersion++), type, content, created: at };
    schema.versions.push(v);
    schema.lastModified = at;
    return v;
  }

  latest(schema: SchemaRecord): SchemaVersionRecord {
    return schema.versions[schema.versions.length - 1];
  }

  clear(): void {
    this.registries.clear();
  }
}
