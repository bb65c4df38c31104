import type { LambdaReader } from '../../aws';
import { describeAwsError } from '../../shared/awsErrors';
import { nodeIds } from '../model/ids';
import { emptyText, failureText, ListKind, loadingLabel } from '../model/labels';
import { Page, PagedSource, planChildren } from '../model/paging';
import { ErrorNode } from './ErrorNode';
import { LoadMoreNode } from './LoadMoreNode';
import { PlaceholderNode } from './PlaceholderNode';
import type { TreeNode } from './TreeNode';
import type { ViewContext } from './viewContext';

export interface ListSpec<T> {
  kind: ListKind;
  region: string;
  /** The node whose children these are; undefined for the top level of a view. */
  owner: TreeNode | undefined;
  /** Prefix of the ids of the nodes that close the list. */
  parentId: string;
  fetch(reader: LambdaReader, marker: string | undefined, pageSize: number, signal: AbortSignal): Promise<Page<T>>;
  keyOf(item: T): string;
  compare?(a: T, b: T): number;
  makeNode(item: T): TreeNode;
  /** Set for lists the name filter applies to (functions). */
  nameOf?(item: T): string | undefined;
}

/** A list of children, whatever its items. */
export interface ChildList {
  readonly items: readonly unknown[];
  readonly complete: boolean;
  matchCount(): number | undefined;
  getChildren(): Promise<TreeNode[]>;
  loadMore(): Promise<void>;
  reset(): void;
}

/**
 * The children of one list node: loads the first page when first asked, appends pages on
 * "Load more…", and closes the list with an error, loading, load-more or empty node.
 * Item nodes are made once per item, so VS Code sees the same objects after each change.
 */
export class PagedChildren<T> implements ChildList {
  private source: PagedSource<T>;
  private readonly nodes = new Map<string, TreeNode>();
  /** The source a background search is loading, if any. */
  private searching: PagedSource<T> | undefined;

  constructor(
    private readonly ctx: ViewContext,
    private readonly spec: ListSpec<T>,
  ) {
    this.source = this.newSource();
  }

  private newSource(): PagedSource<T> {
    const { kind, region } = this.spec;
    return new PagedSource<T>(
      async (marker, signal) => {
        try {
          return await this.spec.fetch(this.ctx.reader(region), marker, this.ctx.pageSize(), signal);
        } catch (err) {
          if (!signal.aborted) {
            this.ctx.logFailure(failureText(kind, region), region, err);
          }
          throw err;
        }
      },
      (item) => this.spec.keyOf(item),
      this.spec.compare && ((a, b) => this.spec.compare!(a, b)),
    );
  }

  get items(): readonly T[] {
    return this.source.items;
  }

  get complete(): boolean {
    return this.source.complete;
  }

  /** How many loaded items match the filter; undefined without a filter. */
  matchCount(): number | undefined {
    const match = this.match();
    if (!match) {
      return undefined;
    }
    let n = 0;
    for (const item of this.source.items) {
      if (match(item)) n++;
    }
    return n;
  }

  /** Forgets the loaded pages. */
  reset(): void {
    this.source = this.newSource();
    this.nodes.clear();
  }

  /** Updates a loaded item in place (same key). */
  replace(item: T): void {
    this.source.replace(item);
  }

  private match(): ((item: T) => boolean) | undefined {
    const nameOf = this.spec.nameOf;
    const matcher = nameOf ? this.ctx.matcher() : undefined;
    return matcher && nameOf ? (item: T) => matcher(nameOf(item)) : undefined;
  }

  async getChildren(): Promise<TreeNode[]> {
    const source = this.source;
    if (!source.started && !source.failure) {
      const signal = this.ctx.signal();
      try {
        await source.loadNext(signal);
      } catch (err) {
        if (signal.aborted) {
          throw err;
        }
        // Logged by the fetch; shown below as an error node.
      }
      if (this.source !== source) {
        return this.getChildren();
      }
    }
    const match = this.match();
    if (match) {
      this.searchInBackground();
    }
    const plan = planChildren(source, match);
    const out: TreeNode[] = new Array<TreeNode>(plan.items.length);
    for (let i = 0; i < plan.items.length; i++) {
      out[i] = this.nodeFor(plan.items[i]);
    }
    const { owner, parentId, kind, region } = this.spec;
    const tail = plan.tail;
    if (tail?.kind === 'error') {
      out.push(new ErrorNode(this.ctx, owner, nodeIds.tail(parentId, 'error'), failureText(kind, region), describeAwsError(tail.error, this.ctx.errorContext(region)), () => this.retry()));
    } else if (tail?.kind === 'loadMore') {
      out.push(new LoadMoreNode(this.ctx, owner, nodeIds.tail(parentId, 'loadMore'), tail.loaded, () => this.loadMore()));
    } else if (tail?.kind === 'loading') {
      out.push(new PlaceholderNode(this.ctx, owner, nodeIds.tail(parentId, 'loading'), loadingLabel(tail.loaded, match !== undefined), 'loading'));
    } else if (tail?.kind === 'empty') {
      out.push(new PlaceholderNode(this.ctx, owner, nodeIds.tail(parentId, 'empty'), emptyText(kind, region, tail.filtered ? this.ctx.filterText() : undefined), 'empty'));
    }
    return out;
  }

  private nodeFor(item: T): TreeNode {
    const key = this.spec.keyOf(item);
    let node = this.nodes.get(key);
    if (!node) {
      node = this.spec.makeNode(item);
      this.nodes.set(key, node);
    }
    return node;
  }

  /** Fetches the next page (the first if none came) and redraws the owner only. Failures become an error node. */
  async loadMore(): Promise<void> {
    const signal = this.ctx.signal();
    const pending = this.source.loadNext(signal);
    this.ctx.changed(this.spec.owner);
    try {
      await pending;
    } catch {
      // Logged by the fetch; shown as an error node.
    }
    if (!signal.aborted) {
      this.ctx.changed(this.spec.owner);
    }
  }

  async retry(): Promise<void> {
    this.source.clearFailure();
    await this.loadMore();
  }

  /**
   * While a filter is active, loads the rest of the list page by page (with the view's
   * progress bar), redrawing the owner after each page, until the list ends, fails, the
   * filter is cleared or the view is refreshed.
   */
  private searchInBackground(): void {
    const source = this.source;
    if (this.searching === source || source.complete || source.failure) {
      return;
    }
    this.searching = source;
    const signal = this.ctx.signal();
    void this.ctx
      .withViewProgress(async () => {
        try {
          while (!source.complete && !signal.aborted && this.source === source && this.ctx.matcher()) {
            await source.loadNext(signal);
            this.ctx.changed(this.spec.owner);
          }
        } catch {
          if (!signal.aborted) {
            this.ctx.changed(this.spec.owner);
          }
        }
      })
      .then(
        () => this.searchDone(source),
        () => this.searchDone(source),
      );
  }

  private searchDone(source: PagedSource<T>): void {
    if (this.searching === source) {
      this.searching = undefined;
    }
  }
}
