import * as vscode from 'vscode';
import type { IconSpec } from './model/icons';
import type { TreeItemSpec } from './nodes/TreeNode';

const COLLAPSIBLE = {
  none: vscode.TreeItemCollapsibleState.None,
  collapsed: vscode.TreeItemCollapsibleState.Collapsed,
  expanded: vscode.TreeItemCollapsibleState.Expanded,
} as const;

export function themeIcon(spec: IconSpec): vscode.ThemeIcon {
  return new vscode.ThemeIcon(spec.id, spec.color ? new vscode.ThemeColor(spec.color) : undefined);
}

/** The `vscode.TreeItem` of a node's plain description. */
export function toTreeItem(spec: TreeItemSpec): vscode.TreeItem {
  const item = new vscode.TreeItem(spec.label, COLLAPSIBLE[spec.collapsible]);
  item.id = spec.id;
  item.description = spec.description;
  item.tooltip = spec.tooltip !== undefined ? new vscode.MarkdownString(spec.tooltip) : undefined;
  item.iconPath = themeIcon(spec.icon);
  item.contextValue = spec.contextValue;
  if (spec.command) {
    item.command = { command: spec.command.command, title: spec.command.title, arguments: spec.command.arguments };
  }
  return item;
}
