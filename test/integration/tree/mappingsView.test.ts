/**
 * Explorer — the Event Source Mappings view: every mapping of the shown regions, the state
 * as icon, contextValue and description; the label is the source and its kind.
 */
import * as assert from 'node:assert/strict';
import type { TestHooks } from '../../../src/api';
import { DEMO_MAPPINGS, Emulator } from '../../emulator';
import { configure, setup } from '../support';
import { find, ofKind, Provider, rows } from './treeSupport';

describe('Explorer: Event Source Mappings view', () => {
  let api: TestHooks;
  let emulator: Emulator;
  let mp: Provider;

  beforeEach(async () => {
    ({ api, emulator } = await setup());
    mp = api.views.mappingsProvider;
  });

  it('lists the mappings of us-east-1 with state icon, contextValue and description', async () => {
    const top = await rows(mp);
    const list = ofKind(top, /^mapping/);
    assert.equal(list.length, top.length, 'only mapping nodes');
    assert.deepEqual(
      list.map((m) => m.label),
      ['audit-queue (SQS)', 'orders-queue (SQS)', 'users (DynamoDB)'],
    );
    const orders = find(list, 'orders-queue (SQS)');
    assert.equal(orders.description, 'Enabled · batch 10 · order-processor');
    assert.equal(orders.contextValue, 'mapping.enabled');
    assert.equal(orders.icon, 'pass');
    assert.equal(orders.iconColor, 'charts.green');
    assert.deepEqual((orders.node as { mappingTarget: unknown }).mappingTarget, {
      region: 'us-east-1',
      uuid: DEMO_MAPPINGS.ordersQueue,
      functionArn: 'arn:aws:lambda:us-east-1:111111111111:function:order-processor',
      eventSourceArn: 'arn:aws:sqs:us-east-1:111111111111:orders-queue',
    });
    assert.equal(orders.id, `esm/us-east-1/${DEMO_MAPPINGS.ordersQueue}`);
    const users = find(list, 'users (DynamoDB)');
    assert.equal(users.description, 'Enabled · batch 100 · hello-world');
    // audit-queue is Creating for its first minute, then Enabled: the view shows what the emulator says.
    const audit = find(list, 'audit-queue (SQS)');
    const state = emulator.store.getMapping(DEMO_MAPPINGS.auditQueue)?.state;
    assert.ok(state);
    assert.equal(audit.contextValue, `mapping.${state.toLowerCase()}`);
    assert.equal(audit.icon, state === 'Creating' ? 'sync~spin' : 'pass');
    assert.ok(audit.description.startsWith(`${state} · batch 10 · json-logger`));
  });

  it('the Kinesis clickstream mapping in eu-west-1 is Disabled', async () => {
    await configure({ regions: ['eu-west-1'] });
    const list = await rows(mp);
    assert.deepEqual(
      list.map((m) => [m.label, m.description, m.contextValue, m.icon]),
      [['clickstream (Kinesis)', 'Disabled · batch 100 · eu-stream-consumer', 'mapping.disabled', 'circle-slash']],
    );
  });

  it('several regions: one node per region, each with its mappings', async () => {
    await configure({ regions: ['us-east-1', 'eu-west-1'] });
    const top = await rows(mp);
    assert.deepEqual(
      top.map((r) => [r.label, r.contextValue]),
      [
        ['us-east-1', 'region'],
        ['eu-west-1', 'region'],
      ],
    );
    assert.deepEqual((await rows(mp, top[1])).map((m) => m.label), ['clickstream (Kinesis)']);
    assert.equal((await rows(mp, top[0])).length, 3);
  });

  it('profile "other" (another account) has no mappings: an empty placeholder', async () => {
    await configure({ profile: 'other' });
    assert.deepEqual(
      (await rows(mp)).map((r) => [r.label, r.contextValue]),
      [['No event source mappings in us-east-1', 'empty']],
    );
  });
});
