/**
 * JSON and JSONC syntax with jsonc-parser: the exact nesting-depth check and syntax errors
 * as a person reads them (what is wrong, and where to look). Shared by the payload checks and
 * the config files. Loaded only with the bundles that parse (never at activation). Pure.
 */
import { createScanner, ParseError, ParseErrorCode, SyntaxKind } from 'jsonc-parser';
import { t } from '../l10n';

/** Deepest nesting of objects and arrays accepted: the parsers are recursive, far deeper input would overflow the stack. */
export const MAX_JSON_DEPTH = 1000;

/** Offset of the first `{` or `[` nested deeper than `max` (an iterative scan), or undefined. */
export function firstTooDeep(text: string, max: number = MAX_JSON_DEPTH): number | undefined {
  const scanner = createScanner(text, true);
  let depth = 0;
  for (let kind = scanner.scan(); kind !== SyntaxKind.EOF; kind = scanner.scan()) {
    if (kind === SyntaxKind.OpenBraceToken || kind === SyntaxKind.OpenBracketToken) {
      if (++depth > max) {
        return scanner.getTokenOffset();
      }
    } else if ((kind === SyntaxKind.CloseBraceToken || kind === SyntaxKind.CloseBracketToken) && depth > 0) {
      depth--;
    }
  }
  return undefined;
}

/**
 * What a syntax error means, in words. `trailingComma`: the error follows a comma that a `.json`
 * file may not have there (a `.jsonc` file may).
 */
export function describeParseError(code: ParseErrorCode, trailingComma = false): string {
  switch (code) {
    case ParseErrorCode.InvalidSymbol:
      return t('unexpected character');
    case ParseErrorCode.InvalidNumberFormat:
      return t('invalid number');
    case ParseErrorCode.PropertyNameExpected:
      return trailingComma ? t('a property name in double quotes is expected (trailing commas are not allowed in a .json file)') : t('a property name in double quotes is expected');
    case ParseErrorCode.ValueExpected:
      return trailingComma ? t('a value is expected (trailing commas are not allowed in a .json file)') : t('a value is expected');
    case ParseErrorCode.ColonExpected:
      return t('a colon (:) is expected after the property name');
    case ParseErrorCode.CommaExpected:
      return t('a comma (,) is expected');
    case ParseErrorCode.CloseBraceExpected:
      return t('a closing brace (}) is expected');
    case ParseErrorCode.CloseBracketExpected:
      return t('a closing bracket (]) is expected');
    case ParseErrorCode.EndOfFileExpected:
      return t('the file must hold a single JSON value; unexpected text after it');
    case ParseErrorCode.InvalidCommentToken:
      return t('comments are not allowed in a .json file (the AWS CLI cannot read them); remove them or rename the file to .jsonc');
    case ParseErrorCode.UnexpectedEndOfComment:
      return t('the comment is not closed (*/)');
    case ParseErrorCode.UnexpectedEndOfString:
      return t('the string is not closed (")');
    case ParseErrorCode.UnexpectedEndOfNumber:
      return t('the number is not complete');
    case ParseErrorCode.InvalidUnicode:
      return t('invalid \\u escape sequence');
    case ParseErrorCode.InvalidEscapeCharacter:
      return t('invalid escape character in a string');
    case ParseErrorCode.InvalidCharacter:
      return t('control characters in a string must be escaped');
    default:
      return t('syntax error');
  }
}

/** Errors that say something is missing: jsonc-parser reports them at the token after the gap. */
const MISSING: ReadonlySet<ParseErrorCode> = new Set([
  ParseErrorCode.CommaExpected,
  ParseErrorCode.ColonExpected,
  ParseErrorCode.CloseBraceExpected,
  ParseErrorCode.CloseBracketExpected,
  ParseErrorCode.ValueExpected,
  ParseErrorCode.PropertyNameExpected,
]);

export interface SyntaxProblem {
  /** Where a person should look. */
  offset: number;
  length: number;
  message: string;
  code: ParseErrorCode;
}

/** End offsets of the tokens (not whitespace, line breaks or comments), in order. */
function tokenEnds(text: string): number[] {
  const scanner = createScanner(text, false);
  const ends: number[] = [];
  for (let kind = scanner.scan(); kind !== SyntaxKind.EOF; kind = scanner.scan()) {
    if (kind !== SyntaxKind.Trivia && kind !== SyntaxKind.LineBreakTrivia && kind !== SyntaxKind.LineCommentTrivia && kind !== SyntaxKind.BlockCommentTrivia) {
      ends.push(scanner.getTokenOffset() + scanner.getTokenLength());
    }
  }
  return ends;
}

function hasLineBreak(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 13) {
      return true;
    }
  }
  return false;
}

/**
 * The syntax errors of `errors` (from jsonc-parser's parse/parseTree over `text`) with their
 * messages, placed where a person would look: something missing at the end of a line (a comma,
 * a colon, a value) is reported just after the last token before the gap, and a trailing comma
 * at the comma, not at the start of the next line where the parser noticed it.
 */
export function syntaxProblems(text: string, errors: readonly ParseError[], jsonc: boolean): SyntaxProblem[] {
  let ends: number[] | undefined;
  return errors.map((e) => {
    let offset = e.offset;
    let length = Math.max(1, e.length);
    let afterComma = false;
    if (MISSING.has(e.error)) {
      ends ??= tokenEnds(text);
      // The last token that ends at or before the error.
      let lo = 0;
      let hi = ends.length - 1;
      let prev = -1;
      while (lo <= hi) {
        const mid = (lo + hi) >> 1;
        if (ends[mid] <= e.offset) {
          prev = ends[mid];
          lo = mid + 1;
        } else {
          hi = mid - 1;
        }
      }
      afterComma = prev > 0 && text.charCodeAt(prev - 1) === 0x2c; /* , */
      if (prev >= 0 && prev < e.offset && hasLineBreak(text, prev, e.offset)) {
        // A trailing comma is the mistake itself: point at it. Otherwise, just after the token
        // that something is missing after (where the comma, the colon or the value goes).
        if (afterComma) {
          offset = prev - 1;
          length = 1;
        } else {
          offset = prev;
          length = 0;
        }
      }
    }
    const trailingComma = !jsonc && afterComma && (e.error === ParseErrorCode.ValueExpected || e.error === ParseErrorCode.PropertyNameExpected);
    return { offset, length, message: describeParseError(e.error, trailingComma), code: e.error };
  });
}
