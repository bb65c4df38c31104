/**
 * The checks a payload passes before it is sent: strict UTF-8, JSON (comments and trailing
 * commas allowed, and stripped before sending), nesting depth, and the size limit of the
 * invocation type. Anything wrong is a PayloadError; the caller then sends nothing.
 * Pure: no vscode import.
 */
import { parse, ParseError } from 'jsonc-parser';
import { firstTooDeep, MAX_JSON_DEPTH, syntaxProblems } from '../../shared/json/parse';
import { lineColumnAt, mayNestDeeperThan } from '../../shared/json/text';
import { t } from '../../shared/l10n';
import { stripJsonc } from './jsoncStrip';
import { groupDigits, InvocationType, payloadLimit } from './limits';
import { PayloadError, PayloadIssue, tooLargeError } from './payloadErrors';
import { decodeUtf8Strict } from './utf8';

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

/**
 * Deepest nesting of objects and arrays a payload may have. The JSON parser used for the
 * checks is recursive: far deeper input (100,000 levels fit in 200 KB) would overflow the
 * extension host's stack, so it is refused before parsing, with its place in the file.
 */
export const MAX_PAYLOAD_DEPTH = MAX_JSON_DEPTH;

const UTF8_BOM = [0xef, 0xbb, 0xbf];
const utf8Encoder = new TextEncoder();

/** Throws PayloadError `tooDeep` when objects and arrays nest deeper than MAX_PAYLOAD_DEPTH. */
function checkDepth(text: string, file: string): void {
  const at = firstTooDeep(text, MAX_PAYLOAD_DEPTH);
  if (at !== undefined) {
    const { line, column } = lineColumnAt(text, at);
    throw new PayloadError(
      'tooDeep',
      file,
      t('{0} is nested too deeply: more than {1} levels of objects and arrays at line {2}, column {3}. A payload may nest at most {1} levels.', file, groupDigits(MAX_PAYLOAD_DEPTH), line, column),
      line,
      column,
    );
  }
}

function syntaxError(file: string, issues: PayloadIssue[]): PayloadError {
  const first = issues[0];
  const more = issues.length > 1 ? t(' (+{0} more)', issues.length - 1) : '';
  return new PayloadError('syntax', file, t('Invalid JSON in {0} at line {1}, column {2}: {3}{4}.', file, first.line, first.column, first.message, more), first.line, first.column, issues);
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
    if (mayNestDeeperThan(text, MAX_PAYLOAD_DEPTH)) {
      checkDepth(text, opts.file);
    }
    // Strict JSON (the common case) is checked by JSON.parse alone: on valid JSON,
    // mayNestDeeperThan counts as checkDepth does. Otherwise: depth with the tokenizer, then
    // parse as JSONC (for the place of each error) and strip comments and trailing commas.
    if (!isStrictJson(text)) {
      checkDepth(text, opts.file);
      const errors: ParseError[] = [];
      parse(text, errors, { allowTrailingComma: true, disallowComments: false, allowEmptyContent: false });
      if (errors.length > 0) {
        const issues = syntaxProblems(text, errors, true).map((p) => ({ offset: p.offset, ...lineColumnAt(text, p.offset), message: p.message }));
        throw syntaxError(opts.file, issues);
      }
      const stripped = stripJsonc(text);
      if (stripped.text !== text) {
        ({ commentsRemoved, trailingCommasRemoved } = stripped);
        sent = stripped.text;
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

