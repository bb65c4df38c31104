/**
 * The `X-Amz-Log-Result` header: base64 of the last 4 KB of the execution log. The cut
 * may fall inside a multi-byte UTF-8 character; those partial leading bytes are dropped
 * so the rest decodes cleanly. Pure: no vscode import.
 */
import { LOG_TAIL_BYTES } from './limits';

export interface DecodedLog {
  text: string;
  /** Bytes in the header after base64 decoding. */
  bytes: number;
  /** The header held the full 4 KB: earlier lines of the log were cut. */
  truncated: boolean;
  /** Continuation bytes at the start (the end of a character cut in half) that were dropped. */
  droppedBytes: number;
}

/** Decodes a LogResult; undefined when there is none. */
export function decodeLogResult(logResult: string | undefined): DecodedLog | undefined {
  if (logResult === undefined || logResult === '') {
    return undefined;
  }
  const raw = Buffer.from(logResult, 'base64');
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
  return { text, bytes: raw.length, truncated: raw.length >= LOG_TAIL_BYTES, droppedBytes: start };
}
