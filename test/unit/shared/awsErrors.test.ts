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
});
