/** Messages between the emulator and a handler process (runtime/bootstrap.ts). */

export interface SerializedError {
  errorType: string;
  errorMessage: string;
  trace: string[];
}

export interface InvokeContextData {
  functionName: string;
  functionVersion: string;
  invokedFunctionArn: string;
  memoryLimitInMB: string;
  logGroupName: string;
  logStreamName: string;
  /** Epoch ms after which the invocation times out. */
  deadlineMs: number;
  clientContext?: unknown;
}

export type ParentMessage = { type: 'invoke'; requestId: string; event: string; context: InvokeContextData };

export type ChildMessage =
  | { type: 'ready'; initMs: number; rssBytes: number }
  | { type: 'init-error'; error: SerializedError; initMs: number; rssBytes: number }
  | { type: 'log'; requestId?: string; text: string }
  | {
      type: 'result';
      requestId: string;
      ok: boolean;
      /** JSON text of the handler's result. */
      payload?: string;
      error?: SerializedError;
      /** 'Unhandled' (thrown / rejected) or 'Handled' (callback(err), context.fail). */
      errorKind?: 'Unhandled' | 'Handled';
      durationMs: number;
      maxRssBytes: number;
    };
