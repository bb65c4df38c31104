import type * as http from 'node:http';
import type { Fault, UnreadableBody } from './faults';
import type { StreamWriter } from './operations/context';

/*
 * Answers out of the ordinary: streamed bodies (InvokeWithResponseStream), and the faults that
 * spoil an answer after the operation was carried out ("2xx with an unreadable body", "2xx with
 * an unexpected content type"): the change is made, the function runs, and the client is left
 * with an answer it cannot read.
 */

/**
 * A streamed answer pauses its writer once this much waits in the send buffer (then resumes
 * when it has drained): bounded memory for a slow client, enough in flight for a fast one.
 */
export const STREAM_SEND_BUFFER = 1024 * 1024;

/** What a proxy or captive portal in between might answer instead of the service. */
export const FOREIGN_PAGE =
  '<!DOCTYPE html>\n<html><head><title>Sign in to the network</title></head><body><h1>Sign in to continue</h1><p>This network requires you to sign in before you can reach the internet.</p></body></html>\n';

export interface Answer {
  headers: Record<string, string>;
  payload?: Buffer;
  /** Declare the whole length but send only this many bytes, then close the connection. */
  cutAt?: number;
}

/** JSON with every number written NaN: what the SDK reads as a number is not one (and it is not JSON). */
function withNaN(json: string): string | undefined {
  const marker = '\u0000NaN\u0000';
  let replaced = 0;
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    return undefined;
  }
  const text = JSON.stringify(value, (_k, v: unknown) => {
    if (typeof v === 'number') {
      replaced++;
      return marker;
    }
    return v;
  });
  return replaced === 0 ? undefined : text.split(JSON.stringify(marker)).join('NaN');
}

/**
 * The answer to send instead of a 2xx one under a spoiling fault. `json` tells a JSON answer
 * from a blob (Invoke's payload); 204 and other statuses are left as they are.
 */
export function spoilAnswer(fault: Fault, status: number, answer: Answer, json: boolean): Answer {
  if (status < 200 || status >= 300 || status === 204) {
    return answer;
  }
  if (fault.contentType !== undefined) {
    return { headers: { ...answer.headers, 'Content-Type': fault.contentType }, payload: Buffer.from(FOREIGN_PAGE) };
  }
  if (fault.unreadableBody === undefined) {
    return answer;
  }
  const payload = answer.payload ?? Buffer.alloc(0);
  let mode: UnreadableBody = fault.unreadableBody === true ? (json ? 'truncated' : 'cut') : fault.unreadableBody;
  if (mode === 'nan') {
    const nan = json ? withNaN(payload.toString('utf8')) : undefined;
    if (nan !== undefined) {
      return { headers: answer.headers, payload: Buffer.from(nan) };
    }
    mode = 'truncated';
  }
  if (mode === 'truncated' && payload.length >= 2) {
    return { headers: answer.headers, payload: payload.subarray(0, Math.floor(payload.length / 2)) };
  }
  // Nothing to cut in half (or 'cut'): promise a body and break off half-way.
  const promised = payload.length >= 2 ? payload : Buffer.from('{"message":"an answer that never arrives whole"}');
  return { headers: answer.headers, payload: promised, cutAt: Math.floor(promised.length / 2) };
}

/**
 * The writer of a streamed answer (event stream) after its head was sent. Under a spoiling
 * fault the function still runs and its bytes are taken, but the client gets a corrupted first
 * event (unreadable body) or an HTML page (content type).
 */
export function streamWriter(res: http.ServerResponse, fault: Fault | undefined): StreamWriter {
  let spoiled = false;
  if (fault?.cutStreamAfterMs !== undefined) {
    // The connection is cut mid-stream (a proxy or the network in between): the function runs on.
    const timer = setTimeout(() => res.destroy(), fault.cutStreamAfterMs);
    res.once('close', () => clearTimeout(timer));
  }
  const dropping = (): boolean => res.destroyed || res.writableEnded || spoiled || fault?.contentType !== undefined;
  return {
    write(data: Uint8Array): boolean {
      if (dropping()) {
        return true;
      }
      if (fault?.unreadableBody !== undefined) {
        // The first event arrives with a wrong checksum: the SDK cannot decode the stream.
        const copy = Buffer.from(data);
        copy[copy.length - 1] ^= 0xff;
        spoiled = true;
        res.write(copy);
        return true;
      }
      res.write(data);
      return res.writableLength < STREAM_SEND_BUFFER;
    },
    onDrain(callback: () => void): void {
      const done = (): void => {
        res.off('drain', done);
        res.off('close', done);
        callback();
      };
      res.on('drain', done);
      res.on('close', done);
    },
    get closed(): boolean {
      return res.destroyed;
    },
    end(): void {
      if (!res.writableEnded) {
        res.end(fault?.contentType !== undefined ? FOREIGN_PAGE : undefined);
      }
    },
  };
}
