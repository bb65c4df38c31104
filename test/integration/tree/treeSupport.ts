/**
 * Reading the Explorer's views in the integration tests: the providers' children with their
 * TreeItems, and "Load more…" until the end. The extension runs from its bundle, so nodes
 * are recognised by their TreeItem (contextValue, label), never with instanceof.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';

export type Provider = vscode.TreeDataProvider<unknown>;

export interface Row {
  node: unknown;
  item: vscode.TreeItem;
  id: string;
  label: string;
  description: string;
  contextValue: string;
  /** Plain text of the tooltip (Markdown escapes undone). */
  tooltip: string;
  /** Codicon id of a ThemeIcon. */
  icon: string | undefined;
  iconColor: string | undefined;
}

export function labelText(item: vscode.TreeItem): string {
  const l = item.label;
  return typeof l === 'string' ? l : (l?.label ?? '');
}

/** The text a person reads in a tooltip: Markdown escapes and `&nbsp;` undone. */
function tooltipText(t: vscode.TreeItem['tooltip']): string {
  const text = typeof t === 'string' ? t : (t?.value ?? '');
  return text.replace(/&nbsp;/g, ' ').replace(/\\([\\`*_{}[\]()#+\-.!|<>~])/g, '$1');
}

export async function toRow(provider: Provider, node: unknown): Promise<Row> {
  const item = await provider.getTreeItem(node);
  const icon = item.iconPath as { id?: string; color?: { id?: string } } | undefined;
  return {
    node,
    item,
    id: item.id ?? '',
    label: labelText(item),
    description: typeof item.description === 'string' ? item.description : '',
    contextValue: item.contextValue ?? '',
    icon: icon?.id,
    iconColor: icon?.color?.id,
    tooltip: tooltipText(item.tooltip),
  };
}

/** The tooltip as VS Code shows it on hover: after TreeDataProvider.resolveTreeItem. */
export async function hoverTooltip(provider: Provider, row: Row): Promise<string> {
  const item = await provider.getTreeItem(row.node);
  const source = new vscode.CancellationTokenSource();
  try {
    const resolved = provider.resolveTreeItem && item.tooltip === undefined ? await provider.resolveTreeItem(item, row.node, source.token) : item;
    return tooltipText((resolved ?? item).tooltip);
  } finally {
    source.dispose();
  }
}

export async function rows(provider: Provider, parent?: Row | unknown): Promise<Row[]> {
  const node = parent && typeof parent === 'object' && 'item' in parent && 'node' in parent ? (parent as Row).node : parent;
  const nodes = (await provider.getChildren(node)) ?? [];
  return Promise.all(nodes.map((n) => toRow(provider, n)));
}

export function find(list: Row[], label: string): Row {
  const row = list.find((r) => r.label === label);
  assert.ok(row, `no node "${label}" among: ${list.map((r) => `${r.label} [${r.contextValue}]`).join(', ')}`);
  return row;
}

export function ofKind(list: Row[], contextValue: string | RegExp): Row[] {
  return list.filter((r) => (typeof contextValue === 'string' ? r.contextValue === contextValue : contextValue.test(r.contextValue)));
}

/**
 * Clicks "Load more…" (through its command, as a click does) until the list has none;
 * returns the children then and the number of clicks.
 */
export async function loadToEnd(provider: Provider, parent?: Row, maxClicks = 1000): Promise<{ rows: Row[]; clicks: number }> {
  const node = parent?.node;
  let clicks = 0;
  for (;;) {
    const nodes = (await provider.getChildren(node)) ?? [];
    const last = nodes.length ? await toRow(provider, nodes[nodes.length - 1]) : undefined;
    if (last?.contextValue !== 'loadMore') {
      return { rows: await rows(provider, node), clicks };
    }
    assert.ok(clicks < maxClicks, `still a "Load more…" after ${clicks} clicks`);
    assert.equal(last.item.command?.command, 'lambdaWorkbench.loadMore');
    await vscode.commands.executeCommand('lambdaWorkbench.loadMore', ...(last.item.command?.arguments ?? []));
    clicks++;
  }
}
