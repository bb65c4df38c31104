import * as vscode from 'vscode';
import { redactSecrets } from '../shared/redact';

/**
 * The diagnostics log ("Lambda Workbench" output channel). Never given credentials or signed
 * headers; as a safeguard, whatever is written (messages, error stacks) passes through
 * `redactSecrets`, since the messages of AWS errors can quote them.
 */
let channel: vscode.LogOutputChannel | undefined;

const WRITERS = new Set<PropertyKey>(['trace', 'debug', 'info', 'warn', 'error', 'append', 'appendLine', 'replace']);

function clean(arg: unknown): unknown {
  if (typeof arg === 'string') {
    return redactSecrets(arg);
  }
  if (arg instanceof Error) {
    return redactSecrets(arg.stack ?? `${arg.name}: ${arg.message}`);
  }
  return arg;
}

function redacting(target: vscode.LogOutputChannel): vscode.LogOutputChannel {
  return new Proxy(target, {
    get(t, prop) {
      const value: unknown = Reflect.get(t, prop);
      if (typeof value !== 'function') {
        return value;
      }
      if (WRITERS.has(prop)) {
        return (...args: unknown[]) => (value as (...a: unknown[]) => unknown).apply(t, args.map(clean));
      }
      return (value as (...a: unknown[]) => unknown).bind(t);
    },
  });
}

export function log(): vscode.LogOutputChannel {
  channel ??= redacting(vscode.window.createOutputChannel('Lambda Workbench', { log: true }));
  return channel;
}

export function disposeLog(): void {
  channel?.dispose();
  channel = undefined;
}
