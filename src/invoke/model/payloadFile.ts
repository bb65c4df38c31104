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

/** What identifies a file's content on disk without reading it: it changes whenever the file is written. */
interface FileIdentity {
  fsPath: string;
  dev: bigint;
  ino: bigint;
  size: bigint;
  mtimeNs: bigint;
  ctimeNs: bigint;
}

function sameFile(a: FileIdentity, b: FileIdentity): boolean {
  return a.fsPath === b.fsPath && a.dev === b.dev && a.ino === b.ino && a.size === b.size && a.mtimeNs === b.mtimeNs && a.ctimeNs === b.ctimeNs;
}

/**
 * The last payload file found good, and for which invocation type (the size limits differ):
 * invoking the same unchanged file again (the usual loop: change the handler, invoke again)
 * takes it from here instead of reading and checking it again. Any write to the file changes
 * its ctime (nanoseconds), so a changed file is always read again.
 */
let lastGood: { id: FileIdentity; invocationType: CheckOptions['invocationType']; checked: CheckedPayload } | undefined;

/** Forgets the last payload found good (tests). */
export function forgetCheckedPayloads(): void {
  lastGood = undefined;
}

/**
 * The bytes of a file, read on `fd` whose fstat is `stat`: a file over MAX_READ_BYTES is
 * refused unread, then the whole file in one read. The buffer has a byte to spare, so a file
 * that grew since fstat shows as a full buffer and is read on.
 */
async function readBytes(fd: number, size: number, opts: CheckOptions): Promise<Uint8Array> {
  if (size > MAX_READ_BYTES) {
    throw tooLargeError(opts.file, size, opts.invocationType);
  }
  let buffer = new Uint8Array(size + 1);
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
    if (bytesRead === 0 || (bytesRead < wanted && length === size)) {
      break;
    }
  }
  return buffer.subarray(0, length);
}

/** Nothing waits for the close: the bytes are read, and an error closing is of no use. */
function closeQuietly(fd: number): void {
  fs.close(fd, () => undefined);
}

/**
 * Reads and checks a payload file from disk, on one handle: its fstat first (a directory, or a
 * file over MAX_READ_BYTES, is refused unread; the same unchanged file as the last good one is
 * not read again), then the whole file in one read, then the checks.
 */
export async function readPayloadFile(fsPath: string, opts: CheckOptions): Promise<CheckedPayload> {
  let fd: number | undefined;
  try {
    fd = await open(fsPath, 'r');
    const stat = await fstat(fd, { bigint: true });
    if (stat.isDirectory()) {
      throw Object.assign(new Error('EISDIR'), { code: 'EISDIR' });
    }
    const id: FileIdentity = { fsPath, dev: stat.dev, ino: stat.ino, size: stat.size, mtimeNs: stat.mtimeNs, ctimeNs: stat.ctimeNs };
    if (lastGood && lastGood.invocationType === opts.invocationType && sameFile(lastGood.id, id)) {
      return lastGood.checked;
    }
    const bytes = await readBytes(fd, Number(stat.size), opts);
    closeQuietly(fd);
    fd = undefined;
    const checked = checkPayload(bytes, opts);
    lastGood = { id, invocationType: opts.invocationType, checked };
    return checked;
  } catch (err) {
    if (isPayloadError(err)) {
      throw err;
    }
    const e = err as NodeJS.ErrnoException;
    throw readError(opts.file, e.code, e.message);
  } finally {
    if (fd !== undefined) {
      closeQuietly(fd);
    }
  }
}
