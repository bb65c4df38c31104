import * as vscode from 'vscode';
import { COMMANDS } from '../shared/ids';
import { log } from './log';

/**
 * Every notification the extension shows goes through this seam, beside `ui()` for questions:
 * one place decides how an error, a warning or a result is shown, with which actions (Show
 * Log, Show Output, Open File, Show Problems), and a test can record or answer them without
 * touching `vscode.window`.
 */
export type Severity = 'error' | 'warning' | 'info';

export interface NotificationAction {
  readonly title: string;
  run(): unknown;
}

export interface Notifier {
  /** Shows the message; an action runs when its button is clicked. Never waits for the person. */
  show(severity: Severity, message: string, actions: readonly NotificationAction[]): void;
}

class VsCodeNotifier implements Notifier {
  show(severity: Severity, message: string, actions: readonly NotificationAction[]): void {
    const titles = actions.map((a) => a.title);
    const shown =
      severity === 'error'
        ? vscode.window.showErrorMessage(message, ...titles)
        : severity === 'warning'
          ? vscode.window.showWarningMessage(message, ...titles)
          : vscode.window.showInformationMessage(message, ...titles);
    void Promise.resolve(shown).then(
      (choice) => actions.find((a) => a.title === choice)?.run(),
      (err: unknown) => log().warn(`Could not show a notification: ${String(err)}`),
    );
  }
}

let current: Notifier = new VsCodeNotifier();

export function notifier(): Notifier {
  return current;
}

/** For tests: replace (or wrap) the notifier; returns a function that restores the previous one. */
export function setNotifier(n: Notifier): () => void {
  const previous = current;
  current = n;
  return () => {
    current = previous;
  };
}

export function showError(message: string, ...actions: NotificationAction[]): void {
  current.show('error', message, actions);
}

export function showWarning(message: string, ...actions: NotificationAction[]): void {
  current.show('warning', message, actions);
}

export function showInfo(message: string, ...actions: NotificationAction[]): void {
  current.show('info', message, actions);
}

/** The actions notifications offer. */
export const actions = {
  showLog: (): NotificationAction => ({ title: vscode.l10n.t('Show Log'), run: () => log().show() }),
  showProblems: (): NotificationAction => ({ title: vscode.l10n.t('Show Problems'), run: () => vscode.commands.executeCommand('workbench.actions.view.problems') }),
  openFile: (uri: vscode.Uri, line?: number, column?: number): NotificationAction => ({
    title: vscode.l10n.t('Open File'),
    run: async () => {
      const pos = new vscode.Position(Math.max(0, (line ?? 1) - 1), Math.max(0, (column ?? 1) - 1));
      await vscode.window.showTextDocument(uri, { selection: new vscode.Range(pos, pos) });
    },
  }),
  custom: (title: string, run: () => unknown): NotificationAction => ({ title, run }),
  /** Runs one of the extension's commands. */
  command: (title: string, command: (typeof COMMANDS)[keyof typeof COMMANDS], ...args: unknown[]): NotificationAction => ({ title, run: () => vscode.commands.executeCommand(command, ...args) }),
};
