import * as vscode from 'vscode';
import { isCancellation } from '../shared/awsErrors';
import type { CommandId } from '../shared/ids';
import { isSilentStop } from './errors';
import { reportError } from './reportError';

/**
 * The wrapper every command runs in (the registry, src/commands/registerCommands.ts, is its
 * only caller): a cancelled or already-reported stop is silent; any other error is logged whole
 * and shown short, with Show Log.
 */
export function registerCommand(id: CommandId, handler: (...args: unknown[]) => unknown): vscode.Disposable {
  return vscode.commands.registerCommand(id, async (...args: unknown[]) => {
    try {
      return await handler(...args);
    } catch (err) {
      if (isSilentStop(err) || isCancellation(err)) {
        return undefined;
      }
      reportError(err, { logAs: id });
      return undefined;
    }
  });
}
