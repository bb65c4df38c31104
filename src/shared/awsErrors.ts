/**
 * Turns an error from the AWS SDK (or the network under it) into what a person needs:
 * status, exception name, message and a hint on what to do. Pure: works on the error's
 * shape (`name`, `$metadata.httpStatusCode`, `code`), so the main bundle can use it
 * without loading the SDK.
 */
import { t } from './l10n';
import { redactSecrets } from './redact';

export interface DescribedError {
  kind: 'cancelled' | 'credentials' | 'network' | 'api' | 'other';
  status?: number;
  name: string;
  message: string;
  hint?: string;
  /** For TooManyRequestsException. */
  reason?: string;
}

interface ErrorShape {
  name?: string;
  message?: string;
  code?: string;
  Reason?: string;
  $metadata?: { httpStatusCode?: number };
  $response?: { statusCode?: number };
  cause?: unknown;
}

const NETWORK_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'ENOTFOUND', 'EAI_AGAIN', 'EPIPE', 'EHOSTUNREACH', 'ENETUNREACH', 'UND_ERR_SOCKET']);

export function isCancellation(err: unknown): boolean {
  const e = err as ErrorShape | undefined;
  return !!e && (e.name === 'AbortError' || e.name === 'Canceled' || e.name === 'CancellationError');
}

export interface ErrorContext {
  profile?: string;
  region?: string;
  endpoint?: string;
  target?: string;
  /** The service called, when not Lambda: `schemas` (EventBridge Schemas, where shareable test events live). */
  service?: 'schemas';
}

export function describeAwsError(err: unknown, ctx: ErrorContext = {}): DescribedError {
  const e = (err ?? {}) as ErrorShape;
  const name = e.name ?? 'Error';
  // AWS's messages can quote the Authorization header or a session token: never passed on.
  const message = redactSecrets((e.message ?? String(err)).trim());
  const status = e.$metadata?.httpStatusCode ?? e.$response?.statusCode;
  const profileArg = ctx.profile ? ` --profile ${ctx.profile}` : '';
  if (isCancellation(err)) {
    return { kind: 'cancelled', name, message: t('Cancelled.') };
  }
  const code = e.code ?? (e.cause as ErrorShape | undefined)?.code;
  if (code && NETWORK_CODES.has(code)) {
    return {
      kind: 'network',
      name: code,
      message,
      hint: ctx.endpoint
        ? t('Could not reach the Lambda endpoint {0}. Is it running? Check the lambdaWorkbench.endpoint setting.', ctx.endpoint)
        : t('Could not reach AWS Lambda in {0}. Check your network connection and proxy.', ctx.region ?? ''),
    };
  }
  if (name === 'CredentialsProviderError' || name === 'ProviderError' || /Token is expired|SSO session .*(expired|invalid)|The SSO session|sso.*token/i.test(message)) {
    const sso = /sso/i.test(message) || /sso/i.test(name);
    return {
      kind: 'credentials',
      name,
      message,
      hint: sso
        ? t('Your SSO session has expired or is missing. Run `aws sso login{0}` in a terminal, then retry.', profileArg)
        : ctx.profile
          ? t('Could not load credentials for profile "{0}". Check ~/.aws/config and ~/.aws/credentials, or pick another profile.', ctx.profile)
          : t('No AWS credentials were found. Pick a profile (Lambda Workbench: Select AWS Profile…) or set AWS_PROFILE / AWS_ACCESS_KEY_ID.'),
    };
  }
  const hints: Record<string, string> = {
    UnrecognizedClientException: t('The access key is not known to this endpoint or account. Check the profile{0} and the endpoint.', ctx.profile ? ` "${ctx.profile}"` : ''),
    InvalidSignatureException: t('The request signature does not match: check the secret key of the profile and your system clock.'),
    ExpiredTokenException: t('The session token has expired. Refresh your credentials (for SSO: `aws sso login{0}`), then retry.', profileArg),
    AccessDeniedException: t('The credentials are not allowed to do this. Check the IAM permissions of the profile{0}.', ctx.profile ? ` "${ctx.profile}"` : ''),
    ResourceNotFoundException: t('Not found. Check the region ({0}), the profile{1} and the qualifier.', ctx.region ?? '?', ctx.profile ? ` (${ctx.profile})` : ''),
    RequestTooLargeException: t('The payload is over the limit: 6 MB for RequestResponse, 1 MB for Event invocations.'),
    TooManyRequestsException: t('Throttled: the function or account is at its concurrency or request-rate limit. Retry later or raise the limit.'),
    ResourceConflictException: t('The resource is being changed by another operation. Wait until it settles, then retry.'),
    ResourceInUseException: t('The event source mapping is still being created or updated. Wait until its state is Enabled or Disabled, then retry.'),
    InvalidParameterValueException: t('A parameter is not valid: see the message for the field.'),
    InvalidRequestContentException: t('The request body is not valid JSON.'),
    UnsupportedMediaTypeException: t('The content type is not supported.'),
    ServiceException: t('AWS Lambda had an internal error. Retry in a moment.'),
    ForbiddenException: t('The credentials may not use the shareable test events: the profile{0} needs EventBridge Schemas permissions (schemas:*) on the registry lambda-testevent-schemas.', ctx.profile ? ` "${ctx.profile}"` : ''),
  };
  if (ctx.service === 'schemas') {
    hints.TooManyRequestsException = t('Throttled: EventBridge Schemas is at its request-rate limit for this account. Retry in a moment.');
    hints.ServiceException = t('EventBridge Schemas had an internal error. Retry in a moment.');
  }
  let hint = hints[name];
  if (!hint && status === 413) {
    hint = hints.RequestTooLargeException;
  } else if (!hint && status === 429) {
    hint = hints.TooManyRequestsException;
  } else if (!hint && status === 404) {
    hint = hints.ResourceNotFoundException;
  } else if (!hint && status !== undefined && status >= 500) {
    hint = hints.ServiceException;
  }
  const kind: DescribedError['kind'] = status !== undefined ? 'api' : 'other';
  return { kind, status, name, message, hint, reason: e.Reason };
}

/** One line: `ResourceNotFoundException (404): Function not found: ... — hint`. */
export function formatDescribedError(d: DescribedError): string {
  const head = d.status !== undefined ? `${d.name} (${d.status})` : d.name;
  return `${head}: ${d.message}${d.reason ? ` [${d.reason}]` : ''}${d.hint ? ` — ${d.hint}` : ''}`;
}
