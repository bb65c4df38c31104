import { DescribedError, formatDescribedError } from '../../shared/awsErrors';
import { COMMANDS } from '../../shared/ids';
import { t } from '../../shared/l10n';
import { CONTEXT } from '../model/contextValues';
import { escapeMarkdownText } from '../model/labels';
import { TreeItemSpec, TreeNode } from './TreeNode';
import type { ViewContext } from './viewContext';

/**
 * Says what failed to load, shortly; the hint and the whole message are in the tooltip.
 * Retry is its inline action (and its click); "Show Log" is in its context menu.
 */
export class ErrorNode extends TreeNode {
  constructor(
    ctx: ViewContext,
    parent: TreeNode | undefined,
    readonly id: string,
    readonly what: string,
    readonly error: DescribedError,
    private readonly onRetry: () => Promise<void>,
  ) {
    super(ctx, parent);
    ctx.trackError?.(this, true);
  }

  retry(): Promise<void> {
    this.ctx.trackError?.(this, false);
    return this.onRetry();
  }

  getTreeItem(): TreeItemSpec {
    const short = formatDescribedError({ ...this.error, hint: undefined });
    const tooltip = [`**${escapeMarkdownText(this.what)}**`, escapeMarkdownText(short), ...(this.error.hint ? [escapeMarkdownText(this.error.hint)] : []), escapeMarkdownText(t('Click to retry. The log (Lambda Workbench: Show Log) has the details.'))];
    return {
      id: this.id,
      label: this.what,
      description: short,
      tooltip: tooltip.join('\n\n'),
      icon: { id: 'error', color: 'errorForeground' },
      contextValue: CONTEXT.error,
      collapsible: 'none',
      command: { command: COMMANDS.retry, title: t('Retry'), arguments: [this] },
    };
  }
}
