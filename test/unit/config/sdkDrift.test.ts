/**
 * Drift between the shipped schemas (schemas/*.schema.json) and the request shapes of the
 * @aws-sdk/client-lambda that package-lock.json pins, read from the SDK's own type declarations:
 * every member, nested ones included, must be in the schema with the SDK's type, every enum
 * value must be accepted, and the schema must hold nothing the SDK does not know (besides
 * `$schema` and the fields it lists only to refuse them).
 */
import * as assert from 'node:assert/strict';
import { readSchema } from './schemaFiles';
import { formatMemberPath, loadSdkModel, memberPaths } from './sdkModel';
import { NOT_IN_FILES, SchemaObject, enumMembers, refusedEnumValues, schemaDrift } from './schemaDrift';

const loadSchema = (file: string): SchemaObject => readSchema<SchemaObject>(file);
const model = loadSdkModel();
const UUID = '3f6c2a8e-1b4d-4c7a-9e21-5a0d8b7c6e01';

const OPERATIONS = [
  { request: 'PutFunctionEventInvokeConfigRequest', schema: 'event-invoke-config.schema.json', base: { FunctionName: 'my-function' } },
  { request: 'UpdateFunctionEventInvokeConfigRequest', schema: 'event-invoke-config.schema.json', base: { FunctionName: 'my-function' } },
  { request: 'UpdateEventSourceMappingRequest', schema: 'event-source-mapping.schema.json', base: { UUID } },
] as const;

describe(`config/sdkDrift: the shipped schemas against @aws-sdk/client-lambda ${model.version}`, () => {
  it('reads the request shapes from the SDK declarations: members, required ones, lists, nested structures, enums', () => {
    const esm = memberPaths(model, 'UpdateEventSourceMappingRequest').map((p) => formatMemberPath(p.segments));
    for (const expected of ['UUID', 'BatchSize', 'FilterCriteria.Filters[].Pattern', 'SelfManagedKafkaEventSourceConfig.SchemaRegistryConfig.AccessConfigs[].Type', 'ProvisionedPollerConfig.PollerGroupName']) {
      assert.ok(esm.includes(expected), `${expected} in ${esm.join(', ')}`);
    }
    const members = model.structures.get('UpdateEventSourceMappingRequest') ?? [];
    assert.equal(members.find((m) => m.name === 'UUID')?.optional, false);
    assert.equal(members.find((m) => m.name === 'BatchSize')?.optional, true);
    assert.deepEqual(members.find((m) => m.name === 'FunctionResponseTypes')?.type, { kind: 'list', member: { kind: 'enum', name: 'FunctionResponseType', values: ['ReportBatchItemFailures'] } });
    assert.deepEqual(model.enums.get('KafkaSchemaValidationAttribute'), ['KEY', 'VALUE']);
  });

  for (const op of OPERATIONS) {
    const paths = memberPaths(model, op.request);
    const enums = enumMembers(model, op.request);
    it(`${op.request}: all ${paths.length} members (nested ones included) are in ${op.schema} with the SDK's types, and nothing else is`, () => {
      assert.deepEqual(schemaDrift(model, op.request, loadSchema(op.schema)), []);
    });
    it(`${op.request}: ${op.schema} accepts every value of its ${enums.length} enum members`, () => {
      assert.deepEqual(refusedEnumValues(model, op.request, loadSchema(op.schema), op.base), []);
    });
  }

  it('every member left out of the files on purpose is still a member of a request', () => {
    const all = OPERATIONS.flatMap((op) => memberPaths(model, op.request).map((p) => formatMemberPath(p.segments)));
    assert.deepEqual(
      Object.keys(NOT_IN_FILES).filter((k) => !all.includes(k)),
      [],
    );
  });

  describe('the check fails and names the member when the schema drifts', () => {
    const esm = () => loadSchema('event-source-mapping.schema.json');
    const drift = (schema: SchemaObject) => schemaDrift(model, 'UpdateEventSourceMappingRequest', schema);
    const props = (node: SchemaObject | undefined): Record<string, SchemaObject> => node?.properties ?? {};

    it('a member removed (nested)', () => {
      const schema = esm();
      delete props(props(schema).SelfManagedKafkaEventSourceConfig).ConsumptionMode;
      assert.deepEqual(drift(schema), ['UpdateEventSourceMappingRequest.SelfManagedKafkaEventSourceConfig.ConsumptionMode: missing from the schema']);
    });

    it('a member replaced by a refusal ("not": {})', () => {
      const schema = esm();
      props(schema).LoggingConfig = { not: {} };
      assert.deepEqual(drift(schema), ['UpdateEventSourceMappingRequest.LoggingConfig: the schema refuses it (the field is listed only to be rejected)']);
    });

    it('an enum value removed: the member and the value are named, and ajv refuses a body with it', () => {
      const schema = esm();
      const type = props(props(schema).SourceAccessConfigurations?.items).Type;
      type.enum = (type.enum ?? []).filter((v) => v !== 'OAUTHBEARER_AUTH');
      assert.deepEqual(drift(schema), ['UpdateEventSourceMappingRequest.SourceAccessConfigurations[].Type: the schema refuses "OAUTHBEARER_AUTH", a value of SourceAccessType']);
      const refused = refusedEnumValues(model, 'UpdateEventSourceMappingRequest', schema, { UUID });
      assert.equal(refused.length, 1);
      assert.match(refused[0], /^UpdateEventSourceMappingRequest\.SourceAccessConfigurations\[\]\.Type = "OAUTHBEARER_AUTH": refused/);
    });

    it('a property the SDK does not know, a type that differs, an object open to unknown fields', () => {
      const schema = esm();
      props(props(schema).ProvisionedPollerConfig).MaxPollers = { type: 'integer' };
      props(schema).BatchSize.type = 'string';
      delete props(schema).MetricsConfig.additionalProperties;
      assert.deepEqual(drift(schema), [
        'UpdateEventSourceMappingRequest.BatchSize: the SDK declares number, the schema has type "string"',
        'UpdateEventSourceMappingRequest.MetricsConfig: the schema accepts unknown fields here ("additionalProperties": false is missing)',
        'UpdateEventSourceMappingRequest.ProvisionedPollerConfig.MaxPollers: in the schema, but ProvisionedPollerConfig has no such member',
      ]);
    });

    it('a required member the schema does not require', () => {
      const schema = esm();
      schema.required = [];
      assert.deepEqual(drift(schema), ['UpdateEventSourceMappingRequest.UUID: required by the SDK, not by the schema']);
    });
  });
});
