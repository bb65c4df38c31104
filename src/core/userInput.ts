import * as vscode from 'vscode';

/**
 * Every question the extension asks goes through this interface, so that a test can
 * answer them, and a test that meets an unexpected question fails instead of hanging.
 */
export interface UserInput {
  showQuickPick<T extends vscode.QuickPickItem>(items: readonly T[] | Promise<readonly T[]>, options: vscode.QuickPickOptions & { canPickMany: true }): Promise<T[] | undefined>;
  showQuickPick<T extends vscode.QuickPickItem>(items: readonly T[] | Promise<readonly T[]>, options?: vscode.QuickPickOptions): Promise<T | undefined>;
  showInputBox(options: vscode.InputBoxOptions): Promise<string | undefined>;
  /** A modal question; resolves to the chosen item or undefined (cancel). */
  showWarningMessage<T extends string>(message: string, options: vscode.MessageOptions, ...items: T[]): Promise<T | undefined>;
  showOpenDialog(options: vscode.OpenDialogOptions): Promise<vscode.Uri[] | undefined>;
}

class VsCodeUserInput implements UserInput {
  showQuickPick<T extends vscode.QuickPickItem>(items: readonly T[] | Promise<readonly T[]>, options?: vscode.QuickPickOptions): Promise<T | T[] | undefined> {
    return Promise.resolve(vscode.window.showQuickPick(items, options) as Thenable<T | T[] | undefined>);
  }
  showInputBox(options: vscode.InputBoxOptions): Promise<string | undefined> {
    return Promise.resolve(vscode.window.showInputBox(options));
  }
  showWarningMessage<T extends string>(message: string, options: vscode.MessageOptions, ...items: T[]): Promise<T | undefined> {
    return Promise.resolve(vscode.window.showWarningMessage(message, options, ...items));
  }
  showOpenDialog(options: vscode.OpenDialogOptions): Promise<vscode.Uri[] | undefined> {
    return Promise.resolve(vscode.window.showOpenDialog(options));
  }
}

let current: UserInput = new VsCodeUserInput() as UserInput;

export function ui(): UserInput {
  return current;
}

/** For tests: replace the source of answers; returns a function that restores the real one. */
export function setUserInput(input: UserInput): () => void {
  const previous = current;
  current = input;
  return () => {
    current = previous;
  };
}
