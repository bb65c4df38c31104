import type { AliasConfiguration } from '@aws-sdk/client-lambda';
import { CONTEXT } from '../model/contextValues';
import { nodeIds } from '../model/ids';
import { aliasDescription, aliasTooltip } from '../model/labels';
import type { GroupNode } from './GroupNode';
import { QualifiedNode } from './QualifiedNode';
import type { TreeItemSpec } from './TreeNode';

/** An alias: the version it points to and its routing weights (`→ 2 (1: 10%)`). */
export class AliasNode extends QualifiedNode {
  readonly id: string;

  constructor(
    group: GroupNode,
    readonly alias: AliasConfiguration,
  ) {
    super(group, alias.Name ?? '', 'aliases');
    this.id = nodeIds.child(group.id, alias.Name ?? '');
  }

  get resourceArn(): string | undefined {
    return this.alias.AliasArn;
  }

  /** The alias as listed (the data layer has no GetAlias). */
  loadDetails(): Promise<unknown> {
    return Promise.resolve(this.alias);
  }

  getTreeItem(): TreeItemSpec {
    return {
      id: this.id,
      label: this.alias.Name ?? '',
      description: aliasDescription(this.alias),
      tooltip: aliasTooltip(this.alias),
      icon: { id: 'tag' },
      contextValue: CONTEXT.alias,
      collapsible: 'none',
    };
  }
}
