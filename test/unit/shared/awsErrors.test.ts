import * as assert from 'node:assert/strict';
import { BODY_LOG_LIMIT, describeAwsError, formatDescribedError, formatErrorForLog, isCancellation, isTransientFailure, plainErrorMessage, unreadableAnswer } from '../../../src/shared/awsErrors';

describe('shared/awsErrors (what the error nodes of the views say)', () => {
  it('describes a refused connection to a custom endpoint as a network error with a hint', () => {
    const err = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:4566'), { code: 'ECONNREFUSED' });
    const d = describeAwsError(err, { endpoint: 'http://127.0.0.1:4566', region: 'us-east-1' });
    assert.equal(d.kind, 'network');
    assert.equal(d.name, 'No connection');
    assert.match(d.hint ?? '', /http:\/\/127\.0\.0\.1:4566/);
    assert.equal(formatDescribedError({ ...d, hint: undefined }), 'No connection: The connection was refused.');
    assert.match(formatErrorForLog(d), /\[ECONNREFUSED: connect ECONNREFUSED 127\.0\.0\.1:4566\]$/, 'the system\'s words stay in the log');
    const reset = describeAwsError(Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' }));
    assert.equal(reset.message, 'The connection closed before an answer came.');
  });

  it('describes an API error with its status and a hint', () => {
    const err = Object.assign(new Error('Function not found'), { name: 'ResourceNotFoundException', $metadata: { httpStatusCode: 404 } });
    const d = describeAwsError(err, { region: 'eu-west-1' });
    assert.equal(d.kind, 'api');
    assert.equal(formatDescribedError({ ...d, hint: undefined }), 'ResourceNotFoundException (404): Function not found');
    assert.match(d.hint ?? '', /eu-west-1/);
  });

  it('treats aborts as cancellation', () => {
    const abort = new DOMException('This operation was aborted', 'AbortError');
    assert.equal(isCancellation(abort), true);
    assert.equal(describeAwsError(abort).kind, 'cancelled');
    assert.equal(isCancellation(new Error('x')), false);
  });

  it('shareable test events: ForbiddenException names the schemas:* permissions; Schemas throttling has its own hint', () => {
    const forbidden = Object.assign(new Error('User: arn:aws:iam::111111111111:user/demo is not authorized to perform: schemas:DescribeSchema'), { name: 'ForbiddenException', $metadata: { httpStatusCode: 403 } });
    const d = describeAwsError(forbidden, { profile: 'demo', service: 'schemas' });
    assert.match(d.hint ?? '', /profile "demo" needs EventBridge Schemas permissions \(schemas:\*\) on the registry lambda-testevent-schemas/);
    const throttled = Object.assign(new Error('Rate exceeded'), { name: 'TooManyRequestsException', $metadata: { httpStatusCode: 429 } });
    assert.match(describeAwsError(throttled, { service: 'schemas' }).hint ?? '', /EventBridge Schemas is at its request-rate limit/);
    assert.match(describeAwsError(throttled).hint ?? '', /concurrency/, 'Lambda keeps its own hint');
  });
});

describe('shared/awsErrors: a 2xx answer the SDK could not read (classified once)', () => {
  const sdkHint = '\n  Deserialization error: to see the raw response, inspect the hidden field {error}.$response on this object.';
  /** The SDK's error as it rejects: the parser's error, `$metadata` and the hidden `$response`. */
  function sdkError(err: Error, status: number, headers: Record<string, string>, body?: string | Uint8Array): Error {
    err.message += sdkHint;
    Object.assign(err, { $metadata: { httpStatusCode: status, requestId: 'req-1', attempts: 1 } });
    Object.defineProperty(err, '$response', { value: { statusCode: status, headers, body }, enumerable: false });
    return err;
  }

  it('an unreadable JSON body after 200 (moto\'s NaN): accepted, the parser\'s words and the SDK\'s hint never reach the user', () => {
    const body = '{"LastModified":NaN,"MaximumRetryAttempts":1}';
    const err = sdkError(new SyntaxError('Expected real number, got implicit NaN'), 200, { 'content-type': 'application/json' }, new TextEncoder().encode(body));
    const u = unreadableAnswer(err);
    assert.ok(u);
    assert.equal(u.status, 200);
    assert.equal(u.why, 'notJson');
    assert.equal(u.requestId, 'req-1');
    assert.equal(u.body, body);
    assert.equal(u.bodyBytes, body.length);
    assert.doesNotMatch(u.detail, /Deserialization|\$response|hidden field/);
    const d = describeAwsError(err, { endpoint: 'http://localhost:5000' });
    assert.equal(d.kind, 'unreadable');
    assert.equal(d.status, 200);
    assert.equal(d.message, 'The endpoint accepted the request (HTTP 200), but its answer could not be read: the answer is not valid JSON.');
    assert.match(d.hint ?? '', /http:\/\/localhost:5000 does not answer this request the way AWS Lambda does/);
    for (const shown of [d.name, d.message, d.hint ?? '', formatDescribedError(d)]) {
      assert.doesNotMatch(shown, /Deserialization|\$response|hidden field|SyntaxError|NaN/, shown);
    }
    assert.match(formatErrorForLog(d), /answer: HTTP 200, content-type application\/json, request id req-1; Expected real number, got implicit NaN; body \(45 bytes\): \{"LastModified":NaN/);
  });

  it('a web page instead of the answer (202, text/html), a connection closed half-way, a TypeError of a deserializer', () => {
    const html = sdkError(new SyntaxError('Unexpected token \'<\', "<!DOCTYPE "... is not valid JSON'), 202, { 'content-type': 'text/html' }, '<!DOCTYPE html><p>Sign in</p>');
    assert.equal(unreadableAnswer(html)?.why, 'html');
    assert.match(describeAwsError(html).message, /HTTP 202.*a web page instead of the answer/);
    const cut = sdkError(Object.assign(new Error('aborted'), { code: 'ECONNRESET' }), 200, {}, new Uint8Array([123, 34]));
    assert.equal(unreadableAnswer(cut)?.why, 'cut');
    assert.equal(describeAwsError(cut).kind, 'unreadable', 'not "could not reach the endpoint": it answered 200');
    const type = sdkError(new TypeError("Cannot read properties of undefined (reading 'map')"), 200, {});
    const d = describeAwsError(type);
    assert.equal(d.kind, 'unreadable');
    assert.equal(unreadableAnswer(type)?.why, 'other');
    assert.doesNotMatch(formatDescribedError(d), /TypeError/);
  });

  it('is not an unreadable answer: a service error (4xx/5xx), a network error, a cancellation', () => {
    assert.equal(unreadableAnswer(Object.assign(new Error('Function not found'), { name: 'ResourceNotFoundException', $metadata: { httpStatusCode: 404 } })), undefined);
    assert.equal(unreadableAnswer(Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' })), undefined);
    assert.equal(unreadableAnswer(Object.assign(new Error('aborted'), { name: 'AbortError', $metadata: { httpStatusCode: 200 } })), undefined);
    assert.equal(unreadableAnswer(undefined), undefined);
  });

  it('keeps credentials out of the logged body, and cuts a long body', () => {
    const body = `{"Authorization": "AWS4-HMAC-SHA256 Credential=AKIALWBDEMO000000001/x", "pad": "${'x'.repeat(5000)}"`;
    const u = unreadableAnswer(sdkError(new SyntaxError('Unterminated string in JSON'), 200, {}, body));
    assert.ok(u?.body);
    assert.doesNotMatch(u.body, /AKIA|AWS4-HMAC/);
    assert.ok(u.body.length <= BODY_LOG_LIMIT + 1);
    assert.equal(u.bodyBytes, body.length);
  });

  it('plain words for other errors: no SDK hint, no bare JavaScript class name', () => {
    assert.equal(plainErrorMessage(`Unexpected end of JSON input${sdkHint}`), 'Unexpected end of JSON input');
    const d = describeAwsError(new TypeError("Cannot read properties of undefined (reading 'x')"));
    assert.equal(d.name, 'Unexpected error');
    assert.match(d.hint ?? '', /log .* has the details/);
    // The extension's own messages (thrown as Error) are already plain and stay as they are.
    const own = describeAwsError(new Error('orders-queue has no page in the AWS console.'));
    assert.equal(formatDescribedError(own), 'Error: orders-queue has no page in the AWS console.');
  });
});

describe('shared/awsErrors: which failures a call that succeeds may have cured (the views retry them)', () => {
  it('the endpoint out of reach or broken: yes; a refusal: no', () => {
    const network = describeAwsError(Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }));
    const server = describeAwsError(Object.assign(new Error('boom'), { name: 'ServiceException', $metadata: { httpStatusCode: 503 } }));
    const denied = describeAwsError(Object.assign(new Error('no'), { name: 'AccessDeniedException', $metadata: { httpStatusCode: 403 } }));
    const throttled = describeAwsError(Object.assign(new Error('Rate exceeded'), { name: 'TooManyRequestsException', $metadata: { httpStatusCode: 429 } }));
    const credentials = describeAwsError(Object.assign(new Error('Could not load credentials'), { name: 'CredentialsProviderError' }));
    assert.deepEqual([network, server, denied, throttled, credentials].map(isTransientFailure), [true, true, false, false, false]);
    assert.equal(isTransientFailure({ kind: 'unreadable', status: 200 }), true);
  });
});
