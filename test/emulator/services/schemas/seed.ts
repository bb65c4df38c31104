import { DEMO_ACCOUNT, DEMO_REGION } from '../../constants';
import { Json, discoverOpenApi } from './discover';
import type { SchemaRegistryStore } from './registry';

/**
 * The Lambda console's shareable test events, for the demo account and region: registry
 * `lambda-testevent-schemas`, one schema `_<FunctionName>-schema` (type OpenApi3) per function.
 * Its document is what GetDiscoveredSchema made of the function's first event, with every saved
 * event under `components.examples.<name>` as `{"value": <event>, "x-metadata":
 * {"invocationType": "RequestResponse" | "Event"}}` — the form the console and
 * `sam remote test-event put` write (samcli/lib/shared_test_events). Older tools wrote
 * `{"value": <event>}` only, without `x-metadata`. Each saved event made a new version, as it
 * does on AWS.
 */

export const TEST_EVENT_REGISTRY = 'lambda-testevent-schemas';

export const testEventSchemaName = (functionName: string): string => `_${functionName}-schema`;

export interface SeededTestEvent {
  name: string;
  event: Json;
  /** Absent: an old-style event without x-metadata. */
  invocationType?: 'RequestResponse' | 'Event';
}

/** The seeded events per demo function, in the order they were saved (each save is a version). */
export const DEMO_TEST_EVENTS: Readonly<Record<string, readonly SeededTestEvent[]>> = {
  'hello-world': [
    { name: 'greet-ada', event: { name: 'Ada' }, invocationType: 'RequestResponse' },
    { name: 'greet-grace-async', event: { name: 'Grace', source: 'shared-test-event' }, invocationType: 'Event' },
  ],
  'order-processor': [
    {
      name: 'order-ok',
      event: { orderId: 'A-1001', customer: { id: 'C-42', email: 'ada@example.com' }, items: [{ sku: 'BOOK-42', quantity: 1, price: 19.99 }], createdAt: '2026-01-12T08:30:00Z' },
      invocationType: 'RequestResponse',
    },
  ],
  'chatty-logger': [{ name: 'few-lines', event: { lines: 5 } }],
};

/** Fixed save times (first save of the demo's test events; each later save one hour after). */
const SEED_EPOCH = Date.UTC(2026, 0, 14, 9, 0, 0);

/** The schema document of a function's saved events, as it stands after saving `events`. */
export function testEventDocument(events: readonly SeededTestEvent[]): string {
  const doc = discoverOpenApi([events[0].event]) as { components: { schemas: unknown; examples?: Record<string, unknown> } };
  doc.components.examples = {};
  for (const e of events) {
    doc.components.examples[e.name] = { value: e.event, ...(e.invocationType ? { 'x-metadata': { invocationType: e.invocationType } } : {}) };
  }
  return JSON.stringify(doc);
}

export function seedTestEvents(store: SchemaRegistryStore, account = DEMO_ACCOUNT, region = DEMO_REGION): void {
  const registry =
    store.getRegistry(account, region, TEST_EVENT_REGISTRY) ?? store.createRegistry(account, region, TEST_EVENT_REGISTRY, 'Shareable test events of Lambda functions')!;
  let at = SEED_EPOCH;
  for (const [fn, events] of Object.entries(DEMO_TEST_EVENTS)) {
    const name = testEventSchemaName(fn);
    const schema = store.createSchema(registry, { name, type: 'OpenApi3', content: testEventDocument(events.slice(0, 1)), at: new Date(at) });
    for (let i = 2; i <= events.length; i++) {
      at += 3_600_000;
      store.addVersion(schema, 'OpenApi3', testEventDocument(events.slice(0, i)), new Date(at));
    }
    at += 3_600_000;
  }
}
