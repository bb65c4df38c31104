import type { EventSourceMappingConfiguration } from '@aws-sdk/client-lambda';
import { setMaxListeners } from 'node:events';
import * as vscode from 'vscode';
import type { LambdaReader } from '../aws';
import type { Connection } from '../core/connection';
import { log } from '../core/log';
import { describeAwsError, ErrorContext, formatErrorForLog, isTransientFailure } from '../shared/awsErrors';
import { SETTINGS, SETTINGS_SECTION } from '../shared/ids';
import { topLevelLayout } from './model/grouping';
import { nodeIds } from './model/ids';
import { ErrorNode } from './nodes/ErrorNode';
import type { MappingNode } from './nodes/MappingNode';
import type { ChildList } from './nodes/pagedChildren';
import { RegionNode } from './nodes/RegionNode';
import type { TreeNode } from './nodes/TreeNode';
import { TestEventsNode } from './nodes/TestEventsNode';
import type { PairedPayload, ViewContext } from './nodes/viewContext';
import type { TestEventReader } from '../testEvents/model/store';
import { toTreeItem } from './toTreeItem';

/** The top level of a view for the shown regions. */
export interface RegionRoot {
  regions: readonly string[];
  /** One region: its list at the top level. */
  flat?: ChildList;
  /** Several regions: one node each. */
  regionNodes?: RegionNode[];
}

/** Where the "Test events" groups read from: the Schemas registry, and the payload files paired with a function. */
export interface TestEventSources {
  testEvents(region: string): TestEventReader;
  pairedPayloads(region: string, functionName: string): PairedPayload[];
}

const NO_TEST_EVENTS: TestEventSources = {
  testEvents: () => ({ list: (functionName) => Promise.resolve({ functionName, events: [] }) }),
  pairedPayloads: () => [],
};

/** Pause between a change (connection switch, refresh) and the redraw it causes. */
export const REFRESH_DEBOUNCE_MS = 100;

/**
 * What the two views share: load generations (a refresh aborts the loads under way and
 * drops what was loaded, at once; the redraw follows after a short debounce), error
 * logging, tracking of mapping nodes, and the TreeDataProvider plumbing.
 * `getChildren` never throws and never shows a notification.
 */
export abstract class ViewProvider implements vscode.TreeDataProvider<TreeNode>, ViewContext, vscode.Disposable {
  private readonly emitter = new vscode.EventEmitter<TreeNode | undefined>();
  readonly onDidChangeTreeData = this.emitter.event;
  private controller = new AbortController();
  private generationNumber = 0;
  /** The top level of the current generation, once asked for. */
  protected root: RegionRoot | undefined;
  private redrawTimer: ReturnType<typeof setTimeout> | undefined;
  private readonly mappingNodes = new Map<string, Set<MappingNode>>();
  /** The "Test events" groups shown (expanded) in this generation. */
  private readonly testEventGroups = new Set<TestEventsNode>();
  /** Set by the views (src/tree/views.ts) when the extension has the sources. */
  testEventSources: TestEventSources = NO_TEST_EVENTS;
  /** The error nodes shown, by id (a redraw makes a new node with the same id). */
  private readonly errorNodes = new Map<string, ErrorNode>();

  constructor(
    readonly connection: Connection,
    readonly viewId: string,
  ) {
    setMaxListeners(0, this.controller.signal);
  }

  /** Increases whenever what was loaded is dropped. */
  get generation(): number {
    return this.generationNumber;
  }

  // ---- ViewContext ----

  reader(region: string): LambdaReader {
    return this.connection.service(region);
  }

  signal(): AbortSignal {
    return this.controller.signal;
  }

  changed(node: TreeNode | undefined): void {
    this.emitter.fire(node);
  }

  matcher(): ((name: string | undefined) => boolean) | undefined {
    return undefined;
  }

  filterText(): string | undefined {
    return undefined;
  }

  pageSize(): number {
    const n = vscode.workspace.getConfiguration(SETTINGS_SECTION).get<number>(SETTINGS.pageSize, 50);
    return Number.isFinite(n) ? Math.min(50, Math.max(1, Math.floor(n))) : 50;
  }

  errorContext(region: string): ErrorContext {
    return { profile: this.connection.profile, region, endpoint: this.connection.endpoint };
  }

  logFailure(what: string, region: string, err: unknown): void {
    const d = describeAwsError(err, this.errorContext(region));
    const stack = err instanceof Error && err.stack ? `\n${err.stack}` : '';
    log().error(`${what} (profile ${this.connection.profile ?? 'default'}, region ${region}): ${formatErrorForLog(d)}${stack}`);
  }

  trackMapping(node: MappingNode): void {
    const key = `${node.region}/${node.uuid}`;
    let set = this.mappingNodes.get(key);
    if (!set) {
      set = new Set();
      this.mappingNodes.set(key, set);
    }
    set.add(node);
  }

  trackError(node: ErrorNode, shown: boolean): void {
    if (shown) {
      this.errorNodes.set(node.id, node);
    } else {
      // Retried: the place is reloading, whichever node of it was clicked.
      this.errorNodes.delete(node.id);
    }
  }

  /**
   * Retries the error nodes shown whose failure a successful call may have cured (the endpoint
   * was down: network, 5xx, an unreadable answer); a refusal (credentials, 4xx) stays until its
   * own Retry. Returns how many were retried.
   */
  retryTransientErrors(): number {
    const nodes = [...this.errorNodes.values()].filter((n) => isTransientFailure(n.error));
    for (const n of nodes) {
      n.retry().catch((err: unknown) => log().error(`Retry of "${n.what}" failed: ${err instanceof Error ? err.message : String(err)}`));
    }
    return nodes.length;
  }

  withViewProgress<T>(task: () => Promise<T>): PromiseLike<T> {
    return vscode.window.withProgress({ location: { viewId: this.viewId } }, task);
  }

  async refreshNode(node: TreeNode): Promise<void> {
    await node.reset();
    this.changed(node);
  }

  testEvents(region: string): TestEventReader {
    return this.testEventSources.testEvents(region);
  }

  pairedPayloads(region: string, functionName: string): PairedPayload[] {
    return this.testEventSources.pairedPayloads(region, functionName);
  }

  /** Reloads the "Test events" groups shown of a function (read again from AWS). */
  refreshTestEvents(region: string, functionName: string): void {
    for (const node of this.testEventGroups) {
      if (node.fn.region === region && node.fn.name === functionName) {
        node.reset();
        this.changed(node);
      }
    }
  }

  /** The paired payload files changed: the "Test events" groups shown list them again (without reading AWS). */
  refreshPairedPayloads(): void {
    for (const node of this.testEventGroups) {
      node.payloadsChanged();
      this.changed(node);
    }
  }

  // ---- refresh ----

  /**
   * Drops everything loaded and aborts the loads under way, now; the view is redrawn after
   * REFRESH_DEBOUNCE_MS, so that several changes in a row cost one reload.
   */
  invalidate(): void {
    this.controller.abort();
    this.controller = new AbortController();
    setMaxListeners(0, this.controller.signal);
    this.generationNumber++;
    this.mappingNodes.clear();
    this.testEventGroups.clear();
    this.errorNodes.clear();
    this.dropRoot();
    if (this.redrawTimer) {
      clearTimeout(this.redrawTimer);
    }
    this.redrawTimer = setTimeout(() => {
      this.redrawTimer = undefined;
      this.emitter.fire(undefined);
    }, REFRESH_DEBOUNCE_MS);
  }

  /** Forgets the top level of the view. */
  protected dropRoot(): void {
    this.root = undefined;
  }

  /** The list of one region, under `owner` (its region node), or at the top level when owner is undefined. */
  protected abstract regionList(region: string, owner: TreeNode | undefined, parentId: string): ChildList;

  /** The top level of the view: one region's list, or one node per region. */
  protected async rootChildren(): Promise<TreeNode[]> {
    const generation = this.generation;
    const regions = await this.connection.regions();
    this.signal().throwIfAborted();
    if (generation !== this.generation) {
      throw new Error('stale');
    }
    if (!this.root) {
      this.root =
        topLevelLayout(regions) === 'flat'
          ? { regions, flat: this.regionList(regions[0], undefined, nodeIds.root(regions[0])) }
          : { regions, regionNodes: regions.map((r) => new RegionNode(this, r, (owner) => this.regionList(r, owner, owner.id))) };
    }
    return this.root.flat ? this.root.flat.getChildren() : (this.root.regionNodes ?? []);
  }

  /** The mapping nodes (of this view) of a mapping take its new description and are redrawn. */
  updateMapping(region: string, uuid: string, update: EventSourceMappingConfiguration | { State: string }): void {
    for (const node of this.mappingNodes.get(`${region}/${uuid}`) ?? []) {
      node.update(update);
      this.changed(node);
    }
  }

  mappingNodesOf(region: string, uuid: string): MappingNode[] {
    return [...(this.mappingNodes.get(`${region}/${uuid}`) ?? [])];
  }

  // ---- TreeDataProvider ----

  getTreeItem(node: TreeNode): vscode.TreeItem {
    return toTreeItem(node.getTreeItem());
  }

  async resolveTreeItem(item: vscode.TreeItem, node: TreeNode, token: vscode.CancellationToken): Promise<vscode.TreeItem> {
    const controller = new AbortController();
    const subscription = token.onCancellationRequested(() => controller.abort());
    try {
      const tooltip = await node.resolveTooltip(controller.signal);
      if (tooltip !== undefined) {
        item.tooltip = new vscode.MarkdownString(tooltip);
      }
      return item;
    } finally {
      subscription.dispose();
    }
  }

  getParent(node: TreeNode): TreeNode | undefined {
    return node.parent;
  }

  async getChildren(node?: TreeNode): Promise<TreeNode[]> {
    // A refresh during the load aborts it; the top level then loads again for the new generation.
    for (let attempt = 0; attempt < 5; attempt++) {
      const generation = this.generationNumber;
      try {
        if (node instanceof TestEventsNode) {
          this.testEventGroups.add(node);
        }
        return node ? await node.getChildren() : await this.rootChildren();
      } catch (err) {
        if (!node && generation !== this.generationNumber) {
          continue;
        }
        if (this.signal().aborted || generation !== this.generationNumber) {
          return [];
        }
        // Not expected (lists turn their failures into nodes), but never a notification.
        const what = vscode.l10n.t('Could not load this part of the view');
        this.logFailure(what, node && 'region' in node ? String(node.region) : '-', err);
        return [new ErrorNode(this, node, nodeIds.tail(node?.id ?? 'root', 'failure'), what, describeAwsError(err), () => this.retryNode(node))];
      }
    }
    return [];
  }

  private async retryNode(node: TreeNode | undefined): Promise<void> {
    if (node) {
      await this.refreshNode(node);
    } else {
      this.invalidate();
    }
  }

  dispose(): void {
    this.controller.abort();
    if (this.redrawTimer) {
      clearTimeout(this.redrawTimer);
    }
    this.emitter.dispose();
  }
}
