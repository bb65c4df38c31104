/**
 * The hooks the extension's own tests use: read what the output channel holds, answer
 * questions, record notifications, reach the views and the last Apply. Bundled on its own
 * (dist/testHooks.js, not packaged) and required by activate() only in ExtensionMode.Test;
 * everything stateful it reaches is handed in, so that it works on the extension's own
 * instances.
 */
import type * as vscode from 'vscode';
import type { RecordedNotification, TestHooks } from './api';
import type { Workbench } from './commands/workbench';
import type { ConfigDiagnostics } from './config/configDiagnostics';
import type { Notifier } from './core/notify';
import type { UserInput } from './core/userInput';
import type { pickFunction, pickMapping } from './pickers/resourcePickers';

export interface TestHookDeps {
  wb: Workbench;
  diagnostics: ConfigDiagnostics;
  previewScheme: string;
  outputChannelName: string;
  isAwsLoaded(): boolean;
  setUserInput(input: UserInput): () => void;
  notifier(): Notifier;
  setNotifier(n: Notifier): () => void;
  pickFunction: typeof pickFunction;
  pickMapping: typeof pickMapping;
}

export function testHooks(d: TestHookDeps): TestHooks {
  const { wb } = d;
  const recorded: RecordedNotification[] = [];
  const real = d.notifier();
  // Records every notification, then shows it as usual (a test may set another notifier on top).
  d.setNotifier({
    show(severity, message, actions) {
      recorded.push({ severity, message, actions: actions.map((a) => a.title) });
      real.show(severity, message, actions);
    },
  });
  return {
    connection: wb.connection,
    views: {
      refresh: (node?: unknown) => wb.views.refresh(node),
      functionsProvider: wb.views.functions,
      mappingsProvider: wb.views.mappings,
      functionsView: wb.views.functionsView,
      mappingsView: wb.views.mappingsView,
      pickFunction: (options) => d.pickFunction(wb.connection, options),
      pickMapping: (options) => d.pickMapping(wb.connection, options),
    },
    invoke: {
      outputChannelName: d.outputChannelName,
      lastOutput: () => wb.output.last(),
      outputs: () => wb.output.all(),
      channelText: () => wb.output.text(),
      onDidWriteOutput: wb.output.onDidWrite,
      lastError: () => wb.invoker.lastError,
      lastResponseDocument: () => wb.invoker.lastResponseDocument,
      running: () => wb.invoker.runningCount,
      cancelAll: () => wb.invoker.cancelAll(),
      pairing: (uri: vscode.Uri) => wb.pairings.get(uri)?.target,
      pairingTenantId: (uri: vscode.Uri) => wb.pairings.get(uri)?.tenantId,
      clearPairings: () => wb.pairings.clear(),
    },
    config: {
      diagnostics: d.diagnostics.collection,
      previewScheme: d.previewScheme,
      get lastApply() {
        return wb.applier.lastOutcome;
      },
      configFolder: () => wb.configFiles.folder(),
    },
    logs: {
      recentInvocations: () => wb.invoker.recentInvocations(),
      lastFullLog: () => wb.fullLogs.lastOutcome,
      tailing: () => wb.tails.running(),
      tail: (target) => wb.tails.record(target),
      stopAllTails: () => wb.tails.stopAll(),
    },
    isAwsLoaded: d.isAwsLoaded,
    setUserInput: d.setUserInput,
    setNotifier: d.setNotifier,
    notifications: () => [...recorded],
  };
}
