import * as vscode from 'vscode';
import type { ExplorerApi } from '../core/api';
import type { Connection } from '../core/connection';
import { loadConfig } from '../core/lazy';
import { FunctionTarget, MappingTarget, describeTarget, hasFunctionTarget, hasMappingTarget } from '../core/targets';
import type { ConfigFiles } from './configFiles';
import type { MappingState } from './model';

/** `arn:aws:lambda:r:a:function:name[:qualifier]` → `arn:aws:lambda:r:a:function:name`. */
function unqualifiedArn(arn: string | undefined): string | undefined {
  if (!arn) {
    return undefined;
  }
  const parts = arn.split(':');
  return parts.length >= 7 && parts[0] === 'arn' && parts[5] === 'function' ? parts.slice(0, 7).join(':') : undefined;
}

/**
 * Edit and New: open a config file for a function (and qualifier) or a mapping, prefilled
 * with the current settings (Edit) or as a commented template (New, or Edit when there is
 * nothing to prefill). Each returns the file's URI.
 */
export class EditCommands {
  constructor(
    private readonly connection: Connection,
    private readonly explorer: ExplorerApi,
    private readonly files: ConfigFiles,
  ) {}

  private async functionTarget(node: unknown, title: string): Promise<FunctionTarget> {
    return hasFunctionTarget(node) ? node.functionTarget : this.explorer.pickFunction({ withQualifier: true, title });
  }

  private async mappingTarget(node: unknown, title: string): Promise<MappingTarget> {
    return hasMappingTarget(node) ? node.mappingTarget : this.explorer.pickMapping({ title });
  }

  /** Edit Event Invoke Config (`template`: New Event Invoke Config File). */
  async eventInvokeConfig(node: unknown, template: boolean): Promise<vscode.Uri> {
    const target = await this.functionTarget(node, template ? vscode.l10n.t('New Event Invoke Config File') : vscode.l10n.t('Edit Event Invoke Config'));
    const qualifier = target.qualifier && target.qualifier !== '$LATEST' ? target.qualifier : undefined;
    const service = this.connection.service(target.region);
    const state = await vscode.window.withProgress({ location: vscode.ProgressLocation.Window, title: vscode.l10n.t('Reading the event invoke config of {0}…', describeTarget(target)) }, () =>
      service.getEventInvokeConfig(target.functionName, qualifier),
    );
    const model = loadConfig();
    const fileTarget = { functionName: unqualifiedArn(target.functionArn) ?? target.functionName, qualifier, region: target.region };
    const prefilled = !!state && !template;
    const text = prefilled ? model.eventInvokeConfigFile(fileTarget, model.currentEventInvokeSettings(state)) : model.eventInvokeConfigTemplate(fileTarget, { hasConfig: !!state });
    const name = model.eventInvokeConfigFileName(target.functionName, qualifier, !prefilled);
    return this.files.open(name, text, target.region);
  }

  /** Edit Event Source Mapping (`template`: New Event Source Mapping File). */
  async eventSourceMapping(node: unknown, template: boolean): Promise<vscode.Uri> {
    const target = await this.mappingTarget(node, template ? vscode.l10n.t('New Event Source Mapping File') : vscode.l10n.t('Edit Event Source Mapping'));
    const service = this.connection.service(target.region);
    const state = (await vscode.window.withProgress({ location: vscode.ProgressLocation.Window, title: vscode.l10n.t('Reading event source mapping {0}…', target.uuid) }, () =>
      service.getEventSourceMapping(target.uuid),
    )) as MappingState;
    const model = loadConfig();
    const text = template ? model.eventSourceMappingTemplate(state, target.region) : model.eventSourceMappingFile(state);
    const name = model.eventSourceMappingFileName({ uuid: target.uuid, eventSourceArn: state.EventSourceArn ?? target.eventSourceArn, functionArn: state.FunctionArn ?? target.functionArn }, template);
    return this.files.open(name, text, target.region);
  }
}
