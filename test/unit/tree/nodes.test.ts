/**
 * The tree nodes without VS Code and without HTTP: a fake view context hands them a fake
 * Lambda reader, and what they show (labels, descriptions, icons, contextValues, children and
 * the error / empty / load-more endings) is checked as plain objects.
 */
import type { AliasConfiguration, EventSourceMappingConfiguration, FunctionConfiguration, FunctionEventInvokeConfig } from '@aws-sdk/client-lambda';
import * as assert from 'node:assert/strict';
import type { LambdaReader, Page } from '../../../src/aws';
import { COMMANDS } from '../../../src/shared/ids';
import { ErrorNode } from '../../../src/tree/nodes/ErrorNode';
import { FunctionNode } from '../../../src/tree/nodes/FunctionNode';
import { GroupNode } from '../../../src/tree/nodes/GroupNode';
import { LoadMoreNode } from '../../../src/tree/nodes/LoadMoreNode';
import { MappingNode } from '../../../src/tree/nodes/MappingNode';
import { PagedChildren } from '../../../src/tree/nodes/pagedChildren';
import { PlaceholderNode } from '../../../src/tree/nodes/PlaceholderNode';
import type { TreeNode } from '../../../src/tree/nodes/TreeNode';
import type { ViewContext } from '../../../src/tree/nodes/viewContext';

const REGION = 'us-east-1';
const ARN = (name: string, q?: string) => `arn:aws:lambda:${REGION}:111111111111:function:${name}${q ? `:${q}` : ''}`;

type Calls = string[];

/** A reader answering from fixed data; `fail` makes a method reject once. */
class FakeReader implements LambdaReader {
  readonly calls: Calls = [];
  fail = new Set<string>();
  constructor(
    private readonly data: {
      functions?: FunctionConfiguration[];
      versions?: FunctionConfiguration[];
      aliases?: AliasConfiguration[];
      configs?: FunctionEventInvokeConfig[];
      mappings?: EventSourceMappingConfiguration[];
      urls?: Record<string, { InvokeMode?: 'BUFFERED' | 'RESPONSE_STREAM'; FunctionUrl?: string }>;
      pageSize?: number;
    } = {},
  ) {}
  private check(name: string): void {
    this.calls.push(name);
    if (this.fail.delete(name)) {
      throw Object.assign(new Error('Rate exceeded'), { name: 'TooManyRequestsException', $metadata: { httpStatusCode: 429 } });
    }
  }
  async listFunctionsPage(marker?: string, pageSize = 50): Promise<Page<FunctionConfiguration>> {
    this.check('listFunctionsPage');
    const all = this.data.functions ?? [];
    const start = marker ? Number(marker) : 0;
    const size = this.data.pageSize ?? pageSize;
    const end = start + size;
    return { items: all.slice(start, end), nextMarker: end < all.length ? String(end) : undefined };
  }
  async getFunctionConfiguration(functionName: string): Promise<FunctionConfiguration> {
    this.check('getFunctionConfiguration');
    return { ...(this.data.functions ?? []).find((f) => f.FunctionName === functionName), State: 'Pending', StateReason: 'Creating' };
  }
  async getFunctionUrlConfig(functionName: string): Promise<{ InvokeMode?: 'BUFFERED' | 'RESPONSE_STREAM'; FunctionUrl?: string } | undefined> {
    this.check('getFunctionUrlConfig');
    return this.data.urls?.[functionName];
  }
  async listVersions(): Promise<FunctionConfiguration[]> {
    this.check('listVersions');
    return this.data.versions ?? [];
  }
  async listAliases(): Promise<AliasConfiguration[]> {
    this.check('listAliases');
    return this.data.aliases ?? [];
  }
  async listEventInvokeConfigs(): Promise<FunctionEventInvokeConfig[]> {
    this.check('listEventInvokeConfigs');
    return this.data.configs ?? [];
  }
  async getEventInvokeConfig(): Promise<FunctionEventInvokeConfig | undefined> {
    this.check('getEventInvokeConfig');
    return this.data.configs?.[0];
  }
  async listEventSourceMappingsPage(): Promise<Page<EventSourceMappingConfiguration>> {
    this.check('listEventSourceMappingsPage');
    return { items: this.data.mappings ?? [] };
  }
  async getEventSourceMapping(uuid: string): Promise<EventSourceMappingConfiguration> {
    this.check('getEventSourceMapping');
    return { ...(this.data.mappings ?? []).find((m) => m.UUID === uuid), State: 'Disabled' };
  }
}

/** A view context with no VS Code behind it. */
class FakeView implements ViewContext {
  readonly viewId = 'test';
  readonly changes: Array<TreeNode | undefined> = [];
  readonly failures: string[] = [];
  readonly mappings: MappingNode[] = [];
  private readonly controller = new AbortController();
  constructor(readonly fake: FakeReader) {}
  reader(): LambdaReader {
    return this.fake;
  }
  signal(): AbortSignal {
    return this.controller.signal;
  }
  changed(node: TreeNode | undefined): void {
    this.changes.push(node);
  }
  matcher(): undefined {
    return undefined;
  }
  filterText(): undefined {
    return undefined;
  }
  pageSize(): number {
    return 2;
  }
  logFailure(what: string): void {
    this.failures.push(what);
  }
  errorContext(region: string) {
    return { region };
  }
  trackMapping(node: MappingNode): void {
    this.mappings.push(node);
  }
  withViewProgress<T>(task: () => Promise<T>): PromiseLike<T> {
    return task();
  }
  async refreshNode(node: TreeNode): Promise<void> {
    await node.reset();
  }
}

const hello: FunctionConfiguration = { FunctionName: 'hello-world', FunctionArn: ARN('hello-world'), Runtime: 'nodejs20.x', Description: 'Says hello' };

function functionNode(data: ConstructorParameters<typeof FakeReader>[0] = {}): { node: FunctionNode; view: FakeView } {
  const view = new FakeView(new FakeReader({ functions: [hello], ...data }));
  return { node: new FunctionNode(view, undefined, REGION, hello), view };
}

async function group(node: FunctionNode, kind: string): Promise<GroupNode> {
  const groups = (await node.getChildren()) as GroupNode[];
  const g = groups.find((x) => x.kind === kind);
  assert.ok(g, kind);
  return g;
}

describe('tree/nodes: what each node shows, with a fake reader', () => {
  it('a function: label, runtime · description, icon, contextValue, collapsed; no tooltip until hovered', () => {
    const { node } = functionNode();
    const item = node.getTreeItem();
    assert.equal(item.label, 'hello-world');
    assert.equal(item.description, 'nodejs20.x · Says hello');
    assert.deepEqual(item.icon, { id: 'symbol-function' });
    assert.equal(item.contextValue, 'function');
    assert.equal(item.collapsible, 'collapsed');
    assert.equal(item.tooltip, undefined);
    assert.deepEqual(node.functionTarget, { region: REGION, functionName: 'hello-world', functionArn: ARN('hello-world') });
  });

  it('hovering a function fetches its state once; a state other than Active redraws it', async () => {
    const { node, view } = functionNode();
    const tooltip = await node.resolveTooltip(new AbortController().signal);
    assert.match(tooltip, /Pending/);
    assert.deepEqual(view.changes, [node]);
    await node.resolveTooltip(new AbortController().signal);
    assert.deepEqual(view.fake.calls, ['getFunctionUrlConfig', 'getFunctionConfiguration'], 'fetched once');
    assert.deepEqual(node.getTreeItem().icon, { id: 'sync~spin' });
  });

  it('a function has four groups, in order, each collapsed with its contextValue', async () => {
    const { node } = functionNode();
    const groups = (await node.getChildren()) as GroupNode[];
    assert.deepEqual(
      groups.map((g) => [g.getTreeItem().label, g.getTreeItem().contextValue]),
      [
        ['Versions', 'group.versions'],
        ['Aliases', 'group.aliases'],
        ['Event invoke configs', 'group.invokeConfigs'],
        ['Event source mappings', 'group.mappings'],
      ],
    );
    assert.ok(groups.every((g) => g.getTreeItem().collapsible === 'collapsed'));
  });

  it('versions: newest first, each a qualified target', async () => {
    const { node } = functionNode({ versions: [{ Version: '1', FunctionArn: ARN('hello-world', '1') }, { Version: '2', FunctionArn: ARN('hello-world', '2'), Description: 'second' }] });
    const children = await (await group(node, 'versions')).getChildren();
    assert.deepEqual(children.map((c) => c.getTreeItem().label), ['2', '1']);
    assert.equal(children[0].getTreeItem().contextValue, 'version');
    assert.deepEqual((children[0] as unknown as { functionTarget: unknown }).functionTarget, { region: REGION, functionName: 'hello-world', functionArn: ARN('hello-world'), qualifier: '2' });
    assert.equal((children[0] as unknown as { resourceName: string }).resourceName, 'hello-world:2');
  });

  it('aliases: the version and the routing weights', async () => {
    const { node } = functionNode({ aliases: [{ Name: 'live', FunctionVersion: '2', AliasArn: ARN('hello-world', 'live'), RoutingConfig: { AdditionalVersionWeights: { '1': 0.1 } } }] });
    const [alias] = await (await group(node, 'aliases')).getChildren();
    const item = alias.getTreeItem();
    assert.equal(item.label, 'live');
    assert.match(item.description ?? '', /→ 2 .*1: 10%/);
    assert.equal(item.contextValue, 'alias');
  });

  it('event invoke configs: one per qualifier, $LATEST first; $LATEST has no qualifier in its target', async () => {
    const { node } = functionNode({ configs: [{ FunctionArn: ARN('hello-world', 'live'), MaximumRetryAttempts: 0 }, { FunctionArn: ARN('hello-world'), MaximumRetryAttempts: 1 }] });
    const children = await (await group(node, 'invokeConfigs')).getChildren();
    assert.deepEqual(children.map((c) => c.getTreeItem().label), ['$LATEST', 'live']);
    assert.deepEqual((children[0] as unknown as { functionTarget: unknown }).functionTarget, { region: REGION, functionName: 'hello-world', functionArn: ARN('hello-world') });
    assert.equal((children[0] as unknown as { resourceName: string }).resourceName, 'hello-world');
    assert.equal(children[1].getTreeItem().contextValue, 'invokeConfig');
  });

  it('mappings: state in the contextValue and the icon; tracked for state changes; a refresh reads it again', async () => {
    const { node, view } = functionNode({ mappings: [{ UUID: 'u-1', State: 'Enabled', EventSourceArn: 'arn:aws:sqs:us-east-1:111111111111:orders-queue', FunctionArn: ARN('hello-world'), BatchSize: 10 }] });
    const [mapping] = (await (await group(node, 'mappings')).getChildren()) as MappingNode[];
    assert.equal(mapping.getTreeItem().contextValue, 'mapping.enabled');
    assert.deepEqual(mapping.getTreeItem().icon, { id: 'pass', color: 'charts.green' });
    assert.match(mapping.getTreeItem().label, /orders-queue/);
    assert.deepEqual(view.mappings, [mapping]);
    await mapping.reset();
    assert.equal(mapping.getTreeItem().contextValue, 'mapping.disabled');
  });

  it('an empty group ends with a placeholder, not nothing', async () => {
    const { node } = functionNode();
    const children = await (await group(node, 'aliases')).getChildren();
    assert.equal(children.length, 1);
    assert.ok(children[0] instanceof PlaceholderNode);
    assert.equal(children[0].getTreeItem().label, 'No aliases');
    assert.equal(children[0].getTreeItem().contextValue, 'empty');
  });

  it('a failed load ends the list with an error node that retries on click', async () => {
    const { node, view } = functionNode({ versions: [{ Version: '1' }] });
    view.fake.fail.add('listVersions');
    const g = await group(node, 'versions');
    const [error] = await g.getChildren();
    assert.ok(error instanceof ErrorNode);
    const item = error.getTreeItem();
    assert.equal(item.contextValue, 'error');
    assert.deepEqual(item.icon, { id: 'error', color: 'errorForeground' });
    assert.equal(item.command?.command, COMMANDS.retry);
    assert.deepEqual(item.command?.arguments, [error]);
    assert.match(item.description ?? '', /TooManyRequestsException \(429\): Rate exceeded/);
    assert.equal(view.failures.length, 1, 'the failure went to the log');
    await error.retry();
    assert.deepEqual((await g.getChildren()).map((c) => c.getTreeItem().label), ['1']);
  });

  it('a paged list shows a page, then "Load more…", which appends the next page', async () => {
    const functions = ['a', 'b', 'c'].map((n) => ({ FunctionName: n, FunctionArn: ARN(n) }));
    const view = new FakeView(new FakeReader({ functions }));
    const list = new PagedChildren<FunctionConfiguration>(view, {
      kind: 'functions',
      region: REGION,
      owner: undefined,
      parentId: 'root',
      fetch: (reader, marker, pageSize, signal) => reader.listFunctionsPage(marker, pageSize, { signal }),
      keyOf: (f) => f.FunctionName ?? '',
      makeNode: (f) => new FunctionNode(view, undefined, REGION, f),
    });
    const first = await list.getChildren();
    assert.deepEqual(first.map((c) => c.getTreeItem().label), ['a', 'b', 'Load more…']);
    const more = first[2];
    assert.ok(more instanceof LoadMoreNode);
    assert.equal(more.getTreeItem().command?.command, COMMANDS.loadMore);
    await more.loadMore();
    const all = await list.getChildren();
    assert.deepEqual(all.map((c) => c.getTreeItem().label), ['a', 'b', 'c']);
    assert.equal(all[0], first[0], 'the same node objects after a page is appended');
  });
});
