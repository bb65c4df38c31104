import type { AliasConfiguration, EventSourceMappingConfiguration, FunctionConfiguration, FunctionEventInvokeConfig } from '@aws-sdk/client-lambda';
import type { LambdaReader } from '../../aws';
import { qualifierOfArn } from '../../shared/arn';
import { GroupKind, groupContextValue } from '../model/contextValues';
import { GROUP_ICONS } from '../model/icons';
import { nodeIds } from '../model/ids';
import { groupLabel } from '../model/labels';
import { compareAliases, compareInvokeConfigs, compareMappings, compareVersions } from '../model/sorting';
import { ChildList, ListSpec, PagedChildren } from './pagedChildren';
import { AliasNode } from './AliasNode';
import type { FunctionNode } from './FunctionNode';
import { InvokeConfigNode } from './InvokeConfigNode';
import { MappingNode } from './MappingNode';
import { TreeItemSpec, TreeNode } from './TreeNode';
import { VersionNode } from './VersionNode';
import type { ViewContext } from './viewContext';

/** "Versions", "Aliases", "Event invoke configs" or "Event source mappings" of a function. */
export class GroupNode extends TreeNode {
  readonly id: string;
  readonly list: ChildList;

  constructor(
    ctx: ViewContext,
    readonly fn: FunctionNode,
    readonly kind: GroupKind,
  ) {
    super(ctx, fn);
    this.id = nodeIds.group(fn.id, kind);
    this.list = this.makeList();
  }

  private makeList(): ChildList {
    const name = this.fn.name;
    /** A list loaded whole (the group's own API has no paging worth showing). */
    const whole =
      <T>(load: (reader: LambdaReader, signal: AbortSignal) => Promise<T[]>): ListSpec<T>['fetch'] =>
      async (reader, _marker, _size, signal) => ({ items: await load(reader, signal) });
    const spec = <T>(s: Pick<ListSpec<T>, 'fetch' | 'keyOf' | 'compare' | 'makeNode'>): ListSpec<T> => ({ kind: this.kind, region: this.fn.region, owner: this, parentId: this.id, ...s });
    switch (this.kind) {
      case 'versions':
        return new PagedChildren<FunctionConfiguration>(this.ctx, spec({ fetch: whole((r, signal) => r.listVersions(name, { signal })), keyOf: (v) => v.Version ?? '', compare: compareVersions, makeNode: (v) => new VersionNode(this, v) }));
      case 'aliases':
        return new PagedChildren<AliasConfiguration>(this.ctx, spec({ fetch: whole((r, signal) => r.listAliases(name, { signal })), keyOf: (a) => a.Name ?? '', compare: compareAliases, makeNode: (a) => new AliasNode(this, a) }));
      case 'invokeConfigs':
        return new PagedChildren<FunctionEventInvokeConfig>(
          this.ctx,
          spec({ fetch: whole((r, signal) => r.listEventInvokeConfigs(name, { signal })), keyOf: (c) => qualifierOfArn(c.FunctionArn), compare: compareInvokeConfigs, makeNode: (c) => new InvokeConfigNode(this, c) }),
        );
      case 'mappings':
        return new PagedChildren<EventSourceMappingConfiguration>(
          this.ctx,
          spec({
            fetch: (reader, marker, _size, signal) => reader.listEventSourceMappingsPage({ functionName: name }, marker, 100, { signal }),
            keyOf: (m) => m.UUID ?? '',
            compare: compareMappings,
            makeNode: (m) => new MappingNode(this.ctx, this, nodeIds.child(this.id, m.UUID ?? ''), this.fn.region, m),
          }),
        );
    }
  }

  getTreeItem(): TreeItemSpec {
    return { id: this.id, label: groupLabel(this.kind), icon: { id: GROUP_ICONS[this.kind] }, contextValue: groupContextValue(this.kind), collapsible: 'collapsed' };
  }

  override getChildren(): Promise<TreeNode[]> {
    return this.list.getChildren();
  }

  override reset(): void {
    this.list.reset();
  }
}
