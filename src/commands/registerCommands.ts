/**
 * The command registry: every command of the extension, by id, with its handler. Each handler
 * lives in its own file under src/commands/<feature>/<verbNoun>.ts and takes the workbench
 * then what VS Code passes (a tree node, a URI, …); from the palette it gets nothing and asks.
 * Every handler runs in the one wrapper (src/core/registerCommand.ts).
 */
import type * as vscode from 'vscode';
import { registerCommand } from '../core/registerCommand';
import { COMMANDS, type CommandName } from '../shared/ids';
import { applyConfigFile } from './config/applyConfigFile';
import { editEventInvokeConfig } from './config/editEventInvokeConfig';
import { editEventSourceMapping } from './config/editEventSourceMapping';
import { newEventInvokeConfigFile } from './config/newEventInvokeConfigFile';
import { newEventSourceMappingFile } from './config/newEventSourceMappingFile';
import { putEventInvokeConfig } from './config/putEventInvokeConfig';
import { updateEventInvokeConfig } from './config/updateEventInvokeConfig';
import { updateEventSourceMapping } from './config/updateEventSourceMapping';
import { selectProfile } from './connection/selectProfile';
import { selectRegions } from './connection/selectRegions';
import { switchConnection } from './connection/switchConnection';
import { changePayloadTarget } from './invoke/changePayloadTarget';
import { invokeAgain } from './invoke/invokeAgain';
import { invokeFile } from './invoke/invokeFile';
import { invokeFunction } from './invoke/invokeFunction';
import { newPayloadFile } from './invoke/newPayloadFile';
import { showLog } from './log/showLog';
import { showFullLog } from './logs/showFullLog';
import { showLastFullLog } from './logs/showLastFullLog';
import { stopTail } from './logs/stopTail';
import { tailLogs } from './logs/tailLogs';
import { disableMapping } from './mappings/disableMapping';
import { enableMapping } from './mappings/enableMapping';
import { copyArn } from './resources/copyArn';
import { copyName } from './resources/copyName';
import { openInConsole } from './resources/openInConsole';
import { showDetails } from './resources/showDetails';
import { clearFilter } from './views/clearFilter';
import { filterFunctions } from './views/filterFunctions';
import { loadMore } from './views/loadMore';
import { refresh } from './views/refresh';
import { refreshViews } from './views/refreshViews';
import { deleteTestEvent } from './testEvents/deleteTestEvent';
import { downloadTestEvent } from './testEvents/downloadTestEvent';
import { invokeTestEvent } from './testEvents/invokeTestEvent';
import { openTestEvent } from './testEvents/openTestEvent';
import { renameTestEvent } from './testEvents/renameTestEvent';
import { saveTestEvent } from './testEvents/saveTestEvent';
import { retry } from './views/retry';
import type { CommandHandler, Workbench } from './workbench';

/** Every command: the compiler checks that none is missing. */
export const HANDLERS: Readonly<Record<CommandName, CommandHandler>> = {
  refresh,
  refreshViews,
  selectProfile,
  selectRegions,
  switchConnection,
  filterFunctions,
  clearFilter,
  loadMore,
  retry,
  showLog,
  copyName,
  copyArn,
  openInConsole,
  showDetails,
  enableMapping,
  disableMapping,
  invoke: invokeFunction,
  invokeFile,
  invokeAgain,
  newPayloadFile,
  changePayloadTarget,
  editEventInvokeConfig,
  editEventSourceMapping,
  newEventInvokeConfigFile,
  newEventSourceMappingFile,
  putEventInvokeConfig,
  updateEventInvokeConfig,
  updateEventSourceMapping,
  applyConfigFile,
  showFullLog,
  showLastFullLog,
  tailLogs,
  stopTail,
  invokeTestEvent,
  openTestEvent,
  downloadTestEvent,
  renameTestEvent,
  deleteTestEvent,
  saveTestEvent,
};

export function registerCommands(wb: Workbench): vscode.Disposable[] {
  return (Object.keys(HANDLERS) as CommandName[]).map((name) => registerCommand(COMMANDS[name], (...args: unknown[]) => HANDLERS[name](wb, ...args)));
}
