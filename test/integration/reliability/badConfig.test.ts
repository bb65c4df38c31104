/**
 * Bad config files through the real Apply commands: a representative case of every kind of
 * problem (syntax, range, pattern, type, unknown field, missing FunctionName/UUID, invalid
 * names, qualifiers and ARNs, a target that does not exist). Each shows its exact message and
 * the emulator's request record proves what was (not) sent. The boundaries of every range and
 * pattern are unit-tested in test/unit/config/schema.test.ts; docs/bad-input.md names both.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { ApplyOutcome } from '../../../src/api';
import type { TestHooks } from '../../../src/api';
import { DEMO_ACCOUNT, DEMO_MAPPINGS, DEMO_REGION, type Emulator } from '../../emulator';
import { setup, withAnswers } from '../support';
import { BadInputFolder, settled, nothingSent, Notifications } from './helpers';

const EIC = 'event-invoke-config.json';
const ESM = 'event-source-mapping.json';
const ORDERS = DEMO_MAPPINGS.ordersQueue;
const WRITES = ['PutFunctionEventInvokeConfig', 'UpdateFunctionEventInvokeConfig', 'UpdateEventSourceMapping'];
const FUNCTION_NAME_RULE =
  'Must be a function name (`my-function`), a name with a version or alias (`my-function:v1`, `my-function:$LATEST.PUBLISHED`), a partial ARN (`123456789012:function:my-function`) or a function ARN (`arn:aws:lambda:us-west-2:123456789012:function:my-function`). Letters, digits, hyphens, underscores and periods only.';

describe('Reliability: bad config files and names (a clear message, nothing sent)', function () {
  this.timeout(60_000);
  let emulator: Emulator;
  let api: TestHooks;
  let files: BadInputFolder;
  let notes: Notifications;

  before(async () => {
    ({ emulator, api } = await setup());
    files = new BadInputFolder('bad-input/configs');
    await settled(emulator);
  });

  beforeEach(() => {
    notes = new Notifications(api);
  });

  afterEach(() => {
    notes.dispose();
  });

  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    files.clean();
  });

  function orderProcessorConfig(): unknown {
    const fn = emulator.store.getFunction(DEMO_ACCOUNT, DEMO_REGION, 'order-processor');
    assert.ok(fn);
    return JSON.parse(JSON.stringify(emulator.store.getEventInvokeConfig(fn, '$LATEST') ?? null));
  }

  /**
   * Applies `content` as `name` and expects it refused before anything is sent: status
   * invalid, the problems, the notification, and not one request (not even a read).
   */
  async function invalid(name: string, content: string | object, problems: string[], command = name.endsWith(ESM) ? 'lambdaWorkbench.updateEventSourceMapping' : 'lambdaWorkbench.putEventInvokeConfig'): Promise<void> {
    const uri = files.write(name, typeof content === 'string' ? content : JSON.stringify(content, null, 2));
    const configBefore = orderProcessorConfig();
    const { result, input } = await nothingSent(emulator, () => withAnswers([], () => vscode.commands.executeCommand<ApplyOutcome>(command, uri)));
    assert.deepEqual(input.asked, [], 'no question for an invalid file');
    assert.equal(result?.status, 'invalid', JSON.stringify(result));
    assert.deepEqual(result.problems, problems);
    const expected =
      problems.length === 1 ? `${name} was not applied (nothing was sent): ${problems[0]}` : `${name} was not applied (nothing was sent): ${problems.length} problems. First: ${problems[0]}`;
    assert.equal(await notes.lastError(), expected);
    const diagnostics = api.config.diagnostics.get(uri) ?? [];
    assert.deepEqual(diagnostics.filter((d) => d.severity === vscode.DiagnosticSeverity.Error).map((d) => d.message), problems, 'the problems are on the file');
    assert.deepEqual(orderProcessorConfig(), configBefore);
  }

  describe('syntax', () => {
    it('C1 comments and trailing commas in a .json file (the AWS CLI reads .json)', async () => {
      await invalid(`comment.${EIC}`, '{\n  // retries\n  "FunctionName": "order-processor"\n}\n', [
        'Line 2, column 3: comments are not allowed in a .json file (the AWS CLI cannot read them); remove them or rename the file to .jsonc.',
      ]);
      await invalid(`comma.${EIC}`, '{"FunctionName": "order-processor",}', [
        'Line 1, column 36: a property name in double quotes is expected (trailing commas are not allowed in a .json file).',
        'Line 1, column 36: a value is expected (trailing commas are not allowed in a .json file).',
      ]);
    });

    it('C2 a truncated file, an empty file, a list, a repeated field', async () => {
      await invalid(`truncated.${EIC}`, '{"FunctionName": "order-pro', ['Line 1, column 18: the string is not closed (").', 'Line 1, column 28: a closing brace (}) is expected.']);
      await invalid(`empty.${EIC}`, '', ['The file is empty: it must hold one JSON object.']);
      await invalid(`list.${EIC}`, '[]', ['The file must hold one JSON object ({ ... }), not a list.']);
      await invalid(`twice.${EIC}`, '{"FunctionName": "order-processor", "FunctionName": "hello-world"}', ['FunctionName appears more than once: keep one.']);
    });

    it('C3 nested 100,000 levels deep: a clear message, no stack overflow', async () => {
      await invalid(`deep.${EIC}`, `{"FunctionName": "order-processor", "X": ${'['.repeat(100_000)}${']'.repeat(100_000)}}`, [
        'Line 1, column 1041: objects and arrays are nested more than 1000 levels deep.',
      ]);
    });
  });

  describe('ranges, types and fields (boundaries: test/unit/config/schema.test.ts)', () => {
    it('C4 a value out of range (event invoke config)', async () => {
      await invalid(`retries.${EIC}`, { FunctionName: 'order-processor', MaximumRetryAttempts: 3 }, ['MaximumRetryAttempts is 3: the allowed range is 0 to 2.']);
      await invalid(`age.${EIC}`, { FunctionName: 'order-processor', MaximumEventAgeInSeconds: 59 }, ['MaximumEventAgeInSeconds is 59: the allowed range is 60 to 21600.']);
    });

    it('C5 a value out of range (event source mapping)', async () => {
      await invalid(`batch.${ESM}`, { UUID: ORDERS, BatchSize: 10001 }, ['BatchSize is 10001: the allowed range is 1 to 10000.']);
      await invalid(`window.${ESM}`, { UUID: ORDERS, MaximumBatchingWindowInSeconds: 301 }, ['MaximumBatchingWindowInSeconds is 301: the allowed range is 0 to 300.']);
    });

    it('C6 wrong types', async () => {
      await invalid(`string.${EIC}`, { FunctionName: 'order-processor', MaximumRetryAttempts: '2' }, ['MaximumRetryAttempts must be a whole number, not the string "2".']);
      await invalid(`decimal.${EIC}`, { FunctionName: 'order-processor', MaximumRetryAttempts: 1.5 }, ['MaximumRetryAttempts must be a whole number, not the decimal number 1.5.']);
      await invalid(`enabled.${ESM}`, { UUID: ORDERS, Enabled: 'yes' }, ['Enabled must be true or false, not the string "yes".']);
      await invalid(`uuid.${ESM}`, { UUID: 12345 }, ['UUID must be a string, not the number 12345.']);
    });

    it('C7 unknown fields, and fields UpdateEventSourceMapping cannot change', async () => {
      await invalid(`unknown.${EIC}`, { FunctionName: 'order-processor', MaxRetries: 1 }, [
        'Unknown field "MaxRetries" in an event invoke config. The fields are: $schema, FunctionName, Qualifier, MaximumRetryAttempts, MaximumEventAgeInSeconds, DestinationConfig.',
      ]);
      await invalid(`case.${ESM}`, { UUID: ORDERS, batchsize: 5 }, ['Unknown field "batchsize" in an event source mapping update: did you mean "BatchSize"? Field names are case-sensitive.']);
      await invalid(`state.${ESM}`, { UUID: ORDERS, State: 'Enabled' }, [
        'State cannot be changed with UpdateEventSourceMapping (it is set when the mapping is created, or reported by AWS): remove it from the file.',
      ]);
    });

    it('C8 missing FunctionName / UUID', async () => {
      await invalid(`no-function.${EIC}`, { MaximumRetryAttempts: 1 }, ['FunctionName is missing: it is required.']);
      await invalid(`no-uuid.${ESM}`, { BatchSize: 5 }, ['UUID is missing: it is required.']);
    });
  });

  describe('names, qualifiers and ARNs typed in a file', () => {
    it('N1 invalid function names', async () => {
      await invalid(`spaces.${EIC}`, { FunctionName: 'order processor!', MaximumRetryAttempts: 1 }, [`FunctionName is not valid ("order processor!"): ${FUNCTION_NAME_RULE}`]);
      await invalid(`long.${EIC}`, { FunctionName: 'f'.repeat(65), MaximumRetryAttempts: 1 }, ['The function name in FunctionName is 65 characters long: a function name is at most 64 characters.']);
      await invalid(`empty-name.${EIC}`, { FunctionName: '', MaximumRetryAttempts: 1 }, ['FunctionName is 0 characters long: it must be 1 to 256 characters.', `FunctionName is not valid (""): ${FUNCTION_NAME_RULE}`]);
      await invalid(`mapping-name.${ESM}`, { UUID: ORDERS, FunctionName: 'bad name' }, [`FunctionName is not valid ("bad name"): ${FUNCTION_NAME_RULE}`]);
    });

    it('N2 invalid function ARNs', async () => {
      await invalid(`s3-arn.${EIC}`, { FunctionName: 'arn:aws:s3:::my-bucket', MaximumRetryAttempts: 1 }, [`FunctionName is not valid ("arn:aws:s3:::my-bucket"): ${FUNCTION_NAME_RULE}`]);
      await invalid(`region-arn.${EIC}`, { FunctionName: 'arn:aws:lambda:useast1:111111111111:function:order-processor', MaximumRetryAttempts: 1 }, [
        `FunctionName is not valid ("arn:aws:lambda:useast1:111111111111:function:order-processor"): ${FUNCTION_NAME_RULE}`,
      ]);
      await invalid(`long-arn.${EIC}`, { FunctionName: `arn:aws:lambda:us-east-1:111111111111:function:${'f'.repeat(94)}`, MaximumRetryAttempts: 1 }, [
        'The function name in FunctionName is 94 characters long: a function name is at most 64 characters.',
      ]);
      await invalid(`too-long-arn.${EIC}`, { FunctionName: `arn:aws:lambda:us-east-1:111111111111:function:${'f'.repeat(64)}:${'q'.repeat(150)}`, MaximumRetryAttempts: 1 }, [
        'FunctionName is 262 characters long: it must be 1 to 256 characters.',
      ]);
    });

    it('N3 invalid qualifiers', async () => {
      await invalid(`dot.${EIC}`, { FunctionName: 'order-processor', Qualifier: 'v1.0', MaximumRetryAttempts: 1 }, ['Qualifier is not valid ("v1.0"): Must be a version number, an alias name or $LATEST.PUBLISHED: letters, digits, $, _ and - only.']);
      await invalid(`mismatch.${EIC}`, { FunctionName: 'order-processor:live', Qualifier: '2', MaximumRetryAttempts: 1 }, [
        'Qualifier "2" differs from the qualifier "live" in FunctionName: give the qualifier once, or the same in both.',
      ]);
    });

    it('N4 invalid destination ARNs', async () => {
      await invalid(`not-arn.${EIC}`, { FunctionName: 'order-processor', DestinationConfig: { OnFailure: { Destination: 'not-an-arn' } } }, [
        'DestinationConfig.OnFailure.Destination is not valid ("not-an-arn"): Must be the ARN of the destination resource (arn:partition:service:region:account:resource), or an empty string for no destination.',
      ]);
      await invalid(`s3-success.${EIC}`, { FunctionName: 'order-processor', DestinationConfig: { OnSuccess: { Destination: 'arn:aws:s3:::bucket' } } }, [
        'DestinationConfig.OnSuccess.Destination is a "s3" ARN: it must be a Lambda function, an SQS queue, an SNS topic or an EventBridge event bus.',
      ]);
    });
  });

  describe('a target that does not exist (404: a clear message, nothing written)', () => {
    beforeEach(() => emulator.clearRequests());

    async function failed(name: string, content: object, command: string, answers: Parameters<typeof withAnswers>[0] = []): Promise<{ outcome: ApplyOutcome; message: string; operations: string[] }> {
      const uri = files.write(name, JSON.stringify(content, null, 2));
      const { result } = await withAnswers(answers, () => vscode.commands.executeCommand<ApplyOutcome>(command, uri));
      assert.equal(result?.status, 'failed', JSON.stringify(result));
      const operations = emulator.requests.map((r) => `${r.operation} ${r.status}`);
      assert.deepEqual(operations.filter((o) => WRITES.includes(o.split(' ')[0])), [], 'nothing was written');
      return { outcome: result, message: await notes.lastError(), operations };
    }

    it('T1 a function that does not exist', async () => {
      const r = await failed(`missing.${EIC}`, { FunctionName: 'no-such-function', MaximumRetryAttempts: 1 }, 'lambdaWorkbench.putEventInvokeConfig');
      assert.deepEqual(r.operations, ['GetFunctionEventInvokeConfig 404']);
      assert.equal(r.outcome.error, 'ResourceNotFoundException: Function not found: arn:aws:lambda:us-east-1:111111111111:function:no-such-function');
      assert.equal(
        r.message,
        'no-such-function (us-east-1) was not changed: Function not found: arn:aws:lambda:us-east-1:111111111111:function:no-such-function — Not found. Check the region (us-east-1), the profile (demo) and the qualifier.',
      );
    });

    it('T2 a version that does not exist', async () => {
      const r = await failed(`missing-version.${EIC}`, { FunctionName: 'hello-world', Qualifier: '99', MaximumRetryAttempts: 1 }, 'lambdaWorkbench.putEventInvokeConfig');
      assert.deepEqual(r.operations, ['GetFunctionEventInvokeConfig 404']);
      assert.match(r.message, /^hello-world:99 \(us-east-1\) was not changed: .*99.* — Not found\. Check the region \(us-east-1\), the profile \(demo\) and the qualifier\.$/);
    });

    it('T3 Update (merge) of an event invoke config that does not exist yet', async () => {
      const r = await failed(`no-config.${EIC}`, { FunctionName: 'hello-world', MaximumRetryAttempts: 1 }, 'lambdaWorkbench.updateEventInvokeConfig');
      assert.deepEqual(r.operations, ['GetFunctionEventInvokeConfig 404']);
      assert.equal(r.message, 'hello-world (us-east-1) has no event invoke config yet: Update changes an existing one. Use "Replace (Put)" to create it. Nothing was sent.');
    });

    it('T4 an event source mapping that does not exist', async () => {
      const uuid = '00000000-0000-4000-8000-000000000000';
      const r = await failed(`missing.${ESM}`, { UUID: uuid, BatchSize: 5 }, 'lambdaWorkbench.updateEventSourceMapping');
      assert.deepEqual(r.operations, ['GetEventSourceMapping 404']);
      assert.equal(r.outcome.error, `ResourceNotFoundException: Event source mapping ${uuid} was not found in us-east-1.`);
      assert.equal(r.message, `${uuid} was not changed: Event source mapping ${uuid} was not found in us-east-1. — Not found. Check the region (us-east-1), the profile (demo) and the qualifier.`);
    });
  });
});
