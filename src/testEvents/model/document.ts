/**
 * The Lambda console's shareable test events of one function: an OpenAPI 3 schema document in
 * the EventBridge Schemas registry `lambda-testevent-schemas`, schema `_<FunctionName>-schema`.
 * Each event is `components.examples.<name>` = `{"value": <event>, "x-metadata":
 * {"invocationType": "RequestResponse" | "Event"}}` (older tools wrote no `x-metadata`: that is
 * RequestResponse). Reading and writing keep everything else of the document as it was. Pure.
 */
import { functionNameOf } from '../../shared/arn';
import { t } from '../../shared/l10n';

export type TestEventInvocationType = 'RequestResponse' | 'Event';

export const TEST_EVENT_REGISTRY = 'lambda-testevent-schemas';

/** What an event may weigh (its JSON in UTF-8), as the console and the SAM CLI allow. */
export const MAX_TEST_EVENT_BYTES = 6_144_000;

/** The console's rule for an event name: at most 25 letters, digits, dots, hyphens and underscores. */
export const MAX_TEST_EVENT_NAME_LENGTH = 25;
const NAME = /^[A-Za-z0-9._-]+$/;

/** One shareable test event. */
export interface SharedTestEvent {
  name: string;
  invocationType: TestEventInvocationType;
  /** The event itself (any JSON value). */
  value: unknown;
}

/** A schema document that is not what the console writes: nothing is changed in it. */
export class CorruptTestEventDocumentError extends Error {
  constructor(readonly detail: string) {
    super(t('The shareable test events document is damaged ({0}); it was left as it is.', detail));
    this.name = 'CorruptTestEventDocumentError';
  }
}

/** A name or an event the console would not take: nothing is sent. */
export class TestEventInputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'TestEventInputError';
  }
}

/** `_<FunctionName>-schema`; an ARN (or `name:qualifier`) is reduced to the function name. */
export function testEventSchemaName(functionNameOrArn: string): string {
  return `_${functionNameOf(functionNameOrArn)}-schema`;
}

/** What is wrong with a name, in the console's words, or undefined when it is fine. */
export function checkTestEventName(name: string): string | undefined {
  if (name.length === 0) {
    return t('Enter a name for the event.');
  }
  if (name.length > MAX_TEST_EVENT_NAME_LENGTH || !NAME.test(name)) {
    return t('"{0}" is not a valid event name: use at most {1} letters, digits, dots (.), hyphens (-) and underscores (_).', name, MAX_TEST_EVENT_NAME_LENGTH);
  }
  return undefined;
}

/** The size of an event as saved (its JSON text in UTF-8), or an error over the limit. */
export function checkTestEventSize(value: unknown, label: string): number {
  const bytes = Buffer.byteLength(JSON.stringify(value) ?? 'null', 'utf8');
  if (bytes > MAX_TEST_EVENT_BYTES) {
    throw new TestEventInputError(t('{0}: the event is {1} bytes; a shareable test event may be at most {2} bytes.', label, bytes, MAX_TEST_EVENT_BYTES));
  }
  return bytes;
}

type JsonObject = Record<string, unknown>;

const isObject = (x: unknown): x is JsonObject => typeof x === 'object' && x !== null && !Array.isArray(x);

/** A parsed document: the whole JSON object, kept as read. */
export interface TestEventDocument {
  readonly doc: JsonObject;
}

/** Reads a schema's content; a document the console could not have written is CorruptTestEventDocumentError. */
export function parseTestEventDocument(content: string): TestEventDocument {
  let doc: unknown;
  try {
    doc = JSON.parse(content);
  } catch (e) {
    throw new CorruptTestEventDocumentError(t('not JSON: {0}', (e as Error).message));
  }
  if (!isObject(doc)) {
    throw new CorruptTestEventDocumentError(t('not a JSON object'));
  }
  const components = doc.components;
  if (components !== undefined && !isObject(components)) {
    throw new CorruptTestEventDocumentError(t('"components" is not an object'));
  }
  const examples = components?.examples;
  if (examples !== undefined && !isObject(examples)) {
    throw new CorruptTestEventDocumentError(t('"components.examples" is not an object'));
  }
  for (const [name, example] of Object.entries(examples ?? {})) {
    if (!isObject(example) || !('value' in example)) {
      throw new CorruptTestEventDocumentError(t('the event "{0}" has no "value"', name));
    }
  }
  return { doc };
}

function examplesOf(d: TestEventDocument): JsonObject {
  const components = d.doc.components as JsonObject | undefined;
  return (components?.examples as JsonObject | undefined) ?? {};
}

export function invocationTypeOf(example: unknown): TestEventInvocationType {
  const meta = isObject(example) ? example['x-metadata'] : undefined;
  return isObject(meta) && meta.invocationType === 'Event' ? 'Event' : 'RequestResponse';
}

/** The events, in the document's order. */
export function listTestEvents(d: TestEventDocument): SharedTestEvent[] {
  return Object.entries(examplesOf(d)).map(([name, example]) => ({ name, value: (example as JsonObject).value, invocationType: invocationTypeOf(example) }));
}

export function findTestEvent(d: TestEventDocument, name: string): SharedTestEvent | undefined {
  return listTestEvents(d).find((e) => e.name === name);
}

/** A copy of the document with `examples` in place of its events. */
function withExamples(d: TestEventDocument, examples: JsonObject): TestEventDocument {
  const components = isObject(d.doc.components) ? d.doc.components : {};
  return { doc: { ...d.doc, components: { ...components, examples } } };
}

/**
 * Adds the event, or replaces the one of that name (in its place): `value` and
 * `x-metadata.invocationType` are written; any other field of the example and of its
 * `x-metadata` stays.
 */
export function putTestEvent(d: TestEventDocument, event: SharedTestEvent): TestEventDocument {
  const examples = { ...examplesOf(d) };
  const old = isObject(examples[event.name]) ? (examples[event.name] as JsonObject) : {};
  const oldMeta = isObject(old['x-metadata']) ? old['x-metadata'] : {};
  examples[event.name] = { ...old, value: event.value, 'x-metadata': { ...oldMeta, invocationType: event.invocationType } };
  return withExamples(d, examples);
}

/** Renames an event, keeping its place and everything in it. */
export function renameTestEvent(d: TestEventDocument, from: string, to: string): TestEventDocument {
  const examples: JsonObject = {};
  for (const [name, example] of Object.entries(examplesOf(d))) {
    if (name === to && name !== from) {
      continue;
    }
    examples[name === from ? to : name] = example;
  }
  return withExamples(d, examples);
}

export function removeTestEvent(d: TestEventDocument, name: string): TestEventDocument {
  const examples = { ...examplesOf(d) };
  delete examples[name];
  return withExamples(d, examples);
}

/**
 * The first document of a function: what GetDiscoveredSchema made of its first event (as the
 * console does), with that event under `components.examples`.
 */
export function newTestEventDocument(discoveredContent: string, event: SharedTestEvent): TestEventDocument {
  const discovered = parseTestEventDocument(discoveredContent);
  return putTestEvent(withExamples(discovered, {}), event);
}

export function serializeTestEventDocument(d: TestEventDocument): string {
  return JSON.stringify(d.doc);
}
