import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import { KNOWN_KEYS, KnownKey } from './constants';
import { LambdaApiError } from './errors';

/*
 * AWS Signature Version 4 verification (header form), following the AWS specification and the
 * canonicalisation of @smithy/signature-v4: double-encoded normalised path, sorted query with
 * RFC 3986 escaping, trimmed header values, payload hash from x-amz-content-sha256.
 */

export interface AuthInfo {
  accessKeyId: string;
  account: string;
  region: string;
  key: KnownKey;
}

export interface PartialAuth {
  accessKeyId?: string;
  region?: string;
  /** Service name of the credential scope (e.g. 'lambda', 'logs'). */
  service?: string;
}

const MAX_SKEW_MS = 5 * 60 * 1000;

const escapeUri = (s: string): string => encodeURIComponent(s).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

export function canonicalPath(rawPath: string): string {
  const segments: string[] = [];
  for (const seg of rawPath.split('/')) {
    if (seg.length === 0 || seg === '.') {
      continue;
    }
    if (seg === '..') {
      segments.pop();
    } else {
      segments.push(seg);
    }
  }
  const normalized = `${rawPath.startsWith('/') ? '/' : ''}${segments.join('/')}${segments.length > 0 && rawPath.endsWith('/') ? '/' : ''}`;
  return escapeUri(normalized).replace(/%2F/g, '/');
}

export function canonicalQuery(rawQuery: string): string {
  if (!rawQuery) {
    return '';
  }
  const map = new Map<string, string[]>();
  for (const part of rawQuery.split('&')) {
    if (!part) {
      continue;
    }
    const eq = part.indexOf('=');
    const key = safeDecode(eq < 0 ? part : part.slice(0, eq));
    const value = safeDecode(eq < 0 ? '' : part.slice(eq + 1));
    if (key.toLowerCase() === 'x-amz-signature') {
      continue;
    }
    const ek = escapeUri(key);
    const list = map.get(ek) ?? [];
    list.push(`${ek}=${escapeUri(value)}`);
    map.set(ek, list);
  }
  return [...map.keys()]
    .sort()
    .map((k) => map.get(k)!.sort().join('&'))
    .join('&');
}

function headerValue(headers: IncomingHttpHeaders, name: string): string | undefined {
  const v = headers[name];
  if (v === undefined) {
    return undefined;
  }
  return Array.isArray(v) ? v.join(',') : v;
}

const denied = (type: string, message: string, partial: PartialAuth): LambdaApiError =>
  Object.assign(new LambdaApiError(type, 403, message), { partialAuth: partial });

/** Reads the access key and region of a request's Authorization header, without verifying it. */
export function peekAuth(headers: IncomingHttpHeaders): PartialAuth {
  const auth = headerValue(headers, 'authorization') ?? '';
  const m = /Credential=([^/,\s]+)\/(\d{8})\/([^/]+)\/([^/,\s]+)\//.exec(auth);
  return m ? { accessKeyId: m[1], region: m[3], service: m[4] } : {};
}

export function verifySigV4(
  req: { method: string; rawUrl: string; headers: IncomingHttpHeaders; body: Buffer },
  keys: readonly KnownKey[] = KNOWN_KEYS,
  now: Date = new Date(),
  expectedService = 'lambda',
): AuthInfo {
  const auth = headerValue(req.headers, 'authorization');
  if (!auth) {
    throw denied('MissingAuthenticationTokenException', 'Missing Authentication Token', {});
  }
  const m = /^AWS4-HMAC-SHA256\s+Credential=([^,\s]+),\s*SignedHeaders=([^,\s]+),\s*Signature=([0-9a-f]{64})\s*$/.exec(auth);
  if (!m) {
    throw denied(
      'IncompleteSignatureException',
      `Authorization header requires 'Credential', 'SignedHeaders' and 'Signature' parameters with algorithm AWS4-HMAC-SHA256. Authorization=${auth.split(' ')[0]}`,
      peekAuth(req.headers),
    );
  }
  const [, credential, signedHeadersList, signature] = m;
  const scopeParts = credential.split('/');
  if (scopeParts.length !== 5 || scopeParts[4] !== 'aws4_request') {
    throw denied('IncompleteSignatureException', `Credential should be scoped to a valid region, not '${credential}'.`, peekAuth(req.headers));
  }
  const [accessKeyId, shortDate, region, service] = scopeParts;
  const partial: PartialAuth = { accessKeyId, region };
  const key = keys.find((k) => k.accessKeyId === accessKeyId);
  if (!key) {
    throw denied('UnrecognizedClientException', 'The security token included in the request is invalid.', partial);
  }
  if (service !== expectedService) {
    throw denied('InvalidSignatureException', `Credential should be scoped to correct service: '${expectedService}'.`, partial);
  }
  const amzDate = headerValue(req.headers, 'x-amz-date');
  if (!amzDate || !/^\d{8}T\d{6}Z$/.test(amzDate)) {
    throw denied('IncompleteSignatureException', 'Authorization header requires existence of either a \'X-Amz-Date\' or a \'Date\' header.', partial);
  }
  if (amzDate.slice(0, 8) !== shortDate) {
    throw denied('InvalidSignatureException', `Date in Credential scope does not match YYYYMMDD from ISO-8601 version of date from HTTP: '${shortDate}' != '${amzDate.slice(0, 8)}', from '${amzDate}'.`, partial);
  }
  const signedAt = Date.UTC(
    Number(amzDate.slice(0, 4)),
    Number(amzDate.slice(4, 6)) - 1,
    Number(amzDate.slice(6, 8)),
    Number(amzDate.slice(9, 11)),
    Number(amzDate.slice(11, 13)),
    Number(amzDate.slice(13, 15)),
  );
  if (Math.abs(now.getTime() - signedAt) > MAX_SKEW_MS) {
    const fmt = (t: number): string => new Date(t).toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');
    throw denied(
      'InvalidSignatureException',
      `Signature expired: ${amzDate} is now earlier than ${fmt(now.getTime() - MAX_SKEW_MS)} (${fmt(now.getTime())} - 5 min.)`,
      partial,
    );
  }
  const signedHeaders = signedHeadersList.split(';');
  if (!signedHeaders.includes('host')) {
    throw denied('InvalidSignatureException', "'Host' must be a 'SignedHeader' in the AWS Authorization.", partial);
  }
  const actualHash = createHash('sha256').update(req.body).digest('hex');
  let payloadHash = headerValue(req.headers, 'x-amz-content-sha256');
  if (payloadHash === undefined) {
    payloadHash = actualHash;
  } else if (payloadHash !== 'UNSIGNED-PAYLOAD' && payloadHash !== actualHash) {
    throw denied('InvalidSignatureException', "The provided 'x-amz-content-sha256' header does not match what was computed.", partial);
  }
  const canonicalHeaders: string[] = [];
  for (const name of signedHeaders) {
    const value = headerValue(req.headers, name);
    if (value === undefined) {
      throw denied('InvalidSignatureException', `The request signature we calculated does not match the signature you provided. Signed header '${name}' is missing.`, partial);
    }
    canonicalHeaders.push(`${name}:${value.replace(/[\r\n]/g, ' ').replace(/[ \t]+/g, ' ').replace(/^ | $/g, '')}`);
  }
  const q = req.rawUrl.indexOf('?');
  const rawPath = q < 0 ? req.rawUrl : req.rawUrl.slice(0, q);
  const rawQuery = q < 0 ? '' : req.rawUrl.slice(q + 1);
  const canonicalRequest = [
    req.method.toUpperCase(),
    canonicalPath(rawPath),
    canonicalQuery(rawQuery),
    `${canonicalHeaders.join('\n')}\n`,
    signedHeaders.join(';'),
    payloadHash,
  ].join('\n');
  const scope = `${shortDate}/${region}/${service}/aws4_request`;
  const stringToSign = ['AWS4-HMAC-SHA256', amzDate, scope, createHash('sha256').update(canonicalRequest).digest('hex')].join('\n');
  let k: Buffer = createHmac('sha256', `AWS4${key.secretAccessKey}`).update(shortDate).digest();
  for (const part of [region, service, 'aws4_request']) {
    k = createHmac('sha256', k).update(part).digest();
  }
  const expected = createHmac('sha256', k).update(stringToSign).digest('hex');
  if (!timingSafeEqual(Buffer.from(expected), Buffer.from(signature))) {
    throw denied(
      'InvalidSignatureException',
      'The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details.',
      partial,
    );
  }
  return { accessKeyId, account: key.account, region, key };
}
