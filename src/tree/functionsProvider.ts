import type { FunctionConfiguration } from '@aws-sdk/client-lambda';
import type { Connection } from '../core/connection';
import { ExplorerProvider } from './explorerProvider';
import { nameMatcher, normalizeFilter } from './model/filter';
import { topLevelLayout } from './model/grouping';
import { nodeIds } from './model/ids';
import { compareFunctions } from './model/sorting';
import { FunctionNode } from './nodes/FunctionNode';
import { RegionNode } from './nodes/RegionNode';
import type { TreeNode } from './nodes/TreeNode';
import { ChildList, PagedChildren } from './pagedChildren';

export const FUNCTIONS_VIEW = 'lambdaWorkbench.functions';

interface Root {
  regions: readonly string[];
  /** One region: its functions at the top level. */
  flat?: ChildList;
  /** Several regions: one node each. */
  regionNodes?: RegionNode[];
}

/**
 * The Functions view: the functions of the shown regions, a page at a time ("Load more…"),
 * optionally filtered by name. A filter keeps the loaded pages and loads the rest in the
 * background, with the view's progress bar, showing the matches as they come.
 */
export class FunctionsProvider extends ExplorerProvider {
  private root: Root | undefined;
  private filter: string | undefined;
  private filterTest: ((name: string | undefined) => boolean) | undefined;

  constructor(connection: Connection) {
    super(connection, FUNCTIONS_VIEW);
  }

  override matcher(): ((name: string | undefined) => boolean) | undefined {
    return this.filterTest;
  }

  override filterText(): string | undefined {
    return this.filter;
  }

  /** Sets (or with an empty text clears) the name filter and redraws; loaded pages are kept. */
  setFilter(text: string | undefined): void {
    this.filter = normalizeFilter(text);
    this.filterTest = nameMatcher(this.filter);
    this.changed(undefined);
  }

  protected dropRoot(): void {
    this.root = undefined;
  }

  /** The function lists of the current generation, once the top level has been asked for. */
  lists(): ChildList[] {
    if (!this.root) {
      return [];
    }
    return this.root.flat ? [this.root.flat] : (this.root.regionNodes ?? []).map((r) => r.list);
  }

  protected async rootChildren(): Promise<TreeNode[]> {
    const generation = this.generation;
    const regions = await this.connection.regions();
    this.signal().throwIfAborted();
    if (generation !== this.generation) {
      throw new Error('stale');
    }
    if (!this.root) {
      const root: Root = { regions };
      if (topLevelLayout(regions) === 'flat') {
        root.flat = this.functionList(regions[0], undefined, nodeIds.root(regions[0]));
      } else {
        root.regionNodes = regions.map((r) => new RegionNode(this, r, (owner) => this.functionList(r, owner, owner.id)));
      }
      this.root = root;
    }
    return this.root.flat ? this.root.flat.getChildren() : (this.root.regionNodes ?? []);
  }

  private functionList(region: string, owner: TreeNode | undefined, parentId: string): ChildList {
    return new PagedChildren<FunctionConfiguration>(this, {
      kind: 'functions',
      region,
      owner,
      parentId,
      fetch: (service, marker, pageSize, signal) => service.listFunctionsPage(marker, pageSize, { signal }),
      keyOf: (fn) => fn.FunctionArn ?? fn.FunctionName ?? '',
      compare: compareFunctions,
      makeNode: (fn) => new FunctionNode(this, owner, region, fn),
      nameOf: (fn) => fn.FunctionName,
    });
  }
}
