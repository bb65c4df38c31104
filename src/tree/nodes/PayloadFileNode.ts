import { COMMANDS } from '../../shared/ids';
import { t } from '../../shared/l10n';
import type { LambdaTarget } from '../../shared/lambdaTarget';
import { CONTEXT } from '../model/contextValues';
import { nodeIds } from '../model/ids';
import { payloadFileDescription, payloadFileTooltip } from '../model/testEventLabels';
import type { TestEventsNode } from './TestEventsNode';
import { TreeItemSpec, TreeNode } from './TreeNode';
import type { PairedPayload } from './viewContext';

/** A workspace payload file paired with the function. A click invokes with it (its target and invocation type). */
export class PayloadFileNode extends TreeNode {
  readonly id: string;

  constructor(
    readonly group: TestEventsNode,
    readonly payload: PairedPayload,
  ) {
    super(group.ctx, group);
    this.id = nodeIds.child(group.id, `file/${payload.uri}`);
  }

  /** The function, with the qualifier the file was last invoked on. */
  get functionTarget(): LambdaTarget {
    return { ...this.group.functionTarget, ...(this.payload.qualifier ? { qualifier: this.payload.qualifier } : {}) };
  }

  getTreeItem(): TreeItemSpec {
    const fn = this.group.functionTarget.functionName;
    const where = this.payload.qualifier ? `${payloadFileDescription()} · ${this.payload.qualifier}` : payloadFileDescription();
    return {
      id: this.id,
      label: this.payload.label,
      description: this.payload.invocationType && this.payload.invocationType !== 'RequestResponse' ? `${where} · ${this.payload.invocationType}` : where,
      tooltip: payloadFileTooltip(this.payload.label, fn),
      icon: { id: 'file-code' },
      contextValue: CONTEXT.testEventPayload,
      collapsible: 'none',
      command: { command: COMMANDS.invokeTestEvent, title: t('Invoke'), arguments: [this] },
    };
  }
}
