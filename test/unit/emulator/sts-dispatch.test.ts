import * as assert from 'node:assert/strict';
import { DescribeLogGroupsCommand } from '@aws-sdk/client-cloudwatch-logs';
import { ListFunctionsCommand } from '@aws-sdk/client-lambda';
import { ListRegistriesCommand } from '@aws-sdk/client-schemas';
import { GetCallerIdentityCommand } from '@aws-sdk/client-sts';
import { DEMO_ACCOUNT, DEMO_FUNCTIONS, Emulator, KNOWN_KEYS, OTHER_ACCOUNT, startEmulator } from '../../emulator';
import { logsClient, schemasClient, stsClient } from '../../emulator/services/testing';
import { expectLambdaError, lambdaClient, rawRequest, signedRequest } from '../../emulator/testing';

const demoKey = KNOWN_KEYS.find((k) => k.profile === 'demo')!;
const STS_BODY = 'Action=GetCallerIdentity&Version=2011-06-15';
const FORM = { 'content-type': 'application/x-www-form-urlencoded; charset=utf-8' };

describe('Lambda emulator: STS and the dispatch of services on one port', function () {
  this.timeout(15000);
  let emu: Emulator;

  before(async () => {
    emu = await startEmulator({ seed: 'demo' });
  });
  after(async () => {
    await emu.stop();
  });
  beforeEach(() => {
    emu.faults.clear();
    emu.clearRequests();
  });

  describe('STS GetCallerIdentity', () => {
    it('answers the account, ARN and user id of each fixture profile', async () => {
      const seen: Record<string, { Account?: string; Arn?: string; UserId?: string }> = {};
      for (const profile of ['demo', 'default', 'other'] as const) {
        const sts = stsClient(emu, { profile });
        try {
          seen[profile] = await sts.send(new GetCallerIdentityCommand({}));
        } finally {
          sts.destroy();
        }
      }
      assert.equal(seen.demo.Account, DEMO_ACCOUNT);
      assert.equal(seen.demo.Arn, `arn:aws:iam::${DEMO_ACCOUNT}:user/demo`);
      assert.match(seen.demo.UserId ?? '', /^AIDA[A-Z2-7]{17}$/);
      assert.equal(seen.default.Account, DEMO_ACCOUNT);
      assert.equal(seen.default.Arn, `arn:aws:iam::${DEMO_ACCOUNT}:user/default`);
      assert.notEqual(seen.default.UserId, seen.demo.UserId);
      assert.equal(seen.other.Account, OTHER_ACCOUNT);
      assert.equal(seen.other.Arn, `arn:aws:iam::${OTHER_ACCOUNT}:user/other`);
      assert.deepEqual(
        emu.requests.map((r) => [r.service, r.operation, r.status, r.account]),
        [
          ['sts', 'GetCallerIdentity', 200, DEMO_ACCOUNT],
          ['sts', 'GetCallerIdentity', 200, DEMO_ACCOUNT],
          ['sts', 'GetCallerIdentity', 200, OTHER_ACCOUNT],
        ],
      );
    });

    it('answers in XML as the Query protocol does, errors included', async () => {
      const ok = await signedRequest(emu.endpoint, { method: 'POST', path: '/', body: STS_BODY, headers: FORM, service: 'sts' }, demoKey);
      assert.equal(ok.status, 200);
      assert.equal(ok.headers['content-type'], 'text/xml');
      assert.match(ok.text, /^<GetCallerIdentityResponse xmlns="https:\/\/sts\.amazonaws\.com\/doc\/2011-06-15\/">/);
      assert.match(ok.text, new RegExp(`<RequestId>${ok.headers['x-amzn-requestid']}</RequestId>`));
      const unknownAction = await signedRequest(emu.endpoint, { method: 'POST', path: '/', body: 'Action=AssumeRole&Version=2011-06-15', headers: FORM, service: 'sts' }, demoKey);
      assert.equal(unknownAction.status, 400);
      assert.match(unknownAction.text, /<Code>InvalidAction<\/Code>/);
      assert.match(unknownAction.text, /<Type>Sender<\/Type>/);

      const unknown = stsClient(emu, { profile: 'unknown' });
      try {
        await expectLambdaError(unknown.send(new GetCallerIdentityCommand({})), 'InvalidClientTokenId', 403, 'The security token included in the request is invalid.');
      } finally {
        unknown.destroy();
      }
      const tampered = await signedRequest(emu.endpoint, { method: 'POST', path: '/', body: STS_BODY, headers: FORM, service: 'sts' }, demoKey, 'us-east-1', (r) => {
        r.body = 'Action=GetCallerIdentity&Version=2011-06-15&x=1';
      });
      assert.equal(tampered.status, 403);
      assert.match(tampered.text, /<Code>SignatureDoesNotMatch<\/Code>/);
    });

    it('throttles and denies on request (faults)', async () => {
      const sts = stsClient(emu);
      try {
        emu.faults.set('GetCallerIdentity', { throttle: true, times: 1 });
        await expectLambdaError(sts.send(new GetCallerIdentityCommand({})), 'Throttling', 400, 'Rate exceeded');
        emu.faults.set('GetCallerIdentity', { denied: true, times: 1 });
        await expectLambdaError(sts.send(new GetCallerIdentityCommand({})), 'AccessDenied', 403, 'sts:GetCallerIdentity');
        emu.faults.set('GetCallerIdentity', { drop: true, times: 1 });
        await assert.rejects(sts.send(new GetCallerIdentityCommand({})));
        assert.equal(emu.requests.at(-1)?.status, 0);
        assert.equal((await sts.send(new GetCallerIdentityCommand({}))).Account, DEMO_ACCOUNT);
      } finally {
        sts.destroy();
      }
    });
  });

  describe('dispatch', () => {
    it('serves Lambda, CloudWatch Logs, Schemas and STS on the same port, by the signature service', async () => {
      const lambda = lambdaClient(emu);
      const logs = logsClient(emu);
      const schemas = schemasClient(emu);
      const sts = stsClient(emu);
      try {
        const [fns, groups, registries, me] = await Promise.all([
          lambda.send(new ListFunctionsCommand({})),
          logs.send(new DescribeLogGroupsCommand({})),
          schemas.send(new ListRegistriesCommand({})),
          sts.send(new GetCallerIdentityCommand({})),
        ]);
        assert.equal(fns.Functions?.length, DEMO_FUNCTIONS[DEMO_ACCOUNT]['us-east-1'].length);
        assert.deepEqual(groups.logGroups, []);
        assert.deepEqual(registries.Registries?.map((r) => r.RegistryName), ['lambda-testevent-schemas']);
        assert.equal(me.Account, DEMO_ACCOUNT);
      } finally {
        lambda.destroy();
        logs.destroy();
        schemas.destroy();
        sts.destroy();
      }
      assert.deepEqual(
        emu.requests.map((r) => `${r.service ?? 'lambda'}:${r.operation}`).sort(),
        ['lambda:ListFunctions', 'logs:DescribeLogGroups', 'schemas:ListRegistries', 'sts:GetCallerIdentity'],
      );
      const text = JSON.stringify(emu.requests);
      assert.ok(!text.includes(demoKey.secretAccessKey));
      assert.ok(!/Signature=|authorization/i.test(text));
    });

    it('answers a service it does not serve as AWS answers an unknown operation, in the request protocol', async () => {
      const json = await signedRequest(
        emu.endpoint,
        { method: 'POST', path: '/', body: '{}', headers: { 'content-type': 'application/x-amz-json-1.0', 'x-amz-target': 'DynamoDB_20120810.ListTables' }, service: 'dynamodb' },
        demoKey,
      );
      assert.equal(json.status, 400);
      assert.equal((json.json as { __type: string }).__type, 'UnknownOperationException');
      const query = await signedRequest(emu.endpoint, { method: 'POST', path: '/', body: 'Action=ListQueues&Version=2012-11-05', headers: FORM, service: 'sqs' }, demoKey);
      assert.equal(query.status, 400);
      assert.match(query.text, /<Code>InvalidAction<\/Code>/);
      const rest = await signedRequest(emu.endpoint, { method: 'GET', path: '/v1/buckets' }, demoKey, 'us-east-1', (r) => {
        r.headers.authorization = r.headers.authorization.replace('/lambda/', '/s3/');
      });
      assert.equal(rest.status, 404);
      assert.equal(rest.headers['x-amzn-errortype'], 'UnknownOperationException');
      assert.deepEqual(
        emu.requests.map((r) => [r.service, r.operation]),
        [
          ['dynamodb', 'Unknown'],
          ['sqs', 'Unknown'],
          ['s3', 'Unknown'],
        ],
      );
      // A Lambda path signed for another service is Lambda's to answer (wrong credential scope).
      const scoped = await signedRequest(emu.endpoint, { method: 'GET', path: '/2015-03-31/functions' }, demoKey, 'us-east-1', (r) => {
        r.headers.authorization = r.headers.authorization.replace('/lambda/', '/logs/');
      });
      assert.equal(scoped.status, 403);
      assert.equal(scoped.headers['x-amzn-errortype'], 'InvalidSignatureException');
    });

    it('tells unsigned requests apart by their protocol', async () => {
      const logs = await rawRequest(emu.endpoint, { method: 'POST', path: '/', body: '{}', headers: { 'content-type': 'application/x-amz-json-1.1', 'x-amz-target': 'Logs_20140328.DescribeLogGroups' } });
      assert.equal((logs.json as { __type: string }).__type, 'MissingAuthenticationTokenException');
      const schemas = await rawRequest(emu.endpoint, { method: 'GET', path: '/v1/registries' });
      assert.equal(schemas.status, 403);
      assert.equal(schemas.headers['x-amzn-errortype'], 'MissingAuthenticationTokenException');
      const sts = await rawRequest(emu.endpoint, { method: 'POST', path: '/', body: STS_BODY, headers: FORM });
      assert.equal(sts.status, 403);
      assert.match(sts.text, /<Code>MissingAuthenticationToken<\/Code>/);
      const lambda = await rawRequest(emu.endpoint, { method: 'GET', path: '/2015-03-31/functions' });
      assert.equal(lambda.headers['x-amzn-errortype'], 'MissingAuthenticationTokenException');
      assert.deepEqual(
        emu.requests.map((r) => r.service ?? 'lambda'),
        ['logs', 'schemas', 'sts', 'lambda'],
      );
    });
  });
});
