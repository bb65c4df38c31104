import type { FunctionConfiguration } from '@aws-sdk/client-lambda';
import * as vscode from 'vscode';
import type { FunctionTarget, HasFunctionTarget } from '../../core/targets';
import { consoleUrl, parseArn } from '../../shared/arn';
import type { ExplorerContext } from '../explorerContext';
import { unqualifiedArn } from '../model/arns';
import { CONTEXT } from '../model/contextValues';
import { nodeIds } from '../model/ids';
import { versionDescription, versionTooltip } from '../model/labels';
import type { GroupNode } from './GroupNode';
import { ResourceNode, TreeNode } from './TreeNode';

/** A published version: its number, and its description. */
export class VersionNode extends TreeNode implements HasFunctionTarget, ResourceNode {
  readonly id: string;

  constructor(
    ctx: ExplorerContext,
    readonly group: GroupNode,
    readonly version: FunctionConfiguration,
  ) {
    super(ctx, group);
    this.id = nodeIds.child(group.id, version.Version ?? '');
  }

  get functionTarget(): FunctionTarget {
    const fn = this.group.fn;
    return { region: fn.region, functionName: fn.name, functionArn: fn.fn.FunctionArn ?? (this.version.FunctionArn && unqualifiedArn(this.version.FunctionArn)), qualifier: this.version.Version };
  }

  get resourceName(): string {
    return `${this.group.fn.name}:${this.version.Version ?? ''}`;
  }

  get resourceArn(): string | undefined {
    return this.version.FunctionArn;
  }

  get detailsPath(): string {
    return `${this.group.fn.region}/functions/${this.group.fn.name}/versions/${this.version.Version ?? ''}.json`;
  }

  consoleUrl(): string {
    const t = this.functionTarget;
    return consoleUrl({ kind: 'function', region: t.region, name: t.functionName, qualifier: t.qualifier }, parseArn(this.version.FunctionArn ?? '')?.partition);
  }

  loadDetails(signal: AbortSignal): Promise<unknown> {
    const t = this.functionTarget;
    return this.ctx.connection.service(t.region).getFunctionConfiguration(t.functionName, t.qualifier, { signal });
  }

  getTreeItem(): vscode.TreeItem {
    const item = new vscode.TreeItem(this.version.Version ?? '', vscode.TreeItemCollapsibleState.None);
    item.id = this.id;
    item.description = versionDescription(this.version) || undefined;
    item.tooltip = new vscode.MarkdownString(versionTooltip(this.version));
    item.iconPath = new vscode.ThemeIcon('git-commit');
    item.contextValue = CONTEXT.version;
    return item;
  }
}
