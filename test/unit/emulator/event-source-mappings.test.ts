import * as assert from 'node:assert/strict';
import {
  GetEventSourceMappingCommand,
  LambdaClient,
  ListEventSourceMappingsCommand,
  UpdateEventSourceMappingCommand,
  UpdateEventSourceMappingCommandInput,
} from '@aws-sdk/client-lambda';
import { DEMO_MAPPINGS, Emulator, KNOWN_KEYS, startEmulator } from '../../emulator';
import { expectLambdaError, lambdaClient, rawRequest, signedRequest } from '../../emulator/testing';

const ARN = 'arn:aws:lambda:us-east-1:111111111111:function:';
const DELAY = 150;
const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

describe('Lambda emulator: event source mappings', function () {
  this.timeout(10000);
  let emu: Emulator;
  let lambda: LambdaClient;
  const update = (input: Omit<UpdateEventSourceMappingCommandInput, 'UUID'>, uuid: string = DEMO_MAPPINGS.ordersQueue) =>
    lambda.send(new UpdateEventSourceMappingCommand({ UUID: uuid, ...input }));
  /** Puts a mapping back to a settled state so the next update is accepted. */
  const settle = (uuid: string, state: 'Enabled' | 'Disabled' = 'Enabled'): void => {
    emu.store.setMappingState(uuid, state);
  };

  before(async () => {
    emu = await startEmulator({ stateDelayMs: DELAY });
    lambda = lambdaClient(emu);
  });
  after(async () => {
    lambda.destroy();
    await emu.stop();
  });

  describe('listing and reading', () => {
    it('lists the demo mappings of us-east-1 and eu-west-1', async () => {
      const us = await lambda.send(new ListEventSourceMappingsCommand({}));
      assert.deepEqual(
        us.EventSourceMappings?.map((m) => [m.UUID, m.EventSourceArn, m.FunctionArn, m.State, m.BatchSize]),
        [
          [DEMO_MAPPINGS.auditQueue, 'arn:aws:sqs:us-east-1:111111111111:audit-queue', `${ARN}json-logger`, 'Creating', 10],
          [DEMO_MAPPINGS.ordersQueue, 'arn:aws:sqs:us-east-1:111111111111:orders-queue', `${ARN}order-processor`, 'Enabled', 10],
          [DEMO_MAPPINGS.usersStream, 'arn:aws:dynamodb:us-east-1:111111111111:table/users/stream/2026-01-01T00:00:00.000', `${ARN}hello-world`, 'Enabled', 100],
        ],
      );
      const eu = lambdaClient(emu, { region: 'eu-west-1' });
      const other = lambdaClient(emu, { profile: 'other' });
      try {
        const euList = await eu.send(new ListEventSourceMappingsCommand({}));
        assert.deepEqual(euList.EventSourceMappings?.map((m) => [m.UUID, m.State, m.EventSourceArn]), [
          [DEMO_MAPPINGS.clickstream, 'Disabled', 'arn:aws:kinesis:eu-west-1:111111111111:stream/clickstream'],
        ]);
        assert.deepEqual((await other.send(new ListEventSourceMappingsCommand({}))).EventSourceMappings, []);
      } finally {
        eu.destroy();
        other.destroy();
      }
    });

    it('filters by FunctionName (name or ARN) and EventSourceArn', async () => {
      const byName = await lambda.send(new ListEventSourceMappingsCommand({ FunctionName: 'order-processor' }));
      assert.deepEqual(byName.EventSourceMappings?.map((m) => m.UUID), [DEMO_MAPPINGS.ordersQueue]);
      const byArn = await lambda.send(new ListEventSourceMappingsCommand({ FunctionName: `${ARN}hello-world` }));
      assert.deepEqual(byArn.EventSourceMappings?.map((m) => m.UUID), [DEMO_MAPPINGS.usersStream]);
      const bySource = await lambda.send(new ListEventSourceMappingsCommand({ EventSourceArn: 'arn:aws:sqs:us-east-1:111111111111:audit-queue' }));
      assert.deepEqual(bySource.EventSourceMappings?.map((m) => m.UUID), [DEMO_MAPPINGS.auditQueue]);
      const both = await lambda.send(new ListEventSourceMappingsCommand({ FunctionName: 'order-processor', EventSourceArn: 'arn:aws:sqs:us-east-1:111111111111:audit-queue' }));
      assert.deepEqual(both.EventSourceMappings, []);
      assert.deepEqual((await lambda.send(new ListEventSourceMappingsCommand({ FunctionName: 'nothing-here' }))).EventSourceMappings, []);
      await expectLambdaError(lambda.send(new ListEventSourceMappingsCommand({ FunctionName: 'bad name' })), 'InvalidParameterValueException', 400);
      await expectLambdaError(lambda.send(new ListEventSourceMappingsCommand({ EventSourceArn: 'queue' })), 'InvalidParameterValueException', 400, 'eventSourceArn');
    });

    it('pages at most 100 a page with Marker/NextMarker', async () => {
      const local = await startEmulator({ seed: 'none' });
      const client = lambdaClient(local);
      try {
        for (let i = 0; i < 250; i++) {
          local.store.addMapping({
            uuid: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
            account: '111111111111',
            region: 'us-east-1',
            eventSourceArn: `arn:aws:sqs:us-east-1:111111111111:q-${i}`,
            functionArn: `${ARN}f`,
            state: 'Enabled',
            settings: { BatchSize: 10, MaximumBatchingWindowInSeconds: 0, FunctionResponseTypes: [] },
          });
        }
        const sizes: number[] = [];
        const uuids: string[] = [];
        let marker: string | undefined;
        do {
          const p = await client.send(new ListEventSourceMappingsCommand({ MaxItems: 10000, Marker: marker }));
          sizes.push(p.EventSourceMappings?.length ?? 0);
          uuids.push(...(p.EventSourceMappings ?? []).map((m) => m.UUID!));
          marker = p.NextMarker;
        } while (marker);
        assert.deepEqual(sizes, [100, 100, 50]);
        assert.equal(new Set(uuids).size, 250);
        assert.equal((await client.send(new ListEventSourceMappingsCommand({ MaxItems: 7 }))).EventSourceMappings?.length, 7);
        await expectLambdaError(client.send(new ListEventSourceMappingsCommand({ MaxItems: 0 })), 'InvalidParameterValueException', 400);
        await expectLambdaError(client.send(new ListEventSourceMappingsCommand({ MaxItems: 10001 })), 'InvalidParameterValueException', 400);
      } finally {
        client.destroy();
        await local.stop();
      }
    });

    it('gets one mapping with its whole shape', async () => {
      const sqs = await lambda.send(new GetEventSourceMappingCommand({ UUID: DEMO_MAPPINGS.ordersQueue }));
      assert.equal(sqs.BatchSize, 10);
      assert.equal(sqs.MaximumBatchingWindowInSeconds, 0);
      assert.equal(sqs.StartingPosition, undefined);
      assert.equal(sqs.ParallelizationFactor, undefined);
      assert.equal(sqs.StateTransitionReason, 'USER_INITIATED');
      assert.ok(sqs.LastModified instanceof Date);
      assert.equal(sqs.EventSourceMappingArn, `arn:aws:lambda:us-east-1:111111111111:event-source-mapping:${DEMO_MAPPINGS.ordersQueue}`);
      const stream = await lambda.send(new GetEventSourceMappingCommand({ UUID: DEMO_MAPPINGS.usersStream }));
      assert.equal(stream.StartingPosition, 'LATEST');
      assert.equal(stream.BatchSize, 100);
      assert.equal(stream.MaximumBatchingWindowInSeconds, 1);
      assert.equal(stream.ParallelizationFactor, 1);
      assert.equal(stream.MaximumRecordAgeInSeconds, -1);
      assert.equal(stream.MaximumRetryAttempts, -1);
      assert.equal(stream.BisectBatchOnFunctionError, false);
      assert.equal(stream.TumblingWindowInSeconds, 0);
      assert.deepEqual(stream.DestinationConfig, { OnFailure: {} });
      await expectLambdaError(lambda.send(new GetEventSourceMappingCommand({ UUID: 'aaaaaaaa-0000-4000-8000-000000000000' })), 'ResourceNotFoundException', 404);
      await expectLambdaError(lambda.send(new GetEventSourceMappingCommand({ UUID: DEMO_MAPPINGS.clickstream })), 'ResourceNotFoundException', 404, 'does not exist');
    });
  });

  describe('state transitions', () => {
    it('an update answers 202 with the whole mapping in Updating, then Enabled after the delay', async () => {
      settle(DEMO_MAPPINGS.ordersQueue);
      const out = await update({ BatchSize: 5 });
      assert.equal(out.$metadata.httpStatusCode, 202);
      assert.equal(out.UUID, DEMO_MAPPINGS.ordersQueue);
      assert.equal(out.State, 'Updating');
      assert.equal(out.BatchSize, 5);
      assert.equal(out.EventSourceArn, 'arn:aws:sqs:us-east-1:111111111111:orders-queue');
      assert.equal(out.FunctionArn, `${ARN}order-processor`);
      await expectLambdaError(update({ BatchSize: 6 }), 'ResourceInUseException', 400, 'Updating');
      await sleep(DELAY + 100);
      const after = await lambda.send(new GetEventSourceMappingCommand({ UUID: DEMO_MAPPINGS.ordersQueue }));
      assert.equal(after.State, 'Enabled');
      assert.equal(after.BatchSize, 5);
    });

    it('Enabled:false goes Disabling → Disabled; Enabled:true goes Enabling → Enabled', async () => {
      settle(DEMO_MAPPINGS.ordersQueue);
      assert.equal((await update({ Enabled: false })).State, 'Disabling');
      await expectLambdaError(update({ Enabled: true }), 'ResourceInUseException', 400, 'Disabling');
      await sleep(DELAY + 100);
      assert.equal((await lambda.send(new GetEventSourceMappingCommand({ UUID: DEMO_MAPPINGS.ordersQueue }))).State, 'Disabled');
      assert.equal((await update({ Enabled: true })).State, 'Enabling');
      await expectLambdaError(update({ BatchSize: 3 }), 'ResourceInUseException', 400, 'Enabling');
      await sleep(DELAY + 100);
      assert.equal((await lambda.send(new GetEventSourceMappingCommand({ UUID: DEMO_MAPPINGS.ordersQueue }))).State, 'Enabled');
      // A disabled mapping updated without Enabled stays disabled.
      const eu = lambdaClient(emu, { region: 'eu-west-1' });
      try {
        const out = await eu.send(new UpdateEventSourceMappingCommand({ UUID: DEMO_MAPPINGS.clickstream, ParallelizationFactor: 2 }));
        assert.equal(out.State, 'Updating');
        await sleep(DELAY + 100);
        assert.equal((await eu.send(new GetEventSourceMappingCommand({ UUID: DEMO_MAPPINGS.clickstream }))).State, 'Disabled');
      } finally {
        eu.destroy();
      }
    });

    it('refuses to update audit-queue while Creating; the store and the control endpoint set states', async () => {
      await expectLambdaError(update({ BatchSize: 2 }, DEMO_MAPPINGS.auditQueue), 'ResourceInUseException', 400, 'Creating');
      const r = await rawRequest(emu.endpoint, {
        method: 'POST',
        path: '/__emulator/mapping-state',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ uuid: DEMO_MAPPINGS.auditQueue, state: 'Enabled' }),
      });
      assert.equal(r.status, 200);
      assert.equal((r.json as { State: string }).State, 'Enabled');
      assert.equal((await update({ BatchSize: 2 }, DEMO_MAPPINGS.auditQueue)).State, 'Updating');
      emu.store.setMappingState(DEMO_MAPPINGS.auditQueue, 'Deleting');
      await expectLambdaError(update({ BatchSize: 3 }, DEMO_MAPPINGS.auditQueue), 'ResourceInUseException', 400, 'Deleting');
      settle(DEMO_MAPPINGS.auditQueue);
      const bad = await rawRequest(emu.endpoint, { method: 'POST', path: '/__emulator/mapping-state', body: JSON.stringify({ uuid: DEMO_MAPPINGS.auditQueue, state: 'Sleeping' }) });
      assert.equal(bad.status, 400);
    });

    it('changes the function of a mapping', async () => {
      settle(DEMO_MAPPINGS.ordersQueue);
      const out = await update({ FunctionName: 'hello-world:live' });
      assert.equal(out.FunctionArn, `${ARN}hello-world:live`);
      settle(DEMO_MAPPINGS.ordersQueue);
      assert.equal((await update({ FunctionName: `${ARN}order-processor` })).FunctionArn, `${ARN}order-processor`);
      settle(DEMO_MAPPINGS.ordersQueue);
      await expectLambdaError(update({ FunctionName: 'no-such-function' }), 'ResourceNotFoundException', 404);
      await expectLambdaError(update({ FunctionName: 'bad name' }), 'InvalidParameterValueException', 400, 'regular expression pattern');
      await expectLambdaError(update({ FunctionName: `${ARN}hello-wrld:${'q'.repeat(83)}` }), 'InvalidParameterValueException', 400, 'less than or equal to 140');
      await expectLambdaError(update({ FunctionName: `${ARN}hello-wrld:${'q'.repeat(82)}` }), 'ResourceNotFoundException', 404);
    });
  });

  describe('validation (seed 003 / 004)', () => {
    type Case = [string, Omit<UpdateEventSourceMappingCommandInput, 'UUID'>, boolean, string?];
    const run = (uuid: string, cases: Case[]): void => {
      for (const [label, body, ok, message] of cases) {
        it(`${ok ? 'accepts' : 'refuses'} ${label}`, async () => {
          settle(uuid);
          const p = update(body, uuid);
          if (ok) {
            assert.equal((await p).$metadata.httpStatusCode, 202);
          } else {
            await expectLambdaError(p, 'InvalidParameterValueException', 400, message);
          }
          settle(uuid);
        });
      }
    };

    describe('on the SQS mapping orders-queue', () => {
      run(DEMO_MAPPINGS.ordersQueue, [
        ['BatchSize 0', { BatchSize: 0 }, false, 'greater than or equal to 1'],
        ['BatchSize 1', { BatchSize: 1 }, true],
        ['BatchSize 10 without a batching window', { BatchSize: 10, MaximumBatchingWindowInSeconds: 0 }, true],
        ['BatchSize 11 without a batching window', { BatchSize: 11, MaximumBatchingWindowInSeconds: 0 }, false, 'Maximum batch window in seconds must be greater than 0'],
        ['BatchSize 10000 with a 1 s window', { BatchSize: 10000, MaximumBatchingWindowInSeconds: 1 }, true],
        ['BatchSize 10001', { BatchSize: 10001, MaximumBatchingWindowInSeconds: 1 }, false, 'less than or equal to 10000'],
        ['MaximumBatchingWindowInSeconds -1', { MaximumBatchingWindowInSeconds: -1 }, false, 'greater than or equal to 0'],
        ['MaximumBatchingWindowInSeconds 0', { BatchSize: 10, MaximumBatchingWindowInSeconds: 0 }, true],
        ['MaximumBatchingWindowInSeconds 300', { MaximumBatchingWindowInSeconds: 300 }, true],
        ['MaximumBatchingWindowInSeconds 301', { MaximumBatchingWindowInSeconds: 301 }, false, 'less than or equal to 300'],
        ['ScalingConfig.MaximumConcurrency 1', { ScalingConfig: { MaximumConcurrency: 1 } }, false, 'greater than or equal to 2'],
        ['ScalingConfig.MaximumConcurrency 2', { ScalingConfig: { MaximumConcurrency: 2 } }, true],
        ['ScalingConfig.MaximumConcurrency 1000', { ScalingConfig: { MaximumConcurrency: 1000 } }, true],
        ['ScalingConfig.MaximumConcurrency 1001', { ScalingConfig: { MaximumConcurrency: 1001 } }, false, 'less than or equal to 1000'],
        ['FunctionResponseTypes []', { FunctionResponseTypes: [] }, true],
        ['FunctionResponseTypes [ReportBatchItemFailures]', { FunctionResponseTypes: ['ReportBatchItemFailures'] }, true],
        ['FunctionResponseTypes [Other]', { FunctionResponseTypes: ['Other' as 'ReportBatchItemFailures'] }, false, 'enum value set'],
        ['FunctionResponseTypes with 2 items', { FunctionResponseTypes: ['ReportBatchItemFailures', 'ReportBatchItemFailures'] }, false, 'less than or equal to 1'],
        ['a filter pattern', { FilterCriteria: { Filters: [{ Pattern: '{"body":{"type":["order"]}}' }] } }, true],
        ['5 filters', { FilterCriteria: { Filters: Array.from({ length: 5 }, (_, i) => ({ Pattern: `{"n":[${i}]}` })) } }, true],
        ['6 filters', { FilterCriteria: { Filters: Array.from({ length: 6 }, (_, i) => ({ Pattern: `{"n":[${i}]}` })) } }, false, 'limit of 5'],
        ['a filter pattern that is not JSON', { FilterCriteria: { Filters: [{ Pattern: 'type = order' }] } }, false, 'Invalid filter pattern'],
        ['a filter pattern over 4096 characters', { FilterCriteria: { Filters: [{ Pattern: `{"a":["${'x'.repeat(4090)}"]}` }] } }, false, 'less than or equal to 4096'],
        ['22 SourceAccessConfigurations', { SourceAccessConfigurations: Array.from({ length: 22 }, (_, i) => ({ Type: 'VPC_SUBNET', URI: `subnet:s-${i}` })) }, true],
        ['23 SourceAccessConfigurations', { SourceAccessConfigurations: Array.from({ length: 23 }, (_, i) => ({ Type: 'VPC_SUBNET', URI: `subnet:s-${i}` })) }, false, 'less than or equal to 22'],
        ['a SourceAccessConfiguration of unknown Type', { SourceAccessConfigurations: [{ Type: 'PASSWORD' as 'BASIC_AUTH', URI: 'x' }] }, false, 'enum value set'],
        // Stream-only settings, refused for SQS with the field named.
        ['BisectBatchOnFunctionError', { BisectBatchOnFunctionError: true }, false, 'Unsupported parameter BisectBatchOnFunctionError'],
        ['MaximumRecordAgeInSeconds', { MaximumRecordAgeInSeconds: 60 }, false, 'Unsupported parameter MaximumRecordAgeInSeconds'],
        ['MaximumRetryAttempts', { MaximumRetryAttempts: 1 }, false, 'Unsupported parameter MaximumRetryAttempts'],
        ['ParallelizationFactor', { ParallelizationFactor: 2 }, false, 'Unsupported parameter ParallelizationFactor'],
        ['TumblingWindowInSeconds', { TumblingWindowInSeconds: 10 }, false, 'Unsupported parameter TumblingWindowInSeconds'],
        ['DestinationConfig', { DestinationConfig: { OnFailure: { Destination: 'arn:aws:sqs:us-east-1:111111111111:dlq' } } }, false, 'Unsupported parameter DestinationConfig'],
      ]);

      it('refuses StartingPosition for SQS (sent raw: the SDK has no such update field)', async () => {
        const key = KNOWN_KEYS.find((k) => k.profile === 'demo')!;
        settle(DEMO_MAPPINGS.ordersQueue);
        const r = await signedRequest(emu.endpoint, { method: 'PUT', path: `/2015-03-31/event-source-mappings/${DEMO_MAPPINGS.ordersQueue}`, body: JSON.stringify({ StartingPosition: 'LATEST' }) }, key);
        assert.equal(r.status, 400);
        assert.equal(r.headers['x-amzn-errortype'], 'InvalidParameterValueException');
        assert.match((r.json as { message: string }).message, /Unsupported parameter StartingPosition/);
      });

      it('keeps the accepted settings', async () => {
        settle(DEMO_MAPPINGS.ordersQueue);
        const out = await update({ BatchSize: 50, MaximumBatchingWindowInSeconds: 5, FunctionResponseTypes: ['ReportBatchItemFailures'], ScalingConfig: { MaximumConcurrency: 5 } });
        assert.equal(out.BatchSize, 50);
        assert.equal(out.MaximumBatchingWindowInSeconds, 5);
        assert.deepEqual(out.FunctionResponseTypes, ['ReportBatchItemFailures']);
        assert.deepEqual(out.ScalingConfig, { MaximumConcurrency: 5 });
        settle(DEMO_MAPPINGS.ordersQueue);
        await update({ BatchSize: 10, MaximumBatchingWindowInSeconds: 0, FunctionResponseTypes: [] });
        settle(DEMO_MAPPINGS.ordersQueue);
      });

      it('limits a FIFO queue to BatchSize 10', async () => {
        const uuid = 'f1f0f1f0-0000-4000-8000-000000000001';
        emu.store.addMapping({
          uuid,
          account: '111111111111',
          region: 'us-east-1',
          eventSourceArn: 'arn:aws:sqs:us-east-1:111111111111:orders.fifo',
          functionArn: `${ARN}order-processor`,
          state: 'Enabled',
          settings: { BatchSize: 10, MaximumBatchingWindowInSeconds: 0, FunctionResponseTypes: [] },
        });
        settle(uuid);
        assert.equal((await update({ BatchSize: 10 }, uuid)).BatchSize, 10);
        settle(uuid);
        await expectLambdaError(update({ BatchSize: 11, MaximumBatchingWindowInSeconds: 1 }, uuid), 'InvalidParameterValueException', 400, 'FIFO');
      });
    });

    describe('on the DynamoDB stream mapping users', () => {
      run(DEMO_MAPPINGS.usersStream, [
        ['BatchSize 10000', { BatchSize: 10000 }, true],
        ['BatchSize 11 with no batching window', { BatchSize: 11, MaximumBatchingWindowInSeconds: 0 }, false, 'Maximum batch window'],
        ['MaximumRecordAgeInSeconds -2', { MaximumRecordAgeInSeconds: -2 }, false, 'greater than or equal to -1'],
        ['MaximumRecordAgeInSeconds -1', { MaximumRecordAgeInSeconds: -1 }, true],
        ['MaximumRecordAgeInSeconds 0', { MaximumRecordAgeInSeconds: 0 }, false, '-1 (infinite)'],
        ['MaximumRecordAgeInSeconds 59', { MaximumRecordAgeInSeconds: 59 }, false, '-1 (infinite)'],
        ['MaximumRecordAgeInSeconds 60', { MaximumRecordAgeInSeconds: 60 }, true],
        ['MaximumRecordAgeInSeconds 604800', { MaximumRecordAgeInSeconds: 604800 }, true],
        ['MaximumRecordAgeInSeconds 604801', { MaximumRecordAgeInSeconds: 604801 }, false, 'less than or equal to 604800'],
        ['MaximumRetryAttempts -2', { MaximumRetryAttempts: -2 }, false, 'greater than or equal to -1'],
        ['MaximumRetryAttempts -1', { MaximumRetryAttempts: -1 }, true],
        ['MaximumRetryAttempts 10000', { MaximumRetryAttempts: 10000 }, true],
        ['MaximumRetryAttempts 10001', { MaximumRetryAttempts: 10001 }, false, 'less than or equal to 10000'],
        ['ParallelizationFactor 0', { ParallelizationFactor: 0 }, false, 'greater than or equal to 1'],
        ['ParallelizationFactor 1', { ParallelizationFactor: 1 }, true],
        ['ParallelizationFactor 10', { ParallelizationFactor: 10 }, true],
        ['ParallelizationFactor 11', { ParallelizationFactor: 11 }, false, 'less than or equal to 10'],
        ['TumblingWindowInSeconds -1', { TumblingWindowInSeconds: -1 }, false, 'greater than or equal to 0'],
        ['TumblingWindowInSeconds 0', { TumblingWindowInSeconds: 0 }, true],
        ['TumblingWindowInSeconds 900', { TumblingWindowInSeconds: 900 }, true],
        ['TumblingWindowInSeconds 901', { TumblingWindowInSeconds: 901 }, false, 'less than or equal to 900'],
        ['BisectBatchOnFunctionError', { BisectBatchOnFunctionError: true }, true],
        ['an OnFailure SQS destination', { DestinationConfig: { OnFailure: { Destination: 'arn:aws:sqs:us-east-1:111111111111:users-dlq' } } }, true],
        ['an OnFailure Lambda destination', { DestinationConfig: { OnFailure: { Destination: `${ARN}hello-world` } } }, false, 'OnFailure destination'],
        ['an OnSuccess destination', { DestinationConfig: { OnSuccess: { Destination: 'arn:aws:sqs:us-east-1:111111111111:done' } } }, false, 'OnSuccess'],
        ['ScalingConfig (SQS only)', { ScalingConfig: { MaximumConcurrency: 5 } }, false, 'Unsupported parameter ScalingConfig'],
      ]);

      it('keeps the accepted stream settings', async () => {
        settle(DEMO_MAPPINGS.usersStream);
        const out = await update(
          { MaximumRetryAttempts: 3, MaximumRecordAgeInSeconds: 3600, BisectBatchOnFunctionError: true, DestinationConfig: { OnFailure: { Destination: 'arn:aws:sqs:us-east-1:111111111111:users-dlq' } } },
          DEMO_MAPPINGS.usersStream,
        );
        assert.equal(out.MaximumRetryAttempts, 3);
        assert.equal(out.MaximumRecordAgeInSeconds, 3600);
        assert.equal(out.BisectBatchOnFunctionError, true);
        assert.deepEqual(out.DestinationConfig, { OnFailure: { Destination: 'arn:aws:sqs:us-east-1:111111111111:users-dlq' } });
        assert.equal(out.StartingPosition, 'LATEST');
        settle(DEMO_MAPPINGS.usersStream);
      });
    });
  });
});
