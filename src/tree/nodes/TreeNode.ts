import type { CommandId } from '../../shared/ids';
import type { IconSpec } from '../model/icons';
import type { ViewContext } from './viewContext';

/**
 * What a row of a view shows, without VS Code's classes (src/tree/toTreeItem.ts makes the
 * `vscode.TreeItem`), so that nodes are unit-tested as plain objects.
 */
export interface TreeItemSpec {
  id: string;
  label: string;
  description?: string;
  /** Markdown (already escaped where it quotes names). */
  tooltip?: string;
  icon: IconSpec;
  contextValue: string;
  collapsible: 'none' | 'collapsed' | 'expanded';
  /** What a click runs. */
  command?: { command: CommandId; title: string; arguments: unknown[] };
}

/** A node of the Functions or Event Source Mappings view. Pure: no vscode import. */
export abstract class TreeNode {
  abstract readonly id: string;

  constructor(
    readonly ctx: ViewContext,
    readonly parent: TreeNode | undefined,
  ) {}

  abstract getTreeItem(): TreeItemSpec;

  getChildren(): Promise<TreeNode[]> {
    return Promise.resolve([]);
  }

  /**
   * Fills in what is costly to compute, on hover (the tooltip, as Markdown); undefined keeps
   * the tooltip of getTreeItem. See TreeDataProvider.resolveTreeItem.
   */
  resolveTooltip(_signal: AbortSignal): Promise<string | undefined> {
    return Promise.resolve(undefined);
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
