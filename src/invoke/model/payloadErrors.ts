/**
 * Why a payload cannot be sent: a PayloadError names the file and, where it applies, the
 * line and column; the caller then sends nothing. Pure: no vscode import.
 */
import { t } from '../../shared/l10n';
import { formatBytes, formatLimit, InvocationType, payloadLimit } from './limits';

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

export function tooLargeError(file: string, size: number, type: InvocationType): PayloadError {
  return new PayloadError('tooLarge', file, t('{0} is {1}: over the limit of {2} for {3} invocations.', file, formatBytes(size), formatLimit(payloadLimit(type)), type));
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

