/**
 * Explorer — the Functions view against the emulator's demo data: functions, their versions,
 * aliases, event invoke configs and mappings; targets, ids, placeholders.
 */
import * as assert from 'node:assert/strict';
import type { TestHooks } from '../../../src/api';
import { DEMO_ACCOUNT, DEMO_FUNCTIONS, DEMO_REGION, Emulator } from '../../emulator';
import { setup } from '../support';
import { find, hoverTooltip, ofKind, Provider, Row, rows } from './treeSupport';

const ARN = (name: string, q?: string) => `arn:aws:lambda:us-east-1:${DEMO_ACCOUNT}:function:${name}${q ? `:${q}` : ''}`;

describe('Explorer: Functions view', () => {
  let api: TestHooks;
  let emulator: Emulator;
  let fp: Provider;

  beforeEach(async () => {
    ({ api, emulator } = await setup());
    fp = api.views.functionsProvider;
  });

  async function functionRow(name: string): Promise<Row> {
    return find(await rows(fp), name);
  }

  async function group(name: string, label: string): Promise<Row[]> {
    const groups = await rows(fp, await functionRow(name));
    return rows(fp, find(groups, label));
  }

  it('lists the demo functions of us-east-1 at the top level (one region: no region node)', async () => {
    const top = await rows(fp);
    assert.deepEqual(ofKind(top, 'region'), []);
    const names = ofKind(top, 'function').map((r) => r.label);
    assert.deepEqual(names, [...DEMO_FUNCTIONS[DEMO_ACCOUNT][DEMO_REGION]]);
    assert.equal(top.length, names.length, 'no load-more, empty or error node after 8 functions');
  });

  it('shows runtime and description; on hover a Markdown tooltip with ARN, runtime, memory, timeout, last modified and state', async () => {
    const hello = await functionRow('hello-world');
    assert.equal(hello.description, 'nodejs22.x · Says hello to the name in the event');
    assert.equal(hello.contextValue, 'function');
    assert.equal(hello.icon, 'symbol-function');
    // ListFunctions leaves out the state and the function URL: the tooltip is resolved on hover,
    // with one GetFunctionConfiguration and one GetFunctionUrlConfig (sent together).
    assert.equal(hello.item.tooltip, undefined);
    emulator.clearRequests();
    const tooltip = await hoverTooltip(fp, hello);
    for (const part of ['**hello-world**', `ARN: \`${ARN('hello-world')}\``, 'Runtime: nodejs22.x', 'Memory: 128 MB', 'Timeout: 3 s', 'Last modified: 2026-01-10 09:00 UTC', 'State: Active']) {
      assert.ok(tooltip.includes(part), `tooltip has ${part}:\n${tooltip}`);
    }
    // The hover's reads (the connection's account read, STS, and the views' listings may run beside it).
    const lambdaCalls = () => emulator.requests.filter((r) => r.service === undefined && r.operation.startsWith('Get')).map((r) => r.operation);
    assert.deepEqual(lambdaCalls().sort(), ['GetFunctionConfiguration', 'GetFunctionUrlConfig']);
    const item = await fp.getTreeItem(hello.node);
    assert.ok(item.tooltip && typeof item.tooltip !== 'string', 'from then on the tooltip is a MarkdownString of the node');
    await hoverTooltip(fp, hello);
    assert.equal(lambdaCalls().length, 2, 'the state and the URL are fetched once');
  });

  it('function nodes carry a functionTarget without qualifier and an id stable per (region, ARN)', async () => {
    const hello = await functionRow('hello-world');
    assert.deepEqual((hello.node as { functionTarget: unknown }).functionTarget, { region: 'us-east-1', functionName: 'hello-world', functionArn: ARN('hello-world') });
    assert.equal(hello.id, `fn/us-east-1/${ARN('hello-world')}`);
    api.views.refresh();
    const again = await functionRow('hello-world');
    assert.notEqual(again.node, hello.node, 'the refresh reloaded the view');
    assert.equal(again.id, hello.id, 'the same id after a refresh (expansion survives)');
  });

  it('a function has Versions, Aliases, Event invoke configs, Event source mappings and Test events', async () => {
    const groups = await rows(fp, await functionRow('hello-world'));
    assert.deepEqual(
      groups.map((g) => [g.label, g.contextValue]),
      [
        ['Versions', 'group.versions'],
        ['Aliases', 'group.aliases'],
        ['Event invoke configs', 'group.invokeConfigs'],
        ['Event source mappings', 'group.mappings'],
        ['Test events', 'group.testEvents'],
      ],
    );
  });

  it('versions: number and description, newest first, each with a qualified functionTarget', async () => {
    const versions = await group('hello-world', 'Versions');
    assert.deepEqual(
      versions.map((v) => [v.label, v.description, v.contextValue]),
      [
        ['2', 'Greets by name from the event', 'version'],
        ['1', 'First release: plain greeting', 'version'],
      ],
    );
    assert.deepEqual((versions[0].node as { functionTarget: unknown }).functionTarget, { region: 'us-east-1', functionName: 'hello-world', functionArn: ARN('hello-world'), qualifier: '2' });
  });

  it('aliases: the version they point to and the routing weights', async () => {
    const aliases = await group('hello-world', 'Aliases');
    assert.deepEqual(
      aliases.map((a) => [a.label, a.description, a.contextValue]),
      [
        ['canary', '→ 2 (1: 10%)', 'alias'],
        ['live', '→ 2', 'alias'],
      ],
    );
    assert.deepEqual((find(aliases, 'live').node as { functionTarget: unknown }).functionTarget, { region: 'us-east-1', functionName: 'hello-world', functionArn: ARN('hello-world'), qualifier: 'live' });
    assert.ok(find(aliases, 'canary').tooltip.includes('Routing: 2: 90%, 1: 10%'));
  });

  it('event invoke configs per qualifier: hello-world:live and order-processor $LATEST', async () => {
    const hello = await group('hello-world', 'Event invoke configs');
    assert.deepEqual(
      hello.map((c) => [c.label, c.description, c.contextValue]),
      [['live', 'retries 0 · on success → hello-done', 'invokeConfig']],
    );
    assert.equal((hello[0].node as { functionTarget: { qualifier?: string } }).functionTarget.qualifier, 'live');
    const orders = await group('order-processor', 'Event invoke configs');
    assert.deepEqual(
      orders.map((c) => [c.label, c.description]),
      [['$LATEST', 'retries 1 · max age 1 h · on failure → order-dlq']],
    );
    assert.deepEqual((orders[0].node as { functionTarget: unknown }).functionTarget, { region: 'us-east-1', functionName: 'order-processor', functionArn: ARN('order-processor') });
  });

  it("a function's event source mappings, with their state", async () => {
    const hello = await group('hello-world', 'Event source mappings');
    assert.deepEqual(
      hello.map((m) => [m.label, m.description, m.contextValue, m.icon]),
      [['users (DynamoDB)', 'Enabled · batch 100 · hello-world', 'mapping.enabled', 'pass']],
    );
    const orders = await group('order-processor', 'Event source mappings');
    assert.deepEqual(
      orders.map((m) => [m.label, m.contextValue]),
      [['orders-queue (SQS)', 'mapping.enabled']],
    );
  });

  it('empty lists show a placeholder node, not nothing', async () => {
    for (const [label, text] of [
      ['Versions', 'No published versions'],
      ['Aliases', 'No aliases'],
      ['Event invoke configs', 'No event invoke configs'],
      ['Event source mappings', 'No event source mappings'],
    ]) {
      const list = await group('slow-timeout', label);
      assert.deepEqual(
        list.map((r) => [r.label, r.contextValue]),
        [[text, 'empty']],
        label,
      );
    }
  });
});
