/**
 * Reading and writing the shareable test events of a function through the Schemas API, the way
 * the console and `sam remote test-event` do: the first save makes the registry (if missing) and
 * the schema (from GetDiscoveredSchema of the event); later saves write a new version with the
 * whole document, and the oldest versions beyond 5 are deleted; removing the last event deletes
 * the schema. A write names the version it was based on: when the schema has moved on since
 * (someone saved meanwhile), nothing is written (TestEventsChangedError). Pure: the API is given.
 */
import { t } from '../../shared/l10n';
import {
  findTestEvent,
  listTestEvents,
  newTestEventDocument,
  parseTestEventDocument,
  putTestEvent,
  removeTestEvent,
  renameTestEvent,
  serializeTestEventDocument,
  SharedTestEvent,
  TEST_EVENT_REGISTRY,
  TestEventDocument,
  TestEventInputError,
  checkTestEventName,
  checkTestEventSize,
  testEventSchemaName,
} from './document';
import { versionsToPrune } from './versions';

export interface SchemaCallOptions {
  signal?: AbortSignal;
}

/** The Schemas calls this needs (src/aws/schemas.ts implements them with the SDK). */
export interface TestEventSchemaApi {
  /** The latest version of a schema, or undefined when the registry or the schema does not exist. */
  describeSchema(registry: string, schema: string, o?: SchemaCallOptions): Promise<{ content: string; version: string } | undefined>;
  /** Makes the registry unless it exists. */
  ensureRegistry(registry: string): Promise<void>;
  /** GetDiscoveredSchema (OpenApi3) of one event's JSON text. */
  discoverSchema(eventJson: string): Promise<string>;
  createSchema(registry: string, schema: string, content: string): Promise<string>;
  updateSchema(registry: string, schema: string, content: string): Promise<string>;
  listSchemaVersions(registry: string, schema: string): Promise<string[]>;
  deleteSchemaVersion(registry: string, schema: string, version: string): Promise<void>;
  deleteSchema(registry: string, schema: string): Promise<void>;
}

/** The events of a function as read, with the schema version they came from (none: no schema). */
export interface TestEventList {
  functionName: string;
  events: SharedTestEvent[];
  version?: string;
}

/** The schema changed since it was read: nothing was written. */
export class TestEventsChangedError extends Error {
  constructor(
    readonly functionName: string,
    readonly readVersion: string | undefined,
    readonly currentVersion: string | undefined,
  ) {
    super(t('The shareable test events of {0} were changed by someone else since they were read; nothing was overwritten. They have been read again: check them and retry.', functionName));
    this.name = 'TestEventsChangedError';
  }
}

export interface WriteResult {
  /** The version written; undefined when the schema was deleted. */
  version?: string;
  /** Versions deleted to keep at most 5. */
  pruned: string[];
  schemaDeleted: boolean;
}

/** What the tree reads. */
export type TestEventReader = Pick<TestEventStore, 'list'>;

export class TestEventStore {
  constructor(private readonly api: TestEventSchemaApi) {}

  private async read(functionName: string, o?: SchemaCallOptions): Promise<{ doc?: TestEventDocument; version?: string }> {
    const found = await this.api.describeSchema(TEST_EVENT_REGISTRY, testEventSchemaName(functionName), o);
    return found ? { doc: parseTestEventDocument(found.content), version: found.version } : {};
  }

  /** The events of a function; a missing registry or schema is no events. */
  async list(functionName: string, o?: SchemaCallOptions): Promise<TestEventList> {
    const { doc, version } = await this.read(functionName, o);
    return { functionName, events: doc ? listTestEvents(doc) : [], version };
  }

  /** Reads again and refuses when the schema is not at `expected` any more. */
  private async readExpecting(functionName: string, expected: string | undefined): Promise<{ doc?: TestEventDocument; version?: string }> {
    const current = await this.read(functionName);
    if (current.version !== expected) {
      throw new TestEventsChangedError(functionName, expected, current.version);
    }
    return current;
  }

  private async write(functionName: string, doc: TestEventDocument, base: string | undefined, firstEvent: SharedTestEvent): Promise<WriteResult> {
    const schema = testEventSchemaName(functionName);
    if (base === undefined) {
      await this.api.ensureRegistry(TEST_EVENT_REGISTRY);
      const discovered = await this.api.discoverSchema(JSON.stringify(firstEvent.value));
      const version = await this.api.createSchema(TEST_EVENT_REGISTRY, schema, serializeTestEventDocument(newTestEventDocument(discovered, firstEvent)));
      return { version, pruned: [], schemaDeleted: false };
    }
    const version = await this.api.updateSchema(TEST_EVENT_REGISTRY, schema, serializeTestEventDocument(doc));
    const pruned = versionsToPrune(await this.api.listSchemaVersions(TEST_EVENT_REGISTRY, schema));
    for (const v of pruned) {
      await this.api.deleteSchemaVersion(TEST_EVENT_REGISTRY, schema, v);
    }
    return { version, pruned, schemaDeleted: false };
  }

  /**
   * Saves an event (adds it, or replaces the one of that name when `overwrite`). `baseVersion`
   * is the version the caller read (undefined: there was no schema).
   */
  async save(functionName: string, event: SharedTestEvent, baseVersion: string | undefined, overwrite: boolean): Promise<WriteResult> {
    checkEvent(event);
    const current = await this.readExpecting(functionName, baseVersion);
    if (current.doc && findTestEvent(current.doc, event.name) && !overwrite) {
      throw new TestEventInputError(t('{0} already has a shareable test event named "{1}".', functionName, event.name));
    }
    const doc = current.doc ? putTestEvent(current.doc, event) : undefined;
    return this.write(functionName, doc ?? { doc: {} }, current.doc ? current.version : undefined, event);
  }

  async rename(functionName: string, from: string, to: string, baseVersion: string | undefined): Promise<WriteResult> {
    const problem = checkTestEventName(to);
    if (problem) {
      throw new TestEventInputError(problem);
    }
    const current = await this.readExpecting(functionName, baseVersion);
    if (!current.doc || !findTestEvent(current.doc, from)) {
      throw new TestEventsChangedError(functionName, baseVersion, current.version);
    }
    if (from !== to && findTestEvent(current.doc, to)) {
      throw new TestEventInputError(t('{0} already has a shareable test event named "{1}".', functionName, to));
    }
    return this.write(functionName, renameTestEvent(current.doc, from, to), current.version, findTestEvent(current.doc, from)!);
  }

  /** Removes an event; the last one takes the schema with it. */
  async remove(functionName: string, name: string, baseVersion: string | undefined): Promise<WriteResult> {
    const current = await this.readExpecting(functionName, baseVersion);
    const event = current.doc && findTestEvent(current.doc, name);
    if (!current.doc || !event) {
      throw new TestEventsChangedError(functionName, baseVersion, current.version);
    }
    const doc = removeTestEvent(current.doc, name);
    if (listTestEvents(doc).length === 0) {
      await this.api.deleteSchema(TEST_EVENT_REGISTRY, testEventSchemaName(functionName));
      return { pruned: [], schemaDeleted: true };
    }
    return this.write(functionName, doc, current.version, event);
  }
}

function checkEvent(event: SharedTestEvent): void {
  const problem = checkTestEventName(event.name);
  if (problem) {
    throw new TestEventInputError(problem);
  }
  checkTestEventSize(event.value, event.name);
}
