/**
 * The shareable test events document (src/testEvents/model/document.ts, versions.ts): read,
 * write, add, rename, remove, `x-metadata` kept, missing = RequestResponse, the console's
 * name rule, the size limit, version pruning.
 */
import * as assert from 'node:assert/strict';
import {
  checkTestEventName,
  checkTestEventSize,
  CorruptTestEventDocumentError,
  listTestEvents,
  MAX_TEST_EVENT_BYTES,
  newTestEventDocument,
  parseTestEventDocument,
  putTestEvent,
  removeTestEvent,
  renameTestEvent,
  serializeTestEventDocument,
  testEventSchemaName,
  TestEventInputError,
} from '../../../src/testEvents/model/document';
import { versionsToPrune } from '../../../src/testEvents/model/versions';

/** As the console and `sam remote test-event put` write it; `few-lines` is old-style (no x-metadata). */
const CONSOLE_DOC = JSON.stringify({
  openapi: '3.0.0',
  info: { version: '1.0.0', title: 'Event' },
  paths: {},
  components: {
    schemas: { Event: { type: 'object', required: ['name'], properties: { name: { type: 'string' } } } },
    examples: {
      'greet-ada': { value: { name: 'Ada' }, 'x-metadata': { invocationType: 'RequestResponse', note: 'kept' } },
      'greet-grace-async': { value: { name: 'Grace' }, 'x-metadata': { invocationType: 'Event' } },
      'few-lines': { value: { lines: 5 } },
    },
  },
});

type Doc = { components: { schemas: unknown; examples: Record<string, { value: unknown; 'x-metadata'?: Record<string, unknown> }> }; info: unknown };
const raw = (d: ReturnType<typeof parseTestEventDocument>): Doc => JSON.parse(serializeTestEventDocument(d)) as Doc;

describe('testEvents/model: the shareable test events document', () => {
  it('lists the events in order, with their invocation type; no x-metadata is RequestResponse', () => {
    const events = listTestEvents(parseTestEventDocument(CONSOLE_DOC));
    assert.deepEqual(events, [
      { name: 'greet-ada', value: { name: 'Ada' }, invocationType: 'RequestResponse' },
      { name: 'greet-grace-async', value: { name: 'Grace' }, invocationType: 'Event' },
      { name: 'few-lines', value: { lines: 5 }, invocationType: 'RequestResponse' },
    ]);
  });

  it('a document without examples has no events', () => {
    assert.deepEqual(listTestEvents(parseTestEventDocument('{"openapi":"3.0.0","components":{"schemas":{}}}')), []);
  });

  it('adds an event at the end with x-metadata, and keeps everything else as it was', () => {
    const before = parseTestEventDocument(CONSOLE_DOC);
    const after = raw(putTestEvent(before, { name: 'new-one', value: [1, 2], invocationType: 'Event' }));
    assert.deepEqual(Object.keys(after.components.examples), ['greet-ada', 'greet-grace-async', 'few-lines', 'new-one']);
    assert.deepEqual(after.components.examples['new-one'], { value: [1, 2], 'x-metadata': { invocationType: 'Event' } });
    assert.deepEqual(after.components.examples['greet-ada'], { value: { name: 'Ada' }, 'x-metadata': { invocationType: 'RequestResponse', note: 'kept' } });
    assert.deepEqual(after.components.examples['few-lines'], { value: { lines: 5 } }, 'an old-style event stays old-style');
    assert.deepEqual(after.components.schemas, (JSON.parse(CONSOLE_DOC) as Doc).components.schemas);
    assert.deepEqual(after.info, { version: '1.0.0', title: 'Event' });
    assert.equal(listTestEvents(before).length, 3, 'the document read is not changed');
  });

  it('replacing an event keeps its place and the other fields of its x-metadata', () => {
    const after = raw(putTestEvent(parseTestEventDocument(CONSOLE_DOC), { name: 'greet-ada', value: { name: 'Lovelace' }, invocationType: 'Event' }));
    assert.deepEqual(Object.keys(after.components.examples), ['greet-ada', 'greet-grace-async', 'few-lines']);
    assert.deepEqual(after.components.examples['greet-ada'], { value: { name: 'Lovelace' }, 'x-metadata': { invocationType: 'Event', note: 'kept' } });
  });

  it('renames in place, keeping the value and x-metadata', () => {
    const after = raw(renameTestEvent(parseTestEventDocument(CONSOLE_DOC), 'greet-grace-async', 'grace'));
    assert.deepEqual(Object.keys(after.components.examples), ['greet-ada', 'grace', 'few-lines']);
    assert.deepEqual(after.components.examples.grace, { value: { name: 'Grace' }, 'x-metadata': { invocationType: 'Event' } });
  });

  it('removes one event and leaves the others', () => {
    const after = removeTestEvent(parseTestEventDocument(CONSOLE_DOC), 'greet-ada');
    assert.deepEqual(listTestEvents(after).map((e) => e.name), ['greet-grace-async', 'few-lines']);
  });

  it('the first document is the discovered schema with the event under components.examples', () => {
    const discovered = '{"openapi":"3.0.0","info":{"version":"1.0.0","title":"Event"},"paths":{},"components":{"schemas":{"Event":{"type":"object"}}}}';
    const doc = raw(newTestEventDocument(discovered, { name: 'first', value: { a: 1 }, invocationType: 'RequestResponse' }));
    assert.deepEqual(doc.components, { schemas: { Event: { type: 'object' } }, examples: { first: { value: { a: 1 }, 'x-metadata': { invocationType: 'RequestResponse' } } } });
  });

  it('a document the console could not have written is refused, saying what is wrong', () => {
    for (const [content, detail] of [
      ['{not json', /not JSON/],
      ['[1]', /not a JSON object/],
      ['{"components":[]}', /"components" is not an object/],
      ['{"components":{"examples":"x"}}', /"components.examples" is not an object/],
      ['{"components":{"examples":{"e":{"val":1}}}}', /the event "e" has no "value"/],
    ] as const) {
      assert.throws(() => parseTestEventDocument(content), (e: unknown) => e instanceof CorruptTestEventDocumentError && detail.test(e.message) && /left as it is/.test(e.message), content);
    }
  });

  it('names: at most 25 letters, digits, dots, hyphens and underscores (the console rule)', () => {
    for (const ok of ['a', 'order-ok', 'v1.2_final', 'x'.repeat(25)]) {
      assert.equal(checkTestEventName(ok), undefined, ok);
    }
    assert.match(checkTestEventName('') ?? '', /Enter a name/);
    for (const bad of ['x'.repeat(26), 'has space', 'slash/no', 'ünï', 'a:b']) {
      assert.match(checkTestEventName(bad) ?? '', /is not a valid event name: use at most 25 letters/, bad);
    }
  });

  it('size: up to 6,144,000 bytes of JSON in UTF-8', () => {
    const fits = 'x'.repeat(MAX_TEST_EVENT_BYTES - 2); // the quotes make it exactly the limit
    assert.equal(checkTestEventSize(fits, 'big.json'), MAX_TEST_EVENT_BYTES);
    assert.throws(
      () => checkTestEventSize(`${fits}é`, 'big.json'),
      (e: unknown) => e instanceof TestEventInputError && e.message === 'big.json: the event is 6144002 bytes; a shareable test event may be at most 6144000 bytes.',
    );
  });

  it('the schema name is _<FunctionName>-schema; an ARN or name:qualifier is reduced to the name', () => {
    assert.equal(testEventSchemaName('hello-world'), '_hello-world-schema');
    assert.equal(testEventSchemaName('arn:aws:lambda:us-east-1:111111111111:function:hello-world'), '_hello-world-schema');
    assert.equal(testEventSchemaName('arn:aws:lambda:us-east-1:111111111111:function:hello-world:live'), '_hello-world-schema');
  });
});

describe('testEvents/model: versions kept', () => {
  it('keeps the newest 5 and prunes the oldest, numerically', () => {
    assert.deepEqual(versionsToPrune(['1', '2', '3']), []);
    assert.deepEqual(versionsToPrune(['1', '2', '3', '4', '5']), []);
    assert.deepEqual(versionsToPrune(['10', '9', '11', '7', '8', '12', '6']), ['6', '7']);
  });
});
