import { describeAwsError } from '../../shared/awsErrors';
import type { LambdaTarget } from '../../shared/lambdaTarget';
import type { TestEventList } from '../../testEvents/model/store';
import { CONTEXT } from '../model/contextValues';
import { nodeIds } from '../model/ids';
import { noTestEventsText, testEventsFailureText, testEventsGroupLabel } from '../model/testEventLabels';
import { ErrorNode } from './ErrorNode';
import type { FunctionNode } from './FunctionNode';
import { PayloadFileNode } from './PayloadFileNode';
import { PlaceholderNode } from './PlaceholderNode';
import { TestEventNode } from './TestEventNode';
import { TreeItemSpec, TreeNode } from './TreeNode';

/**
 * "Test events" of a function: its shareable test events (the Lambda console's, from the
 * Schemas registry lambda-testevent-schemas), then the workspace payload files paired with it.
 * A failure to read the shareable events is a node (with Retry); the payload files still show.
 */
export class TestEventsNode extends TreeNode {
  readonly id: string;
  /** What was read last (the version a rename or delete is based on). */
  private loaded: TestEventList | undefined;
  private children: TreeNode[] | undefined;

  constructor(readonly fn: FunctionNode) {
    super(fn.ctx, fn);
    this.id = nodeIds.child(fn.id, 'testEvents');
  }

  get functionTarget(): LambdaTarget {
    return this.fn.functionTarget;
  }

  get list(): TestEventList | undefined {
    return this.loaded;
  }

  getTreeItem(): TreeItemSpec {
    return { id: this.id, label: testEventsGroupLabel(), icon: { id: 'beaker' }, contextValue: CONTEXT.testEvents, collapsible: 'collapsed' };
  }

  override async getChildren(): Promise<TreeNode[]> {
    if (this.children) {
      return this.children;
    }
    const region = this.fn.region;
    const out: TreeNode[] = [];
    try {
      this.loaded ??= await this.ctx.testEvents(region).list(this.fn.name, { signal: this.ctx.signal() });
      for (const e of this.loaded.events) {
        out.push(new TestEventNode(this, e, this.loaded.version));
      }
    } catch (err) {
      this.loaded = undefined;
      if (this.ctx.signal().aborted) {
        throw err;
      }
      this.ctx.logFailure(testEventsFailureText(), region, err);
      out.push(new ErrorNode(this.ctx, this, nodeIds.tail(this.id, 'error'), testEventsFailureText(), describeAwsError(err, this.ctx.errorContext(region)), () => this.ctx.refreshNode(this)));
    }
    for (const p of this.ctx.pairedPayloads(region, this.fn.name)) {
      out.push(new PayloadFileNode(this, p));
    }
    if (out.length === 0) {
      out.push(new PlaceholderNode(this.ctx, this, nodeIds.tail(this.id, 'empty'), noTestEventsText(), 'empty'));
    }
    this.children = out;
    return out;
  }

  override reset(): void {
    this.children = undefined;
    this.loaded = undefined;
  }

  /** The paired payload files changed: shown again, the shareable events as read. */
  payloadsChanged(): void {
    this.children = undefined;
  }
}
