import * as vscode from 'vscode';
import { DescribedError, formatDescribedError } from '../../shared/awsErrors';
import type { ExplorerContext } from '../explorerContext';
import { CONTEXT } from '../model/contextValues';
import { escapeMarkdown } from '../model/labels';
import { TreeNode } from './TreeNode';

/**
 * Says what failed to load, shortly; the hint and the whole message are in the tooltip.
 * Retry is its inline action (and its click); "Show Log" is in its context menu.
 */
export class ErrorNode extends TreeNode {
  constructor(
    ctx: ExplorerContext,
    parent: TreeNode | undefined,
    readonly id: string,
    readonly what: string,
    readonly error: DescribedError,
    private readonly onRetry: () => Promise<void>,
  ) {
    super(ctx, parent);
  }

  retry(): Promise<void> {
    return this.onRetry();
  }

  getTreeItem(): vscode.TreeItem {
    const item = new vscode.TreeItem(this.what, vscode.TreeItemCollapsibleState.None);
    item.id = this.id;
    item.description = formatDescribedError({ ...this.error, hint: undefined });
    const tooltip = new vscode.MarkdownString();
    tooltip.appendMarkdown(`**${escapeMarkdown(this.what)}**\n\n`);
    tooltip.appendText(formatDescribedError({ ...this.error, hint: undefined }));
    if (this.error.hint) {
      tooltip.appendMarkdown('\n\n');
      tooltip.appendText(this.error.hint);
    }
    tooltip.appendMarkdown('\n\n');
    tooltip.appendText(vscode.l10n.t('Click to retry. The log (Lambda Workbench: Show Log) has the details.'));
    item.tooltip = tooltip;
    item.iconPath = new vscode.ThemeIcon('error', new vscode.ThemeColor('errorForeground'));
    item.contextValue = CONTEXT.error;
    item.command = { command: 'lambdaWorkbench.retry', title: vscode.l10n.t('Retry'), arguments: [this] };
    return item;
  }
}
