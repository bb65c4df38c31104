import type { LambdaReader } from '../../aws';
import type { ErrorContext } from '../../shared/awsErrors';
import type { TestEventReader } from '../../testEvents/model/store';
import type { ErrorNode } from './ErrorNode';
import type { MappingNode } from './MappingNode';
import type { TreeNode } from './TreeNode';

/**
 * What the nodes of a view need from their view: their AWS access (a reader per region, which
 * a unit test replaces with a fake), load generations, redraws, the filter, logging. Pure: the
 * view (src/tree/viewProvider.ts) implements it on top of VS Code.
 */
export interface ViewContext {
  readonly viewId: string;
  /** What the nodes read Lambda with, per region. */
  reader(region: string): LambdaReader;
  /** The signal of the current load generation: aborted when the view is refreshed. */
  signal(): AbortSignal;
  /** Tells VS Code that a node (undefined: the whole view) changed. */
  changed(node: TreeNode | undefined): void;
  /** The function-name test while a filter is active (Functions view only). */
  matcher(): ((name: string | undefined) => boolean) | undefined;
  filterText(): string | undefined;
  /** Functions per page: the setting `lambdaWorkbench.explorer.pageSize` (1–50). */
  pageSize(): number;
  /** Logs a failed load in full to the log channel. */
  logFailure(what: string, region: string, err: unknown): void;
  errorContext(region: string): ErrorContext;
  /** Remembers a mapping node so that state changes (enable/disable) reach it. */
  trackMapping(node: MappingNode): void;
  /** Runs `task` with the progress bar of this view. */
  withViewProgress<T>(task: () => Promise<T>): PromiseLike<T>;
  /** Reloads what is under `node` and redraws it. */
  refreshNode(node: TreeNode): Promise<void>;
  /**
   * Remembers an error node shown (`shown` true) or forgets it (retried): a call that succeeds
   * elsewhere on the same connection retries what is shown (src/tree/views.ts).
   */
  trackError?(node: ErrorNode, shown: boolean): void;
  /** The shareable test events (Lambda console) of a region. */
  testEvents(region: string): TestEventReader;
  /** The workspace payload files paired with a function (any qualifier), most recently used first. */
  pairedPayloads(region: string, functionName: string): PairedPayload[];
}

/** A payload file of the workspace as the tree shows it. */
export interface PairedPayload {
  /** The file's URI, as a string. */
  uri: string;
  /** Its path relative to the workspace. */
  label: string;
  /** The qualifier it was last invoked on, if any. */
  qualifier?: string;
  invocationType?: string;
}
