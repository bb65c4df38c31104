/** Config file kinds, names and the region a file points at. Pure. */
import { functionNameOf, parseArn, shortSourceName } from '../../shared/arn';
import type { ConfigKind } from './types';

const KIND_PATTERNS: ReadonlyArray<[ConfigKind, RegExp]> = [
  ['eventInvokeConfig', /\.event-invoke-config\.jsonc?$/i],
  ['eventSourceMapping', /\.event-source-mapping\.jsonc?$/i],
];

/** The kind of a config file from its name (or path), or undefined for any other file. */
export function configKindOf(fileName: string): ConfigKind | undefined {
  for (const [kind, re] of KIND_PATTERNS) {
    if (re.test(fileName)) {
      return kind;
    }
  }
  return undefined;
}

/** `.jsonc` files may hold comments and trailing commas; `.json` files are what the AWS CLI reads. */
export function isJsoncFile(fileName: string): boolean {
  return /\.jsonc$/i.test(fileName);
}

function safe(part: string): string {
  return part.replace(/[^A-Za-z0-9._-]/g, '_');
}

/** `hello-world.live.event-invoke-config.json`; `$LATEST` is left out of the name. */
export function eventInvokeConfigFileName(functionName: string, qualifier: string | undefined, jsonc: boolean): string {
  const name = safe(functionNameOf(functionName));
  const q = qualifier && qualifier !== '$LATEST' ? `.${safe(qualifier)}` : '';
  return `${name}${q}.event-invoke-config.${jsonc ? 'jsonc' : 'json'}`;
}

/** `orders-queue.order-processor.3f6c2a8e.event-source-mapping.json`. */
export function eventSourceMappingFileName(m: { uuid: string; eventSourceArn?: string; functionArn?: string }, jsonc: boolean): string {
  const parts = [shortSourceName(m.eventSourceArn), m.functionArn ? functionNameOf(m.functionArn) : '', m.uuid.slice(0, 8)].filter((p) => p.length > 0).map(safe);
  return `${parts.join('.')}.event-source-mapping.${jsonc ? 'jsonc' : 'json'}`;
}

const REGION = /^[a-z]{2}(-gov)?-[a-z]+-\d$/;

/**
 * The region a FunctionName names: a full ARN (`arn:aws:lambda:REGION:...`) or a partial
 * ARN that starts with a region (`REGION:ACCOUNT:function:NAME`); undefined for a plain name.
 */
export function regionOfFunctionName(functionName: unknown): string | undefined {
  if (typeof functionName !== 'string') {
    return undefined;
  }
  const arn = parseArn(functionName);
  if (arn) {
    return REGION.test(arn.region) ? arn.region : undefined;
  }
  const first = functionName.split(':')[0];
  return REGION.test(first) ? first : undefined;
}

/** Name and qualifier of a function reference (name, name:qualifier, partial or full ARN). */
export function splitFunctionReference(ref: string): { name: string; qualifier?: string } {
  const parts = ref.split(':');
  const i = parts.indexOf('function');
  if (i >= 0 && parts[i + 1]) {
    return { name: parts[i + 1], qualifier: parts[i + 2] };
  }
  if (parseArn(ref)) {
    return { name: functionNameOf(ref) };
  }
  return { name: parts[0], qualifier: parts[1] };
}
