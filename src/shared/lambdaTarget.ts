/**
 * The one model of what a Lambda command acts on: a function (optionally a version or alias)
 * in a region, or an event source mapping; and how a target is named everywhere (output,
 * CodeLens, messages, log). `$LATEST` is the absence of a qualifier: every place that needs
 * "the qualifier to send" or "the name to show" asks this module. Pure.
 */

/** The unpublished code of a function. */
export const LATEST = '$LATEST';

/** The code a Lambda Managed Instances function last published to its capacity provider. */
export const LATEST_PUBLISHED = '$LATEST.PUBLISHED';

/** A function, version or alias. */
export interface LambdaTarget {
  region: string;
  functionName: string;
  /** A version number or alias name; undefined (or `$LATEST`) is the unpublished code. */
  qualifier?: string;
  /** The function's unqualified ARN, when known (from the listing). */
  functionArn?: string;
}

/** An event source mapping. */
export interface MappingTarget {
  region: string;
  uuid: string;
  functionArn?: string;
  eventSourceArn?: string;
}

/** The qualifier to send: undefined for none and for `$LATEST`. */
export function explicitQualifier(qualifier: string | undefined): string | undefined {
  return qualifier && qualifier !== LATEST ? qualifier : undefined;
}

/** A published version (a number), as opposed to an alias or `$LATEST`. */
export function isVersionQualifier(qualifier: string | undefined): boolean {
  return !!qualifier && /^\d+$/.test(qualifier);
}

/** `hello-world` or `hello-world:live`. */
export function qualifiedName(t: Pick<LambdaTarget, 'functionName' | 'qualifier'>): string {
  const q = explicitQualifier(t.qualifier);
  return q ? `${t.functionName}:${q}` : t.functionName;
}

/** `hello-world:live (us-east-1)`: how a target is named in the output, CodeLens, messages and the log. */
export function targetLabel(t: Pick<LambdaTarget, 'functionName' | 'qualifier' | 'region'>): string {
  return `${qualifiedName(t)} (${t.region})`;
}

/** The target without `$LATEST` and without the ARN: what is remembered and compared. */
export function normalizeTarget(t: LambdaTarget): LambdaTarget {
  const q = explicitQualifier(t.qualifier);
  return q ? { region: t.region, functionName: t.functionName, qualifier: q } : { region: t.region, functionName: t.functionName };
}

export function sameTarget(a: LambdaTarget, b: LambdaTarget): boolean {
  return a.region === b.region && a.functionName === b.functionName && explicitQualifier(a.qualifier) === explicitQualifier(b.qualifier);
}

function str(x: unknown): string | undefined {
  return typeof x === 'string' && x.length > 0 ? x : undefined;
}

/**
 * A target from data that may come from anywhere (workspace state written by another version,
 * a command argument): `{region, functionName, qualifier?, functionArn?}`, or undefined.
 */
export function toLambdaTarget(x: unknown): LambdaTarget | undefined {
  if (typeof x !== 'object' || x === null || Array.isArray(x)) {
    return undefined;
  }
  const o = x as Record<string, unknown>;
  const region = str(o.region);
  const functionName = str(o.functionName);
  if (!region || !functionName) {
    return undefined;
  }
  const qualifier = explicitQualifier(str(o.qualifier));
  const functionArn = str(o.functionArn);
  return { region, functionName, ...(qualifier ? { qualifier } : {}), ...(functionArn ? { functionArn } : {}) };
}

/** Something (a tree node) that stands for a function, version or alias. */
export interface HasFunctionTarget {
  readonly functionTarget: LambdaTarget;
}

/** Something (a tree node) that stands for an event source mapping. */
export interface HasMappingTarget {
  readonly mappingTarget: MappingTarget;
}

export function hasFunctionTarget(x: unknown): x is HasFunctionTarget {
  return typeof x === 'object' && x !== null && 'functionTarget' in x;
}

export function hasMappingTarget(x: unknown): x is HasMappingTarget {
  return typeof x === 'object' && x !== null && 'mappingTarget' in x;
}

/** The target a command argument names: a node carrying one, or a plain target object (CodeLens, other extensions). */
export function targetOfArgument(x: unknown): LambdaTarget | undefined {
  return hasFunctionTarget(x) ? x.functionTarget : toLambdaTarget(x);
}
