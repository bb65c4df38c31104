import * as vscode from 'vscode';

/**
 * "Something changed in AWS": a feature that changed a remote resource (an Apply, an enable)
 * says so here, and the views reload. Keeps the features from calling each other.
 */
export interface RemoteChange {
  region: string;
  kind: 'eventInvokeConfig' | 'eventSourceMapping' | 'function';
}

const emitter = new vscode.EventEmitter<RemoteChange>();

export const onDidChangeRemote: vscode.Event<RemoteChange> = emitter.event;

export function remoteChanged(change: RemoteChange): void {
  emitter.fire(change);
}
