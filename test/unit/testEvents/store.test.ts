/**
 * The shareable test events store (src/testEvents/model/store.ts) on the extension's own Schemas
 * access (src/aws/schemas.ts) and the real SDK, against the emulator: what it reads, what it
 * writes (as the console does), version pruning, a concurrent change, and the errors.
 */
import * as assert from 'node:assert/strict';
import { DescribeSchemaCommand, ListSchemaVersionsCommand, SchemasClient, UpdateSchemaCommand } from '@aws-sdk/client-schemas';
import { SchemaService } from '../../../src/aws/schemas';
import { TestEventStore } from '../../../src/testEvents/model/store';
import { Emulator, startEmulator, TEST_EVENT_REGISTRY } from '../../emulator';
import { schemasClient } from '../../emulator/services/testing';

type Doc = { openapi: string; components: { schemas: Record<string, unknown>; examples: Record<string, { value: unknown; 'x-metadata'?: { invocationType: string } }> } };

describe('testEvents/model: the store against the emulator (real SDK)', function () {
  this.timeout(20000);
  let emu: Emulator;
  let client: SchemasClient;
  let store: TestEventStore;

  const start = async (seed: 'demo' | 'none') => {
    emu = await startEmulator({ seed });
    client = schemasClient(emu);
    store = new TestEventStore(new SchemaService(client));
  };
  const describeDoc = async (fn: string) => {
    const out = await client.send(new DescribeSchemaCommand({ RegistryName: TEST_EVENT_REGISTRY, SchemaName: `_${fn}-schema` }));
    return { version: out.SchemaVersion, doc: JSON.parse(out.Content!) as Doc, type: out.Type };
  };
  const versions = async (fn: string) => (await client.send(new ListSchemaVersionsCommand({ RegistryName: TEST_EVENT_REGISTRY, SchemaName: `_${fn}-schema` }))).SchemaVersions?.map((v) => v.SchemaVersion);
  const ops = () => emu.requests.filter((r) => r.service === 'schemas').map((r) => r.operation);

  afterEach(async () => {
    client.destroy();
    await emu.stop();
  });

  it('lists the console events of a function with their invocation type and the schema version', async () => {
    await start('demo');
    const list = await store.list('hello-world');
    assert.deepEqual(list, {
      functionName: 'hello-world',
      version: '2',
      events: [
        { name: 'greet-ada', value: { name: 'Ada' }, invocationType: 'RequestResponse' },
        { name: 'greet-grace-async', value: { name: 'Grace', source: 'shared-test-event' }, invocationType: 'Event' },
      ],
    });
    assert.deepEqual((await store.list('chatty-logger')).events.map((e) => e.invocationType), ['RequestResponse'], 'old-style event without x-metadata');
  });

  it('no schema, or no registry at all, is no events (not an error)', async () => {
    await start('demo');
    assert.deepEqual(await store.list('audit-consumer'), { functionName: 'audit-consumer', events: [], version: undefined });
    client.destroy();
    await emu.stop();
    await start('none');
    assert.deepEqual(await store.list('hello-world'), { functionName: 'hello-world', events: [], version: undefined });
  });

  it('the first save makes the registry and the schema (OpenApi3, discovered from the event), as the console does', async () => {
    await start('none');
    const result = await store.save('hello-world', { name: 'first', value: { orderId: 'A-1', total: 3 }, invocationType: 'Event' }, undefined, false);
    assert.deepEqual(result, { version: '1', pruned: [], schemaDeleted: false });
    assert.deepEqual(ops(), ['DescribeSchema', 'DescribeRegistry', 'CreateRegistry', 'GetDiscoveredSchema', 'CreateSchema']);
    const { doc, type } = await describeDoc('hello-world');
    assert.equal(type, 'OpenApi3');
    assert.match(doc.openapi, /^3\./);
    assert.ok(doc.components.schemas.Event, 'the discovered schema of the event');
    assert.deepEqual(doc.components.examples, { first: { value: { orderId: 'A-1', total: 3 }, 'x-metadata': { invocationType: 'Event' } } });
  });

  it('a later save writes a new version with the whole document; the other events stay as they were', async () => {
    await start('demo');
    const result = await store.save('chatty-logger', { name: 'many-lines', value: { lines: 500 }, invocationType: 'RequestResponse' }, '1', false);
    assert.equal(result.version, '2');
    const { doc } = await describeDoc('chatty-logger');
    assert.deepEqual(doc.components.examples, { 'few-lines': { value: { lines: 5 } }, 'many-lines': { value: { lines: 500 }, 'x-metadata': { invocationType: 'RequestResponse' } } });
  });

  it('keeps at most 5 versions: the oldest are deleted', async () => {
    await start('demo');
    let version = '2';
    for (let i = 0; i < 5; i++) {
      const r = await store.save('hello-world', { name: `e${i}`, value: { i }, invocationType: 'RequestResponse' }, version, false);
      version = r.version!;
      assert.deepEqual(r.pruned, i < 3 ? [] : [String(i - 2)], `save ${i}`);
    }
    assert.equal(version, '7');
    assert.deepEqual(await versions('hello-world'), ['3', '4', '5', '6', '7']);
    assert.equal((await store.list('hello-world')).events.length, 7);
  });

  it('a schema changed since it was read (someone saved meanwhile) is not overwritten', async () => {
    await start('demo');
    const read = await store.list('hello-world');
    const { doc } = await describeDoc('hello-world');
    doc.components.examples['colleague'] = { value: { by: 'colleague' } };
    await client.send(new UpdateSchemaCommand({ RegistryName: TEST_EVENT_REGISTRY, SchemaName: '_hello-world-schema', Type: 'OpenApi3', Content: JSON.stringify(doc) }));
    await assert.rejects(store.save('hello-world', { name: 'mine', value: {}, invocationType: 'RequestResponse' }, read.version, false), (e: Error) => e.name === 'TestEventsChangedError' && /changed by someone else/.test(e.message));
    await assert.rejects(store.remove('hello-world', 'greet-ada', read.version), { name: 'TestEventsChangedError' });
    const after = await describeDoc('hello-world');
    assert.equal(after.version, '3', 'nothing written after the colleague');
    assert.deepEqual(Object.keys(after.doc.components.examples), ['greet-ada', 'greet-grace-async', 'colleague']);
  });

  it('an event of the same name is replaced only when asked to overwrite', async () => {
    await start('demo');
    await assert.rejects(store.save('hello-world', { name: 'greet-ada', value: { name: 'x' }, invocationType: 'RequestResponse' }, '2', false), { name: 'TestEventInputError' });
    await store.save('hello-world', { name: 'greet-ada', value: { name: 'Lovelace' }, invocationType: 'Event' }, '2', true);
    assert.deepEqual((await describeDoc('hello-world')).doc.components.examples['greet-ada'], { value: { name: 'Lovelace' }, 'x-metadata': { invocationType: 'Event' } });
  });

  it('rename and remove write new versions; removing the last event deletes the schema', async () => {
    await start('demo');
    await store.rename('hello-world', 'greet-grace-async', 'grace', '2');
    assert.deepEqual((await store.list('hello-world')).events.map((e) => [e.name, e.invocationType]), [['greet-ada', 'RequestResponse'], ['grace', 'Event']]);
    await assert.rejects(store.rename('hello-world', 'grace', 'greet-ada', '3'), { name: 'TestEventInputError' });
    await assert.rejects(store.rename('hello-world', 'grace', 'bad name', '3'), { name: 'TestEventInputError' });
    const removed = await store.remove('hello-world', 'grace', '3');
    assert.equal(removed.version, '4');
    const last = await store.remove('hello-world', 'greet-ada', '4');
    assert.deepEqual(last, { pruned: [], schemaDeleted: true });
    assert.equal(ops().at(-1), 'DeleteSchema');
    assert.deepEqual(await store.list('hello-world'), { functionName: 'hello-world', events: [], version: undefined });
  });

  it('bad names and oversized events are refused before anything is sent', async () => {
    await start('demo');
    emu.clearRequests();
    await assert.rejects(store.save('hello-world', { name: 'no spaces please', value: {}, invocationType: 'RequestResponse' }, '2', false), { name: 'TestEventInputError' });
    await assert.rejects(store.save('hello-world', { name: 'big', value: 'x'.repeat(6_144_000), invocationType: 'RequestResponse' }, '2', false), /at most 6144000 bytes/);
    assert.deepEqual(ops(), []);
  });

  it('a damaged document is reported and left as it is', async () => {
    await start('demo');
    await client.send(new UpdateSchemaCommand({ RegistryName: TEST_EVENT_REGISTRY, SchemaName: '_order-processor-schema', Type: 'OpenApi3', Content: '{"openapi":"3.0.0","components":{"schemas":{},"examples":{"broken":{"novalue":1}}}}' }));
    await assert.rejects(store.list('order-processor'), { name: 'CorruptTestEventDocumentError' });
    await assert.rejects(store.save('order-processor', { name: 'x', value: {}, invocationType: 'RequestResponse' }, '2', false), { name: 'CorruptTestEventDocumentError' });
    assert.equal((await describeDoc('order-processor')).version, '2');
  });

  it('missing permissions answer ForbiddenException (schemas:*), throttling TooManyRequestsException', async () => {
    await start('demo');
    emu.faults.set('DescribeSchema', { denied: true });
    await assert.rejects(store.list('hello-world'), (e: Error) => e.name === 'ForbiddenException' && /schemas:DescribeSchema/.test(e.message));
    emu.faults.clear();
    emu.faults.set('UpdateSchema', { throttle: true });
    await assert.rejects(store.save('hello-world', { name: 'x', value: {}, invocationType: 'RequestResponse' }, '2', false), { name: 'TooManyRequestsException' });
    assert.equal((await describeDoc('hello-world')).version, '2');
  });
});
