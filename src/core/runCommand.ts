import * as vscode from 'vscode';
import { describeAwsError, formatDescribedError, isCancellation } from '../shared/awsErrors';
import { log } from './log';

/** Thrown to stop a command with a message the user has already been shown (or needs no more). */
export class UserCancelledError extends Error {
  constructor() {
    super('Cancelled');
    this.name = 'Canceled';
  }
}

/**
 * The one wrapper every command runs in: cancellation is silent; any other error is
 * logged in full to the log channel and shown short, with a way to the log.
 */
export function registerCommand(id: string, handler: (...args: never[]) => unknown): vscode.Disposable {
  return vscode.commands.registerCommand(id, async (...args: unknown[]) => {
    try {
      return await (handler as (...a: unknown[]) => unknown)(...args);
    } catch (err) {
      if (err instanceof UserCancelledError || isCancellation(err)) {
        return undefined;
      }
      const d = describeAwsError(err);
      log().error(`${id}: ${formatDescribedError(d)}${err instanceof Error && err.stack ? `\n${err.stack}` : ''}`);
      const showLog = vscode.l10n.t('Show Log');
      void vscode.window.showErrorMessage(d.hint ? `${d.message} — ${d.hint}` : d.message, showLog).then((choice) => {
        if (choice === showLog) {
          log().show();
        }
      });
      return undefined;
    }
  });
}
