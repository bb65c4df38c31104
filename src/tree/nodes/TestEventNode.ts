import { COMMANDS } from '../../shared/ids';
import { t } from '../../shared/l10n';
import type { LambdaTarget } from '../../shared/lambdaTarget';
import type { SharedTestEvent } from '../../testEvents/model/document';
import { contextValue, CONTEXT } from '../model/contextValues';
import { nodeIds } from '../model/ids';
import { testEventDescription, testEventTooltip } from '../model/testEventLabels';
import type { TestEventsNode } from './TestEventsNode';
import { TreeItemSpec, TreeNode } from './TreeNode';

/** A shareable test event of a function. A click invokes the function with it, with its invocation type. */
export class TestEventNode extends TreeNode {
  readonly id: string;

  constructor(
    readonly group: TestEventsNode,
    readonly event: SharedTestEvent,
    /** The schema version the event was read from. */
    readonly schemaVersion: string | undefined,
  ) {
    super(group.ctx, group);
    this.id = nodeIds.child(group.id, `event/${event.name}`);
  }

  get functionTarget(): LambdaTarget {
    return this.group.functionTarget;
  }

  /** The event as JSON text, as it is sent. */
  get text(): string {
    return JSON.stringify(this.event.value, null, 2);
  }

  getTreeItem(): TreeItemSpec {
    const fn = this.functionTarget.functionName;
    return {
      id: this.id,
      label: this.event.name,
      description: testEventDescription(this.event.invocationType),
      tooltip: testEventTooltip(this.event.name, fn, this.event.invocationType, Buffer.byteLength(JSON.stringify(this.event.value) ?? 'null', 'utf8')),
      icon: { id: this.event.invocationType === 'Event' ? 'send' : 'symbol-event' },
      contextValue: contextValue(CONTEXT.testEvent, this.event.invocationType),
      collapsible: 'none',
      command: { command: COMMANDS.invokeTestEvent, title: t('Invoke'), arguments: [this] },
    };
  }
}
