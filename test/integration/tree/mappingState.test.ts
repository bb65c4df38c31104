/**
 * Explorer — Enable / Disable Event Source Mapping: from the node (as the inline action
 * does) or from the palette (picker); the emulator's mapping and both views follow.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { TestHooks } from '../../../src/api';
import { DEMO_MAPPINGS, Emulator } from '../../emulator';
import { configure, pick, setup, waitFor, withAnswers } from '../support';
import { find, Provider, rows, toRow } from './treeSupport';

describe('Explorer: enable and disable a mapping', function () {
  this.timeout(60_000);
  let api: TestHooks;
  let emulator: Emulator;
  let fp: Provider;
  let mp: Provider;

  beforeEach(async () => {
    ({ api, emulator } = await setup());
    fp = api.views.functionsProvider;
    mp = api.views.mappingsProvider;
  });

  afterEach(async () => {
    await configure({ regions: ['us-east-1'] });
  });

  it('Disable on orders-queue: Disabling, then Disabled in the emulator and in both views; Enable brings it back', async () => {
    const orders = find(await rows(mp), 'orders-queue (SQS)');
    assert.equal(orders.contextValue, 'mapping.enabled');
    // The same mapping under order-processor in the Functions view.
    const fn = find(await rows(fp), 'order-processor');
    const inFunctions = find(await rows(fp, find(await rows(fp, fn), 'Event source mappings')), 'orders-queue (SQS)');

    const disabling = vscode.commands.executeCommand('lambdaWorkbench.disableMapping', orders.node);
    await waitFor('the node to show Disabling', async () => (await toRow(mp, orders.node)).contextValue === 'mapping.disabling');
    assert.equal((await toRow(mp, orders.node)).icon, 'sync~spin');
    await disabling;

    assert.equal(emulator.store.getMapping(DEMO_MAPPINGS.ordersQueue)?.state, 'Disabled');
    const after = await toRow(mp, orders.node);
    assert.equal(after.contextValue, 'mapping.disabled');
    assert.equal(after.icon, 'circle-slash');
    assert.ok(after.description.startsWith('Disabled · '));
    assert.equal((await toRow(fp, inFunctions.node)).contextValue, 'mapping.disabled', 'the Functions view follows');
    assert.equal(find(await rows(mp), 'orders-queue (SQS)').contextValue, 'mapping.disabled', 'the list shows the new state');

    await vscode.commands.executeCommand('lambdaWorkbench.enableMapping', orders.node);
    assert.equal(emulator.store.getMapping(DEMO_MAPPINGS.ordersQueue)?.state, 'Enabled');
    assert.equal((await toRow(mp, orders.node)).contextValue, 'mapping.enabled');
    assert.equal((await toRow(fp, inFunctions.node)).icon, 'pass');
  });

  it('from the palette it asks which mapping (eu-west-1 clickstream), then enables it', async () => {
    await configure({ regions: ['us-east-1', 'eu-west-1'] });
    const eu = find(await rows(mp), 'eu-west-1');
    const clickstream = find(await rows(mp, eu), 'clickstream (Kinesis)');
    assert.equal(clickstream.contextValue, 'mapping.disabled');

    const { input } = await withAnswers([pick('clickstream (Kinesis)')], () => vscode.commands.executeCommand('lambdaWorkbench.enableMapping'));
    assert.deepEqual(input.asked, ['quickPick: Enable Event Source Mapping']);
    assert.equal(emulator.store.getMapping(DEMO_MAPPINGS.clickstream)?.state, 'Enabled');
    assert.equal((await toRow(mp, clickstream.node)).contextValue, 'mapping.enabled');

    await vscode.commands.executeCommand('lambdaWorkbench.disableMapping', clickstream.node);
    assert.equal(emulator.store.getMapping(DEMO_MAPPINGS.clickstream)?.state, 'Disabled');
    assert.equal((await toRow(mp, clickstream.node)).contextValue, 'mapping.disabled');
  });
});
