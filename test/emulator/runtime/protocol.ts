/**
 * Messages between the emulator and a handler process (runtime/bootstrap.ts).
 *
 * Two channels: the IPC channel carries control messages (invoke, log lines, result); a
 * separate pipe (the child's fd 4, see STREAM_FD) carries the bytes a streaming handler writes
 * to its response stream, in frames, so that the emulator can pause reading when the HTTP
 * client is slow and the handler's writes then see backpressure, as on Lambda.
 */

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
  /** TenantId of a tenant-isolated function's invocation (context.tenantId). */
  tenantId?: string;
}

export type ParentMessage = { type: 'invoke'; requestId: string; event: string; context: InvokeContextData };

export type ChildMessage =
  | { type: 'ready'; initMs: number; rssBytes: number }
  | { type: 'init-error'; error: SerializedError; initMs: number; rssBytes: number }
  | {
      type: 'log';
      requestId?: string;
      text: string;
      /** Epoch ms the line was written. */
      time: number;
      /** A raw write (process.stdout.write): split into lines by the emulator, not one event. */
      raw?: boolean;
    }
  | {
      type: 'result';
      requestId: string;
      ok: boolean;
      /** JSON text of the handler's result (not for streaming handlers: their bytes went through the stream pipe). */
      payload?: string;
      /** true when the handler streamed its response (its bytes and an END frame went through the stream pipe). */
      streamed?: boolean;
      error?: SerializedError;
      /** 'Unhandled' (thrown / rejected) or 'Handled' (callback(err), context.fail). */
      errorKind?: 'Unhandled' | 'Handled';
      durationMs: number;
      maxRssBytes: number;
    };

/** The child's file descriptor of the stream pipe (stdio index in fork()). */
export const STREAM_FD = 4;

/** Frame types on the stream pipe: 5-byte header (type, big-endian u32 length), then the body. */
export const FrameType = {
  /** Bytes the handler wrote. */
  Data: 1,
  /** JSON {requestId, contentType}: sent before the first Data frame (or the End frame). */
  Meta: 2,
  /** JSON {requestId}: the response stream is closed; no more Data for this request. */
  End: 3,
} as const;
export type FrameType = (typeof FrameType)[keyof typeof FrameType];

export const FRAME_HEADER_BYTES = 5;
/** Data frames carry at most this much (larger writes are split): one PayloadChunk each. */
export const MAX_FRAME_DATA = 64 * 1024;

export function frameHeader(type: FrameType, length: number): Buffer {
  const h = Buffer.allocUnsafe(FRAME_HEADER_BYTES);
  h.writeUInt8(type, 0);
  h.writeUInt32BE(length, 1);
  return h;
}

export interface Frame {
  type: FrameType;
  body: Buffer;
}

/** Reassembles frames from the pieces a pipe delivers. */
export class FrameReader {
  private pending: Buffer[] = [];
  private pendingBytes = 0;

  /** Adds bytes; returns the frames now complete, in order. */
  push(chunk: Buffer): Frame[] {
    this.pending.push(chunk);
    this.pendingBytes += chunk.length;
    const frames: Frame[] = [];
    for (;;) {
      if (this.pendingBytes < FRAME_HEADER_BYTES) {
        return frames;
      }
      const head = this.peek(FRAME_HEADER_BYTES);
      const length = head.readUInt32BE(1);
      if (this.pendingBytes < FRAME_HEADER_BYTES + length) {
        return frames;
      }
      const all = this.take(FRAME_HEADER_BYTES + length);
      frames.push({ type: all.readUInt8(0) as FrameType, body: all.subarray(FRAME_HEADER_BYTES) });
    }
  }

  private peek(n: number): Buffer {
    if (this.pending[0].length < n) {
      this.pending = [Buffer.concat(this.pending)];
    }
    return this.pending[0].subarray(0, n);
  }

  private take(n: number): Buffer {
    const first = this.pending[0];
    let out: Buffer;
    if (first.length >= n) {
      out = first.subarray(0, n);
      if (first.length === n) {
        this.pending.shift();
      } else {
        this.pending[0] = first.subarray(n);
      }
    } else {
      const all = Buffer.concat(this.pending);
      out = all.subarray(0, n);
      this.pending = all.length > n ? [all.subarray(n)] : [];
    }
    this.pendingBytes -= n;
    return out;
  }
}
