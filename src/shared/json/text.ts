/**
 * Small helpers on JSON text that need no parser: places in the text (offset ↔ line and
 * column), the end of a string token, and a cheap nesting-depth check. Shared by the payload
 * checks, the result formatting and the config files. Pure.
 */

/** 0-based line and character (UTF-16 code units), as in VS Code. */
export interface TextPosition {
  line: number;
  character: number;
}

/** Offsets to 0-based positions, for a text read many times (a config file and its problems). `\r\n`, `\r` and `\n` end lines. */
export class LineIndex {
  private readonly starts: number[] = [0];

  constructor(readonly text: string) {
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 13 /* \r */) {
        if (text.charCodeAt(i + 1) === 10) {
          i++;
        }
        this.starts.push(i + 1);
      } else if (c === 10 /* \n */) {
        this.starts.push(i + 1);
      }
    }
  }

  positionAt(offset: number): TextPosition {
    const o = Math.max(0, Math.min(offset, this.text.length));
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid] <= o) {
        lo = mid;
      } else {
        hi = mid - 1;
      }
    }
    return { line: lo, character: o - this.starts[lo] };
  }
}

/** 1-based line and column of an offset (columns count UTF-16 units, as the editor shows them), for one place in a text. */
export function lineColumnAt(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  const end = Math.min(offset, text.length);
  for (let i = 0; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 /* \n */) {
      line++;
      lineStart = i + 1;
    } else if (c === 13 /* \r */) {
      if (text.charCodeAt(i + 1) === 10 && i + 1 < end) {
        i++;
      }
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: end - lineStart + 1 };
}

/** The offset just after the string that starts (with its quote) at `start`; -1 when it is not closed. */
export function stringEnd(text: string, start: number): number {
  let end = start;
  for (;;) {
    end = text.indexOf('"', end + 1);
    if (end < 0) {
      return -1;
    }
    // Closed by the first quote not escaped by an odd number of backslashes.
    let k = end - 1;
    while (text.charCodeAt(k) === 0x5c /* \ */) {
      k--;
    }
    if ((end - 1 - k) % 2 === 0) {
      return end + 1;
    }
  }
}

/**
 * Whether objects and arrays may nest deeper than `max`: one pass over the characters that
 * jumps over strings, far cheaper than a tokenizer. On valid JSON it counts exactly; on
 * anything else it may be wrong either way, so its only use is to decide whether the exact
 * (tokenizer) check must run before a recursive parser sees the text.
 */
export function mayNestDeeperThan(text: string, max: number): boolean {
  let depth = 0;
  const n = text.length;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c === 34 /* " */) {
      const end = stringEnd(text, i);
      if (end < 0) {
        return false; // not closed: not JSON, the exact check runs on the slow path
      }
      i = end - 1;
    } else if (c === 123 /* { */ || c === 91 /* [ */) {
      if (++depth > max) {
        return true;
      }
    } else if ((c === 125 /* } */ || c === 93 /* ] */) && depth > 0) {
      depth--;
    }
  }
  return false;
}
