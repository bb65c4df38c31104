import type * as vscode from 'vscode';
import type { ConfigApi } from '../config/registerConfig';
import type { InvokeApi } from '../invoke/registerInvoke';
import type { Connection } from './connection';
import type { FunctionTarget, MappingTarget } from './targets';
import type { UserInput } from './userInput';

/** What the explorer offers the rest of the extension. */
export interface ExplorerApi {
  /** Refreshes both views (or one node when given). */
  refresh(node?: unknown): void;
  /** Palette fallback: pick a function in the shown regions, then (withQualifier) `$LATEST`, a version or an alias. */
  pickFunction(options?: { withQualifier?: boolean; title?: string }): Promise<FunctionTarget>;
  /** Palette fallback: pick an event source mapping in the shown regions. */
  pickMapping(options?: { title?: string }): Promise<MappingTarget>;
  readonly functionsProvider: vscode.TreeDataProvider<unknown>;
  readonly mappingsProvider: vscode.TreeDataProvider<unknown>;
  readonly functionsView: vscode.TreeView<unknown>;
  readonly mappingsView: vscode.TreeView<unknown>;
}

/** Returned by activate(): used by the integration tests, and stable for other extensions. */
export interface WorkbenchApi {
  readonly connection: Connection;
  readonly explorer: ExplorerApi;
  /** True once dist/aws.js (the AWS SDK) has been loaded. */
  isAwsLoaded(): boolean;
  /** For tests: answer the extension's questions; returns a function that restores the real UI. */
  setUserInput(input: UserInput): () => void;
  readonly invoke: InvokeApi;
  readonly config: ConfigApi;
}
