import * as path from 'path';
import type { Connection } from '../core/connection';
import { lazyBundle } from '../core/lazy';
import type { TestEventStore } from './model/store';

type TestEventsModule = typeof import('./model');

const bundle = lazyBundle<TestEventsModule>('testEvents.js', () => path.join(__dirname, 'model'));

/** dist/testEvents.js: the shareable test events' document model and store (loaded on first use). */
export function loadTestEventsModel(): TestEventsModule {
  return bundle.load();
}

/** The shareable test events of a region, through the connection's Schemas client. */
export function testEventStore(connection: Connection, region: string): TestEventStore {
  return new (loadTestEventsModel().TestEventStore)(connection.schemas(region));
}
