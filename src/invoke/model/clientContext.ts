/**
 * The optional client context of a synchronous invocation: a JSON object, sent as base64
 * in `X-Amz-Client-Context` (at most 3,583 bytes once encoded). Pure: no vscode import.
 */
import { parse, type ParseError } from 'jsonc-parser';
import { syntaxProblems } from '../../shared/json/parse';
import { lineColumnAt } from '../../shared/json/text';
import { t } from '../../shared/l10n';
import { formatBytes, MAX_CLIENT_CONTEXT_BYTES } from './limits';

export type ClientContextResult = { ok: true; base64?: string } | { ok: false; message: string };

/** Empty text: no client context. Otherwise it must be a JSON object whose base64 fits the limit. */
export function encodeClientContext(text: string | undefined): ClientContextResult {
  const s = (text ?? '').trim();
  if (s === '') {
    return { ok: true };
  }
  const errors: ParseError[] = [];
  const value: unknown = parse(s, errors, { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false });
  if (errors.length > 0) {
    // Where and what, in words (not the JavaScript parser's "Unexpected token … at position …").
    const first = syntaxProblems(s, errors, true)[0];
    const at = lineColumnAt(s, first.offset);
    return { ok: false, message: t('The client context is not valid JSON: at column {0}, {1}.', at.line > 1 ? `${at.line}:${at.column}` : at.column, first.message) };
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return { ok: false, message: t('The client context must be a JSON object, for example {"custom": {"key": "value"}}.') };
  }
  const base64 = Buffer.from(JSON.stringify(value), 'utf8').toString('base64');
  if (base64.length > MAX_CLIENT_CONTEXT_BYTES) {
    return { ok: false, message: t('The client context is {0} once base64-encoded: over the limit of {1}.', formatBytes(base64.length), formatBytes(MAX_CLIENT_CONTEXT_BYTES)) };
  }
  return { ok: true, base64 };
}
