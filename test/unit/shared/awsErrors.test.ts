import * as assert from 'node:assert/strict';
import { describeAwsError, formatDescribedError, isCancellation } from '../../../src/shared/awsErrors';

describe('shared/awsErrors (what the error nodes of the views say)', () => {
  it('describes a refused connection to a custom endpoint as a network error with a hint', () => {
    const err = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:4566'), { code: 'ECONNREFUSED' });
    const d = describeAwsError(err, { endpoint: 'http://127.0.0.1:4566', region: 'us-east-1' });
    assert.equal(d.kind, 'network');
    assert.equal(d.name, 'ECONNREFUSED');
    assert.match(d.hint ?? '', /http:\/\/127\.0\.0\.1:4566/);
    assert.equal(formatDescribedError({ ...d, hint: undefined }), 'ECONNREFUSED: connect ECONNREFUSED 127.0.0.1:4566');
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
