import type { AliasConfiguration, EventSourceMappingConfiguration, FunctionConfiguration, FunctionEventInvokeConfig } from '@aws-sdk/client-lambda';
import * as vscode from 'vscode';
import type { ExplorerContext } from '../explorerContext';
import { qualifierOfArn } from '../model/arns';
import { GroupKind, groupContextValue } from '../model/contextValues';
import { GROUP_ICONS } from '../model/icons';
import { nodeIds } from '../model/ids';
import { groupLabel } from '../model/labels';
import { compareAliases, compareInvokeConfigs, compareMappings, compareVersions } from '../model/sorting';
import { ChildList, PagedChildren } from '../pagedChildren';
import { AliasNode } from './AliasNode';
import type { FunctionNode } from './FunctionNode';
import { InvokeConfigNode } from './InvokeConfigNode';
import { MappingNode } from './MappingNode';
import { TreeNode } from './TreeNode';
import { VersionNode } from './VersionNode';

/** "Versions", "Aliases", "Event invoke configs" or "Event source mappings" of a function. */
export class GroupNode extends TreeNode {
  readonly id: string;
  readonly list: ChildList;

  constructor(
    ctx: ExplorerContext,
    readonly fn: FunctionNode,
    readonly kind: GroupKind,
  ) {
    super(ctx, fn);
    this.id = nodeIds.group(fn.id, kind);
    this.list = this.makeList();
  }

  private makeList(): ChildList {
    const base = { kind: this.kind, region: this.fn.region, owner: this, parentId: this.id };
    const name = this.fn.name;
    switch (this.kind) {
      case 'versions':
        return new PagedChildren<FunctionConfiguration>(this.ctx, {
          ...base,
          fetch: async (service, _marker, _size, signal) => ({ items: await service.listVersions(name, { signal }) }),
          keyOf: (v) => v.Version ?? '',
          compare: compareVersions,
          makeNode: (v) => new VersionNode(this.ctx, this, v),
        });
      case 'aliases':
        return new PagedChildren<AliasConfiguration>(this.ctx, {
          ...base,
          fetch: async (service, _marker, _size, signal) => ({ items: await service.listAliases(name, { signal }) }),
          keyOf: (a) => a.Name ?? '',
          compare: compareAliases,
          makeNode: (a) => new AliasNode(this.ctx, this, a),
        });
      case 'invokeConfigs':
        return new PagedChildren<FunctionEventInvokeConfig>(this.ctx, {
          ...base,
          fetch: async (service, _marker, _size, signal) => ({ items: await service.listEventInvokeConfigs(name, { signal }) }),
          keyOf: (c) => qualifierOfArn(c.FunctionArn),
          compare: compareInvokeConfigs,
          makeNode: (c) => new InvokeConfigNode(this.ctx, this, c),
        });
      case 'mappings':
        return new PagedChildren<EventSourceMappingConfiguration>(this.ctx, {
          ...base,
          fetch: (service, marker, _size, signal) => service.listEventSourceMappingsPage({ functionName: name }, marker, 100, { signal }),
          keyOf: (m) => m.UUID ?? '',
          compare: compareMappings,
          makeNode: (m) => new MappingNode(this.ctx, this, nodeIds.child(this.id, m.UUID ?? ''), this.fn.region, m),
        });
    }
  }

  getTreeItem(): vscode.TreeItem {
    const item = new vscode.TreeItem(groupLabel(this.kind), vscode.TreeItemCollapsibleState.Collapsed);
    item.id = this.id;
    item.iconPath = new vscode.ThemeIcon(GROUP_ICONS[this.kind]);
    item.contextValue = groupContextValue(this.kind);
    return item;
  }

  override getChildren(): Promise<TreeNode[]> {
    return this.list.getChildren();
  }

  override reset(): void {
    this.list.reset();
  }
}
