/**
 * The optional client context of a synchronous invocation: a JSON object, sent as base64
 * in `X-Amz-Client-Context` (at most 3,583 bytes once encoded). Pure: no vscode import.
 */
import { t } from '../../shared/l10n';
import { formatBytes, MAX_CLIENT_CONTEXT_BYTES } from './limits';

export type ClientContextResult = { ok: true; base64?: string } | { ok: false; message: string };

/** Empty text: no client context. Otherwise it must be a JSON object whose base64 fits the limit. */
export function encodeClientContext(text: string | undefined): ClientContextResult {
  const s = (text ?? '').trim();
  if (s === '') {
    return { ok: true };
  }
  let value: unknown;
  try {
    value = JSON.parse(s);
  } catch (err) {
    return { ok: false, message: t('The client context is not valid JSON: {0}', (err as Error).message) };
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
