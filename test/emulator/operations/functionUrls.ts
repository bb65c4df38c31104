import { notFound } from '../errors';
import type { FunctionRecord, FunctionUrlRecord } from '../store';
import { functionArn } from '../store';
import { RULE_140_UNQUALIFIED, RULE_140, checkPattern, parseMaxItems } from '../validation';
import { OpContext, OpResult, lookupFunction, page } from './context';

const PAGE_URLS = 50;
/** Qualifier of a function URL: an alias name or $LATEST (URL configs never name a version number). */
const URL_QUALIFIER_PATTERN = String.raw`((?!^\d+$)^[0-9a-zA-Z-_]+$)|(^\$LATEST$)`;

function toUrlConfig(fn: FunctionRecord, u: FunctionUrlRecord): Record<string, unknown> {
  const out: Record<string, unknown> = {
    FunctionUrl: u.url,
    FunctionArn: functionArn(fn.region, fn.account, fn.name, u.qualifier || undefined),
    AuthType: u.authType,
  };
  if (u.cors) {
    out.Cors = structuredClone(u.cors);
  }
  out.CreationTime = u.creationTime;
  out.LastModifiedTime = u.lastModifiedTime;
  out.InvokeMode = u.invokeMode;
  return out;
}

/** GET /2021-10-31/functions/{FunctionName}/url?Qualifier= */
export function getFunctionUrlConfig(ctx: OpContext): OpResult {
  const { fn, qualifier } = lookupFunction(ctx, ctx.params[0], RULE_140, ctx.query.Qualifier);
  if (qualifier !== undefined) {
    checkPattern(qualifier, 'qualifier', URL_QUALIFIER_PATTERN);
  }
  const url = fn.functionUrls.get(qualifier === '$LATEST' ? '' : (qualifier ?? ''));
  if (!url) {
    throw notFound('The resource you requested does not exist.');
  }
  return { status: 200, body: toUrlConfig(fn, url) };
}

/** GET /2021-10-31/functions/{FunctionName}/urls (MaxItems 1–50). */
export function listFunctionUrlConfigs(ctx: OpContext): OpResult {
  const { fn } = lookupFunction(ctx, ctx.params[0], RULE_140_UNQUALIFIED);
  const maxItems = parseMaxItems(ctx.query.MaxItems, 50);
  const urls = [...fn.functionUrls.values()].sort((a, b) => (a.qualifier < b.qualifier ? -1 : a.qualifier > b.qualifier ? 1 : 0));
  const p = page(urls, (u) => u.qualifier, ctx.query.Marker, maxItems, PAGE_URLS);
  const body: Record<string, unknown> = { FunctionUrlConfigs: p.items.map((u) => toUrlConfig(fn, u)) };
  if (p.nextMarker) {
    body.NextMarker = p.nextMarker;
  }
  return { status: 200, body };
}
