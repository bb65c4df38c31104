import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import {
  GetFunctionCommand,
  GetFunctionConfigurationCommand,
  GetFunctionUrlConfigCommand,
  ListFunctionUrlConfigsCommand,
  ListFunctionsCommand,
  ListVersionsByFunctionCommand,
  PublishVersionCommand,
} from '@aws-sdk/client-lambda';
import { DEMO_ACCOUNT, DEMO_FUNCTIONS, DEMO_REGION, EU_REGION, fixtures } from '../../emulator';
import { emulatorForSuite, expectLambdaError, lambdaClient } from '../../emulator/testing';

const ARN = `arn:aws:lambda:us-east-1:${DEMO_ACCOUNT}:function:`;

describe("Lambda emulator: today's function configuration, versions and URLs", function () {
  this.timeout(20000);
  const suite = emulatorForSuite();

  it('DEMO_FUNCTIONS names exactly the function folders of each account and region', () => {
    const found: Record<string, Record<string, string[]>> = {};
    for (const name of fs.readdirSync(fixtures.functionsDir)) {
      const file = path.join(fixtures.functionsDir, name, 'function.json');
      if (name.startsWith('_') || !fs.existsSync(file)) {
        continue;
      }
      const { account, region } = JSON.parse(fs.readFileSync(file, 'utf8')) as { account: string; region: string };
      ((found[account] ??= {})[region] ??= []).push(name);
    }
    for (const regions of Object.values(found)) {
      for (const names of Object.values(regions)) {
        names.sort();
      }
    }
    assert.deepEqual(found, JSON.parse(JSON.stringify(DEMO_FUNCTIONS)));
  });

  it('answers TenancyConfig, CapacityProviderConfig, DurableConfig and LoggingConfig in the SDK shapes', async () => {
    const tenant = await suite.lambda.send(new GetFunctionConfigurationCommand({ FunctionName: 'tenant-notes' }));
    assert.deepEqual(tenant.TenancyConfig, { TenantIsolationMode: 'PER_TENANT' });
    assert.equal(tenant.CapacityProviderConfig, undefined);
    assert.equal(tenant.DurableConfig, undefined);

    const fleet = await suite.lambda.send(new GetFunctionConfigurationCommand({ FunctionName: 'fleet-worker' }));
    assert.deepEqual(fleet.CapacityProviderConfig, {
      LambdaManagedInstancesCapacityProviderConfig: {
        CapacityProviderArn: `arn:aws:lambda:us-east-1:${DEMO_ACCOUNT}:capacity-provider:demo-fleet`,
        PerExecutionEnvironmentMaxConcurrency: 16,
        ExecutionEnvironmentMemoryGiBPerVCpu: 2,
      },
    });
    assert.equal(fleet.TenancyConfig, undefined);

    const workflow = await suite.lambda.send(new GetFunctionConfigurationCommand({ FunctionName: 'order-workflow', Qualifier: 'live' }));
    assert.deepEqual(workflow.DurableConfig, { ExecutionTimeout: 3600, RetentionPeriodInDays: 7 });
    assert.equal(workflow.Version, '1');
    assert.deepEqual(workflow.LoggingConfig, { LogFormat: 'JSON', ApplicationLogLevel: 'DEBUG', SystemLogLevel: 'INFO', LogGroup: '/workflows/order-workflow' });

    const hello = await suite.lambda.send(new GetFunctionConfigurationCommand({ FunctionName: 'hello-world' }));
    assert.deepEqual(hello.LoggingConfig, { LogFormat: 'Text', LogGroup: '/aws/lambda/hello-world' });
    const json = await suite.lambda.send(new GetFunctionConfigurationCommand({ FunctionName: 'json-logger' }));
    assert.deepEqual(json.LoggingConfig, { LogFormat: 'JSON', ApplicationLogLevel: 'INFO', SystemLogLevel: 'INFO', LogGroup: '/aws/lambda/json-logger' });
    for (const c of [hello, json, tenant]) {
      assert.equal(c.TenancyConfig === undefined, c.FunctionName !== 'tenant-notes');
      assert.equal(c.DurableConfig, undefined);
      assert.equal(c.CapacityProviderConfig, undefined);
    }
  });

  it('answers SnapStart: ApplyOn, and OptimizationStatus On for published versions only', async () => {
    const latest = await suite.lambda.send(new GetFunctionConfigurationCommand({ FunctionName: 'plain-printer' }));
    assert.deepEqual(latest.SnapStart, { ApplyOn: 'PublishedVersions', OptimizationStatus: 'Off' });
    const v1 = await suite.lambda.send(new GetFunctionConfigurationCommand({ FunctionName: 'plain-printer', Qualifier: '1' }));
    assert.deepEqual(v1.SnapStart, { ApplyOn: 'PublishedVersions', OptimizationStatus: 'On' });
    const hello = await suite.lambda.send(new GetFunctionConfigurationCommand({ FunctionName: 'hello-world', Qualifier: '1' }));
    assert.deepEqual(hello.SnapStart, { ApplyOn: 'None', OptimizationStatus: 'Off' });
    assert.equal(latest.Runtime, 'python3.13');
    assert.equal(latest.Handler, 'lambda_function.lambda_handler');
  });

  it('answers State, LastUpdateStatus (with reasons) and RuntimeVersionConfig as a definition gives them', async () => {
    suite.emu.store.addFunction({
      name: 'pending-fn',
      codeDir: path.join(fixtures.functionsDir, 'hello-world'),
      state: 'Pending',
      stateReason: 'The function is being created.',
      stateReasonCode: 'Creating',
      lastUpdateStatus: 'InProgress',
      lastUpdateStatusReason: 'The function is being created.',
      lastUpdateStatusReasonCode: 'Creating' as 'EniLimitExceeded',
      runtimeVersionArn: 'arn:aws:lambda:us-east-1::runtime:0123456789abcdef',
    });
    try {
      const c = await suite.lambda.send(new GetFunctionConfigurationCommand({ FunctionName: 'pending-fn' }));
      assert.equal(c.State, 'Pending');
      assert.equal(c.StateReason, 'The function is being created.');
      assert.equal(c.StateReasonCode, 'Creating');
      assert.equal(c.LastUpdateStatus, 'InProgress');
      assert.equal(c.LastUpdateStatusReason, 'The function is being created.');
      assert.equal(c.LastUpdateStatusReasonCode, 'Creating');
      assert.deepEqual(c.RuntimeVersionConfig, { RuntimeVersionArn: 'arn:aws:lambda:us-east-1::runtime:0123456789abcdef' });
      const active = await suite.lambda.send(new GetFunctionCommand({ FunctionName: 'hello-world' }));
      assert.equal(active.Configuration?.State, 'Active');
      assert.equal(active.Configuration?.StateReason, undefined);
      assert.equal(active.Configuration?.LastUpdateStatus, 'Successful');
      assert.match(active.Configuration?.RuntimeVersionConfig?.RuntimeVersionArn ?? '', /^arn:aws:lambda:us-east-1::runtime:[0-9a-f]{64}$/);
    } finally {
      suite.emu.store.removeFunction(DEMO_ACCOUNT, DEMO_REGION, 'pending-fn');
    }
    assert.throws(() => suite.emu.store.addFunction({ name: 'bad', codeDir: '.', tenancyConfig: { TenantIsolationMode: 'SHARED' as 'PER_TENANT' } }), /TenantIsolationMode must be PER_TENANT/);
  });

  it('lists $LATEST.PUBLISHED of a Lambda Managed Instances function, and republishes it (PublishTo)', async () => {
    const versions = await suite.lambda.send(new ListVersionsByFunctionCommand({ FunctionName: 'fleet-worker' }));
    assert.deepEqual(
      versions.Versions?.map((v) => [v.Version, v.FunctionArn, v.Description]),
      [
        ['$LATEST', `${ARN}fleet-worker:$LATEST`, 'Runs on Lambda Managed Instances (a capacity provider); logs only in CloudWatch Logs'],
        ['$LATEST.PUBLISHED', `${ARN}fleet-worker:$LATEST.PUBLISHED`, 'Published for the capacity provider'],
      ],
    );
    const published = await suite.lambda.send(new GetFunctionConfigurationCommand({ FunctionName: 'fleet-worker:$LATEST.PUBLISHED' }));
    assert.equal(published.Version, '$LATEST.PUBLISHED');
    assert.equal(published.LastModified, '2026-01-14T08:05:00.000+0000');
    const all = await suite.lambda.send(new ListFunctionsCommand({ FunctionVersion: 'ALL', MaxItems: 10000 }));
    assert.deepEqual(
      all.Functions?.filter((f) => f.FunctionName === 'fleet-worker').map((f) => f.Version),
      ['$LATEST', '$LATEST.PUBLISHED'],
    );

    const before = published.RevisionId;
    const again = await suite.lambda.send(new PublishVersionCommand({ FunctionName: 'fleet-worker', PublishTo: 'LATEST_PUBLISHED', Description: 'Republished' }));
    assert.equal(again.Version, '$LATEST.PUBLISHED');
    assert.equal(again.FunctionArn, `${ARN}fleet-worker:$LATEST.PUBLISHED`);
    assert.equal(again.Description, 'Republished');
    assert.notEqual(again.RevisionId, before);
    assert.equal((await suite.lambda.send(new ListVersionsByFunctionCommand({ FunctionName: 'fleet-worker' }))).Versions?.length, 2, 'republished in place');
    await expectLambdaError(
      suite.lambda.send(new PublishVersionCommand({ FunctionName: 'hello-world', PublishTo: 'LATEST_PUBLISHED' })),
      'InvalidParameterValueException',
      400,
      'capacity provider',
    );
    await expectLambdaError(suite.lambda.send(new GetFunctionConfigurationCommand({ FunctionName: 'hello-world', Qualifier: '$LATEST.PUBLISHED' })), 'ResourceNotFoundException', 404);
  });

  it('answers GetFunctionUrlConfig with InvokeMode, and 404 when a function has no URL', async () => {
    const stream = await suite.lambda.send(new GetFunctionUrlConfigCommand({ FunctionName: 'story-streamer' }));
    assert.equal(stream.InvokeMode, 'RESPONSE_STREAM');
    assert.equal(stream.AuthType, 'AWS_IAM');
    assert.equal(stream.FunctionArn, `${ARN}story-streamer`);
    assert.match(stream.FunctionUrl ?? '', /^https:\/\/[0-9a-f]{32}\.lambda-url\.us-east-1\.on\.aws\/$/);
    assert.equal(stream.CreationTime, '2026-01-16T09:05:00.000Z');
    assert.equal(stream.LastModifiedTime, '2026-01-16T09:05:00.000Z');
    for (const name of ['bulk-streamer', 'broken-streamer', 'html-streamer']) {
      assert.equal((await suite.lambda.send(new GetFunctionUrlConfigCommand({ FunctionName: name }))).InvokeMode, 'RESPONSE_STREAM', name);
    }
    const html = await suite.lambda.send(new GetFunctionUrlConfigCommand({ FunctionName: 'html-streamer' }));
    assert.deepEqual(html.Cors, { AllowOrigins: ['*'], AllowMethods: ['GET'] });
    const buffered = await suite.lambda.send(new GetFunctionUrlConfigCommand({ FunctionName: 'hello-world' }));
    assert.equal(buffered.InvokeMode, 'BUFFERED');
    assert.equal(buffered.AuthType, 'NONE');
    assert.notEqual(buffered.FunctionUrl, stream.FunctionUrl);

    await expectLambdaError(suite.lambda.send(new GetFunctionUrlConfigCommand({ FunctionName: 'chatty-logger' })), 'ResourceNotFoundException', 404, 'The resource you requested does not exist.');
    await expectLambdaError(suite.lambda.send(new GetFunctionUrlConfigCommand({ FunctionName: 'hello-world', Qualifier: 'live' })), 'ResourceNotFoundException', 404);
    await expectLambdaError(suite.lambda.send(new GetFunctionUrlConfigCommand({ FunctionName: 'no-such-fn' })), 'ResourceNotFoundException', 404, 'Function not found');
    await expectLambdaError(suite.lambda.send(new GetFunctionUrlConfigCommand({ FunctionName: 'hello-world', Qualifier: '1' })), 'InvalidParameterValueException', 400, 'qualifier');
  });

  it('lists function URLs (ListFunctionUrlConfigs), paged', async () => {
    const fn = suite.emu.store.getFunction(DEMO_ACCOUNT, DEMO_REGION, 'hello-world')!;
    suite.emu.store.putFunctionUrl(fn, { qualifier: 'live', authType: 'AWS_IAM', invokeMode: 'RESPONSE_STREAM' });
    try {
      const first = await suite.lambda.send(new ListFunctionUrlConfigsCommand({ FunctionName: 'hello-world', MaxItems: 1 }));
      assert.equal(first.FunctionUrlConfigs?.length, 1);
      assert.equal(first.FunctionUrlConfigs?.[0].FunctionArn, `${ARN}hello-world`);
      assert.ok(first.NextMarker);
      const second = await suite.lambda.send(new ListFunctionUrlConfigsCommand({ FunctionName: 'hello-world', Marker: first.NextMarker }));
      assert.deepEqual(second.FunctionUrlConfigs?.map((u) => [u.FunctionArn, u.InvokeMode]), [[`${ARN}hello-world:live`, 'RESPONSE_STREAM']]);
      assert.equal(second.NextMarker, undefined);
      const alias = await suite.lambda.send(new GetFunctionUrlConfigCommand({ FunctionName: 'hello-world', Qualifier: 'live' }));
      assert.equal(alias.InvokeMode, 'RESPONSE_STREAM');
    } finally {
      fn.functionUrls.delete('live');
    }
    assert.deepEqual((await suite.lambda.send(new ListFunctionUrlConfigsCommand({ FunctionName: 'chatty-logger' }))).FunctionUrlConfigs, []);
    await expectLambdaError(suite.lambda.send(new ListFunctionUrlConfigsCommand({ FunctionName: 'hello-world', MaxItems: 51 })), 'InvalidParameterValueException', 400, 'maxItems');
    const eu = lambdaClient(suite.emu, { region: EU_REGION });
    try {
      await expectLambdaError(eu.send(new ListFunctionUrlConfigsCommand({ FunctionName: 'hello-world' })), 'ResourceNotFoundException', 404);
    } finally {
      eu.destroy();
    }
  });
});
