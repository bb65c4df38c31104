/**
 * Explorer — switching profile and regions changes what the views list, without a manual
 * refresh; several regions give one node per region. The profile picker starts on the current
 * profile, marked; the status bar's switch is one step; the account (STS GetCallerIdentity,
 * read once per connection) is in the status bar's tooltip.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { TestHooks } from '../../../src/api';
import { DEMO_ACCOUNT, DEMO_FUNCTIONS, DEMO_REGION, Emulator, EU_REGION, OTHER_ACCOUNT } from '../../emulator';
import { configure, pick, setup, waitFor, withAnswers } from '../support';
import { ofKind, Provider, rows } from './treeSupport';

describe('Explorer: profile and region switching', () => {
  let api: TestHooks;
  let emulator: Emulator;
  let fp: Provider;

  beforeEach(async () => {
    ({ api, emulator } = await setup());
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

  it('Select AWS Profile starts on the current profile, marked, with its account', async () => {
    await api.connection.account();
    const { input } = await withAnswers(
      [
        (q) => {
          const first = q.items?.[0];
          assert.equal(first?.label, '$(check) demo', `the current profile first (where the highlight starts): ${q.items?.map((i) => i.label).join(', ')}`);
          assert.match(first?.description ?? '', new RegExp(`^current · account ${DEMO_ACCOUNT}`));
          assert.equal(q.items?.filter((i) => i.label.startsWith('$(check)')).length, 1, 'one profile is marked');
          assert.ok(q.items?.some((i) => i.label === 'other'));
          assert.ok(q.items?.some((i) => i.label === '$(circle-slash) Default credential chain'));
          return undefined;
        },
      ],
      () => vscode.commands.executeCommand('lambdaWorkbench.selectProfile').then(undefined, () => undefined),
    );
    assert.equal(input.asked.length, 1);
  });

  it('the status bar\'s switch is one step: picking a profile switches to it', async () => {
    const { input } = await withAnswers(
      [
        (q) => {
          const labels = q.items?.map((i) => i.label) ?? [];
          assert.equal(labels[0], 'Profiles');
          assert.equal(labels[1], '$(check) demo');
          assert.ok(labels.includes('$(globe) Regions…'), labels.join(', '));
          return pick('other')(q);
        },
      ],
      () => vscode.commands.executeCommand('lambdaWorkbench.switchConnection'),
    );
    assert.deepEqual(input.asked, ['quickPick: Switch Profile or Region']);
    assert.equal(api.connection.profile, 'other');
    assert.deepEqual(ofKind(await rows(fp), 'function').map((r) => r.label), [...DEMO_FUNCTIONS[OTHER_ACCOUNT][DEMO_REGION]]);
  });

  it('the status bar\'s switch offers the regions too', async () => {
    const { input } = await withAnswers([pick('Regions…'), (q) => q.items?.filter((i) => i.label === EU_REGION)], () => vscode.commands.executeCommand('lambdaWorkbench.switchConnection'));
    assert.deepEqual(input.asked, ['quickPick: Switch Profile or Region', 'quickPick: Select Regions']);
    assert.deepEqual(await api.connection.regions(), [EU_REGION]);
  });

  it('the status bar\'s tooltip names the account, read once per connection with GetCallerIdentity', async () => {
    const stsCalls = () => emulator.requests.filter((r) => r.service === 'sts' && r.operation === 'GetCallerIdentity').length;
    await rows(fp);
    await waitFor('the account in the tooltip', () => api.connection.statusBarTooltip.includes(`Account: ${DEMO_ACCOUNT}`));
    const calls = stsCalls();
    await rows(fp);
    await api.connection.account();
    assert.equal(stsCalls(), calls, 'cached: no second GetCallerIdentity');
    await configure({ profile: 'other' });
    await rows(fp);
    await waitFor('the other account in the tooltip', () => api.connection.statusBarTooltip.includes(`Account: ${OTHER_ACCOUNT}`));
    assert.doesNotMatch(api.connection.statusBarTooltip, new RegExp(DEMO_ACCOUNT));
    assert.equal(await api.connection.signer(), `Account ${OTHER_ACCOUNT} (profile other)`);
  });
});
