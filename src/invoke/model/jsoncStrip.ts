/**
 * Comments and trailing commas of JSONC text, removed so that what is sent is JSON that reads
 * as if it had been written without them. Pure.
 */
import { createScanner, SyntaxKind } from 'jsonc-parser';

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

/** The text without its comments and trailing commas, and how many of each were removed. */
export function stripJsonc(text: string): { text: string; commentsRemoved: number; trailingCommasRemoved: number } {
  const removals = findRemovals(text);
  if (removals.length === 0) {
    return { text, commentsRemoved: 0, trailingCommasRemoved: 0 };
  }
  const commentsRemoved = removals.filter((r) => r.kind === 'comment').length;
  return { text: applyRemovals(text, removals), commentsRemoved, trailingCommasRemoved: removals.length - commentsRemoved };
}
