/**
 * What applying a file changes: Put replaces (settings left out are removed), Update merges;
 * the list of changes, the "will be removed" list, the preview texts; the prefilled files and
 * templates the Edit and New commands open.
 */
import * as assert from 'node:assert/strict';
import { parse as parseJsonc, type ParseError } from 'jsonc-parser';
import {
  checkConfigText,
  currentMappingSettings,
  eventInvokeConfigFile,
  eventInvokeConfigFileName,
  eventInvokeConfigTemplate,
  eventSourceMappingFile,
  eventSourceMappingFileName,
  eventSourceMappingTemplate,
  formatChanges,
  jsoncWithTrailingCommas,
  parseConfig,
  planEventInvokeConfig,
  planMappingUpdate,
  previewText,
} from '../../../src/config/model';
import { regionOfFunctionReference as regionOfFunctionName } from '../../../src/shared/arn';
import { HELLO_DONE, ORDER_DLQ, orderProcessorConfig, sqsMapping, streamMapping } from './fixtures';

/** The JSON of a preview text (after its `//` comment lines). */
function previewJson(text: string): unknown {
  const errors: ParseError[] = [];
  const value: unknown = parseJsonc(text, errors, { allowTrailingComma: true });
  assert.deepEqual(errors, [], `the preview is valid JSONC:\n${text}`);
  return value;
}

const LABEL = 'order-processor (us-east-1)';

describe('config/compute: event invoke config, Put (replace) and Update (merge)', () => {
  const file = { $schema: './schema.json', FunctionName: 'order-processor', MaximumRetryAttempts: 2 };

  it('Put: the result is exactly the file; the settings it leaves out are listed as removed', () => {
    const plan = planEventInvokeConfig(file, orderProcessorConfig, 'put', LABEL);
    assert.deepEqual(plan.current, { MaximumRetryAttempts: 1, MaximumEventAgeInSeconds: 3600, DestinationConfig: { OnFailure: { Destination: ORDER_DLQ } } });
    assert.deepEqual(plan.result, { MaximumRetryAttempts: 2 });
    assert.deepEqual(
      plan.removed.map((c) => [c.path, c.before]),
      [
        ['MaximumEventAgeInSeconds', 3600],
        ['DestinationConfig.OnFailure.Destination', ORDER_DLQ],
      ],
    );
    assert.deepEqual(plan.request, { FunctionName: 'order-processor', MaximumRetryAttempts: 2 }, '$schema is not sent');
  });

  it('Update: the settings the file leaves out are kept; nothing is listed as removed', () => {
    const plan = planEventInvokeConfig(file, orderProcessorConfig, 'update', LABEL);
    assert.deepEqual(plan.result, { MaximumRetryAttempts: 2, MaximumEventAgeInSeconds: 3600, DestinationConfig: { OnFailure: { Destination: ORDER_DLQ } } });
    assert.deepEqual(plan.removed, []);
    assert.deepEqual(plan.changes, [{ path: 'MaximumRetryAttempts', kind: 'changed', before: 1, after: 2 }]);
  });

  it('Update: a destination side given replaces that side, one left out is kept, an empty one is removed', () => {
    const addSuccess = planEventInvokeConfig({ FunctionName: 'f', DestinationConfig: { OnSuccess: { Destination: HELLO_DONE } } }, orderProcessorConfig, 'update', LABEL);
    assert.deepEqual(addSuccess.result.DestinationConfig, { OnSuccess: { Destination: HELLO_DONE }, OnFailure: { Destination: ORDER_DLQ } });
    const removeFailure = planEventInvokeConfig({ FunctionName: 'f', DestinationConfig: { OnFailure: { Destination: '' } } }, orderProcessorConfig, 'update', LABEL);
    assert.equal(removeFailure.result.DestinationConfig, undefined);
    assert.deepEqual(removeFailure.changes, [{ path: 'DestinationConfig.OnFailure.Destination', kind: 'removed', before: ORDER_DLQ }]);
  });

  it('Put on a function without a config: every setting is added', () => {
    const plan = planEventInvokeConfig({ FunctionName: 'f', MaximumEventAgeInSeconds: 60 }, undefined, 'put', 'f (us-east-1)');
    assert.deepEqual(plan.current, {});
    assert.deepEqual(plan.changes, [{ path: 'MaximumEventAgeInSeconds', kind: 'added', after: 60 }]);
    assert.match(plan.currentText, /^\/\/ f \(us-east-1\): no event invoke config/);
  });

  it('the preview texts: JSONC in the schema order, a comma after every member, the removed settings only on the left', () => {
    const plan = planEventInvokeConfig({ FunctionName: 'order-processor', DestinationConfig: { OnFailure: { Destination: ORDER_DLQ } }, MaximumRetryAttempts: 0 }, orderProcessorConfig, 'put', LABEL);
    assert.equal(
      plan.currentText,
      [
        '// order-processor (us-east-1): current event invoke config',
        '{',
        '  "MaximumRetryAttempts": 1,',
        '  "MaximumEventAgeInSeconds": 3600,',
        '  "DestinationConfig": {',
        '    "OnFailure": {',
        `      "Destination": "${ORDER_DLQ}",`,
        '    },',
        '  },',
        '}',
        '',
      ].join('\n'),
    );
    assert.match(plan.resultText, /^\/\/ order-processor \(us-east-1\): after Put \(replace: settings left out are removed\)\n/);
    assert.deepEqual(previewJson(plan.resultText), { MaximumRetryAttempts: 0, DestinationConfig: { OnFailure: { Destination: ORDER_DLQ } } });
    assert.doesNotMatch(plan.resultText, /MaximumEventAgeInSeconds/);
  });

  it('the list of changes as text', () => {
    const plan = planEventInvokeConfig({ FunctionName: 'f', MaximumRetryAttempts: 2, DestinationConfig: { OnSuccess: { Destination: HELLO_DONE } } }, orderProcessorConfig, 'put', LABEL);
    assert.equal(
      formatChanges(plan.changes),
      ['MaximumRetryAttempts: 1 → 2', 'MaximumEventAgeInSeconds: removed (was 3600)', `DestinationConfig.OnFailure.Destination: removed (was ${ORDER_DLQ})`, `DestinationConfig.OnSuccess.Destination: set to ${HELLO_DONE}`].join('\n'),
    );
  });
});

describe('config/compute: event source mapping update (merge, only what changes is sent)', () => {
  it('the current settings: only what UpdateEventSourceMapping takes, Enabled from the state, empty destinations dropped', () => {
    assert.deepEqual(currentMappingSettings(sqsMapping()), {
      FunctionName: 'arn:aws:lambda:us-east-1:111111111111:function:order-processor',
      BatchSize: 10,
      Enabled: true,
      FunctionResponseTypes: [],
      MaximumBatchingWindowInSeconds: 0,
    });
    const stream = currentMappingSettings(streamMapping({ State: 'Disabled' }));
    assert.equal(stream.Enabled, false);
    assert.equal(stream.DestinationConfig, undefined);
    assert.equal(stream.StartingPosition, undefined);
    assert.equal(currentMappingSettings(sqsMapping({ State: 'Updating' })).Enabled, undefined);
  });

  it('the request carries UUID and the settings that differ; the same function named differently is not a change', () => {
    const state = sqsMapping();
    const file = { UUID: state.UUID, FunctionName: 'order-processor', BatchSize: 5, Enabled: true, MaximumBatchingWindowInSeconds: 0, FunctionResponseTypes: ['ReportBatchItemFailures'] };
    const plan = planMappingUpdate(file, state, 'orders');
    assert.deepEqual(plan.request, { UUID: state.UUID, BatchSize: 5, FunctionResponseTypes: ['ReportBatchItemFailures'] });
    assert.deepEqual(plan.changed, ['BatchSize', 'FunctionResponseTypes']);
    assert.deepEqual(plan.result.BatchSize, 5);
    assert.deepEqual(
      plan.changes.map((c) => c.path),
      ['BatchSize', 'FunctionResponseTypes'],
    );
    assert.match(plan.currentText, /^\/\/ orders: current settings \(state Enabled\)\n/);
    assert.deepEqual((previewJson(plan.resultText) as Record<string, unknown>).BatchSize, 5);
  });

  it('moving to another function or alias is a change', () => {
    const plan = planMappingUpdate({ UUID: 'u', FunctionName: 'order-processor:live' }, sqsMapping(), 'orders');
    assert.deepEqual(plan.changed, ['FunctionName']);
  });

  it('a stream destination removed with an empty Destination', () => {
    const state = streamMapping({ DestinationConfig: { OnFailure: { Destination: 'arn:aws:sqs:us-east-1:111111111111:dlq' } } });
    const plan = planMappingUpdate({ UUID: 'u', DestinationConfig: { OnFailure: { Destination: '' } } }, state, 'users');
    assert.equal(plan.result.DestinationConfig, undefined);
    assert.deepEqual(plan.changes, [{ path: 'DestinationConfig.OnFailure.Destination', kind: 'removed', before: 'arn:aws:sqs:us-east-1:111111111111:dlq' }]);
  });
});

describe('config/templates: the files Edit and New open', () => {
  it('a prefilled event invoke config is valid JSON for the CLI, and applying it unchanged changes nothing', () => {
    const text = eventInvokeConfigFile({ region: 'us-east-1', functionName: 'hello-world', functionArn: 'arn:aws:lambda:us-east-1:111111111111:function:hello-world', qualifier: 'live' }, { MaximumRetryAttempts: 0, DestinationConfig: { OnSuccess: { Destination: HELLO_DONE } } });
    assert.deepEqual(JSON.parse(text), {
      FunctionName: 'arn:aws:lambda:us-east-1:111111111111:function:hello-world',
      Qualifier: 'live',
      MaximumRetryAttempts: 0,
      DestinationConfig: { OnSuccess: { Destination: HELLO_DONE } },
    });
    const check = checkConfigText(text, 'hello-world.live.event-invoke-config.json');
    assert.equal(check.ok, true, JSON.stringify(check.problems));
    const state = { MaximumRetryAttempts: 0, DestinationConfig: { OnSuccess: { Destination: HELLO_DONE }, OnFailure: {} } };
    assert.deepEqual(planEventInvokeConfig(JSON.parse(text), state, 'put', 'x').changes, []);
    assert.deepEqual(planEventInvokeConfig(JSON.parse(text), state, 'update', 'x').changes, []);
  });

  it('$LATEST is left out of the file (no Qualifier) and of its name', () => {
    assert.deepEqual(JSON.parse(eventInvokeConfigFile({ region: 'us-east-1', functionName: 'f', qualifier: '$LATEST' }, {})), { FunctionName: 'f' });
    assert.equal(eventInvokeConfigFileName('order-processor', '$LATEST', false), 'order-processor.event-invoke-config.json');
    assert.equal(eventInvokeConfigFileName('arn:aws:lambda:us-east-1:1:function:hello-world', 'live', true), 'hello-world.live.event-invoke-config.jsonc');
  });

  it('the commented template is valid JSONC and passes the checks as it is', () => {
    const text = eventInvokeConfigTemplate({ functionName: 'hello-world', qualifier: '3', region: 'us-east-1' }, { hasConfig: false });
    assert.match(text, /^\/\/ Event invoke config of hello-world:3 \(us-east-1\)/);
    assert.match(text, /\/\/ "DestinationConfig": \{/);
    const check = checkConfigText(text, 'hello-world.3.event-invoke-config.jsonc');
    assert.equal(check.ok, true, JSON.stringify(check.problems));
    assert.deepEqual(check.parsed.value, { FunctionName: 'hello-world', Qualifier: '3', MaximumRetryAttempts: 2, MaximumEventAgeInSeconds: 21600 });
    // Uncommenting the destination still gives a valid file.
    const uncommented = text.replace(/^ {2}\/\/ (?=["} ])/gm, '  ');
    const again = checkConfigText(uncommented, 'hello-world.3.event-invoke-config.jsonc');
    assert.equal(again.ok, true, JSON.stringify(again.problems));
    assert.ok((again.parsed.value as { DestinationConfig?: unknown }).DestinationConfig);
  });

  it('a prefilled mapping file holds UUID and the current settings, and applying it unchanged changes nothing', () => {
    for (const state of [sqsMapping(), streamMapping()]) {
      const text = eventSourceMappingFile(state);
      const value = JSON.parse(text) as Record<string, unknown>;
      assert.equal(value.UUID, state.UUID);
      assert.equal(value.EventSourceArn, undefined);
      const check = checkConfigText(text, 'x.event-source-mapping.json', { current: state });
      assert.equal(check.ok, true, JSON.stringify(check.problems));
      assert.deepEqual(planMappingUpdate(value, state, 'x').changed, []);
    }
  });

  it('the mapping template offers the settings of its source, commented out with the current values', () => {
    const sqs = eventSourceMappingTemplate(sqsMapping(), 'us-east-1');
    assert.match(sqs, /\/\/ "ScalingConfig"/);
    assert.doesNotMatch(sqs, /ParallelizationFactor/);
    const stream = eventSourceMappingTemplate(streamMapping(), 'us-east-1');
    assert.match(stream, /\/\/ "ParallelizationFactor": 1,/);
    assert.doesNotMatch(stream, /ScalingConfig/);
    for (const [text, state] of [[sqs, sqsMapping()], [stream, streamMapping()]] as const) {
      const asIs = checkConfigText(text, 'x.event-source-mapping.jsonc', { current: state });
      assert.equal(asIs.ok, true, JSON.stringify(asIs.problems));
      assert.deepEqual(asIs.parsed.value, { UUID: state.UUID });
      const uncommented = text.replace(/^ {2}\/\/ (?=["{}[\] ])/gm, '  ');
      const parsed = parseConfig(uncommented, 'eventSourceMapping', { jsonc: true });
      assert.deepEqual(parsed.problems, [], uncommented);
    }
  });

  it('mapping file names say source, function and UUID', () => {
    const m = sqsMapping();
    assert.equal(eventSourceMappingFileName({ uuid: m.UUID ?? '', eventSourceArn: m.EventSourceArn, functionArn: m.FunctionArn }, false), 'orders-queue.order-processor.3f6c2a8e.event-source-mapping.json');
  });

  it('the region of a FunctionName (full or partial ARN)', () => {
    assert.equal(regionOfFunctionName('arn:aws:lambda:eu-west-1:111111111111:function:f'), 'eu-west-1');
    assert.equal(regionOfFunctionName('us-gov-west-1:111111111111:function:f'), 'us-gov-west-1');
    assert.equal(regionOfFunctionName('111111111111:function:f'), undefined);
    assert.equal(regionOfFunctionName('f:live'), undefined);
  });
});

describe('config/compute: the preview texts diff line by line', () => {
  it('a comma after every member: a setting added after the last one changes no other line', () => {
    const before = previewText({ FunctionName: 'f', MaximumRetryAttempts: 1 }, 'eventInvokeConfig').split('\n');
    const after = previewText({ FunctionName: 'f', MaximumRetryAttempts: 1, MaximumEventAgeInSeconds: 60 }, 'eventInvokeConfig').split('\n');
    const removed = before.filter((l) => !after.includes(l));
    const added = after.filter((l) => !before.includes(l));
    assert.deepEqual(removed, [], 'no line of the current settings is shown as removed');
    assert.deepEqual(added, ['  "MaximumEventAgeInSeconds": 60,']);
    assert.deepEqual(previewJson(after.join('\n')), { FunctionName: 'f', MaximumRetryAttempts: 1, MaximumEventAgeInSeconds: 60 });
  });

  it('nested objects and arrays, empty ones and undefined members', () => {
    assert.equal(jsoncWithTrailingCommas({ a: { b: [1, 'x'] }, c: [], d: {}, e: undefined }), '{\n  "a": {\n    "b": [\n      1,\n      "x",\n    ],\n  },\n  "c": [],\n  "d": {},\n}');
  });
});
