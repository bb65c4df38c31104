/**
 * Explorer — switching profile and regions changes what the views list, without a manual
 * refresh; several regions give one node per region.
 */
import * as assert from 'node:assert/strict';
import type { TestHooks } from '../../../src/api';
import { DEMO_ACCOUNT, DEMO_FUNCTIONS, DEMO_REGION, EU_REGION, OTHER_ACCOUNT } from '../../emulator';
import { configure, setup } from '../support';
import { ofKind, Provider, rows } from './treeSupport';

describe('Explorer: profile and region switching', () => {
  let api: TestHooks;
  let fp: Provider;

  beforeEach(async () => {
    ({ api } = await setup());
    fp = api.views.functionsProvider;
  });

  afterEach(async () => {
    await configure({ profile: 'demo', regions: ['us-east-1'] });
  });

  it('switching to profile "other" lists the other account\'s functions only', async () => {
    assert.ok(ofKind(await rows(fp), 'function').some((r) => r.label === 'hello-world'));
    await configure({ profile: 'other' });
    const fns = ofKind(await rows(fp), 'function');
    assert.deepEqual(fns.map((r) => r.label), [...DEMO_FUNCTIONS[OTHER_ACCOUNT][DEMO_REGION]]);
    assert.equal(fns[0].id, `fn/us-east-1/arn:aws:lambda:us-east-1:${OTHER_ACCOUNT}:function:other-account-fn`);
    await configure({ profile: 'demo' });
    assert.deepEqual(ofKind(await rows(fp), 'function').map((r) => r.label), [...DEMO_FUNCTIONS[DEMO_ACCOUNT][DEMO_REGION]]);
  });

  it('switching to eu-west-1 lists its functions at the top level', async () => {
    await configure({ regions: [EU_REGION] });
    const top = await rows(fp);
    assert.deepEqual(top.map((r) => [r.label, r.contextValue]), DEMO_FUNCTIONS[DEMO_ACCOUNT][EU_REGION].map((n) => [n, 'function']));
    assert.ok(top[0].id.startsWith('fn/eu-west-1/arn:aws:lambda:eu-west-1:'));
  });

  it('both regions: a node per region, each with its own functions', async () => {
    await configure({ regions: [DEMO_REGION, EU_REGION] });
    const top = await rows(fp);
    assert.deepEqual(
      top.map((r) => [r.label, r.contextValue, r.id]),
      [
        ['us-east-1', 'region', 'region/us-east-1'],
        ['eu-west-1', 'region', 'region/eu-west-1'],
      ],
    );
    const us = await rows(fp, top[0]);
    const eu = await rows(fp, top[1]);
    assert.deepEqual(us.map((r) => r.label), [...DEMO_FUNCTIONS[DEMO_ACCOUNT][DEMO_REGION]]);
    assert.deepEqual(eu.map((r) => r.label), [...DEMO_FUNCTIONS[DEMO_ACCOUNT][EU_REGION]]);
    // The region node tells how many once the list is complete.
    const usAgain = (await rows(fp)).find((r) => r.label === 'us-east-1');
    assert.equal(usAgain?.description, `${DEMO_FUNCTIONS[DEMO_ACCOUNT][DEMO_REGION].length} total`);
  });

  it('a change while a list is loading still ends with the new connection\'s list', async () => {
    const pending = fp.getChildren(undefined);
    await configure({ profile: 'other' });
    await pending; // whatever the first call returned, it did not throw
    assert.deepEqual(ofKind(await rows(fp), 'function').map((r) => r.label), ['other-account-fn']);
  });
});
