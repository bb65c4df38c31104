import type { IncomingHttpHeaders } from 'node:http';
import { LambdaApiError } from '../errors';

/*
 * The three wire protocols of the services beside Lambda, as the AWS SDK for JavaScript v3
 * reads them: AWS JSON 1.1 (CloudWatch Logs), REST-JSON (EventBridge Schemas) and AWS Query
 * with XML answers (STS). Errors are LambdaApiError (name, status, message) whatever the
 * service; each protocol writes them its own way.
 */

export type Protocol = 'json' | 'rest-json' | 'query';

export interface WireAnswer {
  status: number;
  headers: Record<string, string>;
  body?: Buffer;
}

export const apiError = (name: string, status: number, message: string): LambdaApiError => new LambdaApiError(name, status, message);

export function headerOf(headers: IncomingHttpHeaders, name: string): string | undefined {
  const v = headers[name];
  return Array.isArray(v) ? v.join(',') : v;
}

/** The protocol a request speaks, from its shape (used when its service is not one the emulator knows). */
export function protocolOf(headers: IncomingHttpHeaders, body: Buffer): Protocol {
  if (headerOf(headers, 'x-amz-target')) {
    return 'json';
  }
  if ((headerOf(headers, 'content-type') ?? '').startsWith('application/x-www-form-urlencoded') && /(^|&)Action=/.test(body.toString('latin1'))) {
    return 'query';
  }
  return 'rest-json';
}

export const JSON_11 = 'application/x-amz-json-1.1';

/** A JSON 1.1 answer (CloudWatch Logs). */
export function jsonAnswer(body: unknown, status = 200): WireAnswer {
  return { status, headers: { 'Content-Type': JSON_11 }, body: Buffer.from(JSON.stringify(body)) };
}

/** A REST-JSON answer (Schemas); `undefined` body for 204. */
export function restAnswer(status: number, body?: unknown): WireAnswer {
  return body === undefined ? { status, headers: {} } : { status, headers: { 'Content-Type': 'application/json' }, body: Buffer.from(JSON.stringify(body)) };
}

export const escapeXml = (s: string): string => s.replace(/[<>&'"]/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', "'": '&apos;', '"': '&quot;' })[c]!);

/** An error in a protocol's shape. */
export function errorAnswer(protocol: Protocol, err: LambdaApiError, requestId: string, xmlns = 'https://sts.amazonaws.com/doc/2011-06-15/'): WireAnswer {
  switch (protocol) {
    case 'json':
      return jsonAnswer({ __type: err.errorType, message: err.message, ...err.extraBody }, err.status);
    case 'rest-json':
      return {
        status: err.status,
        headers: { 'Content-Type': 'application/json', 'x-amzn-ErrorType': err.errorType, ...err.extraHeaders },
        body: Buffer.from(JSON.stringify({ Code: err.errorType, Message: err.message, ...err.extraBody })),
      };
    case 'query': {
      const type = err.status >= 500 ? 'Receiver' : 'Sender';
      const xml =
        `<ErrorResponse xmlns="${xmlns}">\n` +
        `  <Error>\n    <Type>${type}</Type>\n    <Code>${escapeXml(err.errorType)}</Code>\n    <Message>${escapeXml(err.message)}</Message>\n  </Error>\n` +
        `  <RequestId>${requestId}</RequestId>\n</ErrorResponse>\n`;
      return { status: err.status, headers: { 'Content-Type': 'text/xml' }, body: Buffer.from(xml) };
    }
  }
}

/** The answer to an operation (or a whole service) the emulator does not know, as AWS gives it in each protocol. */
export function unknownOperationError(protocol: Protocol, detail: { target?: string; action?: string; method: string; path: string }): LambdaApiError {
  switch (protocol) {
    case 'json':
      return apiError('UnknownOperationException', 400, detail.target ? `Unknown operation ${detail.target}` : 'Missing or unknown X-Amz-Target');
    case 'query':
      return apiError('InvalidAction', 400, `Could not find operation ${detail.action ?? ''} for version 2011-06-15`);
    case 'rest-json':
      return apiError('UnknownOperationException', 404, `Unknown operation: ${detail.method} ${detail.path}`);
  }
}

/**
 * The signature errors of the Lambda check (sigv4.ts, REST: 403) as a JSON or Query service
 * answers them: JSON services answer 400 with the same names, STS its own names.
 */
export function authErrorFor(protocol: Protocol, e: LambdaApiError): LambdaApiError {
  if (protocol === 'json') {
    return apiError(e.errorType, 400, e.message);
  }
  if (protocol === 'query') {
    const names: Record<string, [string, number]> = {
      UnrecognizedClientException: ['InvalidClientTokenId', 403],
      InvalidSignatureException: ['SignatureDoesNotMatch', 403],
      MissingAuthenticationTokenException: ['MissingAuthenticationToken', 403],
      IncompleteSignatureException: ['IncompleteSignature', 400],
    };
    const [name, status] = names[e.errorType] ?? [e.errorType, e.status];
    const message = e.errorType === 'MissingAuthenticationTokenException' ? 'Request is missing Authentication Token' : e.message;
    return apiError(name, status, message);
  }
  return e;
}
