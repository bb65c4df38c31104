import type { FunctionEventInvokeConfig } from '@aws-sdk/client-lambda';
import * as vscode from 'vscode';
import type { FunctionTarget, HasFunctionTarget } from '../../core/targets';
import { consoleUrl, parseArn } from '../../shared/arn';
import type { ExplorerContext } from '../explorerContext';
import { CONTEXT } from '../model/contextValues';
import { nodeIds } from '../model/ids';
import { invokeConfigDescription, invokeConfigLabel, invokeConfigTooltip } from '../model/labels';
import type { GroupNode } from './GroupNode';
import { ResourceNode, TreeNode } from './TreeNode';

/** The event invoke config of one qualifier: retries, maximum age, destinations. */
export class InvokeConfigNode extends TreeNode implements HasFunctionTarget, ResourceNode {
  readonly id: string;
  readonly qualifier: string;

  constructor(
    ctx: ExplorerContext,
    readonly group: GroupNode,
    readonly config: FunctionEventInvokeConfig,
  ) {
    super(ctx, group);
    this.qualifier = invokeConfigLabel(config);
    this.id = nodeIds.child(group.id, this.qualifier);
  }

  /** The function and qualifier the config belongs to (no qualifier for `$LATEST`). */
  get functionTarget(): FunctionTarget {
    const fn = this.group.fn;
    return { region: fn.region, functionName: fn.name, functionArn: fn.fn.FunctionArn, qualifier: this.qualifier === '$LATEST' ? undefined : this.qualifier };
  }

  get resourceName(): string {
    return this.qualifier === '$LATEST' ? this.group.fn.name : `${this.group.fn.name}:${this.qualifier}`;
  }

  get resourceArn(): string | undefined {
    return this.config.FunctionArn;
  }

  get detailsPath(): string {
    return `${this.group.fn.region}/functions/${this.group.fn.name}/event-invoke-configs/${this.qualifier}.json`;
  }

  consoleUrl(): string {
    const t = this.functionTarget;
    return consoleUrl({ kind: 'function', region: t.region, name: t.functionName, qualifier: t.qualifier }, parseArn(this.config.FunctionArn ?? '')?.partition);
  }

  async loadDetails(signal: AbortSignal): Promise<unknown> {
    const t = this.functionTarget;
    return (await this.ctx.connection.service(t.region).getEventInvokeConfig(t.functionName, t.qualifier ?? '$LATEST', { signal })) ?? this.config;
  }

  getTreeItem(): vscode.TreeItem {
    const item = new vscode.TreeItem(this.qualifier, vscode.TreeItemCollapsibleState.None);
    item.id = this.id;
    item.description = invokeConfigDescription(this.config);
    item.tooltip = new vscode.MarkdownString(invokeConfigTooltip(this.config));
    item.iconPath = new vscode.ThemeIcon('settings-gear');
    item.contextValue = CONTEXT.invokeConfig;
    return item;
  }
}
