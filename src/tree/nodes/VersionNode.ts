import type { FunctionConfiguration } from '@aws-sdk/client-lambda';
import { unqualifiedArn } from '../../shared/arn';
import type { LambdaTarget } from '../../shared/lambdaTarget';
import { CONTEXT } from '../model/contextValues';
import { nodeIds } from '../model/ids';
import { versionDescription, versionTooltip } from '../model/labels';
import type { GroupNode } from './GroupNode';
import { QualifiedNode } from './QualifiedNode';
import type { TreeItemSpec } from './TreeNode';

/** A published version: its number, and its description. */
export class VersionNode extends QualifiedNode {
  readonly id: string;

  constructor(
    group: GroupNode,
    readonly version: FunctionConfiguration,
  ) {
    super(group, version.Version ?? '', 'versions');
    this.id = nodeIds.child(group.id, version.Version ?? '');
  }

  override get functionTarget(): LambdaTarget {
    const target = super.functionTarget;
    return { ...target, functionArn: target.functionArn ?? (this.version.FunctionArn && unqualifiedArn(this.version.FunctionArn)) };
  }

  get resourceArn(): string | undefined {
    return this.version.FunctionArn;
  }

  loadDetails(signal: AbortSignal): Promise<unknown> {
    const t = this.functionTarget;
    return this.ctx.reader(t.region).getFunctionConfiguration(t.functionName, t.qualifier, { signal });
  }

  getTreeItem(): TreeItemSpec {
    return {
      id: this.id,
      label: this.version.Version ?? '',
      description: versionDescription(this.version) || undefined,
      tooltip: versionTooltip(this.version),
      icon: { id: 'git-commit' },
      contextValue: CONTEXT.version,
      collapsible: 'none',
    };
  }
}
