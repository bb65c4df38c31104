import type { EventSourceMappingConfiguration } from '@aws-sdk/client-lambda';
import type { Connection } from '../core/connection';
import { VIEWS } from '../shared/ids';
import { ViewProvider } from './viewProvider';
import { nodeIds } from './model/ids';
import { compareMappings } from './model/sorting';
import { MappingNode } from './nodes/MappingNode';
import type { TreeNode } from './nodes/TreeNode';
import { ChildList, PagedChildren } from './nodes/pagedChildren';

/** Mappings fetched per page (the API's maximum). */
const MAPPINGS_PAGE_SIZE = 100;

/** The Event Source Mappings view: every mapping of the shown regions, with its state. */
export class MappingsProvider extends ViewProvider {
  constructor(connection: Connection) {
    super(connection, VIEWS.mappings);
  }

  protected regionList(region: string, owner: TreeNode | undefined, parentId: string): ChildList {
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
