/**
 * Response streaming: InvokeWithResponseStream (the answer as an event stream of
 * `PayloadChunk`s, then `InvokeComplete`) and the function URL's `InvokeMode`, which says
 * whether a function streams (GetFunctionUrlConfig, asked once and kept a while). Never
 * imports vscode.
 */
import { GetFunctionUrlConfigCommand, InvokeWithResponseStreamCommand, type LambdaClient } from '@aws-sdk/client-lambda';

export interface InvokeStreamRequest {
  functionName: string;
  qualifier?: string;
  /** `RequestResponse` (default) or `DryRun`: a stream cannot be asynchronous. */
  invocationType?: 'RequestResponse' | 'DryRun';
  payload?: Uint8Array;
  /** Base64 of a JSON object (at most 3,583 bytes). */
  clientContext?: string;
  logType?: 'Tail' | 'None';
  tenantId?: string;
}

/** One event of the stream, in the order it came. */
export type StreamEvent =
  | { kind: 'chunk'; bytes: Uint8Array }
  | { kind: 'complete'; errorCode?: string; errorDetails?: string; logResult?: string };

/** The head of the answer (known before the first chunk) and its events. */
export interface InvokeStreamResponse {
  StatusCode?: number;
  ExecutedVersion?: string;
  ResponseStreamContentType?: string;
  requestId?: string;
  /** Empty for a DryRun (204). Iterating rejects when the connection breaks or the signal aborts. */
  events: AsyncIterable<StreamEvent>;
}

async function* eventsOf(stream: AsyncIterable<{ PayloadChunk?: { Payload?: Uint8Array }; InvokeComplete?: { ErrorCode?: string; ErrorDetails?: string; LogResult?: string } }> | undefined): AsyncGenerator<StreamEvent> {
  if (!stream) {
    return;
  }
  for await (const e of stream) {
    if (e.PayloadChunk) {
      const bytes = e.PayloadChunk.Payload;
      if (bytes && bytes.length > 0) {
        yield { kind: 'chunk', bytes };
      }
    } else if (e.InvokeComplete) {
      const c = e.InvokeComplete;
      yield { kind: 'complete', errorCode: c.ErrorCode || undefined, errorDetails: c.ErrorDetails || undefined, logResult: c.LogResult || undefined };
    }
  }
}

export async function invokeWithResponseStream(client: LambdaClient, req: InvokeStreamRequest, signal?: AbortSignal): Promise<InvokeStreamResponse> {
  const type = req.invocationType ?? 'RequestResponse';
  const out = await client.send(
    new InvokeWithResponseStreamCommand({
      FunctionName: req.functionName,
      Qualifier: req.qualifier,
      InvocationType: type,
      Payload: req.payload,
      ClientContext: type === 'RequestResponse' ? req.clientContext : undefined,
      LogType: type === 'RequestResponse' ? (req.logType ?? 'Tail') : undefined,
      TenantId: req.tenantId,
    }),
    signal ? { abortSignal: signal } : {},
  );
  return {
    StatusCode: out.StatusCode,
    ExecutedVersion: out.ExecutedVersion,
    ResponseStreamContentType: out.ResponseStreamContentType,
    requestId: out.$metadata.requestId,
    events: eventsOf(out.EventStream),
  };
}

export type InvokeMode = 'BUFFERED' | 'RESPONSE_STREAM';

/** How long a function URL's InvokeMode is kept before it is asked again. */
export const INVOKE_MODE_TTL_MS = 5 * 60 * 1000;

const isVersionNumber = (q: string | undefined): boolean => q !== undefined && /^\d+$/.test(q);

/**
 * The InvokeMode of the function URL that serves a target, undefined when it has none.
 * A URL belongs to `$LATEST` or an alias: a version is looked up on the function's own URL, an
 * alias on its URL, else the function's.
 */
async function askInvokeMode(client: LambdaClient, functionName: string, qualifier: string | undefined, signal?: AbortSignal): Promise<InvokeMode | undefined> {
  const tries = qualifier && qualifier !== '$LATEST' && !isVersionNumber(qualifier) ? [qualifier, undefined] : [undefined];
  for (const q of tries) {
    try {
      const out = await client.send(new GetFunctionUrlConfigCommand({ FunctionName: functionName, Qualifier: q }), signal ? { abortSignal: signal } : {});
      return out.InvokeMode === 'RESPONSE_STREAM' ? 'RESPONSE_STREAM' : 'BUFFERED';
    } catch (err) {
      if ((err as { name?: string }).name !== 'ResourceNotFoundException') {
        throw err;
      }
    }
  }
  return undefined;
}

/** InvokeMode per function and qualifier, asked once and kept for `ttlMs` (also a miss). */
export class InvokeModeCache {
  private readonly entries = new Map<string, { at: number; mode: Promise<InvokeMode | undefined> }>();

  constructor(private readonly ttlMs = INVOKE_MODE_TTL_MS) {}

  get(client: LambdaClient, functionName: string, qualifier?: string, signal?: AbortSignal): Promise<InvokeMode | undefined> {
    const key = `${functionName}\n${qualifier ?? ''}`;
    const now = Date.now();
    const hit = this.entries.get(key);
    if (hit && now - hit.at < this.ttlMs) {
      return hit.mode;
    }
    const mode = askInvokeMode(client, functionName, qualifier, signal);
    this.entries.set(key, { at: now, mode });
    // A failure is not kept: the next invoke asks again.
    mode.catch(() => {
      if (this.entries.get(key)?.mode === mode) {
        this.entries.delete(key);
      }
    });
    return mode;
  }

  /** Whether the mode of this target is known (kept and not stale): tests and logs. */
  has(functionName: string, qualifier?: string): boolean {
    const hit = this.entries.get(`${functionName}\n${qualifier ?? ''}`);
    return hit !== undefined && Date.now() - hit.at < this.ttlMs;
  }
}
