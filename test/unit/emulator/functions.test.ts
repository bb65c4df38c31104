import * as assert from 'node:assert/strict';
import {
  CreateAliasCommand,
  GetAliasCommand,
  GetFunctionCommand,
  GetFunctionConfigurationCommand,
  LambdaClient,
  ListAliasesCommand,
  ListFunctionsCommand,
  ListVersionsByFunctionCommand,
  PublishVersionCommand,
  paginateListFunctions,
} from '@aws-sdk/client-lambda';
import { DEMO_ACCOUNT, DEMO_FUNCTIONS, DEMO_REGION, Emulator, startEmulator } from '../../emulator';
import { expectLambdaError, lambdaClient, rawRequest } from '../../emulator/testing';

const US_FUNCTIONS = [...DEMO_FUNCTIONS[DEMO_ACCOUNT][DEMO_REGION]];
/** Published versions of the demo functions in us-east-1 (listed with FunctionVersion=ALL). */
const PUBLISHED_VERSIONS = 5;
const ARN = 'arn:aws:lambda:us-east-1:111111111111:function:';

describe('Lambda emulator: functions, versions, aliases', () => {
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

  describe('ListFunctions', () => {
    it('lists the demo functions of us-east-1, sorted, without State (as AWS lists)', async () => {
      const out = await lambda.send(new ListFunctionsCommand({}));
      assert.deepEqual(out.Functions?.map((f) => f.FunctionName), US_FUNCTIONS);
      assert.equal(out.NextMarker, undefined);
      const hello = out.Functions?.find((f) => f.FunctionName === 'hello-world');
      assert.equal(hello?.FunctionArn, `${ARN}hello-world`);
      assert.equal(hello?.Version, '$LATEST');
      assert.equal(hello?.State, undefined);
      assert.equal(hello?.Runtime, 'nodejs22.x');
    });

    it('lists eu-west-1 by the region of the signature, and nothing elsewhere', async () => {
      const eu = lambdaClient(emu, { region: 'eu-west-1' });
      const ap = lambdaClient(emu, { region: 'ap-southeast-2' });
      try {
        assert.deepEqual((await eu.send(new ListFunctionsCommand({}))).Functions?.map((f) => f.FunctionName), ['eu-image-resizer', 'eu-stream-consumer']);
        assert.deepEqual((await ap.send(new ListFunctionsCommand({}))).Functions, []);
      } finally {
        eu.destroy();
        ap.destroy();
      }
    });

    it('FunctionVersion=ALL adds the published versions', async () => {
      const out = await lambda.send(new ListFunctionsCommand({ FunctionVersion: 'ALL' }));
      const hello = out.Functions?.filter((f) => f.FunctionName === 'hello-world').map((f) => [f.Version, f.FunctionArn]);
      assert.deepEqual(hello, [
        ['$LATEST', `${ARN}hello-world`],
        ['1', `${ARN}hello-world:1`],
        ['2', `${ARN}hello-world:2`],
      ]);
      // Published versions: hello-world 1 and 2, order-workflow 1, plain-printer 1, fleet-worker $LATEST.PUBLISHED.
      assert.equal(out.Functions?.length, US_FUNCTIONS.length + PUBLISHED_VERSIONS);
    });

    it('pages with MaxItems and NextMarker, ignoring MasterRegion', async () => {
      const names: string[] = [];
      let marker: string | undefined;
      let pages = 0;
      do {
        const out = await lambda.send(new ListFunctionsCommand({ MaxItems: 3, Marker: marker, MasterRegion: 'ALL', FunctionVersion: 'ALL' }));
        assert.ok((out.Functions?.length ?? 0) <= 3);
        names.push(...(out.Functions ?? []).map((f) => `${f.FunctionName}:${f.Version}`));
        marker = out.NextMarker;
        pages++;
      } while (marker);
      const all = US_FUNCTIONS.length + PUBLISHED_VERSIONS;
      assert.equal(pages, Math.ceil(all / 3));
      assert.equal(names.length, all);
      assert.equal(new Set(names).size, all);
    });

    it('checks MaxItems (1..10000), FunctionVersion, MasterRegion and Marker', async () => {
      await expectLambdaError(lambda.send(new ListFunctionsCommand({ MaxItems: 0 })), 'InvalidParameterValueException', 400, "Value '0' at 'maxItems'");
      await expectLambdaError(lambda.send(new ListFunctionsCommand({ MaxItems: 10001 })), 'InvalidParameterValueException', 400, 'less than or equal to 10000');
      assert.equal((await lambda.send(new ListFunctionsCommand({ MaxItems: 1 }))).Functions?.length, 1);
      assert.equal((await lambda.send(new ListFunctionsCommand({ MaxItems: 10000 }))).Functions?.length, US_FUNCTIONS.length);
      await expectLambdaError(lambda.send(new ListFunctionsCommand({ FunctionVersion: 'LATEST' as 'ALL' })), 'InvalidParameterValueException', 400, 'enum value set: [ALL]');
      await expectLambdaError(lambda.send(new ListFunctionsCommand({ MasterRegion: 'Mars' })), 'InvalidParameterValueException', 400, 'masterRegion');
      await expectLambdaError(lambda.send(new ListFunctionsCommand({ Marker: '***' })), 'InvalidParameterValueException', 400, 'Invalid marker');
    });

    it('reaches all of 5000 synthetic functions, 50 a page', async () => {
      const local = await startEmulator({ seed: 'none' });
      const client = lambdaClient(local);
      try {
        assert.equal(local.seedSynthetic(5000), 5000);
        assert.equal(local.seedSynthetic(5000), 0, 'seeding again adds nothing');
        const names: string[] = [];
        let pages = 0;
        for await (const p of paginateListFunctions({ client }, { MaxItems: 1000 })) {
          assert.ok((p.Functions?.length ?? 0) <= 50, `page of ${p.Functions?.length}`);
          names.push(...(p.Functions ?? []).map((f) => f.FunctionName ?? ''));
          pages++;
        }
        assert.equal(names.length, 5000);
        assert.equal(new Set(names).size, 5000);
        assert.equal(pages, 100);
        assert.equal(names[0], 'synthetic-fn-00001');
        assert.equal(names[4999], 'synthetic-fn-05000');
        assert.equal(local.requests.filter((r) => r.operation === 'ListFunctions').length, 100);
      } finally {
        client.destroy();
        await local.stop();
      }
    });
  });

  describe('GetFunction and GetFunctionConfiguration', () => {
    it('returns the whole configuration of hello-world', async () => {
      const out = await lambda.send(new GetFunctionCommand({ FunctionName: 'hello-world' }));
      const c = out.Configuration!;
      assert.equal(c.FunctionName, 'hello-world');
      assert.equal(c.FunctionArn, `${ARN}hello-world`);
      assert.equal(c.Runtime, 'nodejs22.x');
      assert.equal(c.Handler, 'index.handler');
      assert.equal(c.MemorySize, 128);
      assert.equal(c.Timeout, 3);
      assert.equal(c.Description, 'Says hello to the name in the event');
      assert.equal(c.LastModified, '2026-01-10T09:00:00.000+0000');
      assert.equal(c.State, 'Active');
      assert.equal(c.LastUpdateStatus, 'Successful');
      assert.deepEqual(c.Architectures, ['arm64']);
      assert.equal(c.Version, '$LATEST');
      assert.deepEqual(c.Environment?.Variables, { GREETING_STYLE: 'friendly' });
      assert.equal(c.LoggingConfig?.LogFormat, 'Text');
      assert.deepEqual(out.Tags, { project: 'lambda-workbench-demo', team: 'greeters' });
      assert.equal(out.Code?.RepositoryType, 'S3');
      const zip = await fetch(out.Code!.Location!);
      assert.equal(zip.status, 200);
      const bytes = Buffer.from(await zip.arrayBuffer());
      assert.equal(bytes.subarray(0, 4).toString('hex'), '504b0304', 'a ZIP file');
      assert.ok(bytes.includes(Buffer.from('index.js')));
    });

    it('resolves versions and aliases, from the Qualifier or the name', async () => {
      const v1 = await lambda.send(new GetFunctionConfigurationCommand({ FunctionName: 'hello-world', Qualifier: '1' }));
      assert.equal(v1.Version, '1');
      assert.equal(v1.FunctionArn, `${ARN}hello-world:1`);
      assert.equal(v1.Description, 'First release: plain greeting');
      assert.equal(v1.LastModified, '2026-01-05T10:00:00.000+0000');
      const live = await lambda.send(new GetFunctionConfigurationCommand({ FunctionName: 'hello-world:live' }));
      assert.equal(live.Version, '2');
      assert.equal(live.FunctionArn, `${ARN}hello-world:live`);
      assert.equal(live.Description, 'Greets by name from the event');
      const latest = await lambda.send(new GetFunctionConfigurationCommand({ FunctionName: 'hello-world', Qualifier: '$LATEST' }));
      assert.equal(latest.FunctionArn, `${ARN}hello-world:$LATEST`);
      await expectLambdaError(
        lambda.send(new GetFunctionConfigurationCommand({ FunctionName: 'hello-world', Qualifier: '7' })),
        'ResourceNotFoundException',
        404,
        `Function not found: ${ARN}hello-world:7`,
      );
      await expectLambdaError(
        lambda.send(new GetFunctionConfigurationCommand({ FunctionName: 'hello-world:1', Qualifier: '2' })),
        'InvalidParameterValueException',
        400,
        'does not match',
      );
    });

    it('accepts full and partial ARNs; other regions are not reachable', async () => {
      const full = await lambda.send(new GetFunctionCommand({ FunctionName: `${ARN}order-processor` }));
      assert.equal(full.Configuration?.FunctionName, 'order-processor');
      const partial = await lambda.send(new GetFunctionCommand({ FunctionName: '111111111111:function:order-processor' }));
      assert.equal(partial.Configuration?.FunctionArn, `${ARN}order-processor`);
      await expectLambdaError(
        lambda.send(new GetFunctionCommand({ FunctionName: 'arn:aws:lambda:eu-west-1:111111111111:function:eu-image-resizer' })),
        'ResourceNotFoundException',
        404,
        "Functions from 'eu-west-1' are not reachable in this region ('us-east-1')",
      );
      await expectLambdaError(lambda.send(new GetFunctionCommand({ FunctionName: 'nope' })), 'ResourceNotFoundException', 404, `Function not found: ${ARN}nope`);
    });

    it('checks FunctionName: name 64, whole 170, pattern; Qualifier 1..128 and pattern', async () => {
      const name64 = 'a'.repeat(64);
      await expectLambdaError(lambda.send(new GetFunctionCommand({ FunctionName: name64 })), 'ResourceNotFoundException', 404);
      await expectLambdaError(lambda.send(new GetFunctionCommand({ FunctionName: 'a'.repeat(65) })), 'InvalidParameterValueException', 400, 'functionName');
      // 47 (ARN prefix) + 10 (name) + 1 + 112 (qualifier) = 170
      const arn170 = `${ARN}hello-wrld:${'q'.repeat(112)}`;
      assert.equal(arn170.length, 170);
      await expectLambdaError(lambda.send(new GetFunctionCommand({ FunctionName: arn170 })), 'ResourceNotFoundException', 404);
      await expectLambdaError(lambda.send(new GetFunctionCommand({ FunctionName: `${arn170}q` })), 'InvalidParameterValueException', 400, 'less than or equal to 170');
      await expectLambdaError(lambda.send(new GetFunctionCommand({ FunctionName: 'bad name!' })), 'InvalidParameterValueException', 400, 'regular expression pattern');
      await expectLambdaError(lambda.send(new GetFunctionCommand({ FunctionName: 'hello-world', Qualifier: 'q'.repeat(128) })), 'ResourceNotFoundException', 404);
      await expectLambdaError(lambda.send(new GetFunctionCommand({ FunctionName: 'hello-world', Qualifier: 'q'.repeat(129) })), 'InvalidParameterValueException', 400, 'less than or equal to 128');
      await expectLambdaError(lambda.send(new GetFunctionCommand({ FunctionName: 'hello-world', Qualifier: '' })), 'InvalidParameterValueException', 400, 'greater than or equal to 1');
      await expectLambdaError(lambda.send(new GetFunctionCommand({ FunctionName: 'hello-world', Qualifier: 'no spaces' })), 'InvalidParameterValueException', 400, 'regular expression pattern');
    });
  });

  describe('versions and aliases', () => {
    it('lists versions with $LATEST first, paged', async () => {
      const out = await lambda.send(new ListVersionsByFunctionCommand({ FunctionName: 'hello-world' }));
      assert.deepEqual(out.Versions?.map((v) => [v.Version, v.FunctionArn, v.Description]), [
        ['$LATEST', `${ARN}hello-world:$LATEST`, 'Says hello to the name in the event'],
        ['1', `${ARN}hello-world:1`, 'First release: plain greeting'],
        ['2', `${ARN}hello-world:2`, 'Greets by name from the event'],
      ]);
      const seen: string[] = [];
      let marker: string | undefined;
      do {
        const p = await lambda.send(new ListVersionsByFunctionCommand({ FunctionName: 'hello-world', MaxItems: 1, Marker: marker }));
        assert.equal(p.Versions?.length, 1);
        seen.push(p.Versions![0].Version!);
        marker = p.NextMarker;
      } while (marker);
      assert.deepEqual(seen, ['$LATEST', '1', '2']);
      await expectLambdaError(lambda.send(new ListVersionsByFunctionCommand({ FunctionName: 'hello-world', MaxItems: 0 })), 'InvalidParameterValueException', 400);
    });

    it('lists aliases with routing, filtered by FunctionVersion, paged', async () => {
      const out = await lambda.send(new ListAliasesCommand({ FunctionName: 'hello-world' }));
      assert.deepEqual(out.Aliases?.map((a) => [a.Name, a.FunctionVersion, a.AliasArn]), [
        ['canary', '2', `${ARN}hello-world:canary`],
        ['live', '2', `${ARN}hello-world:live`],
      ]);
      assert.deepEqual(out.Aliases?.[0].RoutingConfig?.AdditionalVersionWeights, { '1': 0.1 });
      assert.equal(out.Aliases?.[1].RoutingConfig, undefined);
      assert.equal((await lambda.send(new ListAliasesCommand({ FunctionName: 'hello-world', FunctionVersion: '2' }))).Aliases?.length, 2);
      assert.equal((await lambda.send(new ListAliasesCommand({ FunctionName: 'hello-world', FunctionVersion: '1' }))).Aliases?.length, 0);
      const first = await lambda.send(new ListAliasesCommand({ FunctionName: 'hello-world', MaxItems: 1 }));
      assert.equal(first.Aliases?.[0].Name, 'canary');
      const second = await lambda.send(new ListAliasesCommand({ FunctionName: 'hello-world', MaxItems: 1, Marker: first.NextMarker }));
      assert.equal(second.Aliases?.[0].Name, 'live');
      assert.equal(second.NextMarker, undefined);
      await expectLambdaError(lambda.send(new ListAliasesCommand({ FunctionName: 'hello-world', FunctionVersion: 'v1' })), 'InvalidParameterValueException', 400, 'functionVersion');
    });

    it('gets an alias; unknown or malformed names fail', async () => {
      const live = await lambda.send(new GetAliasCommand({ FunctionName: 'hello-world', Name: 'live' }));
      assert.equal(live.FunctionVersion, '2');
      assert.equal(live.Description, 'Production traffic');
      await expectLambdaError(lambda.send(new GetAliasCommand({ FunctionName: 'hello-world', Name: 'nope' })), 'ResourceNotFoundException', 404, `Alias not found: ${ARN}hello-world:nope`);
      await expectLambdaError(lambda.send(new GetAliasCommand({ FunctionName: 'hello-world', Name: '123' })), 'InvalidParameterValueException', 400, 'name');
    });

    it('publishes a version (201) and returns the same one while $LATEST is unchanged', async () => {
      const v = await lambda.send(new PublishVersionCommand({ FunctionName: 'order-processor', Description: 'first' }));
      assert.equal(v.$metadata.httpStatusCode, 201);
      assert.equal(v.Version, '1');
      assert.equal(v.FunctionArn, `${ARN}order-processor:1`);
      assert.equal(v.Description, 'first');
      const again = await lambda.send(new PublishVersionCommand({ FunctionName: 'order-processor' }));
      assert.equal(again.Version, '1');
      await expectLambdaError(lambda.send(new PublishVersionCommand({ FunctionName: 'order-processor', CodeSha256: 'abc' })), 'InvalidParameterValueException', 400, 'CodeSHA256');
      await expectLambdaError(lambda.send(new PublishVersionCommand({ FunctionName: 'order-processor', RevisionId: 'stale' })), 'PreconditionFailedException', 412);
      await expectLambdaError(lambda.send(new PublishVersionCommand({ FunctionName: 'order-processor', Description: 'd'.repeat(257) })), 'InvalidParameterValueException', 400, 'description');
    });

    it('creates aliases (201), with conflicts and checks', async () => {
      const a = await lambda.send(new CreateAliasCommand({ FunctionName: 'hello-world', Name: 'beta', FunctionVersion: '1', Description: 'beta testers' }));
      assert.equal(a.$metadata.httpStatusCode, 201);
      assert.equal(a.AliasArn, `${ARN}hello-world:beta`);
      assert.equal(a.FunctionVersion, '1');
      await expectLambdaError(lambda.send(new CreateAliasCommand({ FunctionName: 'hello-world', Name: 'beta', FunctionVersion: '1' })), 'ResourceConflictException', 409, 'Alias already exists');
      await expectLambdaError(lambda.send(new CreateAliasCommand({ FunctionName: 'hello-world', Name: 'x', FunctionVersion: '99' })), 'ResourceNotFoundException', 404);
      await expectLambdaError(lambda.send(new CreateAliasCommand({ FunctionName: 'hello-world', Name: '1', FunctionVersion: '1' })), 'InvalidParameterValueException', 400);
      await expectLambdaError(
        lambda.send(new CreateAliasCommand({ FunctionName: 'hello-world', Name: 'w', FunctionVersion: '2', RoutingConfig: { AdditionalVersionWeights: { '1': 1.5 } } })),
        'InvalidParameterValueException',
        400,
      );
      const weighted = await lambda.send(new CreateAliasCommand({ FunctionName: 'hello-world', Name: 'split', FunctionVersion: '2', RoutingConfig: { AdditionalVersionWeights: { '1': 0.5 } } }));
      assert.deepEqual(weighted.RoutingConfig?.AdditionalVersionWeights, { '1': 0.5 });
    });
  });

  it('answers an unknown path with a JSON UnknownOperationException, never HTML', async () => {
    const r = await rawRequest(emu.endpoint, { method: 'GET', path: '/2015-03-31/not-an-operation' });
    assert.equal(r.status, 404);
    assert.equal(r.headers['x-amzn-errortype'], 'UnknownOperationException');
    assert.match(r.headers['content-type'] ?? '', /application\/json/);
    assert.deepEqual(r.json, { Type: 'User', message: 'Unknown operation: GET /2015-03-31/not-an-operation' });
    assert.ok(r.headers['x-amzn-requestid']);
  });
});
