/**
 * The `X-Amz-Log-Result` header, in its two forms:
 * - the tail: base64 of the last 4 KB of the execution log. The cut may fall inside a
 *   multi-byte UTF-8 character; those partial leading bytes are dropped so the rest decodes;
 * - the reference (Lambda Managed Instances): base64 of a JSON object
 *   `{"logGroup": …, "logStreamName": …}` naming where the log is in CloudWatch Logs.
 * They are told apart by parsing. Pure: no vscode import.
 */
import { LOG_TAIL_BYTES } from './limits';

export interface DecodedLogTail {
  kind: 'tail';
  text: string;
  /** Bytes in the header after base64 decoding. */
  bytes: number;
  /** The header held the full 4 KB: earlier lines of the log were cut. */
  truncated: boolean;
  /** Continuation bytes at the start (the end of a character cut in half) that were dropped. */
  droppedBytes: number;
}

export interface LogReference {
  kind: 'reference';
  logGroup: string;
  logStreamName: string;
}

export type DecodedLog = DecodedLogTail | LogReference;

/** The reference form, when `raw` is exactly a JSON object naming a log group and stream. */
function asReference(raw: Buffer): LogReference | undefined {
  if (raw.length === 0 || raw.length > 2048 || raw[0] !== 0x7b /* { */) {
    return undefined;
  }
  try {
    const v = JSON.parse(raw.toString('utf8')) as unknown;
    if (typeof v === 'object' && v !== null && !Array.isArray(v)) {
      const o = v as Record<string, unknown>;
      if (typeof o.logGroup === 'string' && o.logGroup && typeof o.logStreamName === 'string' && o.logStreamName) {
        return { kind: 'reference', logGroup: o.logGroup, logStreamName: o.logStreamName };
      }
    }
  } catch {
    // log text that happens to start with a brace
  }
  return undefined;
}

/** Decodes a LogResult; undefined when there is none. */
export function decodeLogResult(logResult: string | undefined): DecodedLog | undefined {
  if (logResult === undefined || logResult === '') {
    return undefined;
  }
  const raw = Buffer.from(logResult, 'base64');
  const reference = asReference(raw);
  if (reference) {
    return reference;
  }
  let start = 0;
  // A UTF-8 character is at most 4 bytes: at most 3 continuation bytes (10xxxxxx) can lead.
  while (start < raw.length && start < 3 && (raw[start] & 0xc0) === 0x80) {
    start++;
  }
  const body = raw.subarray(start);
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(body);
  } catch {
    // Not UTF-8 (a function that writes binary): show what decodes, with replacement characters.
    text = new TextDecoder('utf-8', { fatal: false, ignoreBOM: true }).decode(body);
  }
  return { kind: 'tail', text, bytes: raw.length, truncated: raw.length >= LOG_TAIL_BYTES, droppedBytes: start };
}
