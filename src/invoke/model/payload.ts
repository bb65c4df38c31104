/**
 * Payload files: read the bytes, decode them as strict UTF-8, parse them as JSON (comments
 * and trailing commas are allowed and stripped before sending), and check the size against
 * the limit of the invocation type. Anything wrong is a PayloadError naming the file and,
 * where it applies, the line and column; the caller then sends nothing.
 * Pure: no vscode import.
 */
import * as fs from 'node:fs';
import { promisify } from 'node:util';
import { createScanner, parse, ParseError, ParseErrorCode, SyntaxKind } from 'jsonc-parser';
import { t } from '../../shared/l10n';
import { formatBytes, formatLimit, groupDigits, InvocationType, payloadLimit } from './limits';

export type PayloadErrorCode = 'notFound' | 'notAFile' | 'unreadable' | 'encoding' | 'syntax' | 'tooDeep' | 'tooLarge';

/** One problem at a place in the file (1-based line and column; columns count UTF-16 units, as the editor does). */
export interface PayloadIssue {
  line: number;
  column: number;
  offset: number;
  message: string;
}

/** Why a payload cannot be sent. `line`/`column` are set for encoding and syntax problems. */
export class PayloadError extends Error {
  constructor(
    readonly code: PayloadErrorCode,
    readonly file: string,
    message: string,
    readonly line?: number,
    readonly column?: number,
    /** Every syntax problem found (the message names the first). */
    readonly issues: readonly PayloadIssue[] = [],
  ) {
    super(message);
    this.name = 'PayloadError';
  }
}

export function isPayloadError(err: unknown): err is PayloadError {
  return err instanceof PayloadError || (typeof err === 'object' && err !== null && (err as { name?: string }).name === 'PayloadError' && 'file' in err);
}

/** A payload that passed every check: `bytes` is exactly what is sent. */
export interface CheckedPayload {
  bytes: Uint8Array;
  /** The JSON text that is sent. */
  text: string;
  /** A UTF-8 byte order mark was removed. */
  bomRemoved: boolean;
  commentsRemoved: number;
  trailingCommasRemoved: number;
  /** The file held only whitespace: `{}` is sent. */
  empty: boolean;
}

export interface CheckOptions {
  /** How the file is named in messages (a workspace-relative path). */
  file: string;
  invocationType: InvocationType;
}

/** Files larger than this are refused without being read (far above any limit, comments included). */
export const MAX_READ_BYTES = 64 * 1024 * 1024;

const UTF8_BOM = [0xef, 0xbb, 0xbf];

// Stateless between calls (no streaming): one instance each serves every payload.
const strictDecoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
const utf8Encoder = new TextEncoder();

/** 1-based line and column of a UTF-16 offset in `text` (`\r\n`, `\r` and `\n` end lines). */
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

const PARSE_MESSAGES: Record<number, () => string> = {
  [ParseErrorCode.InvalidSymbol]: () => t('unexpected character'),
  [ParseErrorCode.InvalidNumberFormat]: () => t('invalid number'),
  [ParseErrorCode.PropertyNameExpected]: () => t('property name expected'),
  [ParseErrorCode.ValueExpected]: () => t('value expected'),
  [ParseErrorCode.ColonExpected]: () => t('colon expected'),
  [ParseErrorCode.CommaExpected]: () => t('comma expected'),
  [ParseErrorCode.CloseBraceExpected]: () => t('closing brace expected'),
  [ParseErrorCode.CloseBracketExpected]: () => t('closing bracket expected'),
  [ParseErrorCode.EndOfFileExpected]: () => t('end of file expected (more than one JSON value)'),
  [ParseErrorCode.InvalidCommentToken]: () => t('invalid comment'),
  [ParseErrorCode.UnexpectedEndOfComment]: () => t('comment not closed'),
  [ParseErrorCode.UnexpectedEndOfString]: () => t('string not closed'),
  [ParseErrorCode.UnexpectedEndOfNumber]: () => t('number not complete'),
  [ParseErrorCode.InvalidUnicode]: () => t('invalid unicode escape'),
  [ParseErrorCode.InvalidEscapeCharacter]: () => t('invalid escape character'),
  [ParseErrorCode.InvalidCharacter]: () => t('control character in a string (escape it)'),
};

function syntaxError(file: string, issues: PayloadIssue[]): PayloadError {
  const first = issues[0];
  const more = issues.length > 1 ? t(' (+{0} more)', issues.length - 1) : '';
  return new PayloadError('syntax', file, t('Invalid JSON in {0} at line {1}, column {2}: {3}{4}.', file, first.line, first.column, first.message, more), first.line, first.column, issues);
}

interface Removal {
  start: number;
  end: number;
  kind: 'comment' | 'comma';
}

/** Comments and trailing commas of (otherwise valid) JSONC text, as ranges to remove. */
function findRemovals(text: string): Removal[] {
  const scanner = createScanner(text, false);
  const removals: Removal[] = [];
  let pendingComma: number | undefined;
  for (let kind = scanner.scan(); kind !== SyntaxKind.EOF; kind = scanner.scan()) {
    switch (kind) {
      case SyntaxKind.Trivia:
      case SyntaxKind.LineBreakTrivia:
        break;
      case SyntaxKind.LineCommentTrivia:
      case SyntaxKind.BlockCommentTrivia:
        removals.push({ start: scanner.getTokenOffset(), end: scanner.getTokenOffset() + scanner.getTokenLength(), kind: 'comment' });
        break;
      case SyntaxKind.CommaToken:
        pendingComma = scanner.getTokenOffset();
        break;
      case SyntaxKind.CloseBraceToken:
      case SyntaxKind.CloseBracketToken:
        if (pendingComma !== undefined) {
          removals.push({ start: pendingComma, end: pendingComma + 1, kind: 'comma' });
        }
        pendingComma = undefined;
        break;
      default:
        pendingComma = undefined;
    }
  }
  return removals.sort((a, b) => a.start - b.start);
}

/**
 * Removes the ranges, so the result reads as if it had been written without them: a
 * comment alone on its line goes with its line; a comment that starts a line keeps the
 * indentation and loses the spaces after it; any other comment loses the spaces before it.
 */
function applyRemovals(text: string, removals: Removal[]): string {
  const isSpace = (c: string | undefined) => c === ' ' || c === '\t';
  const isEol = (c: string | undefined) => c === '\n' || c === '\r';
  let out = '';
  let pos = 0;
  for (const r of removals) {
    let start = r.start;
    let end = r.end;
    if (r.kind === 'comment') {
      let lineStart = start;
      while (lineStart > pos && isSpace(text[lineStart - 1])) {
        lineStart--;
      }
      const before = lineStart > pos ? text[lineStart - 1] : out[out.length - 1];
      const startsLine = before === undefined || isEol(before);
      let after = end;
      while (isSpace(text[after])) {
        after++;
      }
      if (startsLine && (after >= text.length || isEol(text[after]))) {
        // Alone on its line: drop the line.
        start = lineStart;
        end = text[after] === '\r' && text[after + 1] === '\n' ? after + 2 : after < text.length ? after + 1 : after;
      } else if (startsLine) {
        end = after;
      } else {
        start = lineStart;
      }
    }
    out += text.slice(pos, start);
    pos = Math.max(pos, end);
  }
  return out + text.slice(pos);
}

/**
 * Deepest nesting of objects and arrays a payload may have. The JSON parser used for the
 * checks is recursive: far deeper input (100,000 levels fit in 200 KB) would overflow the
 * extension host's stack, so it is refused before parsing, with its place in the file.
 */
export const MAX_PAYLOAD_DEPTH = 1000;

/** Throws PayloadError `tooDeep` when objects and arrays nest deeper than MAX_PAYLOAD_DEPTH (an iterative scan). */
function checkDepth(text: string, file: string): void {
  const scanner = createScanner(text, true);
  let depth = 0;
  for (let kind = scanner.scan(); kind !== SyntaxKind.EOF; kind = scanner.scan()) {
    if (kind === SyntaxKind.OpenBraceToken || kind === SyntaxKind.OpenBracketToken) {
      depth++;
      if (depth > MAX_PAYLOAD_DEPTH) {
        const { line, column } = lineColumnAt(text, scanner.getTokenOffset());
        throw new PayloadError(
          'tooDeep',
          file,
          t('{0} is nested too deeply: more than {1} levels of objects and arrays at line {2}, column {3}. A payload may nest at most {1} levels.', file, groupDigits(MAX_PAYLOAD_DEPTH), line, column),
          line,
          column,
        );
      }
    } else if ((kind === SyntaxKind.CloseBraceToken || kind === SyntaxKind.CloseBracketToken) && depth > 0) {
      depth--;
    }
  }
}

/**
 * Whether objects and arrays may nest deeper than MAX_PAYLOAD_DEPTH: one pass over the
 * characters that jumps over strings (indexOf), far cheaper than the tokenizer. On valid JSON
 * it counts exactly as checkDepth does; on anything else it may be wrong either way, which is
 * why its only use is to decide whether checkDepth must run before JSON.parse (see
 * checkPayloadText).
 */
function mayBeTooDeep(text: string): boolean {
  let depth = 0;
  const n = text.length;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c === 34 /* " */) {
      // The closing quote is the first one not escaped by an odd number of backslashes.
      let end = i;
      for (;;) {
        end = text.indexOf('"', end + 1);
        if (end < 0) {
          return false; // not closed: not JSON, checkDepth runs on the slow path
        }
        let k = end - 1;
        while (text.charCodeAt(k) === 92 /* \ */) {
          k--;
        }
        if ((end - 1 - k) % 2 === 0) {
          break;
        }
      }
      i = end;
    } else if (c === 123 /* { */ || c === 91 /* [ */) {
      if (++depth > MAX_PAYLOAD_DEPTH) {
        return true;
      }
    } else if ((c === 125 /* } */ || c === 93 /* ] */) && depth > 0) {
      depth--;
    }
  }
  return false;
}

function isStrictJson(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

/**
 * Checks payload text (already decoded; a leading BOM character is removed) and returns
 * what is sent. Throws PayloadError on a syntax error or when the payload is over the limit.
 */
export function checkPayloadText(text: string, opts: CheckOptions, bomRemoved = false): CheckedPayload {
  return checkText(text, opts, bomRemoved, undefined);
}

/**
 * checkPayloadText, given also the UTF-8 bytes `text` was decoded from (strictly, so that
 * encoding `text` again gives them back): when nothing is removed from the text, those bytes
 * are what is sent, without encoding the text again.
 */
function checkText(text: string, opts: CheckOptions, bomRemoved: boolean, decodedFrom: Uint8Array | undefined): CheckedPayload {
  if (text.charCodeAt(0) === 0xfeff) {
    text = text.slice(1);
    bomRemoved = true;
    decodedFrom = undefined;
  }
  let sent = text;
  /** `sent` is `text` unchanged (so `decodedFrom` is its encoding). */
  let unchanged = true;
  let empty = false;
  let commentsRemoved = 0;
  let trailingCommasRemoved = 0;
  if (text.trim() === '') {
    sent = '{}';
    unchanged = false;
    empty = true;
  } else {
    // The depth limit comes first, as on the slow path: JSON.parse would take seconds on
    // millions of levels before they are refused.
    if (mayBeTooDeep(text)) {
      checkDepth(text, opts.file);
    }
    // Strict JSON (the common case) is checked by JSON.parse alone: on valid JSON,
    // mayBeTooDeep counts as checkDepth does. Otherwise: depth with the tokenizer, then
    // parse as JSONC (for the place of each error) and strip comments and trailing commas.
    if (!isStrictJson(text)) {
      checkDepth(text, opts.file);
      const errors: ParseError[] = [];
      parse(text, errors, { allowTrailingComma: true, disallowComments: false, allowEmptyContent: false });
      if (errors.length > 0) {
        const issues = errors.map((e) => ({ offset: e.offset, ...lineColumnAt(text, e.offset), message: (PARSE_MESSAGES[e.error] ?? (() => t('syntax error')))() }));
        throw syntaxError(opts.file, issues);
      }
      const removals = findRemovals(text);
      if (removals.length > 0) {
        commentsRemoved = removals.filter((r) => r.kind === 'comment').length;
        trailingCommasRemoved = removals.length - commentsRemoved;
        sent = applyRemovals(text, removals);
        unchanged = false;
      }
      if (!isStrictJson(sent)) {
        // jsonc-parser accepted what JSON.parse does not: report it rather than send it.
        throw syntaxError(opts.file, [{ offset: 0, line: 1, column: 1, message: t('not valid JSON once comments and trailing commas are removed') }]);
      }
    }
  }
  const bytes = decodedFrom && unchanged ? decodedFrom : utf8Encoder.encode(sent);
  const limit = payloadLimit(opts.invocationType);
  if (bytes.length > limit) {
    throw tooLargeError(opts.file, bytes.length, opts.invocationType);
  }
  return { bytes, text: sent, bomRemoved, commentsRemoved, trailingCommasRemoved, empty };
}

export function tooLargeError(file: string, size: number, type: InvocationType): PayloadError {
  return new PayloadError('tooLarge', file, t('{0} is {1}: over the limit of {2} for {3} invocations.', file, formatBytes(size), formatLimit(payloadLimit(type)), type));
}

/** Checks the bytes of a payload file: BOM, strict UTF-8, JSON, size. */
export function checkPayload(bytes: Uint8Array, opts: CheckOptions): CheckedPayload {
  let bomRemoved = false;
  if (bytes.length >= 3 && bytes[0] === UTF8_BOM[0] && bytes[1] === UTF8_BOM[1] && bytes[2] === UTF8_BOM[2]) {
    bytes = bytes.subarray(3);
    bomRemoved = true;
  }
  const text = decodeUtf8Strict(bytes, opts.file);
  return checkText(text, opts, bomRemoved, bytes);
}

/** The PayloadError for a file that could not be read (`code` is the Node error code, e.g. ENOENT). */
export function readError(file: string, code: string | undefined, detail: string): PayloadError {
  if (code === 'ENOENT' || code === 'FileNotFound' || code === 'ENOTDIR') {
    return new PayloadError('notFound', file, t('Payload file not found: {0}.', file));
  }
  if (code === 'EISDIR' || code === 'FileIsADirectory') {
    return new PayloadError('notAFile', file, t('{0} is a folder, not a payload file.', file));
  }
  return new PayloadError('unreadable', file, t('Could not read {0}: {1}', file, detail));
}

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
