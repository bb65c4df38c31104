/**
 * What a CloudWatch Logs error means for the person, in their words: the missing permission
 * named, a log group that does not exist, throttling, a tail cut. Pure: works on the error's
 * shape (name, message), the SDK is not needed.
 */
import { t } from '../../shared/l10n';

export type LogsOperation = 'FilterLogEvents' | 'GetLogEvents' | 'StartLiveTail';

interface ErrorShape {
  name?: string;
  message?: string;
  code?: string;
  cause?: unknown;
}

/** The IAM action an AccessDenied message names (`logs:FilterLogEvents`), or undefined. */
export function deniedAction(message: string): string | undefined {
  return /perform:?\s+(logs:[A-Za-z]+)/.exec(message)?.[1];
}

const STREAM_CUT = new Set(['SessionStreamingException', 'ECONNRESET', 'EPIPE', 'UND_ERR_SOCKET', 'ERR_STREAM_PREMATURE_CLOSE']);

/** True for an error that ends a live tail half-way (the stream cut, the connection reset). */
export function isStreamCut(err: unknown): boolean {
  const e = (err ?? {}) as ErrorShape;
  const cause = (e.cause ?? {}) as ErrorShape;
  return [e.name, e.code, cause.code, cause.name].some((x) => x !== undefined && STREAM_CUT.has(x)) || /socket hang up|aborted|premature close|terminated/i.test(e.message ?? '');
}

/**
 * A message for the errors CloudWatch Logs gives that need words of their own; undefined for the
 * others (they take the general path: credentials, network, …).
 */
export function logsErrorMessage(err: unknown, o: { operation: LogsOperation; logGroupName: string }): string | undefined {
  const e = (err ?? {}) as ErrorShape;
  const name = e.name ?? '';
  const message = e.message ?? '';
  if (name === 'AccessDeniedException' || /not authorized to perform/i.test(message)) {
    const action = deniedAction(message) ?? `logs:${o.operation}`;
    return t('The permission {0} is missing on the log group {1}: ask for it in the IAM policy of the profile.', action, o.logGroupName);
  }
  if (name === 'ResourceNotFoundException') {
    return /stream/i.test(message)
      ? t('The log stream of this invocation is not in {0} (yet).', o.logGroupName)
      : t('The log group {0} does not exist: the function has not logged yet, or its logs go to another group (its logging configuration).', o.logGroupName);
  }
  if (name === 'ThrottlingException' || name === 'LimitExceededException' || /rate exceeded/i.test(message)) {
    return t('CloudWatch Logs is throttling the requests (rate exceeded). Wait a moment, then try again.');
  }
  if (name === 'SessionTimeoutException') {
    return t('The Live Tail session reached its limit of 3 hours.');
  }
  if (o.operation === 'StartLiveTail' && isStreamCut(err)) {
    return t('The Live Tail stream was cut.');
  }
  return undefined;
}
