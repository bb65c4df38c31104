/**
 * Edit and New: open a config file for a function (and qualifier) or a mapping, prefilled with
 * the current settings (Edit) or as a commented template (New, or Edit when there is nothing
 * to prefill). Each returns the file's URI.
 */
import * as vscode from 'vscode';
import type { Connection } from '../core/connection';
import { explicitQualifier, targetLabel, type LambdaTarget, type MappingTarget } from '../shared/lambdaTarget';
import type { ConfigFileStore } from './configFileStore';
import { loadConfigModel } from './configModel';
import type { MappingState } from './model';

/** Edit Event Invoke Config (`template`: New Event Invoke Config File). */
export async function openEventInvokeConfigFile(connection: Connection, files: ConfigFileStore, target: LambdaTarget, template: boolean): Promise<vscode.Uri> {
  const qualifier = explicitQualifier(target.qualifier);
  const service = connection.service(target.region);
  const state = await vscode.window.withProgress({ location: vscode.ProgressLocation.Window, title: vscode.l10n.t('Reading the event invoke config of {0}…', targetLabel(target)) }, () =>
    service.getEventInvokeConfig(target.functionName, qualifier),
  );
  const model = loadConfigModel();
  const prefilled = !!state && !template;
  const text = prefilled ? model.eventInvokeConfigFile(target, model.currentEventInvokeSettings(state)) : model.eventInvokeConfigTemplate(target, { hasConfig: !!state });
  const name = model.eventInvokeConfigFileName(target.functionName, qualifier, !prefilled);
  return files.open(name, text, target.region);
}

/** Edit Event Source Mapping (`template`: New Event Source Mapping File). */
export async function openEventSourceMappingFile(connection: Connection, files: ConfigFileStore, target: MappingTarget, template: boolean): Promise<vscode.Uri> {
  const service = connection.service(target.region);
  const state = (await vscode.window.withProgress({ location: vscode.ProgressLocation.Window, title: vscode.l10n.t('Reading event source mapping {0}…', target.uuid) }, () =>
    service.getEventSourceMapping(target.uuid),
  )) as MappingState;
  const model = loadConfigModel();
  const text = template ? model.eventSourceMappingTemplate(state, target.region) : model.eventSourceMappingFile(state);
  const name = model.eventSourceMappingFileName({ uuid: target.uuid, eventSourceArn: state.EventSourceArn ?? target.eventSourceArn, functionArn: state.FunctionArn ?? target.functionArn }, template);
  return files.open(name, text, target.region);
}
