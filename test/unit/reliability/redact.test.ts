/** Credentials and signatures never reach a log or a message (src/shared/redact.ts, used by describeAwsError and the log). */
import * as assert from 'node:assert/strict';
import { describeAwsError, formatDescribedError } from '../../../src/shared/awsErrors';
import { redactSecrets } from '../../../src/shared/redact';

const TOKEN = 'IQoJb3JpZ2luX2VjEFAaCXVzLWVhc3QtMSJHMEUCIQD+lwbSessionToken/abc==';
const SIGNATURE = '5d672d79c15b13162d9279b0855cfba6789a8edb4c82c400e06b5924a6f2b5d7';
const AUTH = `AWS4-HMAC-SHA256 Credential=ASIALWBTEMP000000007/20260101/us-east-1/lambda/aws4_request, SignedHeaders=host;x-amz-date;x-amz-security-token, Signature=${SIGNATURE}`;

/** The message AWS answers for a signature mismatch: it quotes the canonical request. */
const INVALID_SIGNATURE = [
  'The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details.',
  '',
  "The Canonical String for this request should have been\n'POST",
  '/2015-03-31/functions/hello-world/invocations',
  '',
  'host:lambda.us-east-1.amazonaws.com',
  'x-amz-date:20260101T000000Z',
  `x-amz-security-token:${TOKEN}`,
  '',
  "host;x-amz-date;x-amz-security-token'",
].join('\n');

function assertClean(text: string): void {
  for (const secret of [TOKEN, SIGNATURE, 'ASIALWBTEMP000000007', 'AKIALWBDEMO000000001', 'lwbDemoSecretKey/0000000000000000000000001']) {
    assert.ok(!text.includes(secret), `${secret} is still in:\n${text}`);
  }
}

describe('Reliability: redacting secrets', () => {
  it('the session token of a quoted canonical request', () => {
    const out = redactSecrets(INVALID_SIGNATURE);
    assertClean(out);
    assert.match(out, /^x-amz-security-token:<redacted>$/m);
    assert.match(out, /^host:lambda\.us-east-1\.amazonaws\.com$/m, 'the rest stays readable');
  });

  it('an Authorization header, as a header or a parameter', () => {
    assert.equal(redactSecrets(`Authorization: ${AUTH}`), 'Authorization: <redacted>');
    assert.equal(redactSecrets(`Authorization=${AUTH}`), 'Authorization=<redacted>');
    assert.equal(redactSecrets(`{"authorization":"${AUTH}"}`), '{"authorization":"<redacted>"}');
  });

  it('the parts of a signature quoted alone, and presigned query parameters', () => {
    const out = redactSecrets(`Credential=ASIALWBTEMP000000007/20260101/us-east-1/lambda/aws4_request, Signature=${SIGNATURE}`);
    assert.equal(out, 'Credential=<redacted>/20260101/us-east-1/lambda/aws4_request, Signature=<redacted>');
    const url = redactSecrets(`https://x/?X-Amz-Credential=AKIALWBDEMO000000001%2F2026&X-Amz-Security-Token=${encodeURIComponent(TOKEN)}&X-Amz-Signature=${SIGNATURE}`);
    assert.equal(url, 'https://x/?X-Amz-Credential=<redacted>&X-Amz-Security-Token=<redacted>&X-Amz-Signature=<redacted>');
  });

  it('credential file lines, credential JSON and access key ids', () => {
    assertClean(redactSecrets('aws_access_key_id = AKIALWBDEMO000000001\naws_secret_access_key = lwbDemoSecretKey/0000000000000000000000001'));
    assert.equal(redactSecrets('aws_session_token=abc/def=='), 'aws_session_token=<redacted>');
    assert.equal(redactSecrets('{"AccessKeyId":"ASIALWBTEMP000000007","SecretAccessKey":"s3cr3t","SessionToken":"tok"}'), '{"AccessKeyId":"<redacted>","SecretAccessKey":"<redacted>","SessionToken":"<redacted>"}');
    assert.equal(redactSecrets('{"accessToken":"sso-token","expiresAt":"2026-01-01T00:00:00Z"}'), '{"accessToken":"<redacted>","expiresAt":"2026-01-01T00:00:00Z"}');
  });

  it('leaves ordinary messages alone', () => {
    for (const m of [
      'Function not found: arn:aws:lambda:us-east-1:111111111111:function:no-such-function',
      'The security token included in the request is invalid.',
      "'Host' must be a 'SignedHeader' in the AWS Authorization.",
      'Rate exceeded',
      'Missing Authentication Token',
    ]) {
      assert.equal(redactSecrets(m), m);
    }
  });

  it('describeAwsError passes no secret on (the message of the notification, the output and the error node)', () => {
    const err = Object.assign(new Error(INVALID_SIGNATURE), { name: 'InvalidSignatureException', $metadata: { httpStatusCode: 403 } });
    const d = describeAwsError(err, { profile: 'sso-dev', region: 'us-east-1' });
    assertClean(formatDescribedError(d));
    assert.equal(d.name, 'InvalidSignatureException');
    assert.match(d.message, /^The request signature we calculated does not match/);
    const incomplete = Object.assign(new Error(`Authorization header requires 'Signature' parameter. Authorization=${AUTH}`), { name: 'IncompleteSignatureException', $metadata: { httpStatusCode: 403 } });
    assert.equal(describeAwsError(incomplete).message, "Authorization header requires 'Signature' parameter. Authorization=<redacted>");
  });
});
