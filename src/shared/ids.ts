/**
 * Every id the extension shares with its manifest (package.json): commands, views, context
 * keys, settings. Nodes, CodeLenses, the status bar, the command registry and the manifest test
 * take them from here; no other module of src/ writes one as a literal. Pure.
 */

export const EXTENSION_PREFIX = 'lambdaWorkbench';

export const COMMANDS = {
  refresh: 'lambdaWorkbench.refresh',
  refreshViews: 'lambdaWorkbench.refreshViews',
  selectProfile: 'lambdaWorkbench.selectProfile',
  selectRegions: 'lambdaWorkbench.selectRegions',
  switchConnection: 'lambdaWorkbench.switchConnection',
  filterFunctions: 'lambdaWorkbench.filterFunctions',
  clearFilter: 'lambdaWorkbench.clearFilter',
  loadMore: 'lambdaWorkbench.loadMore',
  retry: 'lambdaWorkbench.retry',
  showLog: 'lambdaWorkbench.showLog',
  copyName: 'lambdaWorkbench.copyName',
  copyArn: 'lambdaWorkbench.copyArn',
  openInConsole: 'lambdaWorkbench.openInConsole',
  showDetails: 'lambdaWorkbench.showDetails',
  enableMapping: 'lambdaWorkbench.enableMapping',
  disableMapping: 'lambdaWorkbench.disableMapping',
  invoke: 'lambdaWorkbench.invoke',
  invokeFile: 'lambdaWorkbench.invokeFile',
  invokeAgain: 'lambdaWorkbench.invokeAgain',
  newPayloadFile: 'lambdaWorkbench.newPayloadFile',
  changePayloadTarget: 'lambdaWorkbench.changePayloadTarget',
  editEventInvokeConfig: 'lambdaWorkbench.editEventInvokeConfig',
  editEventSourceMapping: 'lambdaWorkbench.editEventSourceMapping',
  newEventInvokeConfigFile: 'lambdaWorkbench.newEventInvokeConfigFile',
  newEventSourceMappingFile: 'lambdaWorkbench.newEventSourceMappingFile',
  putEventInvokeConfig: 'lambdaWorkbench.putEventInvokeConfig',
  updateEventInvokeConfig: 'lambdaWorkbench.updateEventInvokeConfig',
  updateEventSourceMapping: 'lambdaWorkbench.updateEventSourceMapping',
  applyConfigFile: 'lambdaWorkbench.applyConfigFile',
  showFullLog: 'lambdaWorkbench.showFullLog',
  showLastFullLog: 'lambdaWorkbench.showLastFullLog',
  tailLogs: 'lambdaWorkbench.tailLogs',
  stopTail: 'lambdaWorkbench.stopTail',
  invokeTestEvent: 'lambdaWorkbench.invokeTestEvent',
  openTestEvent: 'lambdaWorkbench.openTestEvent',
  downloadTestEvent: 'lambdaWorkbench.downloadTestEvent',
  renameTestEvent: 'lambdaWorkbench.renameTestEvent',
  deleteTestEvent: 'lambdaWorkbench.deleteTestEvent',
  saveTestEvent: 'lambdaWorkbench.saveTestEvent',
} as const;

export type CommandName = keyof typeof COMMANDS;
export type CommandId = (typeof COMMANDS)[CommandName];

/** Commands the manifest does not list: run from CodeLenses only. */
export const INTERNAL_COMMANDS: readonly CommandId[] = [COMMANDS.changePayloadTarget];

export const VIEWS = {
  container: 'lambdaWorkbench',
  functions: 'lambdaWorkbench.functions',
  mappings: 'lambdaWorkbench.eventSourceMappings',
} as const;

/** `setContext` keys that menus' `when` clauses read. */
export const CONTEXT_KEYS = {
  filterActive: 'lambdaWorkbench.filterActive',
  /** A live tail is running. */
  tailing: 'lambdaWorkbench.tailing',
  /** True when a custom endpoint is in use (LocalStack, moto, an emulator): no AWS console links. */
  customEndpoint: 'lambdaWorkbench.customEndpoint',
  /** The walkthrough's steps (completionEvents `onContext:<key>`): set when the step is done. */
  walkthroughConnected: 'lambdaWorkbench.walkthrough.connected',
  walkthroughInvoked: 'lambdaWorkbench.walkthrough.invoked',
  walkthroughConfigApplied: 'lambdaWorkbench.walkthrough.configApplied',
} as const;

/** The settings, as `lambdaWorkbench.<key>` (read with getConfiguration(SETTINGS_SECTION).get(key)). */
export const SETTINGS_SECTION = 'lambdaWorkbench';
export const SETTINGS = {
  profile: 'profile',
  regions: 'regions',
  endpoint: 'endpoint',
  pageSize: 'explorer.pageSize',
  responseInEditorThreshold: 'invoke.responseInEditorThreshold',
  logType: 'invoke.logType',
  fullLogWaitSeconds: 'logs.fullLogWaitSeconds',
  tailIdleMinutes: 'logs.tailIdleMinutes',
  streaming: 'invoke.streaming',
  confirmMappingState: 'mappings.confirmStateChange',
} as const;

/** `lambdaWorkbench.<key>`: the full id, for affectsConfiguration() and messages. */
export function settingId(key: (typeof SETTINGS)[keyof typeof SETTINGS]): string {
  return `${SETTINGS_SECTION}.${key}`;
}

/** Other ids the extension registers with VS Code. */
export const OTHER_IDS = {
  statusBar: 'lambdaWorkbench.connection',
  diagnostics: 'lambdaWorkbench.config',
  walkthrough: 'lambdaWorkbench.gettingStarted',
  tailStatusBar: 'lambdaWorkbench.tail',
} as const;

/** The language of full-log documents and live-tail channels (media/lambda-log.tmLanguage.json). */
export const LOG_LANGUAGE_ID = 'lambda-log';
