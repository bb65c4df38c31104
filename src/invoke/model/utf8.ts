/** Strict UTF-8 decoding of payload bytes, with the place of the first bad byte. Pure. */
import { lineColumnAt } from '../../shared/json/text';
import { t } from '../../shared/l10n';
import { PayloadError } from './payloadErrors';

// Stateless between calls (no streaming): one instance serves every payload.
const strictDecoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** Offset of the first byte that starts an invalid UTF-8 sequence, or -1 when all of `bytes` is valid UTF-8. */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i];
    if (b < 0x80) {
      i++;
      continue;
    }
    let need: number;
    let min: number;
    let cp: number;
    if (b >= 0xc2 && b <= 0xdf) {
      need = 1;
      min = 0x80;
      cp = b & 0x1f;
    } else if (b >= 0xe0 && b <= 0xef) {
      need = 2;
      min = 0x800;
      cp = b & 0x0f;
    } else if (b >= 0xf0 && b <= 0xf4) {
      need = 3;
      min = 0x10000;
      cp = b & 0x07;
    } else {
      return i;
    }
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) {
        return i;
      }
      cp = (cp << 6) | (c & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) {
      return i;
    }
    i += need + 1;
  }
  return -1;
}

function hex(b: number): string {
  return `0x${b.toString(16).toUpperCase().padStart(2, '0')}`;
}

/** Strict UTF-8 decoding (`TextDecoder` with `fatal: true`); a failure names the first bad byte's line and column. */
export function decodeUtf8Strict(bytes: Uint8Array, file: string): string {
  if (bytes.length >= 2 && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))) {
    throw new PayloadError('encoding', file, t('{0} is UTF-16 (byte order mark {1} {2}): payloads must be UTF-8. Save the file with UTF-8 encoding.', file, hex(bytes[0]).slice(2), hex(bytes[1]).slice(2)), 1, 1);
  }
  try {
    return strictDecoder.decode(bytes);
  } catch {
    const bad = Math.max(0, firstInvalidUtf8(bytes));
    const before = new TextDecoder('utf-8', { fatal: false, ignoreBOM: true }).decode(bytes.subarray(0, bad));
    const { line, column } = lineColumnAt(before, before.length);
    throw new PayloadError('encoding', file, t('{0} is not valid UTF-8: byte {1} at line {2}, column {3} cannot be decoded. Save the file with UTF-8 encoding.', file, hex(bytes[bad] ?? 0), line, column), line, column);
  }
}
