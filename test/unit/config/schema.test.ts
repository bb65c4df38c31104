/**
 * The SHIPPED schemas (schemas/*.schema.json, the files VS Code uses through jsonValidation),
 * loaded from disk with ajv: every range, length, pattern and enum of the API reference
 * (seeds 000/001 for event invoke configs, 003/004 for UpdateEventSourceMapping), at each
 * boundary and one past it, wrong types and unknown fields.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import Ajv, { ValidateFunction } from 'ajv';

function repoRoot(): string {
  let dir = __dirname;
  while (!fs.existsSync(path.join(dir, 'schemas', 'event-invoke-config.schema.json'))) {
    const parent = path.dirname(dir);
    if (parent === dir) {
      throw new Error('schemas/ not found above the compiled tests');
    }
    dir = parent;
  }
  return dir;
}

function load(name: string): ValidateFunction {
  const schema = JSON.parse(fs.readFileSync(path.join(repoRoot(), 'schemas', name), 'utf8')) as object;
  return new Ajv({ strict: false, allErrors: true }).compile(schema);
}

const invoke = load('event-invoke-config.schema.json');
const mapping = load('event-source-mapping.schema.json');

type Case = [description: string, value: unknown, valid: boolean];

function check(v: ValidateFunction, base: Record<string, unknown>, field: string[], cases: Case[]): void {
  for (const [description, value, valid] of cases) {
    it(`${field.join('.')} ${description} → ${valid ? 'accepted' : 'rejected'}`, () => {
      const doc: Record<string, unknown> = JSON.parse(JSON.stringify(base)) as Record<string, unknown>;
      let target = doc;
      for (const seg of field.slice(0, -1)) {
        target[seg] ??= {};
        target = target[seg] as Record<string, unknown>;
      }
      target[field[field.length - 1]] = value;
      const ok = v(doc);
      assert.equal(ok, valid, `${JSON.stringify(doc).slice(0, 200)}: ${JSON.stringify(v.errors)}`);
    });
  }
}

const s = (n: number, c = 'a') => c.repeat(n);

describe('config/schema: event-invoke-config.schema.json (PutFunctionEventInvokeConfig, UpdateFunctionEventInvokeConfig)', () => {
  const base = { FunctionName: 'my-function' };

  it('is draft-07 and forbids unknown fields at every level', () => {
    const raw = JSON.parse(fs.readFileSync(path.join(repoRoot(), 'schemas', 'event-invoke-config.schema.json'), 'utf8')) as Record<string, unknown>;
    assert.equal(raw.$schema, 'http://json-schema.org/draft-07/schema#');
    assert.equal(invoke({ ...base, Foo: 1 }), false);
    assert.equal(invoke({ ...base, DestinationConfig: { OnError: {} } }), false);
    assert.equal(invoke({ ...base, DestinationConfig: { OnFailure: { Destination: '', Type: 'SQS' } } }), false);
    assert.equal(invoke({ ...base, FunctionArn: 'arn:aws:lambda:us-east-1:111111111111:function:x' }), false, 'response-only fields are not input');
  });

  it('requires FunctionName (URI parameter) and allows $schema', () => {
    assert.equal(invoke({}), false);
    assert.equal(invoke({ MaximumRetryAttempts: 1 }), false);
    assert.equal(invoke({ ...base, $schema: './x.json' }), true);
  });

  it('gives every property a description and a markdownDescription', () => {
    const raw = JSON.parse(fs.readFileSync(path.join(repoRoot(), 'schemas', 'event-invoke-config.schema.json'), 'utf8')) as { properties: Record<string, { description?: string; markdownDescription?: string }> };
    for (const [name, p] of Object.entries(raw.properties)) {
      assert.ok(p.description && p.markdownDescription, name);
    }
  });

  describe('ranges (seed: 0–2, 60–21600)', () => {
    check(invoke, base, ['MaximumRetryAttempts'], [
      ['0 (minimum)', 0, true],
      ['2 (maximum)', 2, true],
      ['-1 (one below)', -1, false],
      ['3 (one above)', 3, false],
      ['1.5 (not an integer)', 1.5, false],
      ['"1" (a string)', '1', false],
      ['null', null, false],
    ]);
    check(invoke, base, ['MaximumEventAgeInSeconds'], [
      ['60 (minimum)', 60, true],
      ['21600 (maximum)', 21600, true],
      ['59 (one below)', 59, false],
      ['21601 (one above)', 21601, false],
      ['true (a boolean)', true, false],
    ]);
  });

  describe('FunctionName (length 1–140, pattern of the seed)', () => {
    const arn = 'arn:aws:lambda:us-west-2:123456789012:function:';
    check(invoke, {}, ['FunctionName'], [
      ['a name', 'my-function', true],
      ['a name with an alias', 'my-function:v1', true],
      ['a name with $LATEST', 'my-function:$LATEST', true],
      ['a full ARN', `${arn}my-function`, true],
      ['a GovCloud ARN', 'arn:aws-us-gov:lambda:us-gov-west-1:123456789012:function:f', true],
      ['a partial ARN', '123456789012:function:my-function', true],
      ['1 character (minimum)', 'a', true],
      ['140 characters (maximum)', arn + s(140 - arn.length), true],
      ['141 characters (one above)', arn + s(141 - arn.length), false],
      ['empty (one below)', '', false],
      ['with a space', 'my function', false],
      ['with a dot', 'my.function', false],
      ['an ARN of another service', 'arn:aws:s3:::bucket', false],
      ['a number', 12, false],
    ]);
  });

  describe('Qualifier (length 1–128, [a-zA-Z0-9$_-]+)', () => {
    check(invoke, base, ['Qualifier'], [
      ['an alias', 'live', true],
      ['a version', '12', true],
      ['$LATEST', '$LATEST', true],
      ['128 characters (maximum)', s(128), true],
      ['129 characters (one above)', s(129), false],
      ['empty (one below)', '', false],
      ['with a dot', 'v1.2', false],
      ['with a space', 'a b', false],
    ]);
  });

  describe('DestinationConfig.OnSuccess/OnFailure.Destination (length 0–350, ARN pattern)', () => {
    for (const side of ['OnSuccess', 'OnFailure']) {
      const prefix = 'arn:aws:sqs:us-east-1:123456789012:';
      check(invoke, base, ['DestinationConfig', side, 'Destination'], [
        ['an SQS queue ARN', `${prefix}my-dlq`, true],
        ['an SNS topic ARN', 'arn:aws:sns:us-east-1:123456789012:my-topic', true],
        ['a function ARN', 'arn:aws:lambda:us-east-1:123456789012:function:f', true],
        ['an event bus ARN', 'arn:aws:events:us-east-1:123456789012:event-bus/default', true],
        ['an S3 bucket ARN', 'arn:aws:s3:::my-bucket', true],
        ['empty (no destination)', '', true],
        ['350 characters (maximum)', prefix + s(350 - prefix.length), true],
        ['351 characters (one above)', prefix + s(351 - prefix.length), false],
        ['not an ARN', 'my-dlq', false],
        ['text before the ARN', `x ${prefix}q`, false],
        ['a number', 1, false],
      ]);
    }
  });
});

describe('config/schema: event-source-mapping.schema.json (UpdateEventSourceMapping)', () => {
  const base = { UUID: '3f6c2a8e-1b4d-4c7a-9e21-5a0d8b7c6e01' };

  it('requires UUID (URI parameter) and allows $schema', () => {
    assert.equal(mapping({}), false);
    assert.equal(mapping({ BatchSize: 10 }), false);
    assert.equal(mapping({ ...base, $schema: './x.json' }), true);
  });

  it('forbids unknown fields and the fields UpdateEventSourceMapping does not take', () => {
    for (const field of ['Foo', 'batchSize', 'EventSourceArn', 'StartingPosition', 'StartingPositionTimestamp', 'State', 'FunctionArn', 'LastModified', 'Topics', 'Queues', 'SelfManagedEventSource']) {
      assert.equal(mapping({ ...base, [field]: 'x' }), false, field);
    }
    assert.equal(mapping({ ...base, ScalingConfig: { MaximumConcurrency: 2, Other: 1 } }), false);
    assert.equal(mapping({ ...base, FilterCriteria: { Filters: [{ Pattern: '{}', Name: 'x' }] } }), false);
  });

  it('accepts every body field of the seed together', () => {
    const all = {
      ...base,
      BatchSize: 100,
      BisectBatchOnFunctionError: true,
      DestinationConfig: { OnFailure: { Destination: 'arn:aws:sqs:us-east-1:123456789012:dlq' }, OnSuccess: { Destination: '' } },
      DocumentDBEventSourceConfig: { CollectionName: 'orders', DatabaseName: 'shop', FullDocument: 'UpdateLookup' },
      Enabled: false,
      FilterCriteria: { Filters: [{ Pattern: '{"body": {"a": [1]}}' }] },
      FunctionName: 'my-function:live',
      FunctionResponseTypes: ['ReportBatchItemFailures'],
      KMSKeyArn: 'arn:aws:kms:us-east-1:123456789012:key/abc',
      MaximumBatchingWindowInSeconds: 5,
      MaximumRecordAgeInSeconds: 3600,
      MaximumRetryAttempts: 3,
      MetricsConfig: { Metrics: ['EventCount'] },
      ParallelizationFactor: 2,
      ProvisionedPollerConfig: { MinimumPollers: 1, MaximumPollers: 10 },
      ScalingConfig: { MaximumConcurrency: 5 },
      SourceAccessConfigurations: [{ Type: 'BASIC_AUTH', URI: 'arn:aws:secretsmanager:us-east-1:01234567890:secret:MyBrokerSecretName' }],
      TumblingWindowInSeconds: 60,
    };
    assert.equal(mapping(all), true, JSON.stringify(mapping.errors));
  });

  describe('ranges', () => {
    check(mapping, base, ['BatchSize'], [
      ['1 (minimum)', 1, true],
      ['10000 (maximum)', 10000, true],
      ['0 (one below)', 0, false],
      ['10001 (one above)', 10001, false],
      ['"10" (a string)', '10', false],
      ['2.5 (not an integer)', 2.5, false],
    ]);
    check(mapping, base, ['MaximumBatchingWindowInSeconds'], [
      ['0 (minimum)', 0, true],
      ['300 (maximum)', 300, true],
      ['-1 (one below)', -1, false],
      ['301 (one above)', 301, false],
    ]);
    check(mapping, base, ['MaximumRecordAgeInSeconds'], [
      ['-1 (infinite)', -1, true],
      ['60 (smallest age)', 60, true],
      ['604800 (maximum)', 604800, true],
      ['-2 (one below -1)', -2, false],
      ['0 (in the absolute range, not allowed)', 0, false],
      ['59 (one below 60)', 59, false],
      ['604801 (one above)', 604801, false],
    ]);
    check(mapping, base, ['MaximumRetryAttempts'], [
      ['-1 (infinite, minimum)', -1, true],
      ['10000 (maximum)', 10000, true],
      ['-2 (one below)', -2, false],
      ['10001 (one above)', 10001, false],
    ]);
    check(mapping, base, ['ParallelizationFactor'], [
      ['1 (minimum)', 1, true],
      ['10 (maximum)', 10, true],
      ['0 (one below)', 0, false],
      ['11 (one above)', 11, false],
    ]);
    check(mapping, base, ['TumblingWindowInSeconds'], [
      ['0 (minimum)', 0, true],
      ['900 (maximum)', 900, true],
      ['-1 (one below)', -1, false],
      ['901 (one above)', 901, false],
    ]);
    check(mapping, base, ['ScalingConfig', 'MaximumConcurrency'], [
      ['2 (minimum)', 2, true],
      ['1000 (maximum)', 1000, true],
      ['1 (one below)', 1, false],
      ['1001 (one above)', 1001, false],
    ]);
  });

  describe('booleans', () => {
    for (const field of ['Enabled', 'BisectBatchOnFunctionError']) {
      check(mapping, base, [field], [
        ['true', true, true],
        ['false', false, true],
        ['"true" (a string)', 'true', false],
        ['1', 1, false],
      ]);
    }
  });

  describe('FunctionResponseTypes (0–1 items, ReportBatchItemFailures)', () => {
    check(mapping, base, ['FunctionResponseTypes'], [
      ['[] (0 items)', [], true],
      ['[ReportBatchItemFailures]', ['ReportBatchItemFailures'], true],
      ['2 items (one above)', ['ReportBatchItemFailures', 'ReportBatchItemFailures'], false],
      ['another value', ['ReportFailures'], false],
      ['a string, not a list', 'ReportBatchItemFailures', false],
    ]);
  });

  describe('SourceAccessConfigurations (0–22 items; Type enum; URI 1–200)', () => {
    const item = { Type: 'VPC_SUBNET', URI: 'subnet:subnet-0123' };
    check(mapping, base, ['SourceAccessConfigurations'], [
      ['0 items', [], true],
      ['22 items (maximum)', Array(22).fill(item), true],
      ['23 items (one above)', Array(23).fill(item), false],
    ]);
    for (const type of ['BASIC_AUTH', 'VPC_SUBNET', 'VPC_SECURITY_GROUP', 'SASL_SCRAM_512_AUTH', 'SASL_SCRAM_256_AUTH', 'VIRTUAL_HOST', 'CLIENT_CERTIFICATE_TLS_AUTH', 'SERVER_ROOT_CA_CERTIFICATE']) {
      check(mapping, base, ['SourceAccessConfigurations'], [[`Type ${type}`, [{ Type: type, URI: 'x' }], true]]);
    }
    check(mapping, base, ['SourceAccessConfigurations'], [
      ['an unknown Type', [{ Type: 'OAUTH', URI: 'x' }], false],
      ['URI of 200 characters (maximum)', [{ Type: 'BASIC_AUTH', URI: s(200) }], true],
      ['URI of 201 characters (one above)', [{ Type: 'BASIC_AUTH', URI: s(201) }], false],
      ['an empty URI (one below)', [{ Type: 'BASIC_AUTH', URI: '' }], false],
      ['a URI with a space', [{ Type: 'BASIC_AUTH', URI: 'a b' }], false],
    ]);
  });

  describe('DocumentDBEventSourceConfig', () => {
    check(mapping, base, ['DocumentDBEventSourceConfig', 'CollectionName'], [
      ['57 characters (maximum)', s(57), true],
      ['58 characters (one above)', s(58), false],
      ['empty (one below)', '', false],
      ['starting with system.', 'system.users', false],
      ['with a $', 'a$b', false],
      ['starting with a dot', '.a', false],
    ]);
    check(mapping, base, ['DocumentDBEventSourceConfig', 'DatabaseName'], [
      ['63 characters (maximum)', s(63), true],
      ['64 characters (one above)', s(64), false],
      ['empty (one below)', '', false],
      ['with a dot', 'a.b', false],
      ['with a space', 'a b', false],
      ['with a double quote', 'a"b', false],
    ]);
    check(mapping, base, ['DocumentDBEventSourceConfig', 'FullDocument'], [
      ['UpdateLookup', 'UpdateLookup', true],
      ['Default', 'Default', true],
      ['another value', 'Full', false],
    ]);
  });

  describe('FilterCriteria.Filters[].Pattern (length 0–4096) and DestinationConfig (length 0–350)', () => {
    check(mapping, base, ['FilterCriteria'], [
      ['a pattern of 4096 characters (maximum)', { Filters: [{ Pattern: s(4096) }] }, true],
      ['a pattern of 4097 characters (one above)', { Filters: [{ Pattern: s(4097) }] }, false],
      ['an empty pattern (minimum)', { Filters: [{ Pattern: '' }] }, true],
      ['a pattern that is an object, not a string', { Filters: [{ Pattern: { a: 1 } }] }, false],
    ]);
    const prefix = 'arn:aws:sqs:us-east-1:123456789012:';
    check(mapping, base, ['DestinationConfig', 'OnFailure', 'Destination'], [
      ['350 characters (maximum)', prefix + s(350 - prefix.length), true],
      ['351 characters (one above)', prefix + s(351 - prefix.length), false],
      ['not an ARN', 'queue', false],
    ]);
  });

  describe('FunctionName (same constraints as the event invoke config)', () => {
    check(mapping, base, ['FunctionName'], [
      ['an alias ARN', 'arn:aws:lambda:us-west-2:123456789012:function:MyFunction:PROD', true],
      ['empty', '', false],
      ['with a slash', 'a/b', false],
    ]);
  });
});
