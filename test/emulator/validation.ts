import { invalidParameter } from './errors';

/*
 * Constraints from the AWS Lambda API reference. Violations answer InvalidParameterValueException
 * (400) with AWS's "1 validation error detected" wording, so that the SDK raises a typed error.
 */

const ARN_PREFIX = String.raw`(arn:(aws[a-zA-Z-]*)?:lambda:)?([a-z]{2}(-gov)?-[a-z]+-\d{1}:)?(\d{12}:)?(function:)?`;
const QUALIFIER_SUFFIX = String.raw`(:(\$LATEST(\.PUBLISHED)?|[a-zA-Z0-9-_]+))?`;

/** FunctionName of most operations (seed 000, 001, 004): max 140, no dot in the name. */
export const FUNCTION_NAME_PATTERN = `${ARN_PREFIX}([a-zA-Z0-9-_]+)${QUALIFIER_SUFFIX}`;
/** FunctionName of Invoke / GetFunction / GetFunctionConfiguration (seed 002): max 170, dot allowed. */
export const FUNCTION_NAME_PATTERN_DOT = `${ARN_PREFIX}([a-zA-Z0-9-_\\.]+)${QUALIFIER_SUFFIX}`;
/** Qualifier: the reference's pattern, plus `$LATEST.PUBLISHED` (Lambda Managed Instances). */
export const QUALIFIER_PATTERN = String.raw`(|[a-zA-Z0-9$_-]+|\$LATEST\.PUBLISHED)`;
/** Version of Lambda Managed Instances functions that an unqualified invocation runs. */
export const LATEST_PUBLISHED = '$LATEST.PUBLISHED';
/** TenantId of Invoke (X-Amz-Tenant-Id): 1–256 characters. */
export const TENANT_ID_PATTERN = String.raw`[a-zA-Z0-9._:/=+\-@ ]+`;
/** DurableExecutionName of Invoke (X-Amz-Durable-Execution-Name): 1–64 characters. */
export const DURABLE_EXECUTION_NAME_PATTERN = '[a-zA-Z0-9-_]+';
export const ALIAS_NAME_PATTERN = '(?!^[0-9]+$)([a-zA-Z0-9-_]+)';
export const VERSION_PATTERN = String.raw`(\$LATEST|[0-9]+)`;
export const DESTINATION_ARN_PATTERN = String.raw`^$|arn:(aws[a-zA-Z0-9-]*):([a-zA-Z0-9\-])+:([a-z]{2}(-gov)?-[a-z]+-\d{1})?:(\d{12})?:(.*)`;
export const MASTER_REGION_PATTERN = String.raw`ALL|[a-z]{2}(-gov)?-[a-z]+-\d{1}`;

const FUNCTION_NAME_RE = new RegExp(`^${FUNCTION_NAME_PATTERN}$`);
const FUNCTION_NAME_DOT_RE = new RegExp(`^${FUNCTION_NAME_PATTERN_DOT}$`);

export interface FunctionNameRule {
  maxLength: 140 | 170;
  allowDot: boolean;
  /** false when the operation names a function, not a version or alias (ListAliases, PublishVersion...). */
  allowQualifier: boolean;
}

export const RULE_140: FunctionNameRule = { maxLength: 140, allowDot: false, allowQualifier: true };
export const RULE_170_DOT: FunctionNameRule = { maxLength: 170, allowDot: true, allowQualifier: true };
export const RULE_140_UNQUALIFIED: FunctionNameRule = { maxLength: 140, allowDot: false, allowQualifier: false };
export const RULE_170_UNQUALIFIED: FunctionNameRule = { maxLength: 170, allowDot: false, allowQualifier: false };

export interface ParsedFunctionName {
  /** The name part (max 64). */
  name: string;
  region?: string;
  account?: string;
  qualifier?: string;
  /** The whole input. */
  raw: string;
}

function err(value: unknown, member: string, constraint: string): Error {
  return invalidParameter(`1 validation error detected: Value '${String(value)}' at '${member}' failed to satisfy constraint: ${constraint}`);
}

export function checkLength(value: string, member: string, min: number, max: number): void {
  if (value.length < min) {
    throw err(value, member, `Member must have length greater than or equal to ${min}`);
  }
  if (value.length > max) {
    throw err(value, member, `Member must have length less than or equal to ${max}`);
  }
}

export function checkPattern(value: string, member: string, pattern: string): void {
  if (!new RegExp(`^(?:${pattern})$`).test(value)) {
    throw err(value, member, `Member must satisfy regular expression pattern: ${pattern}`);
  }
}

export function parseFunctionName(raw: string | undefined, rule: FunctionNameRule, member = 'functionName'): ParsedFunctionName {
  if (raw === undefined || raw === null) {
    throw err(raw, member, 'Member must not be null');
  }
  checkLength(raw, member, 1, rule.maxLength);
  const re = rule.allowDot ? FUNCTION_NAME_DOT_RE : FUNCTION_NAME_RE;
  const m = re.exec(raw);
  if (!m) {
    throw err(raw, member, `Member must satisfy regular expression pattern: ${rule.allowDot ? FUNCTION_NAME_PATTERN_DOT : FUNCTION_NAME_PATTERN}`);
  }
  // Groups: 1 arn prefix, 2 partition, 3 "region:", 4 -gov, 5 "account:", 6 "function:", 7 name, 8 ":qualifier", 9 qualifier, 10 ".PUBLISHED"
  const name = m[7];
  if (name.length > 64) {
    throw err(raw, member, 'Member must have length less than or equal to 64 for a function name');
  }
  const qualifier = m[9];
  if (qualifier !== undefined && !rule.allowQualifier) {
    throw invalidParameter(`Unsupported qualifier in function name '${raw}': this operation takes an unqualified function name.`);
  }
  return {
    raw,
    name,
    region: m[3] ? m[3].slice(0, -1) : undefined,
    account: m[5] ? m[5].slice(0, -1) : undefined,
    qualifier,
  };
}

export function checkQualifier(value: string | undefined, member = 'qualifier'): string | undefined {
  if (value === undefined) {
    return undefined;
  }
  checkLength(value, member, 1, 128);
  checkPattern(value, member, QUALIFIER_PATTERN);
  return value;
}

/** Merges the qualifier of a FunctionName (name:qualifier) with an explicit Qualifier parameter. */
export function effectiveQualifier(parsed: ParsedFunctionName, qualifier: string | undefined): string | undefined {
  if (parsed.qualifier !== undefined && qualifier !== undefined && parsed.qualifier !== qualifier) {
    throw invalidParameter('The derived qualifier from the function name does not match the specified qualifier.');
  }
  return qualifier ?? parsed.qualifier;
}

export function checkInteger(value: unknown, member: string, min: number, max: number): number {
  if (typeof value !== 'number' || !Number.isInteger(value)) {
    throw err(value, member, 'Member must be an integer');
  }
  if (value < min) {
    throw err(value, member, `Member must have value greater than or equal to ${min}`);
  }
  if (value > max) {
    throw err(value, member, `Member must have value less than or equal to ${max}`);
  }
  return value;
}

export function checkBoolean(value: unknown, member: string): boolean {
  if (typeof value !== 'boolean') {
    throw err(value, member, 'Member must be a boolean');
  }
  return value;
}

export function checkString(value: unknown, member: string): string {
  if (typeof value !== 'string') {
    throw err(value, member, 'Member must be a string');
  }
  return value;
}

export function checkObject(value: unknown, member: string): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw err(typeof value === 'object' ? JSON.stringify(value) : value, member, 'Member must be an object');
  }
  return value as Record<string, unknown>;
}

export function checkArray(value: unknown, member: string, min: number, max: number): unknown[] {
  if (!Array.isArray(value)) {
    throw err(value, member, 'Member must be a list');
  }
  if (value.length < min) {
    throw err(JSON.stringify(value), member, `Member must have length greater than or equal to ${min}`);
  }
  if (value.length > max) {
    throw err(JSON.stringify(value), member, `Member must have length less than or equal to ${max}`);
  }
  return value;
}

export function checkEnum<T extends string>(value: unknown, member: string, allowed: readonly T[]): T {
  if (typeof value !== 'string' || !(allowed as readonly string[]).includes(value)) {
    throw err(value, member, `Member must satisfy enum value set: [${allowed.join(', ')}]`);
  }
  return value as T;
}

/** MaxItems of a list operation (query string): an integer in [1, max]. */
export function parseMaxItems(raw: string | undefined, max: number): number | undefined {
  if (raw === undefined) {
    return undefined;
  }
  if (!/^-?\d+$/.test(raw)) {
    throw err(raw, 'maxItems', 'Member must be an integer');
  }
  return checkInteger(Number(raw), 'maxItems', 1, max);
}

/** Service of an ARN (arn:partition:SERVICE:region:account:resource), or undefined. */
export function arnService(arn: string): string | undefined {
  const m = /^arn:[^:]*:([^:]+):/.exec(arn);
  return m ? m[1] : undefined;
}
