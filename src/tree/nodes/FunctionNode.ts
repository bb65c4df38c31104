import type { FunctionConfiguration } from '@aws-sdk/client-lambda';
import { consoleUrl, partitionOfArn } from '../../shared/arn';
import { t } from '../../shared/l10n';
import { invokeTraitsOf, type HasInvokeTraits, type InvokeTraits } from '../../shared/invokeTraits';
import type { HasFunctionTarget, LambdaTarget } from '../../shared/lambdaTarget';
import { CONTEXT } from '../model/contextValues';
import { FUNCTION_GROUPS } from '../model/grouping';
import { functionStateIcon } from '../model/icons';
import { nodeIds } from '../model/ids';
import { functionDescription, functionTooltip, type FunctionUrlInfo } from '../model/labels';
import { GroupNode } from './GroupNode';
import { ResourceNode, TreeItemSpec, TreeNode } from './TreeNode';
import type { ViewContext } from './viewContext';

/** A function ($LATEST): versions, aliases, event invoke configs and event source mappings below it. */
export class FunctionNode extends TreeNode implements HasFunctionTarget, HasInvokeTraits, ResourceNode {
  readonly id: string;
  private groups: GroupNode[] | undefined;
  private listed: FunctionConfiguration;
  /** The state fields, which ListFunctions leaves out: fetched on first hover. */
  private stateFields: Pick<FunctionConfiguration, 'State' | 'StateReason' | 'LastUpdateStatus'> | undefined;
  /** Its function URL (GetFunctionUrlConfig, on first hover): null when it has none or it could not be read. */
  private url: FunctionUrlInfo | null | undefined;

  constructor(
    ctx: ViewContext,
    parent: TreeNode | undefined,
    readonly region: string,
    fn: FunctionConfiguration,
  ) {
    super(ctx, parent);
    this.listed = fn;
    this.id = nodeIds.function(region, fn.FunctionArn ?? fn.FunctionName ?? '');
  }

  /** The function as listed, with its state once known. */
  get fn(): FunctionConfiguration {
    return this.stateFields ? { ...this.listed, ...this.stateFields } : this.listed;
  }

  get name(): string {
    return this.fn.FunctionName ?? '';
  }

  get functionTarget(): LambdaTarget {
    return { region: this.region, functionName: this.name, functionArn: this.fn.FunctionArn };
  }

  get resourceName(): string {
    return this.name;
  }

  /** What in its configuration changes how it is invoked (from the listing). */
  get invokeTraits(): InvokeTraits {
    return invokeTraitsOf(this.fn);
  }

  get resourceArn(): string | undefined {
    return this.fn.FunctionArn;
  }

  get detailsPath(): string {
    return `${this.region}/functions/${this.name}.json`;
  }

  consoleUrl(): string {
    return consoleUrl({ kind: 'function', region: this.region, name: this.name }, partitionOfArn(this.fn.FunctionArn));
  }

  loadDetails(signal: AbortSignal): Promise<unknown> {
    return this.ctx.reader(this.region).getFunctionConfiguration(this.name, undefined, { signal });
  }

  getTreeItem(): TreeItemSpec {
    return {
      id: this.id,
      label: this.name,
      description: functionDescription(this.fn),
      // Without the state and the function URL the tooltip is left to resolveTooltip, which VS Code calls on hover.
      tooltip: (this.stateFields || this.listed.State) && this.url !== undefined ? functionTooltip(this.fn, this.url ?? undefined) : undefined,
      icon: functionStateIcon(this.fn.State, this.fn.LastUpdateStatus),
      contextValue: CONTEXT.function,
      collapsible: 'collapsed',
    };
  }

  /** On hover: fetches the state (GetFunctionConfiguration) and the function URL for the tooltip; a failure leaves them out. */
  override async resolveTooltip(signal: AbortSignal): Promise<string> {
    const url = this.url === undefined ? this.fetchUrl(signal) : Promise.resolve();
    if (!this.stateFields && !this.listed.State) {
      try {
        const c = await this.ctx.reader(this.region).getFunctionConfiguration(this.name, undefined, { signal });
        this.stateFields = { State: c.State, StateReason: c.StateReason, LastUpdateStatus: c.LastUpdateStatus };
        if (c.State && c.State !== 'Active') {
          this.ctx.changed(this); // the icon shows a state that is not Active
        }
      } catch (err) {
        if (!signal.aborted) {
          this.ctx.logFailure(t('Could not read the state of {0}', this.name), this.region, err);
        }
      }
    }
    await url;
    return functionTooltip(this.fn, this.url ?? undefined);
  }

  private async fetchUrl(signal: AbortSignal): Promise<void> {
    try {
      const u = await this.ctx.reader(this.region).getFunctionUrlConfig(this.name, undefined, { signal });
      this.url = u ? { invokeMode: u.InvokeMode, url: u.FunctionUrl } : null;
    } catch (err) {
      if (!signal.aborted) {
        this.url = null;
        this.ctx.logFailure(t('Could not read the function URL of {0}', this.name), this.region, err);
      }
    }
  }

  override getChildren(): Promise<TreeNode[]> {
    this.groups ??= FUNCTION_GROUPS.map((kind) => new GroupNode(this.ctx, this, kind));
    return Promise.resolve(this.groups);
  }

  override reset(): void {
    for (const g of this.groups ?? []) {
      g.reset();
    }
  }
}
