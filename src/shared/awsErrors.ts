/**
 * Turns an error from the AWS SDK (or the network under it) into what a person needs:
 * status, exception name, message and a hint on what to do. Pure: works on the error's
 * shape (`name`, `$metadata.httpStatusCode`, `code`), so the main bundle can use it
 * without loading the SDK.
 */
import { t } from './l10n';
import { redactSecrets } from './redact';

export interface DescribedError {
  /**
   * `unreadable`: the endpoint answered 2xx (the request was accepted and carried out) but the
   * SDK could not read the answer; `answer` has what came back, for the log.
   */
  kind: 'cancelled' | 'credentials' | 'network' | 'api' | 'unreadable' | 'other';
  status?: number;
  name: string;
  message: string;
  hint?: string;
  /** For TooManyRequestsException. */
  reason?: string;
  /** The error's own words when `message` says them plainly instead (network errors): for the log only. */
  raw?: string;
  /** kind `unreadable`: the raw answer (for the log only). */
  answer?: UnreadableAnswer;
}

/** A 2xx answer the SDK could not read: the request was accepted, its answer is lost. */
export interface UnreadableAnswer {
  status: number;
  /** `html`: a web page (a proxy, a captive portal); `cut`: the connection closed before the whole answer came; `notJson`: not valid JSON. */
  why: 'html' | 'cut' | 'notJson' | 'other';
  requestId?: string;
  contentType?: string;
  /** What the parser said, without the SDK's hint about hidden fields. */
  detail: string;
  /** The bytes that arrived, as text, redacted and cut to BODY_LOG_LIMIT characters. */
  body?: string;
  /** How many bytes arrived (when known). */
  bodyBytes?: number;
}

interface ErrorShape {
  name?: string;
  message?: string;
  code?: string;
  Reason?: string;
  $metadata?: { httpStatusCode?: number; requestId?: string };
  $response?: { statusCode?: number; headers?: Record<string, string | undefined>; body?: unknown };
  $responseBodyText?: string;
  cause?: unknown;
}

/** What the SDK appends to the message of an answer it could not read: for developers of the SDK, never shown. */
const SDK_DESERIALIZATION_HINT = /\s*Deserialization error: to see the raw response, inspect the hidden field \{error\}\.\$response on this object\.?/g;

/** The error's message without the SDK's hints meant for its own developers. */
export function plainErrorMessage(message: string): string {
  return message.replace(SDK_DESERIALIZATION_HINT, '').trim();
}

/** How much of an unreadable answer's body goes to the log. */
export const BODY_LOG_LIMIT = 2000;

function bodyText(e: ErrorShape): { text: string; bytes: number } | undefined {
  const raw = e.$responseBodyText ?? e.$response?.body;
  if (typeof raw === 'string') {
    return { text: raw, bytes: new TextEncoder().encode(raw).length };
  }
  if (raw instanceof Uint8Array) {
    return { text: new TextDecoder('utf-8', { fatal: false }).decode(raw), bytes: raw.length };
  }
  return undefined;
}

/**
 * The SDK's failure to read a 2xx answer, classified once: the SDK rejects the call (a
 * `SyntaxError` of the JSON parser, `aborted`/`ECONNRESET` when the connection closed half-way,
 * a `TypeError` of its deserializers) with `$metadata.httpStatusCode` (and the hidden
 * `$response.statusCode`) between 200 and 299. No service error has a 2xx status, so such an
 * error means: the request was accepted and carried out, only its answer is lost.
 * Undefined for any other error.
 */
export function unreadableAnswer(err: unknown): UnreadableAnswer | undefined {
  if (!err || typeof err !== 'object' || isCancellation(err)) {
    return undefined;
  }
  const e = err as ErrorShape;
  const status = e.$metadata?.httpStatusCode ?? e.$response?.statusCode;
  if (status === undefined || status < 200 || status > 299) {
    return undefined;
  }
  const headers = e.$response?.headers ?? {};
  const header = (name: string) => Object.entries(headers).find(([k]) => k.toLowerCase() === name)?.[1];
  const contentType = header('content-type');
  const body = bodyText(e);
  const detail = plainErrorMessage(redactSecrets(e.message ?? String(err)));
  const code = e.code ?? (e.cause as ErrorShape | undefined)?.code;
  const why: UnreadableAnswer['why'] =
    /^\s*text\/html|xhtml/i.test(contentType ?? '') || /^\s*</.test(body?.text ?? '') || /Unexpected token '<'/.test(detail)
      ? 'html'
      : (code && NETWORK_CODES.has(code)) || /^aborted\b|premature close|terminated|socket hang up/i.test(detail)
        ? 'cut'
        : e.name === 'SyntaxError' || /JSON/.test(detail)
          ? 'notJson'
          : 'other';
  const text = body ? redactSecrets(body.text) : undefined;
  return {
    status,
    why,
    requestId: e.$metadata?.requestId ?? header('x-amzn-requestid'),
    contentType,
    detail,
    body: text === undefined ? undefined : text.length > BODY_LOG_LIMIT ? `${text.slice(0, BODY_LOG_LIMIT)}…` : text,
    bodyBytes: body?.bytes,
  };
}

/** One sentence on why an accepted request's answer could not be read. */
export function unreadableReason(u: UnreadableAnswer): string {
  switch (u.why) {
    case 'html':
      return t('the endpoint sent a web page instead of the answer (a proxy or captive portal in between?)');
    case 'cut':
      return t('the connection closed before the whole answer arrived');
    case 'notJson':
      return t('the answer is not valid JSON');
    default:
      return t('the answer is not in the format AWS Lambda uses');
  }
}

/** For the log: status, content type, request id and the body that came back (redacted). */
export function formatUnreadableAnswer(u: UnreadableAnswer): string {
  const head = `HTTP ${u.status}, content-type ${u.contentType ?? '(none)'}, request id ${u.requestId ?? '(none)'}`;
  const body = u.body === undefined ? 'body not kept' : `body (${u.bodyBytes ?? '?'} bytes): ${u.body}`;
  return `${head}; ${u.detail}; ${body}`;
}

const NETWORK_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'ENOTFOUND', 'EAI_AGAIN', 'EPIPE', 'EHOSTUNREACH', 'ENETUNREACH', 'UND_ERR_SOCKET']);

/** What a network error code means, in a sentence. */
function networkMessage(code: string): string {
  switch (code) {
    case 'ECONNREFUSED':
      return t('The connection was refused.');
    case 'ETIMEDOUT':
      return t('The connection timed out.');
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return t('The host name could not be resolved.');
    case 'EHOSTUNREACH':
    case 'ENETUNREACH':
      return t('The network or the host is unreachable.');
    default:
      return t('The connection closed before an answer came.');
  }
}

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
  const message = plainErrorMessage(redactSecrets(e.message ?? String(err)));
  const status = e.$metadata?.httpStatusCode ?? e.$response?.statusCode;
  const profileArg = ctx.profile ? ` --profile ${ctx.profile}` : '';
  if (isCancellation(err)) {
    return { kind: 'cancelled', name, message: t('Cancelled.') };
  }
  const answer = unreadableAnswer(err);
  if (answer) {
    return {
      kind: 'unreadable',
      status: answer.status,
      name: t('Unreadable answer'),
      message: t('The endpoint accepted the request (HTTP {0}), but its answer could not be read: {1}.', answer.status, unreadableReason(answer)),
      hint: ctx.endpoint
        ? t('The endpoint {0} does not answer this request the way AWS Lambda does. Refresh to see the current state; the log has the raw answer.', ctx.endpoint)
        : t('Something between you and AWS changed the answer. Refresh to see the current state; the log has the raw answer.'),
      answer,
    };
  }
  const code = e.code ?? (e.cause as ErrorShape | undefined)?.code;
  if (code && NETWORK_CODES.has(code)) {
    // The system's words ("connect ECONNREFUSED 127.0.0.1:4599", "socket hang up") go to the log only.
    return {
      kind: 'network',
      name: t('No connection'),
      message: networkMessage(code),
      raw: `${code}: ${message}`,
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
  if (status === undefined && JS_ERRORS.has(name)) {
    // A fault of the program (ours or the SDK's), not of the request: no class name for the user.
    return { kind: 'other', name: t('Unexpected error'), message, hint: t('This is a fault of Lambda Workbench, not of your settings. The log (Lambda Workbench: Show Log) has the details; please report it.') };
  }
  const kind: DescribedError['kind'] = status !== undefined ? 'api' : 'other';
  return { kind, status, name, message, hint, reason: e.Reason };
}

const JS_ERRORS = new Set(['TypeError', 'SyntaxError', 'RangeError', 'ReferenceError']);

/**
 * A failure that a call succeeding on the same connection may have cured: the endpoint was out
 * of reach or broken (network, 5xx, an unreadable answer), not a refusal (credentials, 4xx).
 */
export function isTransientFailure(d: Pick<DescribedError, 'kind' | 'status'>): boolean {
  return d.kind === 'network' || d.kind === 'unreadable' || (d.status !== undefined && d.status >= 500);
}

/** For the log: the line of formatDescribedError, and the raw answer of an unreadable one. */
export function formatErrorForLog(d: DescribedError): string {
  const raw = d.raw && d.raw !== d.message ? ` [${d.raw}]` : '';
  return `${formatDescribedError(d)}${raw}${d.answer ? `\n  answer: ${formatUnreadableAnswer(d.answer)}` : ''}`;
}

/** One line: `ResourceNotFoundException (404): Function not found: ... — hint`. */
export function formatDescribedError(d: DescribedError): string {
  const head = d.status !== undefined ? `${d.name} (${d.status})` : d.name;
  return `${head}: ${d.message}${d.reason ? ` [${d.reason}]` : ''}${d.hint ? ` — ${d.hint}` : ''}`;
}
