import type { FunctionConfiguration } from '@aws-sdk/client-lambda';
import type { Connection } from '../core/connection';
import { VIEWS } from '../shared/ids';
import { ViewProvider } from './viewProvider';
import { nameMatcher, normalizeFilter } from './model/filter';
import { compareFunctions } from './model/sorting';
import { FunctionNode } from './nodes/FunctionNode';
import type { TreeNode } from './nodes/TreeNode';
import { ChildList, PagedChildren } from './nodes/pagedChildren';

/**
 * The Functions view: the functions of the shown regions, a page at a time ("Load more…"),
 * optionally filtered by name. A filter keeps the loaded pages and loads the rest in the
 * background, with the view's progress bar, showing the matches as they come.
 */
export class FunctionsProvider extends ViewProvider {
  private filter: string | undefined;
  private filterTest: ((name: string | undefined) => boolean) | undefined;

  constructor(connection: Connection) {
    super(connection, VIEWS.functions);
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

  /** The function lists of the current generation, once the top level has been asked for. */
  lists(): ChildList[] {
    if (!this.root) {
      return [];
    }
    return this.root.flat ? [this.root.flat] : (this.root.regionNodes ?? []).map((r) => r.list);
  }

  protected regionList(region: string, owner: TreeNode | undefined, parentId: string): ChildList {
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
