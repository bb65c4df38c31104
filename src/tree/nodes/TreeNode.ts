import type * as vscode from 'vscode';
import type { ExplorerContext } from '../explorerContext';

/** A node of the Functions or Event Source Mappings view. */
export abstract class TreeNode {
  abstract readonly id: string;

  constructor(
    readonly ctx: ExplorerContext,
    readonly parent: TreeNode | undefined,
  ) {}

  abstract getTreeItem(): vscode.TreeItem;

  getChildren(): Promise<TreeNode[]> {
    return Promise.resolve([]);
  }

  /** Fills in what is costly to compute, on hover (the tooltip): see TreeDataProvider.resolveTreeItem. */
  resolveTreeItem(item: vscode.TreeItem, _signal: AbortSignal): Promise<vscode.TreeItem> {
    return Promise.resolve(item);
  }

  /** Forgets what was loaded under this node, so that the next expansion loads it again. */
  reset(): void | Promise<void> {
    // nothing loaded under a leaf
  }
}

/** A node that stands for an AWS resource: it can be copied, opened in the console and shown as JSON. */
export interface ResourceNode {
  /** What "Copy Name" copies: a function name, `name:qualifier`, or a mapping's UUID. */
  readonly resourceName: string;
  /** What "Copy ARN" copies. */
  readonly resourceArn: string | undefined;
  /** The AWS console page, for "Open in AWS Console". */
  consoleUrl(): string | undefined;
  /** Path of the read-only JSON document "Show Details" opens, e.g. `us-east-1/functions/hello-world.json`. */
  readonly detailsPath: string;
  /** The resource as AWS describes it now, for "Show Details". */
  loadDetails(signal: AbortSignal): Promise<unknown>;
}

export function isResourceNode(x: unknown): x is TreeNode & ResourceNode {
  return x instanceof TreeNode && 'resourceName' in x && 'loadDetails' in x;
}
