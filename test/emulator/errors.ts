/** An error answered in the Lambda REST-JSON shape: status, x-amzn-ErrorType and {Type, message}. */
export class LambdaApiError extends Error {
  readonly type: 'User' | 'Service';
  constructor(
    readonly errorType: string,
    readonly status: number,
    message: string,
    readonly extraBody: Record<string, unknown> = {},
    readonly extraHeaders: Record<string, string> = {},
  ) {
    super(message);
    this.type = status >= 500 ? 'Service' : 'User';
  }

  body(): Record<string, unknown> {
    return { Type: this.type, message: this.message, ...this.extraBody };
  }
}

export const notFound = (message: string): LambdaApiError => new LambdaApiError('ResourceNotFoundException', 404, message);
export const invalidParameter = (message: string): LambdaApiError => new LambdaApiError('InvalidParameterValueException', 400, message);
export const invalidContent = (message: string): LambdaApiError => new LambdaApiError('InvalidRequestContentException', 400, message);
export const conflict = (message: string): LambdaApiError => new LambdaApiError('ResourceConflictException', 409, message);
export const inUse = (message: string): LambdaApiError => new LambdaApiError('ResourceInUseException', 400, message);
export const tooLarge = (message: string): LambdaApiError => new LambdaApiError('RequestTooLargeException', 413, message);
export const serviceError = (message = 'An internal error occurred.'): LambdaApiError => new LambdaApiError('ServiceException', 500, message);
export const preconditionFailed = (message: string): LambdaApiError => new LambdaApiError('PreconditionFailedException', 412, message);
export const unknownOperation = (method: string, path: string): LambdaApiError =>
  new LambdaApiError('UnknownOperationException', 404, `Unknown operation: ${method} ${path}`);

export function throttled(reason = 'CallerRateLimitExceeded', retryAfterSeconds = 1): LambdaApiError {
  return new LambdaApiError(
    'TooManyRequestsException',
    429,
    'Rate exceeded',
    { Reason: reason, retryAfterSeconds: String(retryAfterSeconds) },
    { 'Retry-After': String(retryAfterSeconds) },
  );
}

/** A Lambda Managed Instances function invoked unqualified before `$LATEST.PUBLISHED` exists. */
export const noPublishedVersion = (arn: string): LambdaApiError =>
  new LambdaApiError('NoPublishedVersionException', 400, `The function has no published versions available: ${arn}. Publish a version (PublishTo LATEST_PUBLISHED) or invoke a version.`);

/** A durable execution name already used with another input (the modeled member is `Message`). */
export function durableExecutionAlreadyStarted(name: string, arn: string): LambdaApiError {
  const message = `A durable execution named '${name}' has already been started with a different input: ${arn}`;
  return new LambdaApiError('DurableExecutionAlreadyStartedException', 409, message, { Message: message });
}
