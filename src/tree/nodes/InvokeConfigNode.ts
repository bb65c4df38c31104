import type { FunctionEventInvokeConfig } from '@aws-sdk/client-lambda';
import { CONTEXT } from '../model/contextValues';
import { nodeIds } from '../model/ids';
import { invokeConfigDescription, invokeConfigLabel, invokeConfigTooltip } from '../model/labels';
import type { GroupNode } from './GroupNode';
import { QualifiedNode } from './QualifiedNode';
import type { TreeItemSpec } from './TreeNode';

/** The event invoke config of one qualifier: retries, maximum age, destinations. */
export class InvokeConfigNode extends QualifiedNode {
  readonly id: string;

  constructor(
    group: GroupNode,
    readonly config: FunctionEventInvokeConfig,
  ) {
    super(group, invokeConfigLabel(config), 'event-invoke-configs');
    this.id = nodeIds.child(group.id, this.qualifier);
  }

  get resourceArn(): string | undefined {
    return this.config.FunctionArn;
  }

  async loadDetails(signal: AbortSignal): Promise<unknown> {
    const t = this.functionTarget;
    return (await this.ctx.reader(t.region).getEventInvokeConfig(t.functionName, this.qualifier, { signal })) ?? this.config;
  }

  getTreeItem(): TreeItemSpec {
    return {
      id: this.id,
      label: this.qualifier,
      description: invokeConfigDescription(this.config),
      tooltip: invokeConfigTooltip(this.config),
      icon: { id: 'settings-gear' },
      contextValue: CONTEXT.invokeConfig,
      collapsible: 'none',
    };
  }
}
