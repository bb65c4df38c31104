/** Reading a payload file from disk, then its checks. Pure: no vscode import. */
import * as fs from 'node:fs';
import { promisify } from 'node:util';
import { checkPayload, CheckedPayload, CheckOptions } from './payloadCheck';
import { isPayloadError, readError, tooLargeError } from './payloadErrors';

/** Files larger than this are refused without being read (far above any limit, comments included). */
export const MAX_READ_BYTES = 64 * 1024 * 1024;

const open = promisify(fs.open);
const fstat = promisify(fs.fstat);
const read = promisify(fs.read);

/**
 * The bytes of a file, read on one handle: its size (fstat) first, so that a file over
 * MAX_READ_BYTES is refused unread, then the whole file in one read. The buffer has a byte
 * to spare, so a file that grew since fstat shows as a full buffer and is read on.
 */
async function readBytes(fsPath: string, opts: CheckOptions): Promise<Uint8Array> {
  const fd = await open(fsPath, 'r');
  try {
    const stat = await fstat(fd);
    if (stat.isDirectory()) {
      throw Object.assign(new Error('EISDIR'), { code: 'EISDIR' });
    }
    if (stat.size > MAX_READ_BYTES) {
      throw tooLargeError(opts.file, stat.size, opts.invocationType);
    }
    let buffer = new Uint8Array(stat.size + 1);
    let length = 0;
    for (;;) {
      if (length === buffer.length) {
        if (length > MAX_READ_BYTES) {
          throw tooLargeError(opts.file, length, opts.invocationType);
        }
        const larger = new Uint8Array(Math.min(2 * length, MAX_READ_BYTES + 1));
        larger.set(buffer);
        buffer = larger;
      }
      const wanted = buffer.length - length;
      const { bytesRead } = await read(fd, buffer, length, wanted, length);
      length += bytesRead;
      // A short read ending at the size fstat gave is the end of the file: no read to confirm it.
      if (bytesRead === 0 || (bytesRead < wanted && length === stat.size)) {
        break;
      }
    }
    return buffer.subarray(0, length);
  } finally {
    // Nothing waits for the close: the bytes are read, and an error closing is of no use.
    fs.close(fd, () => undefined);
  }
}

/** Reads and checks a payload file from disk. Files over MAX_READ_BYTES are refused unread. */
export async function readPayloadFile(fsPath: string, opts: CheckOptions): Promise<CheckedPayload> {
  let bytes: Uint8Array;
  try {
    bytes = await readBytes(fsPath, opts);
  } catch (err) {
    if (isPayloadError(err)) {
      throw err;
    }
    const e = err as NodeJS.ErrnoException;
    throw readError(opts.file, e.code, e.message);
  }
  return checkPayload(bytes, opts);
}
