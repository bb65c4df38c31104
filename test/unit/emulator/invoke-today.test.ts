import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { InvokeCommand, type InvokeCommandInput, InvokeWithResponseStreamCommand, PublishVersionCommand } from '@aws-sdk/client-lambda';
import { DEMO_ACCOUNT, DEMO_REGION, fixtures } from '../../emulator';
import { emulatorForSuite, expectLambdaError, logText, payloadText } from '../../emulator/testing';

const ARN = `arn:aws:lambda:us-east-1:${DEMO_ACCOUNT}:function:`;
const TENANT_MISMATCH = 'Tenant ID configuration not specified or passed to a function when tenant isolation is not enabled.';

describe('Lambda emulator: tenants, Lambda Managed Instances and durable functions', function () {
  this.timeout(20000);
  const suite = emulatorForSuite();

  /** Invoke refused with 400 InvalidParameterValueException, the message containing `message`. */
  const refused = (input: InvokeCommandInput, message: string) => expectLambdaError(suite.lambda.send(new InvokeCommand(input)), 'InvalidParameterValueException', 400, message);

  // Waits up to 60 s: an Event invocation starts a new process, slow on a busy machine.
  const until = async (check: () => boolean, what: string): Promise<void> => {
    for (let i = 0; i < 2400 && !check(); i++) {
      await new Promise((r) => setTimeout(r, 25));
    }
    assert.ok(check(), what);
  };

  describe('tenant isolation', () => {
    it('runs each tenant in its own execution environments, with context.tenantId', async () => {
      const call = async (tenant: string, note: string): Promise<{ tenantId: string; invocationsInThisEnvironment: number; notes: string[] }> => {
        const out = await suite.lambda.send(new InvokeCommand({ FunctionName: 'tenant-notes', TenantId: tenant, Payload: JSON.stringify({ note }) }));
        assert.equal(out.FunctionError, undefined);
        return JSON.parse(payloadText(out.Payload)) as { tenantId: string; invocationsInThisEnvironment: number; notes: string[] };
      };
      const pidsBefore = suite.emu.handlerPids().length;
      assert.deepEqual(await call('blue', 'b1'), { tenantId: 'blue', invocationsInThisEnvironment: 1, notes: ['b1'] });
      assert.deepEqual(await call('blue', 'b2'), { tenantId: 'blue', invocationsInThisEnvironment: 2, notes: ['b1', 'b2'] });
      assert.deepEqual(await call('green', 'g1'), { tenantId: 'green', invocationsInThisEnvironment: 1, notes: ['g1'] }, 'green never sees blue');
      assert.equal(suite.emu.handlerPids().length, pidsBefore + 2, 'one environment per tenant');
      const rec = suite.emu.store.invocations.filter((i) => i.functionArn === `${ARN}tenant-notes`).map((i) => i.tenantId);
      assert.deepEqual(rec, ['blue', 'blue', 'green']);
    });

    it('refuses an invocation without TenantId, and a TenantId for a function without tenant isolation', async () => {
      await refused({ FunctionName: 'tenant-notes' }, TENANT_MISMATCH);
      await refused({ FunctionName: 'tenant-notes', InvocationType: 'DryRun' }, TENANT_MISMATCH);
      await refused({ FunctionName: 'hello-world', TenantId: 'blue' }, TENANT_MISMATCH);
      await expectLambdaError(suite.lambda.send(new InvokeWithResponseStreamCommand({ FunctionName: 'tenant-notes' })), 'InvalidParameterValueException', 400, TENANT_MISMATCH);
      const dry = await suite.lambda.send(new InvokeCommand({ FunctionName: 'tenant-notes', TenantId: 'blue', InvocationType: 'DryRun' }));
      assert.equal(dry.StatusCode, 204);
    });

    it('checks TenantId: 1 to 256 characters of [a-zA-Z0-9._:/=+\\-@ ]', async () => {
      const ok = await suite.lambda.send(new InvokeCommand({ FunctionName: 'tenant-notes', TenantId: 'a.b_c:d/e=f+g-h@i j' }));
      assert.equal((JSON.parse(payloadText(ok.Payload)) as { tenantId: string }).tenantId, 'a.b_c:d/e=f+g-h@i j');
      const longest = await suite.lambda.send(new InvokeCommand({ FunctionName: 'tenant-notes', TenantId: 't'.repeat(256), InvocationType: 'DryRun' }));
      assert.equal(longest.StatusCode, 204);
      await refused({ FunctionName: 'tenant-notes', TenantId: 't'.repeat(257) }, "at 'tenantId' failed to satisfy constraint: Member must have length less than or equal to 256");
      await refused({ FunctionName: 'tenant-notes', TenantId: 'blue!' }, "Value 'blue!' at 'tenantId' failed to satisfy constraint: Member must satisfy regular expression pattern");
    });

    it('takes TenantId on Event invocations and on InvokeWithResponseStream', async () => {
      const ev = await suite.lambda.send(new InvokeCommand({ FunctionName: 'tenant-notes', TenantId: 'red', InvocationType: 'Event', Payload: '{"note":"later"}' }));
      assert.equal(ev.StatusCode, 202);
      const id = ev.$metadata.requestId!;
      await until(() => suite.emu.store.findInvocation(id)?.status === 'success', 'the Event invocation ran');
      assert.equal(suite.emu.store.findInvocation(id)?.tenantId, 'red');
      const out = await suite.lambda.send(new InvokeWithResponseStreamCommand({ FunctionName: 'tenant-notes', TenantId: 'red', Payload: '{}' }));
      const chunks: string[] = [];
      for await (const e of out.EventStream!) {
        if (e.PayloadChunk?.Payload) {
          chunks.push(Buffer.from(e.PayloadChunk.Payload).toString());
        }
      }
      assert.deepEqual(JSON.parse(chunks.join('')), { tenantId: 'red', invocationsInThisEnvironment: 2, notes: ['later'] });
    });

    it('puts tenantId in JSON log lines', async () => {
      suite.emu.store.addFunction({
        name: 'tenant-json',
        codeDir: path.join(fixtures.functionsDir, 'tenant-notes'),
        loggingConfig: { LogFormat: 'JSON' },
        tenancyConfig: { TenantIsolationMode: 'PER_TENANT' },
      });
      const out = await suite.lambda.send(new InvokeCommand({ FunctionName: 'tenant-json', TenantId: 'blue', LogType: 'Tail' }));
      const app = logText(out.LogResult)
        .trimEnd()
        .split('\n')
        .map((l) => JSON.parse(l) as Record<string, unknown>)
        .filter((r) => r.level === 'INFO');
      assert.deepEqual(Object.keys(app[0]), ['timestamp', 'level', 'requestId', 'tenantId', 'message']);
      assert.equal(app[0].tenantId, 'blue');
      assert.equal(app[0].requestId, out.$metadata.requestId);
    });
  });

  describe('Lambda Managed Instances', () => {
    it('refuses LogType Tail with InvalidParameterValueException', async () => {
      const err = await expectLambdaError(suite.lambda.send(new InvokeCommand({ FunctionName: 'fleet-worker', LogType: 'Tail' })), 'InvalidParameterValueException', 400);
      assert.match(err.message, /^Tail logs are not supported for functions/);
      await expectLambdaError(suite.lambda.send(new InvokeWithResponseStreamCommand({ FunctionName: 'fleet-worker', LogType: 'Tail' })), 'InvalidParameterValueException', 400, 'Tail logs are not supported for functions');
    });

    it('runs $LATEST.PUBLISHED when unqualified and answers LogResult as a reference to the CloudWatch Logs stream', async () => {
      const out = await suite.lambda.send(new InvokeCommand({ FunctionName: 'fleet-worker', Payload: '{"jobs":["a","b"]}' }));
      assert.equal(out.ExecutedVersion, '$LATEST.PUBLISHED');
      const ref = JSON.parse(logText(out.LogResult)) as { logGroup: string; logStreamName: string };
      assert.deepEqual(Object.keys(ref), ['logGroup', 'logStreamName']);
      assert.equal(ref.logGroup, '/aws/lambda/fleet-worker');
      assert.match(ref.logStreamName, /^\d{4}\/\d{2}\/\d{2}\/\[\$LATEST\.PUBLISHED\][0-9a-f]{32}$/);
      const payload = JSON.parse(payloadText(out.Payload)) as { processed: number; version: string; logStream: string };
      assert.deepEqual(payload, { processed: 2, version: '$LATEST.PUBLISHED', logStream: ref.logStreamName });
      const stream = suite.emu.store.logs.findGroup(DEMO_ACCOUNT, DEMO_REGION, ref.logGroup)?.streams.get(ref.logStreamName);
      const text = stream?.events.map((e) => e.message).join('\n') ?? '';
      assert.ok(text.includes(`START RequestId: ${out.$metadata.requestId} Version: $LATEST.PUBLISHED`), text);
      assert.ok(text.includes('\tINFO\tJob 2/2: b'), text);

      for (const q of [{ FunctionName: 'fleet-worker', Qualifier: '$LATEST.PUBLISHED' }, { FunctionName: 'fleet-worker:$LATEST.PUBLISHED' }]) {
        const again = await suite.lambda.send(new InvokeCommand(q));
        assert.equal(again.ExecutedVersion, '$LATEST.PUBLISHED');
        assert.equal((JSON.parse(logText(again.LogResult)) as { logStreamName: string }).logStreamName, ref.logStreamName, 'the warm environment');
      }
      const ev = await suite.lambda.send(new InvokeCommand({ FunctionName: 'fleet-worker', InvocationType: 'Event' }));
      assert.equal(ev.StatusCode, 202);
      assert.equal(ev.LogResult, undefined);
      const streamed = await suite.lambda.send(new InvokeWithResponseStreamCommand({ FunctionName: 'fleet-worker' }));
      assert.equal(streamed.ExecutedVersion, '$LATEST.PUBLISHED');
      let reference: string | undefined;
      for await (const e of streamed.EventStream!) {
        reference = e.InvokeComplete?.LogResult ?? reference;
      }
      assert.deepEqual(JSON.parse(logText(reference)), ref, 'InvokeComplete names the same stream');
    });

    it('answers NoPublishedVersionException until $LATEST.PUBLISHED is published', async () => {
      suite.emu.store.addFunction({
        name: 'fleet-new',
        codeDir: path.join(fixtures.functionsDir, 'fleet-worker'),
        capacityProviderConfig: { LambdaManagedInstancesCapacityProviderConfig: { CapacityProviderArn: `arn:aws:lambda:us-east-1:${DEMO_ACCOUNT}:capacity-provider:demo-fleet` } },
      });
      await expectLambdaError(suite.lambda.send(new InvokeCommand({ FunctionName: 'fleet-new' })), 'NoPublishedVersionException', 400, 'no published versions');
      await suite.lambda.send(new PublishVersionCommand({ FunctionName: 'fleet-new', PublishTo: 'LATEST_PUBLISHED' }));
      const out = await suite.lambda.send(new InvokeCommand({ FunctionName: 'fleet-new' }));
      assert.equal(out.ExecutedVersion, '$LATEST.PUBLISHED');
      assert.equal(out.FunctionError, undefined);
    });
  });

  describe('durable functions', () => {
    const ARN_RE = (version: string, name: string): RegExp =>
      new RegExp(`^arn:aws:lambda:us-east-1:${DEMO_ACCOUNT}:function:order-workflow:${version.replace(/\$/g, '\\$')}/durable-execution/${name}/[a-zA-Z0-9_-]+$`);

    it('starts a durable execution (Event, 202) and answers its DurableExecutionArn', async () => {
      const out = await suite.lambda.send(new InvokeCommand({ FunctionName: 'order-workflow:live', InvocationType: 'Event', DurableExecutionName: 'order-A-1', Payload: '{"orderId":"A-1"}' }));
      assert.equal(out.StatusCode, 202);
      assert.match(out.DurableExecutionArn ?? '', ARN_RE('1', 'order-A-1'));
      const id = out.$metadata.requestId!;
      await until(() => suite.emu.store.findInvocation(id)?.status === 'success', 'the execution ran');
      const rec = suite.emu.store.findInvocation(id)!;
      assert.equal(rec.durableExecutionArn, out.DurableExecutionArn);
      assert.deepEqual(JSON.parse(rec.payload!), { orderId: 'A-1', status: 'COMPLETED', steps: ['reserve stock', 'charge card', 'ship parcel'] });
      const execution = suite.emu.store.getFunction(DEMO_ACCOUNT, DEMO_REGION, 'order-workflow')!.durableExecutions.get('order-A-1');
      assert.equal(execution?.status, 'SUCCEEDED');

      // The same name and input again: the same execution, not a second run.
      const count = suite.emu.store.invocations.length;
      const again = await suite.lambda.send(new InvokeCommand({ FunctionName: 'order-workflow:live', DurableExecutionName: 'order-A-1', Payload: '{"orderId":"A-1"}' }));
      assert.equal(again.StatusCode, 200);
      assert.equal(again.DurableExecutionArn, out.DurableExecutionArn);
      assert.equal((JSON.parse(payloadText(again.Payload)) as { status: string }).status, 'COMPLETED');
      assert.equal(suite.emu.store.invocations.length, count);

      // The same name with another input: a conflict.
      const err = await expectLambdaError(
        suite.lambda.send(new InvokeCommand({ FunctionName: 'order-workflow:1', DurableExecutionName: 'order-A-1', Payload: '{"orderId":"A-2"}' })),
        'DurableExecutionAlreadyStartedException',
        409,
        "'order-A-1'",
      );
      assert.equal(err.Type, 'User');
    });

    it('answers a synchronous start with the result, and names an execution that has no name', async () => {
      const out = await suite.lambda.send(new InvokeCommand({ FunctionName: 'order-workflow', Qualifier: '$LATEST', Payload: '{"orderId":"S-9"}' }));
      assert.equal(out.StatusCode, 200);
      assert.equal(out.ExecutedVersion, '$LATEST');
      assert.match(out.DurableExecutionArn ?? '', ARN_RE('$LATEST', '[0-9a-f-]{36}'));
      assert.deepEqual(JSON.parse(payloadText(out.Payload)), { orderId: 'S-9', status: 'COMPLETED', steps: ['reserve stock', 'charge card', 'ship parcel'] });
    });

    it('needs a qualified name, checks DurableExecutionName, and refuses it for other functions', async () => {
      await refused({ FunctionName: 'order-workflow', InvocationType: 'Event' }, 'qualified');
      await refused({ FunctionName: 'order-workflow:live', DurableExecutionName: 'n'.repeat(65) }, "at 'durableExecutionName' failed to satisfy constraint: Member must have length less than or equal to 64");
      await refused({ FunctionName: 'order-workflow:live', DurableExecutionName: 'order 1' }, 'regular expression pattern: [a-zA-Z0-9-_]+');
      await refused({ FunctionName: 'hello-world', DurableExecutionName: 'x' }, 'durable');
      const longest = await suite.lambda.send(new InvokeCommand({ FunctionName: 'order-workflow:live', DurableExecutionName: 'n'.repeat(64), InvocationType: 'DryRun' }));
      assert.equal(longest.StatusCode, 204);
    });
  });

  it('refuses to invoke a function that is not Active yet (409, as AWS answers a Pending function)', async () => {
    suite.emu.store.addFunction({ name: 'pending-fn', codeDir: path.join(fixtures.functionsDir, 'hello-world'), state: 'Pending' });
    await expectLambdaError(
      suite.lambda.send(new InvokeCommand({ FunctionName: 'pending-fn' })),
      'ResourceConflictException',
      409,
      'The operation cannot be performed at this time. The function is currently in the following state: Pending',
    );
  });
});
