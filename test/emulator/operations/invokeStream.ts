import { EventStreamCodec } from '@smithy/eventstream-codec';
import { fromUtf8, toUtf8 } from '@smithy/util-utf8';
import type { ResponseSink } from '../runtime/sandbox';
import { OpContext, OpResult, StreamWriter } from './context';
import { logResult, prepareInvocation, runInvocation } from './invoke';

/** The content type of an event-stream answer (ResponseStreamContentType). */
export const EVENT_STREAM_CONTENT_TYPE = 'application/vnd.amazon.eventstream';

const codec = new EventStreamCodec(toUtf8, fromUtf8);

/** One event of the answer's event stream, encoded by the SDK family's codec. */
function eventMessage(eventType: 'PayloadChunk' | 'InvokeComplete', body: Uint8Array, contentType: string): Uint8Array {
  return codec.encode({
    headers: {
      ':event-type': { type: 'string', value: eventType },
      ':message-type': { type: 'string', value: 'event' },
      ':content-type': { type: 'string', value: contentType },
    },
    body,
  });
}

/** A PayloadChunk event: the bytes as the handler wrote them. */
export const payloadChunk = (data: Uint8Array): Uint8Array => eventMessage('PayloadChunk', data, 'application/octet-stream');

/** The InvokeComplete event that ends the stream: ErrorCode and ErrorDetails on failure, LogResult when asked. */
export function invokeComplete(fields: { ErrorCode?: string; ErrorDetails?: string; LogResult?: string }): Uint8Array {
  const body: Record<string, string> = {};
  for (const [k, v] of Object.entries(fields)) {
    if (v !== undefined) {
      body[k] = v;
    }
  }
  return eventMessage('InvokeComplete', fromUtf8(JSON.stringify(body)), 'application/json');
}

/**
 * POST /2021-11-15/functions/{FunctionName}/response-streaming-invocations
 *
 * The answer is an event stream: a streaming handler's writes become PayloadChunk events as
 * they are written (the handler waits when the client is slow), a buffered handler's result one
 * PayloadChunk; then InvokeComplete, with ErrorCode (the error type) and ErrorDetails (the error
 * object, as Invoke answers it) when the function failed, and LogResult.
 */
export async function invokeWithResponseStream(ctx: OpContext): Promise<OpResult> {
  const p = prepareInvocation(ctx, true);
  if (p.invocationType === 'DryRun') {
    return { status: 204 };
  }
  const limit = ctx.store.limits.streamedResponseBytes;
  return {
    status: 200,
    headers: { 'Content-Type': EVENT_STREAM_CONTENT_TYPE, 'X-Amz-Executed-Version': p.target.version },
    stream: async (out: StreamWriter) => {
      let completed = false;
      const complete = (fields: Parameters<typeof invokeComplete>[0]): void => {
        if (!completed) {
          completed = true;
          out.write(invokeComplete(fields));
          out.end();
        }
      };
      const sink: ResponseSink = {
        // A client that went away does not stop the function: its bytes are dropped, as on AWS.
        chunk: (data) => (completed || out.closed ? true : out.write(payloadChunk(data))),
        onDrain: (resume) => out.onDrain(resume),
        overflow: (max) =>
          complete({
            ErrorCode: 'Function.ResponseSizeTooLarge',
            ErrorDetails: JSON.stringify({ errorMessage: `Response payload size exceeded maximum allowed payload size (${max} bytes).`, errorType: 'Function.ResponseSizeTooLarge' }),
          }),
      };
      const outcome = await runInvocation(ctx, p, { sink, streamLimit: limit, streamed: true });
      if (!outcome.streamed && outcome.status === 'success' && !completed) {
        out.write(payloadChunk(outcome.payload));
      }
      complete({
        ErrorCode: outcome.status === 'success' ? undefined : outcome.errorType,
        ErrorDetails: outcome.status === 'success' ? undefined : outcome.payload.toString('utf8'),
        LogResult: logResult(p, outcome),
      });
    },
  };
}
