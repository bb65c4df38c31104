import * as assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { DeleteFunctionCommand, GetFunctionCommand, InvokeCommand, LambdaClient, ListFunctionsCommand } from '@aws-sdk/client-lambda';
import { DEMO_ACCOUNT, DEMO_FUNCTIONS, DEMO_REGION, Emulator, KNOWN_KEYS, OTHER_ACCOUNT, UNKNOWN_KEY, fixtures, startEmulator } from '../../emulator';
import { expectLambdaError, lambdaClient, rawRequest, signedRequest, staticClient } from '../../emulator/testing';

const demoKey = KNOWN_KEYS.find((k) => k.profile === 'demo')!;
const DEMO_COUNT = DEMO_FUNCTIONS[DEMO_ACCOUNT][DEMO_REGION].length;
const names = async (client: LambdaClient): Promise<string[]> => ((await client.send(new ListFunctionsCommand({}))).Functions ?? []).map((f) => f.FunctionName ?? '');

describe('Lambda emulator: SigV4, profiles, faults, control endpoint', function () {
  this.timeout(15000);
  let emu: Emulator;

  before(async () => {
    emu = await startEmulator();
  });
  after(async () => {
    await emu.stop();
  });
  beforeEach(() => {
    emu.faults.clear();
    emu.clearRequests();
  });

  describe('fixtures and signatures', () => {
    it('ships the fixture files with the four profiles', () => {
      const creds = fs.readFileSync(fixtures.credentialsFile, 'utf8');
      const config = fs.readFileSync(fixtures.configFile, 'utf8');
      for (const p of ['[demo]', '[other]', '[default]', '[unknown]']) {
        assert.ok(creds.includes(p), p);
      }
      for (const p of ['[profile demo]', '[profile other]', '[profile unknown]', '[default]']) {
        assert.ok(config.includes(p), p);
      }
      assert.ok(creds.includes(UNKNOWN_KEY.accessKeyId));
      for (const k of KNOWN_KEYS) {
        assert.ok(creds.includes(k.accessKeyId) && creds.includes(k.secretAccessKey), k.profile);
      }
    });

    it('maps profiles to accounts: demo and default see 111111111111, other sees 222222222222', async () => {
      const demo = lambdaClient(emu, { profile: 'demo' });
      const def = lambdaClient(emu, { profile: 'default' });
      const other = lambdaClient(emu, { profile: 'other' });
      try {
        const demoNames = await names(demo);
        assert.equal(demoNames.length, DEMO_COUNT);
        assert.deepEqual(await names(def), demoNames);
        assert.deepEqual(await names(other), ['other-account-fn']);
        const out = await other.send(new InvokeCommand({ FunctionName: 'other-account-fn' }));
        assert.deepEqual(JSON.parse(Buffer.from(out.Payload!).toString()), { account: OTHER_ACCOUNT, message: 'Hello from the other account' });
        await expectLambdaError(other.send(new GetFunctionCommand({ FunctionName: 'hello-world' })), 'ResourceNotFoundException', 404);
        await expectLambdaError(
          other.send(new GetFunctionCommand({ FunctionName: `arn:aws:lambda:us-east-1:${DEMO_ACCOUNT}:function:hello-world` })),
          'AccessDeniedException',
          403,
        );
        assert.deepEqual(
          emu.requests.map((r) => r.account),
          [DEMO_ACCOUNT, DEMO_ACCOUNT, OTHER_ACCOUNT, OTHER_ACCOUNT, OTHER_ACCOUNT, OTHER_ACCOUNT],
        );
      } finally {
        demo.destroy();
        def.destroy();
        other.destroy();
      }
    });

    it('refuses an unknown key with 403 UnrecognizedClientException', async () => {
      const unknown = lambdaClient(emu, { profile: 'unknown' });
      try {
        await expectLambdaError(unknown.send(new ListFunctionsCommand({})), 'UnrecognizedClientException', 403, 'The security token included in the request is invalid.');
      } finally {
        unknown.destroy();
      }
      assert.equal(emu.requests[0].accessKeyId, UNKNOWN_KEY.accessKeyId);
      assert.equal(emu.requests[0].status, 403);
    });

    it('refuses a wrong secret or a tampered request with 403 InvalidSignatureException', async () => {
      const wrong = staticClient(emu, demoKey.accessKeyId, 'not-the-secret');
      try {
        await expectLambdaError(wrong.send(new ListFunctionsCommand({})), 'InvalidSignatureException', 403, 'The request signature we calculated does not match');
      } finally {
        wrong.destroy();
      }
      const good = await signedRequest(emu.endpoint, { method: 'GET', path: '/2015-03-31/functions/hello-world', query: { Qualifier: 'live' } }, demoKey);
      assert.equal(good.status, 200);
      const tamperedQuery = await signedRequest(emu.endpoint, { method: 'GET', path: '/2015-03-31/functions/hello-world', query: { Qualifier: 'live' } }, demoKey, 'us-east-1', (r) => {
        r.query.Qualifier = '1';
      });
      assert.equal(tamperedQuery.status, 403);
      assert.equal(tamperedQuery.headers['x-amzn-errortype'], 'InvalidSignatureException');
      const tamperedBody = await signedRequest(
        emu.endpoint,
        { method: 'POST', path: '/2015-03-31/functions/hello-world/invocations', body: '{"name":"a"}' },
        demoKey,
        'us-east-1',
        (r) => {
          r.body = '{"name":"b"}';
        },
      );
      assert.equal(tamperedBody.status, 403);
      assert.equal(tamperedBody.headers['x-amzn-errortype'], 'InvalidSignatureException');
      const otherService = await signedRequest(emu.endpoint, { method: 'GET', path: '/2015-03-31/functions' }, demoKey, 'us-east-1', (r) => {
        r.headers.authorization = r.headers.authorization.replace('/lambda/', '/s3/');
      });
      assert.equal(otherService.status, 403);
      const unsigned = await rawRequest(emu.endpoint, { method: 'GET', path: '/2015-03-31/functions' });
      assert.equal(unsigned.status, 403);
      assert.equal(unsigned.headers['x-amzn-errortype'], 'MissingAuthenticationTokenException');
    });

    it('records requests with region and key, never the signature or the secret', async () => {
      const eu = lambdaClient(emu, { region: 'eu-west-1' });
      try {
        assert.deepEqual(await names(eu), ['eu-image-resizer', 'eu-stream-consumer']);
      } finally {
        eu.destroy();
      }
      assert.equal(emu.requests.length, 1);
      const r = emu.requests[0];
      assert.equal(r.operation, 'ListFunctions');
      assert.equal(r.method, 'GET');
      assert.equal(r.path, '/2015-03-31/functions');
      assert.equal(r.region, 'eu-west-1');
      assert.equal(r.accessKeyId, demoKey.accessKeyId);
      assert.equal(r.status, 200);
      assert.match(r.time, /^\d{4}-\d{2}-\d{2}T/);
      const text = JSON.stringify(emu.requests);
      assert.ok(!text.includes(demoKey.secretAccessKey));
      assert.ok(!/Signature|authorization/i.test(text));
    });
  });

  describe('faults', () => {
    it('throttles: the SDK retries (visible in the record) and succeeds', async () => {
      emu.faults.set('ListFunctions', { throttle: true, times: 2, retryAfterSeconds: 0 });
      const client = lambdaClient(emu, { maxAttempts: 3 });
      try {
        const out = await client.send(new ListFunctionsCommand({}));
        assert.equal(out.$metadata.attempts, 3);
        assert.equal(out.Functions?.length, DEMO_COUNT);
      } finally {
        client.destroy();
      }
      assert.deepEqual(
        emu.requests.map((r) => [r.operation, r.status]),
        [
          ['ListFunctions', 429],
          ['ListFunctions', 429],
          ['ListFunctions', 200],
        ],
      );
      assert.deepEqual(emu.faults.list(), [], 'times: 2 cleared itself');
    });

    it('throttles with TooManyRequestsException, Reason and Retry-After', async () => {
      emu.faults.set('GetFunction', { throttle: true, reason: 'ReservedFunctionConcurrentInvocationLimitExceeded', retryAfterSeconds: 2 });
      const client = lambdaClient(emu);
      try {
        const err = await expectLambdaError(client.send(new GetFunctionCommand({ FunctionName: 'hello-world' })), 'TooManyRequestsException', 429, 'Rate exceeded');
        assert.equal(err.Reason, 'ReservedFunctionConcurrentInvocationLimitExceeded');
        assert.equal(err.retryAfterSeconds, '2');
        assert.equal(err.Type, 'User');
        // Other operations are untouched.
        assert.equal((await client.send(new ListFunctionsCommand({}))).$metadata.httpStatusCode, 200);
      } finally {
        client.destroy();
      }
    });

    it('answers 500 ServiceException and 502 with a named error', async () => {
      const client = lambdaClient(emu);
      try {
        emu.faults.set('ListFunctions', { status: 500, times: 1 });
        await expectLambdaError(client.send(new ListFunctionsCommand({})), 'ServiceException', 500);
        const invocations = emu.store.invocations.length;
        emu.faults.set('Invoke', { status: 502, error: 'ResourceNotReadyException', message: 'Function is not ready', times: 1 });
        await expectLambdaError(client.send(new InvokeCommand({ FunctionName: 'hello-world' })), 'ResourceNotReadyException', 502, 'Function is not ready');
        assert.equal(emu.store.invocations.length, invocations, 'the faulted Invoke ran nothing');
      } finally {
        client.destroy();
      }
    });

    it('drops the connection', async () => {
      emu.faults.set('ListFunctions', { drop: true });
      const client = lambdaClient(emu);
      let caught: Error | undefined;
      try {
        await client.send(new ListFunctionsCommand({}));
      } catch (e) {
        caught = e as Error;
      } finally {
        client.destroy();
      }
      assert.ok(caught, 'the call failed');
      assert.match(`${caught.name} ${caught.message} ${String((caught as { code?: string }).code)}`, /socket hang up|ECONNRESET|aborted/i);
      assert.equal(emu.requests.length, 1);
      assert.equal(emu.requests[0].status, 0);
    });

    it('adds latency, drips a slow body, and applies "*" to every operation', async () => {
      const client = lambdaClient(emu);
      try {
        emu.faults.set('GetFunction', { latencyMs: 300, times: 1 });
        let t0 = performance.now();
        await client.send(new GetFunctionCommand({ FunctionName: 'hello-world' }));
        assert.ok(performance.now() - t0 >= 290, 'latency applied');
        emu.faults.set('GetFunction', { slowBodyMs: 300, times: 1 });
        t0 = performance.now();
        const out = await client.send(new GetFunctionCommand({ FunctionName: 'hello-world' }));
        assert.ok(performance.now() - t0 >= 250, 'body dripped');
        assert.equal(out.Configuration?.FunctionName, 'hello-world');
        emu.faults.set('*', { status: 503, error: 'ServiceUnavailableException' });
        const err = await expectLambdaError(client.send(new GetFunctionCommand({ FunctionName: 'hello-world' })), 'ServiceUnavailableException', 503);
        assert.equal(err.$metadata?.httpStatusCode, 503);
        emu.faults.clear('*');
        assert.equal((await client.send(new ListFunctionsCommand({}))).$metadata.httpStatusCode, 200);
      } finally {
        client.destroy();
      }
    });

    it('answers an operation it does not implement with 404 UnknownOperationException', async () => {
      const client = lambdaClient(emu);
      try {
        await expectLambdaError(client.send(new DeleteFunctionCommand({ FunctionName: 'hello-world' })), 'UnknownOperationException', 404, 'Unknown operation: DELETE');
      } finally {
        client.destroy();
      }
      assert.equal(emu.requests[0].operation, 'Unknown');
    });
  });

  describe('control endpoint', () => {
    it('serves health, requests, faults, seed', async () => {
      const health = await rawRequest(emu.endpoint, { method: 'GET', path: '/__emulator/health' });
      assert.equal(health.status, 200);
      assert.equal((health.json as { status: string }).status, 'ok');
      assert.equal((health.json as { endpoint: string }).endpoint, emu.endpoint);

      const set = await rawRequest(emu.endpoint, { method: 'POST', path: '/__emulator/faults', body: JSON.stringify({ operation: 'ListFunctions', status: 500, times: 1 }) });
      assert.equal(set.status, 200);
      assert.deepEqual((set.json as { faults: unknown[] }).faults, [{ operation: 'ListFunctions', status: 500, times: 1 }]);
      const client = lambdaClient(emu);
      try {
        await expectLambdaError(client.send(new ListFunctionsCommand({})), 'ServiceException', 500);
        await rawRequest(emu.endpoint, { method: 'POST', path: '/__emulator/faults', body: JSON.stringify({ operation: '*', throttle: true }) });
        assert.equal((await rawRequest(emu.endpoint, { method: 'DELETE', path: '/__emulator/faults' })).status, 204);
        assert.equal(emu.faults.list().length, 0);

        const reqs = await rawRequest(emu.endpoint, { method: 'GET', path: '/__emulator/requests' });
        const list = (reqs.json as { requests: { operation: string; status: number }[] }).requests;
        assert.deepEqual(list.map((r) => [r.operation, r.status]), [['ListFunctions', 500]], 'control calls are not recorded');
        assert.equal((await rawRequest(emu.endpoint, { method: 'DELETE', path: '/__emulator/requests' })).status, 204);
        assert.equal(emu.requests.length, 0);

        const seeded = await rawRequest(emu.endpoint, { method: 'POST', path: '/__emulator/seed', body: JSON.stringify({ synthetic: 20, region: 'eu-west-1' }) });
        assert.equal(seeded.status, 200);
        assert.equal((seeded.json as { added: number }).added, 20);
        const eu = lambdaClient(emu, { region: 'eu-west-1' });
        try {
          const euNames = await names(eu);
          assert.equal(euNames.length, 22);
          assert.ok(euNames.includes('synthetic-fn-00020'));
          const echo = await eu.send(new InvokeCommand({ FunctionName: 'synthetic-fn-00007', Payload: '{"ping":1}' }));
          assert.deepEqual(JSON.parse(Buffer.from(echo.Payload!).toString()), { function: 'synthetic-fn-00007', echo: { ping: 1 } });
        } finally {
          eu.destroy();
        }
      } finally {
        client.destroy();
      }
      const badFault = await rawRequest(emu.endpoint, { method: 'POST', path: '/__emulator/faults', body: JSON.stringify({ status: 500 }) });
      assert.equal(badFault.status, 400);
      const unknownRoute = await rawRequest(emu.endpoint, { method: 'GET', path: '/__emulator/nothing' });
      assert.equal(unknownRoute.status, 404);
      assert.ok(unknownRoute.json, 'JSON, not HTML');
    });
  });

  describe('CLI', () => {
    it('starts, prints the endpoint and the fixture files, and stops on SIGINT', async () => {
      const cli = path.resolve(__dirname, '../../emulator/cli.js');
      const child = spawn(process.execPath, [cli, '--port', '0', '--quiet', '--state-delay', '100'], { stdio: ['ignore', 'pipe', 'pipe'] });
      let out = '';
      child.stdout.on('data', (c: Buffer) => {
        out += c.toString();
      });
      try {
        const endpoint = await new Promise<string>((resolve, reject) => {
          const timer = setTimeout(() => reject(new Error(`no endpoint line in: ${out}`)), 8000);
          child.stdout.on('data', () => {
            const m = /Lambda emulator listening on (http:\/\/127\.0\.0\.1:\d+)\n/.exec(out);
            if (m && out.includes('Control endpoint:')) {
              clearTimeout(timer);
              resolve(m[1]);
            }
          });
        });
        assert.ok(out.includes(fixtures.credentialsFile));
        assert.ok(out.includes(fixtures.configFile));
        assert.match(out, /--profile demo/);
        const health = await rawRequest(endpoint, { method: 'GET', path: '/__emulator/health' });
        assert.equal((health.json as { status: string }).status, 'ok');
        const client = lambdaClient({ endpoint });
        try {
          assert.equal((await names(client)).length, DEMO_COUNT);
        } finally {
          client.destroy();
        }
        const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
        child.kill('SIGINT');
        assert.equal(await exited, 0);
      } finally {
        if (child.exitCode === null) {
          child.kill('SIGKILL');
        }
      }
    });
  });
});
