import * as assert from 'node:assert/strict';
import {
  CreateRegistryCommand,
  CreateSchemaCommand,
  DeleteSchemaCommand,
  DeleteSchemaVersionCommand,
  DescribeRegistryCommand,
  DescribeSchemaCommand,
  GetDiscoveredSchemaCommand,
  ListSchemasCommand,
  SchemasClient,
  UpdateSchemaCommand,
  paginateListSchemaVersions,
} from '@aws-sdk/client-schemas';
import { DEMO_ACCOUNT, DEMO_TEST_EVENTS, Emulator, TEST_EVENT_REGISTRY, startEmulator, testEventSchemaName } from '../../emulator';
import { schemasClient } from '../../emulator/services/testing';
import { expectLambdaError, rawRequest } from '../../emulator/testing';

const REGION = 'us-east-1';
const REGISTRY_ARN = `arn:aws:schemas:${REGION}:${DEMO_ACCOUNT}:registry/${TEST_EVENT_REGISTRY}`;
const schemaArn = (name: string): string => `arn:aws:schemas:${REGION}:${DEMO_ACCOUNT}:schema/${TEST_EVENT_REGISTRY}/${name}`;

interface TestEventDoc {
  openapi: string;
  info: { version: string; title: string };
  paths: object;
  components: { schemas: Record<string, unknown>; examples: Record<string, { value: unknown; 'x-metadata'?: { invocationType: string } }> };
}

/** A schema document the way `sam remote test-event put` writes one for a first event {"key": "number1"}. */
const SAM_DISCOVERED =
  '{"openapi":"3.0.0","info":{"version":"1.0.0","title":"Event"},"paths":{},"components":{"schemas":{"Event":{"type":"object","required":["key"],"properties":{"key":{"type":"string"}}}}}}';

describe('Lambda emulator: EventBridge Schemas (shareable test events)', function () {
  this.timeout(15000);
  let emu: Emulator;
  let schemas: SchemasClient;

  beforeEach(async () => {
    emu = await startEmulator({ seed: 'demo' });
    schemas = schemasClient(emu);
  });
  afterEach(async () => {
    schemas.destroy();
    await emu.stop();
  });

  describe('the seeded test events', () => {
    it('has the registry lambda-testevent-schemas with one OpenApi3 schema per demo function', async () => {
      const reg = await schemas.send(new DescribeRegistryCommand({ RegistryName: TEST_EVENT_REGISTRY }));
      assert.equal(reg.RegistryArn, REGISTRY_ARN);
      assert.equal(reg.RegistryName, TEST_EVENT_REGISTRY);
      const list = await schemas.send(new ListSchemasCommand({ RegistryName: TEST_EVENT_REGISTRY }));
      assert.deepEqual(list.Schemas?.map((s) => [s.SchemaName, s.VersionCount]), [
        ['_chatty-logger-schema', 1],
        ['_hello-world-schema', 2],
        ['_order-processor-schema', 1],
      ]);
      assert.ok(list.Schemas![0].LastModified instanceof Date);
      assert.equal(list.Schemas![1].SchemaArn, schemaArn('_hello-world-schema'));
    });

    it('stores events as the console does: components.examples with x-metadata.invocationType', async () => {
      const out = await schemas.send(new DescribeSchemaCommand({ RegistryName: TEST_EVENT_REGISTRY, SchemaName: testEventSchemaName('hello-world') }));
      assert.equal(out.Type, 'OpenApi3');
      assert.equal(out.SchemaVersion, '2');
      assert.deepEqual(out.LastModified, new Date(Date.UTC(2026, 0, 14, 10, 0, 0)));
      assert.deepEqual(out.VersionCreatedDate, new Date(Date.UTC(2026, 0, 14, 10, 0, 0)));
      const doc = JSON.parse(out.Content!) as TestEventDoc;
      assert.equal(doc.openapi, '3.0.0');
      assert.deepEqual(doc.info, { version: '1.0.0', title: 'Event' });
      assert.deepEqual(doc.paths, {});
      assert.deepEqual(doc.components.schemas.Event, { type: 'object', required: ['name'], properties: { name: { type: 'string' } } });
      assert.deepEqual(doc.components.examples, {
        'greet-ada': { value: { name: 'Ada' }, 'x-metadata': { invocationType: 'RequestResponse' } },
        'greet-grace-async': { value: { name: 'Grace', source: 'shared-test-event' }, 'x-metadata': { invocationType: 'Event' } },
      });
      const v1 = await schemas.send(new DescribeSchemaCommand({ RegistryName: TEST_EVENT_REGISTRY, SchemaName: '_hello-world-schema', SchemaVersion: '1' }));
      assert.deepEqual(Object.keys((JSON.parse(v1.Content!) as TestEventDoc).components.examples), ['greet-ada']);
      assert.deepEqual(v1.VersionCreatedDate, new Date(Date.UTC(2026, 0, 14, 9, 0, 0)));

      const order = JSON.parse((await schemas.send(new DescribeSchemaCommand({ RegistryName: TEST_EVENT_REGISTRY, SchemaName: '_order-processor-schema' }))).Content!) as TestEventDoc;
      assert.deepEqual(order.components.examples['order-ok'].value, DEMO_TEST_EVENTS['order-processor'][0].event);
      assert.deepEqual(order.components.schemas.Event, {
        type: 'object',
        required: ['createdAt', 'customer', 'items', 'orderId'],
        properties: {
          createdAt: { type: 'string', format: 'date-time' },
          customer: { $ref: '#/components/schemas/Customer' },
          items: { type: 'array', items: { $ref: '#/components/schemas/Items' } },
          orderId: { type: 'string' },
        },
      });
      assert.ok(order.components.schemas.Customer && order.components.schemas.Items);

      const old = JSON.parse((await schemas.send(new DescribeSchemaCommand({ RegistryName: TEST_EVENT_REGISTRY, SchemaName: '_chatty-logger-schema' }))).Content!) as TestEventDoc;
      assert.deepEqual(old.components.examples, { 'few-lines': { value: { lines: 5 } } }, 'an old-style event without x-metadata');
    });
  });

  describe('operations', () => {
    it('GetDiscoveredSchema answers the document SAM CLI builds its first version from', async () => {
      const out = await schemas.send(new GetDiscoveredSchemaCommand({ Events: ['{"key": "number1"}'], Type: 'OpenApi3' }));
      assert.equal(out.Content, SAM_DISCOVERED);
      await expectLambdaError(schemas.send(new GetDiscoveredSchemaCommand({ Events: ['not json'], Type: 'OpenApi3' })), 'BadRequestException', 400);
    });

    it('saves a new function event the way the console does: CreateSchema, then UpdateSchema makes version 2, 3', async () => {
      const name = testEventSchemaName('report-builder');
      const doc = JSON.parse(SAM_DISCOVERED) as TestEventDoc;
      doc.components.examples = { first: { value: { key: 'number1' }, 'x-metadata': { invocationType: 'RequestResponse' } } };
      const created = await schemas.send(new CreateSchemaCommand({ RegistryName: TEST_EVENT_REGISTRY, SchemaName: name, Type: 'OpenApi3', Content: JSON.stringify(doc) }));
      assert.equal(created.$metadata.httpStatusCode, 201);
      assert.equal(created.SchemaVersion, '1');
      assert.equal(created.SchemaArn, schemaArn(name));
      assert.ok(created.VersionCreatedDate instanceof Date && created.LastModified instanceof Date);
      doc.components.examples.second = { value: { key: 'number2' }, 'x-metadata': { invocationType: 'Event' } };
      const v2 = await schemas.send(new UpdateSchemaCommand({ RegistryName: TEST_EVENT_REGISTRY, SchemaName: name, Type: 'OpenApi3', Content: JSON.stringify(doc) }));
      assert.equal(v2.SchemaVersion, '2');
      const v3 = await schemas.send(new UpdateSchemaCommand({ RegistryName: TEST_EVENT_REGISTRY, SchemaName: name, Type: 'OpenApi3', Content: JSON.stringify(doc) }));
      assert.equal(v3.SchemaVersion, '3', 'a new version each time');
      const latest = await schemas.send(new DescribeSchemaCommand({ RegistryName: TEST_EVENT_REGISTRY, SchemaName: name }));
      assert.equal(latest.SchemaVersion, '3');
      assert.deepEqual(Object.keys((JSON.parse(latest.Content!) as TestEventDoc).components.examples), ['first', 'second']);
      await expectLambdaError(
        schemas.send(new CreateSchemaCommand({ RegistryName: TEST_EVENT_REGISTRY, SchemaName: name, Type: 'OpenApi3', Content: JSON.stringify(doc) })),
        'ConflictException',
        409,
        `Schema with name ${name} already exists.`,
      );
    });

    it('makes no new version for a retried UpdateSchema (same ClientTokenId)', async () => {
      const input = { RegistryName: TEST_EVENT_REGISTRY, SchemaName: '_hello-world-schema', Content: SAM_DISCOVERED, ClientTokenId: '0f7d3e55-0a7b-4e57-9a54-3f6a1d2c9b10' };
      assert.equal((await schemas.send(new UpdateSchemaCommand(input))).SchemaVersion, '3');
      assert.equal((await schemas.send(new UpdateSchemaCommand(input))).SchemaVersion, '3');
      assert.equal((await schemas.send(new UpdateSchemaCommand({ ...input, ClientTokenId: undefined }))).SchemaVersion, '4', 'the SDK fills a fresh token');
    });

    it('lists and deletes versions; numbers are never reused', async () => {
      for (let i = 0; i < 3; i++) {
        await schemas.send(new UpdateSchemaCommand({ RegistryName: TEST_EVENT_REGISTRY, SchemaName: '_hello-world-schema', Content: SAM_DISCOVERED }));
      }
      const versions: string[] = [];
      for await (const page of paginateListSchemaVersions({ client: schemas, pageSize: 2 }, { RegistryName: TEST_EVENT_REGISTRY, SchemaName: '_hello-world-schema' })) {
        assert.ok((page.SchemaVersions ?? []).length <= 2);
        versions.push(...(page.SchemaVersions ?? []).map((v) => v.SchemaVersion!));
        assert.ok(page.SchemaVersions!.every((v) => v.Type === 'OpenApi3' && v.SchemaName === '_hello-world-schema' && v.SchemaArn === schemaArn('_hello-world-schema')));
      }
      assert.deepEqual(versions, ['1', '2', '3', '4', '5'], 'oldest first');
      const deleted = await schemas.send(new DeleteSchemaVersionCommand({ RegistryName: TEST_EVENT_REGISTRY, SchemaName: '_hello-world-schema', SchemaVersion: '1' }));
      assert.equal(deleted.$metadata.httpStatusCode, 204);
      await expectLambdaError(
        schemas.send(new DescribeSchemaCommand({ RegistryName: TEST_EVENT_REGISTRY, SchemaName: '_hello-world-schema', SchemaVersion: '1' })),
        'NotFoundException',
        404,
        'version 1 does not exist',
      );
      await schemas.send(new DeleteSchemaVersionCommand({ RegistryName: TEST_EVENT_REGISTRY, SchemaName: '_hello-world-schema', SchemaVersion: '5' }));
      const next = await schemas.send(new UpdateSchemaCommand({ RegistryName: TEST_EVENT_REGISTRY, SchemaName: '_hello-world-schema', Content: SAM_DISCOVERED }));
      assert.equal(next.SchemaVersion, '6');
      await expectLambdaError(
        schemas.send(new DeleteSchemaVersionCommand({ RegistryName: TEST_EVENT_REGISTRY, SchemaName: '_chatty-logger-schema', SchemaVersion: '1' })),
        'BadRequestException',
        400,
        'only version',
      );
    });

    it('deletes a schema (the last event of a function) and creates the registry when missing', async () => {
      const del = await schemas.send(new DeleteSchemaCommand({ RegistryName: TEST_EVENT_REGISTRY, SchemaName: '_chatty-logger-schema' }));
      assert.equal(del.$metadata.httpStatusCode, 204);
      await expectLambdaError(
        schemas.send(new DescribeSchemaCommand({ RegistryName: TEST_EVENT_REGISTRY, SchemaName: '_chatty-logger-schema' })),
        'NotFoundException',
        404,
        `Schema with name _chatty-logger-schema does not exist in registry ${TEST_EVENT_REGISTRY}.`,
      );
      const eu = schemasClient(emu, { region: 'eu-west-1' });
      try {
        await expectLambdaError(eu.send(new DescribeRegistryCommand({ RegistryName: TEST_EVENT_REGISTRY })), 'NotFoundException', 404, `Registry with name ${TEST_EVENT_REGISTRY} does not exist.`);
        const created = await eu.send(new CreateRegistryCommand({ RegistryName: TEST_EVENT_REGISTRY }));
        assert.equal(created.$metadata.httpStatusCode, 201);
        assert.equal(created.RegistryArn, `arn:aws:schemas:eu-west-1:${DEMO_ACCOUNT}:registry/${TEST_EVENT_REGISTRY}`);
        await expectLambdaError(eu.send(new CreateRegistryCommand({ RegistryName: TEST_EVENT_REGISTRY })), 'ConflictException', 409, `Registry with name ${TEST_EVENT_REGISTRY} already exists.`);
        assert.deepEqual((await eu.send(new ListSchemasCommand({ RegistryName: TEST_EVENT_REGISTRY }))).Schemas, []);
      } finally {
        eu.destroy();
      }
      const other = schemasClient(emu, { profile: 'other' });
      try {
        await expectLambdaError(other.send(new DescribeRegistryCommand({ RegistryName: TEST_EVENT_REGISTRY })), 'NotFoundException', 404);
      } finally {
        other.destroy();
      }
    });

    it('refuses bad content with BadRequestException', async () => {
      const create = (Content: string, Type = 'OpenApi3') => schemas.send(new CreateSchemaCommand({ RegistryName: TEST_EVENT_REGISTRY, SchemaName: '_x-schema', Type: Type as 'OpenApi3', Content }));
      await expectLambdaError(create('{not json'), 'BadRequestException', 400, 'not valid JSON');
      await expectLambdaError(create('{"openapi":"2.0","components":{"schemas":{}}}'), 'BadRequestException', 400, "'openapi'");
      await expectLambdaError(create('{"openapi":"3.0.0"}'), 'BadRequestException', 400, 'components.schemas');
      await expectLambdaError(create(SAM_DISCOVERED, 'Avro'), 'BadRequestException', 400, "Type 'Avro'");
      await expectLambdaError(
        schemas.send(new UpdateSchemaCommand({ RegistryName: TEST_EVENT_REGISTRY, SchemaName: '_hello-world-schema', Content: '[]' })),
        'BadRequestException',
        400,
        'JSON object',
      );
      await expectLambdaError(
        schemas.send(new CreateSchemaCommand({ RegistryName: TEST_EVENT_REGISTRY, SchemaName: 'bad name', Type: 'OpenApi3', Content: SAM_DISCOVERED })),
        'BadRequestException',
        400,
        'SchemaName',
      );
      assert.equal((await schemas.send(new ListSchemasCommand({ RegistryName: TEST_EVENT_REGISTRY }))).Schemas?.length, 3, 'nothing was created');
    });
  });

  describe('faults and the record', () => {
    it('answers ForbiddenException naming the action and the schema, and throttles with TooManyRequestsException', async () => {
      emu.faults.set('DescribeSchema', { denied: true, times: 1 });
      await expectLambdaError(
        schemas.send(new DescribeSchemaCommand({ RegistryName: TEST_EVENT_REGISTRY, SchemaName: '_hello-world-schema' })),
        'ForbiddenException',
        403,
        `is not authorized to perform: schemas:DescribeSchema on resource: ${schemaArn('_hello-world-schema')}`,
      );
      emu.faults.set('ListSchemas', { throttle: true, times: 1 });
      await expectLambdaError(schemas.send(new ListSchemasCommand({ RegistryName: TEST_EVENT_REGISTRY })), 'TooManyRequestsException', 429);
      emu.faults.set('CreateRegistry', { status: 500, times: 1 });
      await expectLambdaError(schemas.send(new CreateRegistryCommand({ RegistryName: 'r' })), 'InternalServerErrorException', 500);
      assert.deepEqual(
        emu.requests.map((r) => [r.service, r.operation, r.status, r.errorType]),
        [
          ['schemas', 'DescribeSchema', 403, 'ForbiddenException'],
          ['schemas', 'ListSchemas', 429, 'TooManyRequestsException'],
          ['schemas', 'CreateRegistry', 500, 'InternalServerErrorException'],
        ],
      );
      const remote = await rawRequest(emu.endpoint, { method: 'POST', path: '/__emulator/faults', body: JSON.stringify({ operation: 'UpdateSchema', denied: true, times: 1 }) });
      assert.equal(remote.status, 200);
      await expectLambdaError(
        schemas.send(new UpdateSchemaCommand({ RegistryName: TEST_EVENT_REGISTRY, SchemaName: '_hello-world-schema', Content: SAM_DISCOVERED })),
        'ForbiddenException',
        403,
        'schemas:UpdateSchema',
      );
      const listed = (await rawRequest(emu.endpoint, { method: 'GET', path: '/__emulator/schemas' })).json as { registries: { registryName: string; schemas: { schemaName: string; versions: string[] }[] }[] };
      assert.deepEqual(listed.registries[0].schemas.find((s) => s.schemaName === '_hello-world-schema')?.versions, ['1', '2'], 'the denied update changed nothing');
    });
  });
});
