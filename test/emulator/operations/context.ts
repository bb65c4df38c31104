import type { IncomingHttpHeaders } from 'node:http';
import { LambdaApiError, invalidContent, invalidParameter, notFound } from '../errors';
import type { SandboxPool } from '../runtime/sandbox';
import type { EmulatorStore, FunctionRecord } from '../store';
import { functionArn } from '../store';
import { FunctionNameRule, ParsedFunctionName, checkQualifier, effectiveQualifier, parseFunctionName } from '../validation';

export interface OpContext {
  store: EmulatorStore;
  pool: SandboxPool;
  account: string;
  region: string;
  /** Decoded path parameters, in route order. */
  params: string[];
  /** Decoded query parameters (last value wins). */
  query: Record<string, string>;
  headers: IncomingHttpHeaders;
  body: Buffer;
  requestId: string;
  endpoint: string;
  /** Alias routing draw, in [0, 1). */
  random: () => number;
}

/** The answer's body as a stream of bytes (InvokeWithResponseStream), written as they come. */
export interface StreamWriter {
  /** Sends bytes now; false when the client is slower than the writer: wait for `onDrain`. */
  write(data: Uint8Array): boolean;
  onDrain(callback: () => void): void;
  /** The client went away (writes are then dropped). */
  readonly closed: boolean;
  end(): void;
}

export interface OpResult {
  status: number;
  /** JSON-serialisable body, a raw Buffer, or undefined for no body. */
  body?: unknown;
  headers?: Record<string, string>;
  /** A streamed body instead of `body`: the server sends the head, then hands over the writer. */
  stream?: (out: StreamWriter) => Promise<void>;
}

export type Operation = (ctx: OpContext) => Promise<OpResult> | OpResult;

export function header(ctx: OpContext, name: string): string | undefined {
  const v = ctx.headers[name.toLowerCase()];
  return Array.isArray(v) ? v.join(',') : v;
}

/** The JSON object of a request body ({} when empty). */
export function jsonBody(ctx: OpContext): Record<string, unknown> {
  if (ctx.body.length === 0) {
    return {};
  }
  let value: unknown;
  try {
    value = JSON.parse(ctx.body.toString('utf8'));
  } catch (e) {
    throw invalidContent(`Could not parse request body into json: ${(e as Error).message}`);
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw invalidContent('Could not parse request body into json: the body must be a JSON object');
  }
  return value as Record<string, unknown>;
}

/** Checks that an ARN-form function name points at the caller's account and region. */
export function checkScope(ctx: OpContext, parsed: ParsedFunctionName): void {
  if (parsed.region !== undefined && parsed.region !== ctx.region) {
    throw notFound(`Functions from '${parsed.region}' are not reachable in this region ('${ctx.region}')`);
  }
  if (parsed.account !== undefined && parsed.account !== ctx.account) {
    throw new LambdaApiError(
      'AccessDeniedException',
      403,
      `User: arn:aws:iam::${ctx.account}:user/emulator is not authorized to perform this operation on resource: ${functionArn(ctx.region, parsed.account, parsed.name)} because no resource-based policy allows it`,
    );
  }
}

/** Validates FunctionName (+ Qualifier query parameter) and finds the function. */
export function lookupFunction(
  ctx: OpContext,
  rawName: string | undefined,
  rule: FunctionNameRule,
  qualifierParam?: string,
): { fn: FunctionRecord; qualifier?: string; parsed: ParsedFunctionName } {
  const parsed = parseFunctionName(rawName, rule);
  const q = effectiveQualifier(parsed, checkQualifier(qualifierParam));
  checkScope(ctx, parsed);
  const fn = ctx.store.requireFunction(ctx.account, ctx.region, parsed.name, functionArn(ctx.region, ctx.account, parsed.name, q));
  return { fn, qualifier: q, parsed };
}

/** Opaque pagination markers (base64url of the sort key of the next item). */
export function encodeMarker(key: string): string {
  return Buffer.from(key, 'utf8').toString('base64url');
}

export function decodeMarker(marker: string | undefined): string | undefined {
  if (marker === undefined) {
    return undefined;
  }
  if (marker === '' || !/^[A-Za-z0-9_-]+$/.test(marker)) {
    throw invalidParameter(`Invalid marker: ${marker}`);
  }
  return Buffer.from(marker, 'base64url').toString('utf8');
}

/** One page of `items` (sorted by `keyOf`), starting at the marker. */
export function page<T>(items: readonly T[], keyOf: (item: T) => string, marker: string | undefined, maxItems: number | undefined, pageLimit: number): { items: T[]; nextMarker?: string } {
  const startKey = decodeMarker(marker);
  let start = 0;
  if (startKey !== undefined) {
    // Items are sorted: binary search for the first key >= startKey.
    let lo = 0;
    let hi = items.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (keyOf(items[mid]) < startKey) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    start = lo;
  }
  const size = Math.min(maxItems ?? pageLimit, pageLimit);
  const slice = items.slice(start, start + size);
  const next = start + size < items.length ? encodeMarker(keyOf(items[start + size])) : undefined;
  return { items: slice, nextMarker: next };
}
