import * as vscode from 'vscode';

/** The diagnostics log ("Lambda Workbench" output channel). Never given credentials or signed headers. */
let channel: vscode.LogOutputChannel | undefined;

export function log(): vscode.LogOutputChannel {
  channel ??= vscode.window.createOutputChannel('Lambda Workbench', { log: true });
  return channel;
}

export function disposeLog(): void {
  channel?.dispose();
  channel = undefined;
}
