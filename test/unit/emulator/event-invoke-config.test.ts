import * as assert from 'node:assert/strict';
import {
  DeleteFunctionEventInvokeConfigCommand,
  GetFunctionEventInvokeConfigCommand,
  LambdaClient,
  ListFunctionEventInvokeConfigsCommand,
  PutFunctionEventInvokeConfigCommand,
  UpdateFunctionEventInvokeConfigCommand,
} from '@aws-sdk/client-lambda';
import { Emulator, startEmulator } from '../../emulator';
import { expectLambdaError, lambdaClient } from '../../emulator/testing';

const ARN = 'arn:aws:lambda:us-east-1:111111111111:function:';
const DLQ = 'arn:aws:sqs:us-east-1:111111111111:order-dlq';

describe('Lambda emulator: event invoke configs', () => {
  let emu: Emulator;
  let lambda: LambdaClient;

  before(async () => {
    emu = await startEmulator();
    lambda = lambdaClient(emu);
  });
  after(async () => {
    lambda.destroy();
    await emu.stop();
  });

  it('returns the demo configs of order-processor ($LATEST) and hello-world (live)', async () => {
    const order = await lambda.send(new GetFunctionEventInvokeConfigCommand({ FunctionName: 'order-processor' }));
    assert.equal(order.FunctionArn, `${ARN}order-processor:$LATEST`);
    assert.equal(order.MaximumRetryAttempts, 1);
    assert.equal(order.MaximumEventAgeInSeconds, 3600);
    assert.deepEqual(order.DestinationConfig, { OnSuccess: {}, OnFailure: { Destination: DLQ } });
    assert.ok(order.LastModified instanceof Date);
    assert.equal(order.LastModified.toISOString(), '2026-01-08T14:20:00.000Z');
    const live = await lambda.send(new GetFunctionEventInvokeConfigCommand({ FunctionName: 'hello-world', Qualifier: 'live' }));
    assert.equal(live.FunctionArn, `${ARN}hello-world:live`);
    assert.equal(live.MaximumRetryAttempts, 0);
    assert.equal(live.MaximumEventAgeInSeconds, undefined);
    assert.deepEqual(live.DestinationConfig?.OnSuccess, { Destination: 'arn:aws:sns:us-east-1:111111111111:hello-done' });
    await expectLambdaError(
      lambda.send(new GetFunctionEventInvokeConfigCommand({ FunctionName: 'hello-world' })),
      'ResourceNotFoundException',
      404,
      `The function ${ARN}hello-world:$LATEST doesn't have an EventInvokeConfig`,
    );
  });

  it('PUT replaces the whole config: settings left out are removed', async () => {
    const before = Date.now();
    const put = await lambda.send(new PutFunctionEventInvokeConfigCommand({ FunctionName: 'order-processor', MaximumRetryAttempts: 2 }));
    assert.equal(put.MaximumRetryAttempts, 2);
    assert.equal(put.MaximumEventAgeInSeconds, undefined);
    assert.deepEqual(put.DestinationConfig, { OnSuccess: {}, OnFailure: {} });
    assert.ok(put.LastModified!.getTime() >= before - 1000 && put.LastModified!.getTime() <= Date.now() + 1000);
    const got = await lambda.send(new GetFunctionEventInvokeConfigCommand({ FunctionName: 'order-processor' }));
    assert.equal(got.MaximumRetryAttempts, 2);
    assert.equal(got.MaximumEventAgeInSeconds, undefined);
    assert.equal(got.DestinationConfig?.OnFailure?.Destination, undefined);
  });

  it('POST updates only the settings given', async () => {
    await lambda.send(
      new PutFunctionEventInvokeConfigCommand({
        FunctionName: 'order-processor',
        MaximumRetryAttempts: 1,
        MaximumEventAgeInSeconds: 120,
        DestinationConfig: { OnFailure: { Destination: DLQ } },
      }),
    );
    const u1 = await lambda.send(new UpdateFunctionEventInvokeConfigCommand({ FunctionName: 'order-processor', MaximumRetryAttempts: 0 }));
    assert.equal(u1.MaximumRetryAttempts, 0);
    assert.equal(u1.MaximumEventAgeInSeconds, 120);
    assert.deepEqual(u1.DestinationConfig, { OnSuccess: {}, OnFailure: { Destination: DLQ } });
    const u2 = await lambda.send(
      new UpdateFunctionEventInvokeConfigCommand({
        FunctionName: 'order-processor',
        DestinationConfig: { OnSuccess: { Destination: 'arn:aws:events:us-east-1:111111111111:event-bus/orders' } },
      }),
    );
    assert.deepEqual(u2.DestinationConfig, { OnSuccess: { Destination: 'arn:aws:events:us-east-1:111111111111:event-bus/orders' }, OnFailure: { Destination: DLQ } });
    assert.equal(u2.MaximumRetryAttempts, 0);
    const u3 = await lambda.send(new UpdateFunctionEventInvokeConfigCommand({ FunctionName: 'order-processor', DestinationConfig: { OnFailure: {} } }));
    assert.deepEqual(u3.DestinationConfig?.OnFailure, {}, 'an empty destination removes it');
    await expectLambdaError(
      lambda.send(new UpdateFunctionEventInvokeConfigCommand({ FunctionName: 'report-builder', MaximumRetryAttempts: 1 })),
      'ResourceNotFoundException',
      404,
      "doesn't have an EventInvokeConfig",
    );
  });

  it('keeps one config per qualifier, lists them paged, and deletes them', async () => {
    await lambda.send(new PutFunctionEventInvokeConfigCommand({ FunctionName: 'hello-world', Qualifier: '1', MaximumEventAgeInSeconds: 60 }));
    await lambda.send(new PutFunctionEventInvokeConfigCommand({ FunctionName: 'hello-world:$LATEST', MaximumEventAgeInSeconds: 21600 }));
    const all = await lambda.send(new ListFunctionEventInvokeConfigsCommand({ FunctionName: 'hello-world' }));
    assert.deepEqual(all.FunctionEventInvokeConfigs?.map((c) => c.FunctionArn), [`${ARN}hello-world:$LATEST`, `${ARN}hello-world:1`, `${ARN}hello-world:live`]);
    const arns: string[] = [];
    let marker: string | undefined;
    do {
      const p = await lambda.send(new ListFunctionEventInvokeConfigsCommand({ FunctionName: 'hello-world', MaxItems: 2, Marker: marker }));
      assert.ok((p.FunctionEventInvokeConfigs?.length ?? 0) <= 2);
      arns.push(...(p.FunctionEventInvokeConfigs ?? []).map((c) => c.FunctionArn!));
      marker = p.NextMarker;
    } while (marker);
    assert.equal(arns.length, 3);
    await expectLambdaError(lambda.send(new ListFunctionEventInvokeConfigsCommand({ FunctionName: 'hello-world', MaxItems: 0 })), 'InvalidParameterValueException', 400);
    await expectLambdaError(lambda.send(new ListFunctionEventInvokeConfigsCommand({ FunctionName: 'hello-world', MaxItems: 51 })), 'InvalidParameterValueException', 400, '50');
    assert.equal((await lambda.send(new ListFunctionEventInvokeConfigsCommand({ FunctionName: 'hello-world', MaxItems: 50 }))).FunctionEventInvokeConfigs?.length, 3);

    const del = await lambda.send(new DeleteFunctionEventInvokeConfigCommand({ FunctionName: 'hello-world', Qualifier: '1' }));
    assert.equal(del.$metadata.httpStatusCode, 204);
    await expectLambdaError(lambda.send(new GetFunctionEventInvokeConfigCommand({ FunctionName: 'hello-world', Qualifier: '1' })), 'ResourceNotFoundException', 404);
    await expectLambdaError(lambda.send(new DeleteFunctionEventInvokeConfigCommand({ FunctionName: 'hello-world', Qualifier: '1' })), 'ResourceNotFoundException', 404);
    await expectLambdaError(lambda.send(new PutFunctionEventInvokeConfigCommand({ FunctionName: 'hello-world', Qualifier: 'nope', MaximumRetryAttempts: 1 })), 'ResourceNotFoundException', 404);
    await expectLambdaError(lambda.send(new PutFunctionEventInvokeConfigCommand({ FunctionName: 'no-such-fn', MaximumRetryAttempts: 1 })), 'ResourceNotFoundException', 404);
  });

  describe('validation (seed 000 / 001)', () => {
    const cases: [string, Record<string, unknown>, boolean, string?][] = [
      ['MaximumRetryAttempts -1', { MaximumRetryAttempts: -1 }, false, 'greater than or equal to 0'],
      ['MaximumRetryAttempts 0', { MaximumRetryAttempts: 0 }, true],
      ['MaximumRetryAttempts 2', { MaximumRetryAttempts: 2 }, true],
      ['MaximumRetryAttempts 3', { MaximumRetryAttempts: 3 }, false, 'less than or equal to 2'],
      ['MaximumEventAgeInSeconds 59', { MaximumEventAgeInSeconds: 59 }, false, 'greater than or equal to 60'],
      ['MaximumEventAgeInSeconds 60', { MaximumEventAgeInSeconds: 60 }, true],
      ['MaximumEventAgeInSeconds 21600', { MaximumEventAgeInSeconds: 21600 }, true],
      ['MaximumEventAgeInSeconds 21601', { MaximumEventAgeInSeconds: 21601 }, false, 'less than or equal to 21600'],
      ['OnSuccess SQS', { DestinationConfig: { OnSuccess: { Destination: 'arn:aws:sqs:us-east-1:111111111111:q' } } }, true],
      ['OnSuccess SNS', { DestinationConfig: { OnSuccess: { Destination: 'arn:aws:sns:us-east-1:111111111111:t' } } }, true],
      ['OnSuccess Lambda', { DestinationConfig: { OnSuccess: { Destination: `${ARN}hello-world` } } }, true],
      ['OnSuccess EventBridge', { DestinationConfig: { OnSuccess: { Destination: 'arn:aws:events:us-east-1:111111111111:event-bus/default' } } }, true],
      ['OnSuccess S3', { DestinationConfig: { OnSuccess: { Destination: 'arn:aws:s3:::bucket' } } }, false, 'is invalid'],
      ['OnFailure S3', { DestinationConfig: { OnFailure: { Destination: 'arn:aws:s3:::bucket' } } }, true],
      ['OnFailure DynamoDB', { DestinationConfig: { OnFailure: { Destination: 'arn:aws:dynamodb:us-east-1:111111111111:table/t' } } }, false, 'is invalid'],
      ['Destination not an ARN', { DestinationConfig: { OnFailure: { Destination: 'my-queue' } } }, false, 'regular expression pattern'],
      ['Destination 350', { DestinationConfig: { OnFailure: { Destination: `arn:aws:sqs:us-east-1:111111111111:${'q'.repeat(315)}` } } }, true],
      ['Destination 351', { DestinationConfig: { OnFailure: { Destination: `arn:aws:sqs:us-east-1:111111111111:${'q'.repeat(316)}` } } }, false, 'less than or equal to 350'],
    ];
    for (const [label, body, ok, message] of cases) {
      it(`${ok ? 'accepts' : 'refuses'} ${label} (Put and Update)`, async () => {
        for (const Command of [PutFunctionEventInvokeConfigCommand, UpdateFunctionEventInvokeConfigCommand]) {
          const p = lambda.send(new Command({ FunctionName: 'json-logger', ...body }));
          if (ok) {
            const out = await p;
            assert.equal(out.$metadata.httpStatusCode, 200);
          } else {
            await expectLambdaError(p, 'InvalidParameterValueException', 400, message);
          }
        }
      });
    }

    it('checks FunctionName (140, no dot, name 64) and Qualifier (1..128, pattern)', async () => {
      const put = (FunctionName: string, Qualifier?: string): Promise<unknown> => lambda.send(new PutFunctionEventInvokeConfigCommand({ FunctionName, Qualifier, MaximumRetryAttempts: 1 }));
      // 47 (ARN prefix) + 10 + 1 + 82 = 140
      const arn140 = `${ARN}hello-wrld:${'q'.repeat(82)}`;
      assert.equal(arn140.length, 140);
      await expectLambdaError(put(arn140), 'ResourceNotFoundException', 404);
      await expectLambdaError(put(`${arn140}q`), 'InvalidParameterValueException', 400, 'less than or equal to 140');
      await expectLambdaError(put('dotted.name'), 'InvalidParameterValueException', 400, 'regular expression pattern');
      await expectLambdaError(put('a'.repeat(64)), 'ResourceNotFoundException', 404);
      await expectLambdaError(put('a'.repeat(65)), 'InvalidParameterValueException', 400);
      await expectLambdaError(put('hello-world', 'q'.repeat(128)), 'ResourceNotFoundException', 404);
      await expectLambdaError(put('hello-world', 'q'.repeat(129)), 'InvalidParameterValueException', 400, 'less than or equal to 128');
      await expectLambdaError(put('hello-world', 'a/b'), 'InvalidParameterValueException', 400, 'regular expression pattern');
      await expectLambdaError(
        lambda.send(new UpdateFunctionEventInvokeConfigCommand({ FunctionName: `${arn140}q`, MaximumRetryAttempts: 1 })),
        'InvalidParameterValueException',
        400,
        '140',
      );
    });
  });
});
