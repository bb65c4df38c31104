import type { ServiceDefinition } from '../dispatch';
import { callerIdentity, notAuthorizedMessage } from '../identity';
import { apiError, escapeXml } from '../protocols';

/*
 * STS GetCallerIdentity (AWS Query: form-encoded `Action=GetCallerIdentity&Version=2011-06-15`,
 * XML answer): the account, ARN and user id of the fixture key that signed the request.
 */

const XMLNS = 'https://sts.amazonaws.com/doc/2011-06-15/';

function formOf(body: Buffer): URLSearchParams {
  return new URLSearchParams(body.toString('utf8'));
}

export function stsService(): ServiceDefinition {
  return {
    name: 'sts',
    protocol: 'query',
    resolve(method, rawPath, _headers, body) {
      const form = formOf(body);
      return method === 'POST' && rawPath === '/' && form.get('Action') === 'GetCallerIdentity' && form.get('Version') === '2011-06-15'
        ? { operation: 'GetCallerIdentity', params: [] }
        : undefined;
    },
    run(call) {
      const id = callerIdentity(call.key);
      const xml =
        `<GetCallerIdentityResponse xmlns="${XMLNS}">\n` +
        `  <GetCallerIdentityResult>\n` +
        `    <Arn>${escapeXml(id.arn)}</Arn>\n` +
        `    <UserId>${id.userId}</UserId>\n` +
        `    <Account>${id.account}</Account>\n` +
        `  </GetCallerIdentityResult>\n` +
        `  <ResponseMetadata>\n    <RequestId>${call.requestId}</RequestId>\n  </ResponseMetadata>\n` +
        `</GetCallerIdentityResponse>\n`;
      return { status: 200, headers: { 'Content-Type': 'text/xml' }, body: Buffer.from(xml) };
    },
    // GetCallerIdentity needs no permission on AWS; the fault exists to test how a client copes.
    denied: (call) => apiError('AccessDenied', 403, notAuthorizedMessage(call.key, `sts:${call.operation}`, `arn:aws:sts::${call.account}:*`)),
    throttled: () => apiError('Throttling', 400, 'Rate exceeded'),
    serverError: 'InternalFailure',
  };
}
