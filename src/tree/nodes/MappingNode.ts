import type { EventSourceMappingConfiguration } from '@aws-sdk/client-lambda';
import { consoleUrl, mappingArn, partitionOfArn } from '../../shared/arn';
import type { HasMappingTarget, MappingTarget } from '../../shared/lambdaTarget';
import { mappingContextValue } from '../model/contextValues';
import { mappingStateIcon } from '../model/icons';
import { mappingDescription, mappingLabel, mappingSourceName, mappingTooltip } from '../model/labels';
import { ResourceNode, TreeItemSpec, TreeNode } from './TreeNode';
import type { ViewContext } from './viewContext';

/**
 * An event source mapping: label = the queue, stream or table and its kind; its state as
 * the icon; description = state · batch size · function. In both views.
 */
export class MappingNode extends TreeNode implements HasMappingTarget, ResourceNode {
  private current: EventSourceMappingConfiguration;

  constructor(
    ctx: ViewContext,
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
    return consoleUrl({ kind: 'mapping', region: this.region, uuid: this.uuid }, partitionOfArn(this.current.FunctionArn));
  }

  loadDetails(signal: AbortSignal): Promise<unknown> {
    return this.ctx.reader(this.region).getEventSourceMapping(this.uuid, { signal });
  }

  getTreeItem(): TreeItemSpec {
    return {
      id: this.id,
      label: mappingLabel(this.current),
      description: mappingDescription(this.current),
      tooltip: mappingTooltip(this.current),
      icon: mappingStateIcon(this.current.State),
      contextValue: mappingContextValue(this.current.State),
      collapsible: 'none',
    };
  }

  /** Refresh: asks AWS for the mapping again. */
  override async reset(): Promise<void> {
    this.update(await this.ctx.reader(this.region).getEventSourceMapping(this.uuid, { signal: this.ctx.signal() }));
  }
}
