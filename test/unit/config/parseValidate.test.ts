/**
 * Parsing (syntax errors with line and column) and schema validation as the Apply command
 * reports it: each problem names the field and the allowed values and points at the field.
 */
import * as assert from 'node:assert/strict';
import { checkConfigText, parseConfig, validateSchema } from '../../../src/config/model';

const INVOKE = 'hello-world.live.event-invoke-config.json';
const INVOKE_C = 'hello-world.live.event-invoke-config.jsonc';
const MAPPING = 'orders.event-source-mapping.json';

/** The text at a problem's range. */
function at(text: string, p: { offset: number; length: number }): string {
  return text.slice(p.offset, p.offset + p.length);
}

describe('config/parse: syntax errors with line and column', () => {
  it('reports a missing comma where it belongs: at the end of the line that lacks it, not at the start of the next', () => {
    const text = '{\n  "FunctionName": "hello-world"\n  "MaximumRetryAttempts": 1\n}\n';
    const parsed = parseConfig(text, 'eventInvokeConfig', { jsonc: false });
    assert.equal(parsed.problems.length, 1);
    const p = parsed.problems[0];
    assert.equal(p.code, 'parse');
    assert.deepEqual(p.start, { line: 1, character: 31 });
    assert.match(p.message, /^Line 2, column 32: a comma \(,\) is expected\.$/);
  });

  it('rejects comments and trailing commas in a .json file (what the AWS CLI reads), accepts them in .jsonc', () => {
    const text = '{\n  // retries\n  "FunctionName": "f",\n}\n';
    const json = checkConfigText(text, INVOKE);
    assert.equal(json.ok, false);
    assert.ok(json.problems.some((p) => /Line 2, column 3: comments are not allowed in a \.json file/.test(p.message)), JSON.stringify(json.problems));
    // At the trailing comma itself, not at the brace on the next line.
    assert.ok(json.problems.some((p) => /Line 3, column 22: .*trailing commas are not allowed/.test(p.message)), JSON.stringify(json.problems));
    const jsonc = checkConfigText(text, INVOKE_C);
    assert.equal(jsonc.ok, true, JSON.stringify(jsonc.problems));
  });

  it('counts lines after \\r\\n line breaks', () => {
    const text = '{\r\n  "FunctionName": "f",\r\n  "Qualifier": \r\n}';
    const parsed = parseConfig(text, 'eventInvokeConfig', { jsonc: false });
    assert.ok(parsed.problems.length > 0);
    // The value is missing after "Qualifier": (line 3), not on the line of the brace.
    assert.equal(parsed.problems[0].start.line, 2);
    assert.match(parsed.problems[0].message, /^Line 3, column 15: a value is expected/);
  });

  it('reports an unclosed string and an unclosed object', () => {
    const parsed = parseConfig('{\n  "FunctionName": "f\n', 'eventInvokeConfig', { jsonc: false });
    assert.ok(parsed.problems.some((p) => /Line 2, column 19: the string is not closed/.test(p.message)), JSON.stringify(parsed.problems.map((p) => p.message)));
  });

  it('reports an empty file and a file that is not an object', () => {
    assert.match(checkConfigText('  \n', INVOKE).problems[0].message, /The file is empty/);
    const arr = checkConfigText('[1, 2]', INVOKE);
    assert.equal(arr.ok, false);
    assert.match(arr.problems[0].message, /one JSON object .*not a list\./);
  });

  it('reports a key given twice at its second occurrence', () => {
    const text = '{"FunctionName": "f", "MaximumRetryAttempts": 1, "MaximumRetryAttempts": 2}';
    const r = checkConfigText(text, INVOKE);
    assert.equal(r.ok, false);
    const p = r.problems.find((x) => x.code === 'parse.duplicateKey');
    assert.ok(p);
    assert.equal(p.offset, text.lastIndexOf('"MaximumRetryAttempts"'));
    assert.match(p.message, /MaximumRetryAttempts appears more than once/);
  });
});

describe('config/validate: schema problems on the field, with the allowed values', () => {
  it('an out-of-range value: the value is marked, the message names the path and the range', () => {
    const text = '{\n  "FunctionName": "hello-world",\n  "MaximumRetryAttempts": 5\n}\n';
    const r = checkConfigText(text, INVOKE);
    assert.equal(r.ok, false);
    assert.equal(r.problems.length, 1);
    const p = r.problems[0];
    assert.equal(at(text, p), '5');
    assert.deepEqual(p.start, { line: 2, character: 26 });
    assert.equal(p.message, 'MaximumRetryAttempts is 5: the allowed range is 0 to 2.');
    assert.deepEqual(p.path, ['MaximumRetryAttempts']);
  });

  it('a nested value: the dotted path and the pattern explanation', () => {
    const text = JSON.stringify({ FunctionName: 'f', DestinationConfig: { OnFailure: { Destination: 'my-dlq' } } }, null, 2);
    const r = checkConfigText(text, INVOKE);
    const p = r.problems[0];
    assert.equal(at(text, p), '"my-dlq"');
    assert.match(p.message, /^DestinationConfig\.OnFailure\.Destination is not valid \("my-dlq"\): Must be the ARN of the destination resource/);
  });

  it('-1 or 60–604800: one clear message for the alternatives', () => {
    const text = JSON.stringify({ UUID: 'u', MaximumRecordAgeInSeconds: 30 });
    const r = checkConfigText(text, MAPPING);
    assert.equal(r.problems.length, 1, JSON.stringify(r.problems));
    assert.equal(r.problems[0].message, 'MaximumRecordAgeInSeconds is 30: it must be -1 or 60 to 604800.');
    assert.equal(at(text, r.problems[0]), '30');
  });

  it('an unknown field: the key is marked; a field in the wrong case gets a suggestion', () => {
    const text = '{\n  "UUID": "u",\n  "batchSize": 10,\n  "Colour": 1\n}';
    const r = checkConfigText(text, MAPPING);
    const typo = r.problems.find((p) => p.path[0] === 'batchSize');
    const unknown = r.problems.find((p) => p.path[0] === 'Colour');
    assert.ok(typo && unknown);
    assert.equal(at(text, typo), '"batchSize"');
    assert.match(typo.message, /Unknown field "batchSize" .*did you mean "BatchSize"\?/);
    assert.match(unknown.message, /^Unknown field "Colour" in an event source mapping update\. The fields are: .*BatchSize.*TumblingWindowInSeconds\.$/);
    assert.doesNotMatch(unknown.message, /StartingPosition/, 'read-only fields are not offered');
  });

  it('a field UpdateEventSourceMapping does not take (from get-event-source-mapping output)', () => {
    const text = JSON.stringify({ UUID: 'u', StartingPosition: 'LATEST', EventSourceArn: 'arn:aws:sqs:us-east-1:1:q' });
    const r = checkConfigText(text, MAPPING);
    assert.equal(r.problems.length, 2);
    const p = r.problems.find((x) => x.path[0] === 'StartingPosition');
    assert.ok(p);
    assert.match(p.message, /^StartingPosition cannot be changed with UpdateEventSourceMapping .*remove it from the file\.$/);
    assert.equal(at(text, p), '"StartingPosition"');
  });

  it('a wrong type says what is expected and what was found', () => {
    const r = checkConfigText(JSON.stringify({ UUID: 'u', BatchSize: '10', Enabled: 'yes' }), MAPPING);
    assert.deepEqual(
      r.problems.map((p) => p.message),
      ['BatchSize must be a whole number, not the string "10".', 'Enabled must be true or false, not the string "yes".'],
    );
  });

  it('a missing required field points at the object', () => {
    const text = '{ "MaximumRetryAttempts": 1 }';
    const r = checkConfigText(text, INVOKE);
    assert.equal(r.problems[0].message, 'FunctionName is missing: it is required.');
    assert.equal(r.problems[0].offset, 0);
  });

  it('lengths, enums and list sizes', () => {
    const r = checkConfigText(
      JSON.stringify({ UUID: 'u', FunctionResponseTypes: ['ReportBatchItemFailures', 'ReportBatchItemFailures'], SourceAccessConfigurations: [{ Type: 'OAUTH', URI: '' }] }),
      MAPPING,
    );
    const messages = r.problems.map((p) => p.message);
    assert.ok(messages.includes('FunctionResponseTypes has 2 items: it must have 0 to 1 items.'), messages.join('\n'));
    assert.ok(messages.some((m) => /^SourceAccessConfigurations\[0\]\.Type is "OAUTH": it must be one of "BASIC_AUTH", /.test(m)), messages.join('\n'));
    assert.ok(messages.includes('SourceAccessConfigurations[0].URI is 0 characters long: it must be 1 to 200 characters.'), messages.join('\n'));
  });

  it('accepts a valid file, ignoring $schema', () => {
    const parsed = parseConfig(JSON.stringify({ $schema: 'x', FunctionName: 'f', Qualifier: 'live', MaximumRetryAttempts: 0 }), 'eventInvokeConfig', { jsonc: false });
    assert.deepEqual(validateSchema(parsed), []);
  });
});
