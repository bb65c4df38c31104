import type { AliasConfiguration } from '@aws-sdk/client-lambda';
import * as vscode from 'vscode';
import type { FunctionTarget, HasFunctionTarget } from '../../core/targets';
import { consoleUrl, parseArn } from '../../shared/arn';
import type { ExplorerContext } from '../explorerContext';
import { CONTEXT } from '../model/contextValues';
import { nodeIds } from '../model/ids';
import { aliasDescription, aliasTooltip } from '../model/labels';
import type { GroupNode } from './GroupNode';
import { ResourceNode, TreeNode } from './TreeNode';

/** An alias: the version it points to and its routing weights (`→ 2 (1: 10%)`). */
export class AliasNode extends TreeNode implements HasFunctionTarget, ResourceNode {
  readonly id: string;

  constructor(
    ctx: ExplorerContext,
    readonly group: GroupNode,
    readonly alias: AliasConfiguration,
  ) {
    super(ctx, group);
    this.id = nodeIds.child(group.id, alias.Name ?? '');
  }

  get functionTarget(): FunctionTarget {
    const fn = this.group.fn;
    return { region: fn.region, functionName: fn.name, functionArn: fn.fn.FunctionArn, qualifier: this.alias.Name };
  }

  get resourceName(): string {
    return `${this.group.fn.name}:${this.alias.Name ?? ''}`;
  }

  get resourceArn(): string | undefined {
    return this.alias.AliasArn;
  }

  get detailsPath(): string {
    return `${this.group.fn.region}/functions/${this.group.fn.name}/aliases/${this.alias.Name ?? ''}.json`;
  }

  consoleUrl(): string {
    const t = this.functionTarget;
    return consoleUrl({ kind: 'function', region: t.region, name: t.functionName, qualifier: t.qualifier }, parseArn(this.alias.AliasArn ?? '')?.partition);
  }

  /** The alias as listed (the data layer has no GetAlias). */
  loadDetails(): Promise<unknown> {
    return Promise.resolve(this.alias);
  }

  getTreeItem(): vscode.TreeItem {
    const item = new vscode.TreeItem(this.alias.Name ?? '', vscode.TreeItemCollapsibleState.None);
    item.id = this.id;
    item.description = aliasDescription(this.alias);
    item.tooltip = new vscode.MarkdownString(aliasTooltip(this.alias));
    item.iconPath = new vscode.ThemeIcon('tag');
    item.contextValue = CONTEXT.alias;
    return item;
  }
}
