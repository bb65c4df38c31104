import type { EventSourceMappingConfiguration } from '@aws-sdk/client-lambda';
import * as vscode from 'vscode';
import type { HasMappingTarget, MappingTarget } from '../../core/targets';
import { consoleUrl, parseArn } from '../../shared/arn';
import type { ExplorerContext } from '../explorerContext';
import { mappingArn } from '../model/arns';
import { mappingContextValue } from '../model/contextValues';
import { mappingStateIcon } from '../model/icons';
import { mappingDescription, mappingLabel, mappingSourceName, mappingTooltip } from '../model/labels';
import { themeIcon } from './themeIcon';
import { ResourceNode, TreeNode } from './TreeNode';

/**
 * An event source mapping: label = the queue, stream or table and its kind; its state as
 * the icon; description = state · batch size · function. In both views.
 */
export class MappingNode extends TreeNode implements HasMappingTarget, ResourceNode {
  private current: EventSourceMappingConfiguration;

  constructor(
    ctx: ExplorerContext,
    parent: TreeNode | undefined,
    readonly id: string,
    readonly region: string,
    mapping: EventSourceMappingConfiguration,
  ) {
    super(ctx, parent);
    this.current = mapping;
    ctx.trackMapping(this);
  }

  get mapping(): EventSourceMappingConfiguration {
    return this.current;
  }

  get uuid(): string {
    return this.current.UUID ?? '';
  }

  get state(): string | undefined {
    return this.current.State;
  }

  get sourceName(): string {
    return mappingSourceName(this.current);
  }

  get mappingTarget(): MappingTarget {
    return { region: this.region, uuid: this.uuid, functionArn: this.current.FunctionArn, eventSourceArn: this.current.EventSourceArn };
  }

  /** Takes a newer description of the mapping (or just its new state); the provider redraws the node. */
  update(mapping: EventSourceMappingConfiguration | { State: string }): void {
    this.current = 'UUID' in mapping ? mapping : { ...this.current, State: mapping.State };
  }

  get resourceName(): string {
    return this.uuid;
  }

  get resourceArn(): string | undefined {
    return mappingArn(this.current, this.region);
  }

  get detailsPath(): string {
    return `${this.region}/event-source-mappings/${this.uuid}.json`;
  }

  consoleUrl(): string {
    return consoleUrl({ kind: 'mapping', region: this.region, uuid: this.uuid }, parseArn(this.current.FunctionArn ?? '')?.partition);
  }

  loadDetails(signal: AbortSignal): Promise<unknown> {
    return this.ctx.connection.service(this.region).getEventSourceMapping(this.uuid, { signal });
  }

  getTreeItem(): vscode.TreeItem {
    const item = new vscode.TreeItem(mappingLabel(this.current), vscode.TreeItemCollapsibleState.None);
    item.id = this.id;
    item.description = mappingDescription(this.current);
    item.tooltip = new vscode.MarkdownString(mappingTooltip(this.current));
    item.iconPath = themeIcon(mappingStateIcon(this.current.State));
    item.contextValue = mappingContextValue(this.current.State);
    return item;
  }

  /** Refresh: asks AWS for the mapping again. */
  override async reset(): Promise<void> {
    this.update(await this.ctx.connection.service(this.region).getEventSourceMapping(this.uuid, { signal: this.ctx.signal() }));
  }
}
