/**
 * What activate() returns. Other extensions get a version number; the test hooks exist only
 * when VS Code runs the extension's own tests (ExtensionMode.Test).
 */
import type * as vscode from 'vscode';
import type { ApplyOutcome } from './config/apply/applyTypes';
import type { Connection } from './core/connection';
import type { Notifier, Severity } from './core/notify';
import type { UserInput } from './core/userInput';
import type { FullLogOutcome } from './logs/fullLog';
import type { TailRecord } from './logs/liveTails';
import type { InvocationRef } from './shared/invocationRef';
import type { LambdaTarget, MappingTarget } from './shared/lambdaTarget';
import type { TreeNode } from './tree/nodes/TreeNode';

export type { ApplyOutcome } from './config/apply/applyTypes';
export type { InvokeOutcome } from './invoke/invoker';
export type { FullLogOutcome } from './logs/fullLog';

export interface WorkbenchApi {
  readonly apiVersion: 1;
  /** Only in ExtensionMode.Test. */
  readonly testing?: TestHooks;
}

export interface ViewsHooks {
  /** Refreshes both views (or one node when given). */
  refresh(node?: unknown): void;
  readonly functionsProvider: vscode.TreeDataProvider<TreeNode>;
  readonly mappingsProvider: vscode.TreeDataProvider<TreeNode>;
  readonly functionsView: vscode.TreeView<TreeNode>;
  readonly mappingsView: vscode.TreeView<TreeNode>;
  /** The palette's pickers. */
  pickFunction(options?: { withQualifier?: boolean; title?: string }): Promise<LambdaTarget>;
  pickMapping(options?: { title?: string }): Promise<MappingTarget>;
}

export interface InvokeHooks {
  readonly outputChannelName: string;
  /** The last block written to "Lambda Invocations" (an output channel cannot be read back through the API). */
  lastOutput(): string;
  /** The blocks written, oldest first (the last 200). */
  outputs(): readonly string[];
  /** Everything appended to the channel since activation, exactly as appended. */
  channelText(): string;
  /** Fires when a whole block (a result, an error, a stream's end) has been appended to the channel: its text. */
  readonly onDidWriteOutput: vscode.Event<string>;
  /** The last error message shown by an invocation (payload or API error). */
  lastError(): string | undefined;
  /** The last response opened in an editor (over the threshold). */
  lastResponseDocument(): vscode.TextDocument | undefined;
  /** Invocations waiting for their answer. */
  running(): number;
  /** Cancels every invocation waiting for its answer (as the progress notification's Cancel does). */
  cancelAll(): number;
  /** The target a payload file is paired with. */
  pairing(uri: vscode.Uri): LambdaTarget | undefined;
  /** The tenant id remembered with a payload file. */
  pairingTenantId(uri: vscode.Uri): string | undefined;
  clearPairings(): Promise<void>;
}

export interface ConfigHooks {
  /** Problems found by the last Apply of each file. */
  readonly diagnostics: vscode.DiagnosticCollection;
  /** URI scheme of the read-only preview documents (current ↔ after). */
  readonly previewScheme: string;
  /** The outcome of the last Apply. */
  readonly lastApply: ApplyOutcome | undefined;
  /** Where Edit and New write files (`<workspace>/.lambda-workbench`), or undefined without a workspace folder. */
  configFolder(): vscode.Uri | undefined;
}

export interface LogsHooks {
  /** The invocations Show Full Log picks from (newest first). */
  recentInvocations(): readonly InvocationRef[];
  /** The last full log shown. */
  lastFullLog(): FullLogOutcome | undefined;
  /** The functions tailed now. */
  tailing(): LambdaTarget[];
  /** What a function's tail channel holds (since its last start), its event count and why it stopped. */
  tail(target: Pick<LambdaTarget, 'region' | 'functionName'>): TailRecord | undefined;
  /** Stops every tail. */
  stopAllTails(): number;
}

export interface RecordedNotification {
  severity: Severity;
  message: string;
  actions: string[];
}

export interface TestHooks {
  readonly connection: Connection;
  readonly views: ViewsHooks;
  readonly invoke: InvokeHooks;
  readonly config: ConfigHooks;
  readonly logs: LogsHooks;
  /** True once dist/aws.js (the AWS SDK) has been loaded. */
  isAwsLoaded(): boolean;
  /** Answer the extension's questions; returns a function that restores the real UI. */
  setUserInput(input: UserInput): () => void;
  /** Take the notifications; returns a function that restores the real ones. */
  setNotifier(notifier: Notifier): () => void;
  /** Every notification shown since activation (newest last). */
  notifications(): readonly RecordedNotification[];
}
