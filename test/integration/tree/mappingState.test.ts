/**
 * Explorer — Enable / Disable Event Source Mapping: from the node (as the inline action
 * does) or from the palette (picker), after a question naming the mapping, its function and
 * the account (a setting turns it off); the emulator's mapping and both views follow, the
 * tooltips too.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { TestHooks } from '../../../src/api';
import { DEMO_MAPPINGS, Emulator } from '../../emulator';
import { configure, pick, setup, waitFor, withAnswers } from '../support';
import { DEMO_ACCOUNT } from '../../emulator';
import { find, hoverTooltip, Provider, rows, toRow } from './treeSupport';

/** Answers the modal question with `button` (undefined: Cancel), checking it is one. */
function answer(button: string | undefined, seen?: Array<{ message?: string; detail?: string; buttons?: string[] }>) {
  return (q: { kind: string; message?: string; detail?: string; buttons?: string[] }) => {
    assert.equal(q.kind, 'warning', `a modal question, not ${JSON.stringify(q)}`);
    seen?.push(q);
    return button;
  };
}

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
    await vscode.workspace.getConfiguration('lambdaWorkbench').update('mappings.confirmStateChange', undefined, vscode.ConfigurationTarget.Global);
  });

  it('Disable on orders-queue: Disabling, then Disabled in the emulator and in both views; Enable brings it back', async () => {
    const orders = find(await rows(mp), 'orders-queue (SQS)');
    assert.equal(orders.contextValue, 'mapping.enabled');
    // The same mapping under order-processor in the Functions view.
    const fn = find(await rows(fp), 'order-processor');
    const inFunctions = find(await rows(fp, find(await rows(fp, fn), 'Event source mappings')), 'orders-queue (SQS)');

    assert.match(await hoverTooltip(mp, orders), /State: Enabled/);
    const questions: Array<{ message?: string; detail?: string; buttons?: string[] }> = [];
    const disabling = withAnswers([answer('Disable', questions)], () => vscode.commands.executeCommand('lambdaWorkbench.disableMapping', orders.node));
    await waitFor('the node to show Disabling', async () => (await toRow(mp, orders.node)).contextValue === 'mapping.disabling');
    assert.equal((await toRow(mp, orders.node)).icon, 'sync~spin');
    await disabling;
    // The question named the mapping, its function and the account, and offered Disable.
    assert.equal(questions.length, 1);
    assert.equal(questions[0].message, 'Disable the event source mapping of orders-queue → order-processor (us-east-1)?');
    assert.deepEqual(questions[0].buttons, ['Disable']);
    assert.match(questions[0].detail ?? '', /order-processor stops receiving records from orders-queue/);
    assert.match(questions[0].detail ?? '', new RegExp(`Mapping: ${DEMO_MAPPINGS.ordersQueue}`));
    assert.match(questions[0].detail ?? '', new RegExp(`Account ${DEMO_ACCOUNT} \\(profile demo\\)`));
    assert.match(questions[0].detail ?? '', /lambdaWorkbench\.mappings\.confirmStateChange/);

    assert.equal(emulator.store.getMapping(DEMO_MAPPINGS.ordersQueue)?.state, 'Disabled');
    const after = await toRow(mp, orders.node);
    assert.equal(after.contextValue, 'mapping.disabled');
    assert.equal(after.icon, 'circle-slash');
    assert.ok(after.description.startsWith('Disabled · '));
    assert.equal((await toRow(fp, inFunctions.node)).contextValue, 'mapping.disabled', 'the Functions view follows');
    assert.equal(find(await rows(mp), 'orders-queue (SQS)').contextValue, 'mapping.disabled', 'the list shows the new state');
    // The tooltips say so too, in both views.
    assert.match(await hoverTooltip(mp, await toRow(mp, orders.node)), /State: Disabled/);
    assert.doesNotMatch(await hoverTooltip(mp, await toRow(mp, orders.node)), /State: Enabled/);
    assert.match(await hoverTooltip(fp, await toRow(fp, inFunctions.node)), /State: Disabled/);

    await withAnswers([answer('Enable')], () => vscode.commands.executeCommand('lambdaWorkbench.enableMapping', orders.node));
    assert.equal(emulator.store.getMapping(DEMO_MAPPINGS.ordersQueue)?.state, 'Enabled');
    assert.equal((await toRow(mp, orders.node)).contextValue, 'mapping.enabled');
    assert.equal((await toRow(fp, inFunctions.node)).icon, 'pass');
  });

  it('from the palette it asks which mapping (eu-west-1 clickstream), then enables it', async () => {
    await configure({ regions: ['us-east-1', 'eu-west-1'] });
    const eu = find(await rows(mp), 'eu-west-1');
    const clickstream = find(await rows(mp, eu), 'clickstream (Kinesis)');
    assert.equal(clickstream.contextValue, 'mapping.disabled');

    const { input } = await withAnswers([pick('clickstream (Kinesis)'), answer('Enable')], () => vscode.commands.executeCommand('lambdaWorkbench.enableMapping'));
    assert.deepEqual(input.asked, ['quickPick: Enable Event Source Mapping', 'warning: Enable the event source mapping of clickstream → eu-stream-consumer (eu-west-1)?']);
    assert.equal(emulator.store.getMapping(DEMO_MAPPINGS.clickstream)?.state, 'Enabled');
    assert.equal((await toRow(mp, clickstream.node)).contextValue, 'mapping.enabled');

    await withAnswers([answer('Disable')], () => vscode.commands.executeCommand('lambdaWorkbench.disableMapping', clickstream.node));
    assert.equal(emulator.store.getMapping(DEMO_MAPPINGS.clickstream)?.state, 'Disabled');
    assert.equal((await toRow(mp, clickstream.node)).contextValue, 'mapping.disabled');
  });

  it('Cancel on the question sends nothing: the mapping stays enabled', async () => {
    const orders = find(await rows(mp), 'orders-queue (SQS)');
    const before = emulator.requests.length;
    const { input } = await withAnswers([answer(undefined)], () => vscode.commands.executeCommand('lambdaWorkbench.disableMapping', orders.node));
    assert.equal(input.asked.length, 1);
    assert.equal(emulator.store.getMapping(DEMO_MAPPINGS.ordersQueue)?.state, 'Enabled');
    assert.deepEqual(emulator.requests.slice(before).map((r) => r.operation).filter((o) => o === 'UpdateEventSourceMapping'), [], 'no UpdateEventSourceMapping');
    assert.equal((await toRow(mp, orders.node)).contextValue, 'mapping.enabled');
  });

  it('with lambdaWorkbench.mappings.confirmStateChange off it asks nothing', async () => {
    await vscode.workspace.getConfiguration('lambdaWorkbench').update('mappings.confirmStateChange', false, vscode.ConfigurationTarget.Global);
    const orders = find(await rows(mp), 'orders-queue (SQS)');
    const { input } = await withAnswers([], () => vscode.commands.executeCommand('lambdaWorkbench.disableMapping', orders.node));
    assert.deepEqual(input.asked, []);
    assert.equal(emulator.store.getMapping(DEMO_MAPPINGS.ordersQueue)?.state, 'Disabled');
    await withAnswers([], () => vscode.commands.executeCommand('lambdaWorkbench.enableMapping', orders.node));
    assert.equal(emulator.store.getMapping(DEMO_MAPPINGS.ordersQueue)?.state, 'Enabled');
  });
});
