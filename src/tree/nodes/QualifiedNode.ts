import { consoleUrl, partitionOfArn } from '../../shared/arn';
import type { HasInvokeTraits, InvokeTraits } from '../../shared/invokeTraits';
import { explicitQualifier, HasFunctionTarget, LambdaTarget, qualifiedName } from '../../shared/lambdaTarget';
import type { GroupNode } from './GroupNode';
import { ResourceNode, TreeNode } from './TreeNode';

/**
 * A version, an alias or the event invoke config of a qualifier, under a function's group:
 * its target is the function with that qualifier, and its name, console page and details path
 * follow from it.
 */
export abstract class QualifiedNode extends TreeNode implements HasFunctionTarget, HasInvokeTraits, ResourceNode {
  constructor(
    readonly group: GroupNode,
    /** A version number, an alias name, or `$LATEST` (an event invoke config of the unpublished code). */
    readonly qualifier: string,
    private readonly detailsFolder: 'versions' | 'aliases' | 'event-invoke-configs',
  ) {
    super(group.ctx, group);
  }

  abstract readonly resourceArn: string | undefined;
  abstract loadDetails(signal: AbortSignal): Promise<unknown>;

  get functionTarget(): LambdaTarget {
    const fn = this.group.fn;
    const qualifier = explicitQualifier(this.qualifier);
    return { region: fn.region, functionName: fn.name, functionArn: fn.fn.FunctionArn, ...(qualifier ? { qualifier } : {}) };
  }

  /** Its function's (tenant isolation, capacity provider and durable are set on the function). */
  get invokeTraits(): InvokeTraits {
    return this.group.fn.invokeTraits;
  }

  get resourceName(): string {
    return qualifiedName(this.functionTarget);
  }

  get detailsPath(): string {
    return `${this.group.fn.region}/functions/${this.group.fn.name}/${this.detailsFolder}/${this.qualifier}.json`;
  }

  consoleUrl(): string {
    const t = this.functionTarget;
    return consoleUrl({ kind: 'function', region: t.region, name: t.functionName, qualifier: t.qualifier }, partitionOfArn(this.resourceArn ?? t.functionArn));
  }
}
