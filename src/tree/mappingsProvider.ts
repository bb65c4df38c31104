import type { EventSourceMappingConfiguration } from '@aws-sdk/client-lambda';
import type { Connection } from '../core/connection';
import { ExplorerProvider } from './explorerProvider';
import { topLevelLayout } from './model/grouping';
import { nodeIds } from './model/ids';
import { compareMappings } from './model/sorting';
import { MappingNode } from './nodes/MappingNode';
import { RegionNode } from './nodes/RegionNode';
import type { TreeNode } from './nodes/TreeNode';
import { ChildList, PagedChildren } from './pagedChildren';

export const MAPPINGS_VIEW = 'lambdaWorkbench.eventSourceMappings';

/** Mappings fetched per page (the API's maximum). */
const MAPPINGS_PAGE_SIZE = 100;

interface Root {
  flat?: ChildList;
  regionNodes?: RegionNode[];
}

/** The Event Source Mappings view: every mapping of the shown regions, with its state. */
export class MappingsProvider extends ExplorerProvider {
  private root: Root | undefined;

  constructor(connection: Connection) {
    super(connection, MAPPINGS_VIEW);
  }

  protected dropRoot(): void {
    this.root = undefined;
  }

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
          ? { flat: this.mappingList(regions[0], undefined, nodeIds.root(regions[0])) }
          : { regionNodes: regions.map((r) => new RegionNode(this, r, (owner) => this.mappingList(r, owner, owner.id))) };
    }
    return this.root.flat ? this.root.flat.getChildren() : (this.root.regionNodes ?? []);
  }

  private mappingList(region: string, owner: TreeNode | undefined, parentId: string): ChildList {
    return new PagedChildren<EventSourceMappingConfiguration>(this, {
      kind: 'allMappings',
      region,
      owner,
      parentId,
      fetch: (service, marker, _pageSize, signal) => service.listEventSourceMappingsPage({}, marker, MAPPINGS_PAGE_SIZE, { signal }),
      keyOf: (m) => m.UUID ?? '',
      compare: compareMappings,
      makeNode: (m) => new MappingNode(this, owner, nodeIds.mapping(region, m.UUID ?? ''), region, m),
    });
  }
}
