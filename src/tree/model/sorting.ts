/** The orders of the views' lists. Pure. */
import type { AliasConfiguration, EventSourceMappingConfiguration, FunctionConfiguration, FunctionEventInvokeConfig } from '@aws-sdk/client-lambda';
import { qualifierOfArn, shortSourceName } from '../../shared/arn';
import { isVersionQualifier, LATEST } from '../../shared/lambdaTarget';

const collator = new Intl.Collator('en', { sensitivity: 'base', numeric: true });

/** Case-insensitive, numbers by value ("fn-2" before "fn-10"). */
export function compareNames(a: string | undefined, b: string | undefined): number {
  return collator.compare(a ?? '', b ?? '');
}

export function compareFunctions(a: FunctionConfiguration, b: FunctionConfiguration): number {
  return compareNames(a.FunctionName, b.FunctionName) || compareNames(a.FunctionArn, b.FunctionArn);
}

function versionNumber(v: string | undefined): number {
  const n = Number(v);
  return Number.isFinite(n) ? n : Number.POSITIVE_INFINITY;
}

/** Newest version first. */
export function compareVersions(a: FunctionConfiguration, b: FunctionConfiguration): number {
  return versionNumber(b.Version) - versionNumber(a.Version) || compareNames(a.Version, b.Version);
}

export function compareAliases(a: AliasConfiguration, b: AliasConfiguration): number {
  return compareNames(a.Name, b.Name);
}

/** `$LATEST`, then versions (newest first), then aliases by name. */
export function compareQualifiers(a: string, b: string): number {
  const rank = (q: string) => (q === LATEST ? 0 : isVersionQualifier(q) ? 1 : 2);
  const ra = rank(a);
  const rb = rank(b);
  if (ra !== rb) {
    return ra - rb;
  }
  return ra === 1 ? Number(b) - Number(a) : compareNames(a, b);
}

export function compareInvokeConfigs(a: FunctionEventInvokeConfig, b: FunctionEventInvokeConfig): number {
  return compareQualifiers(qualifierOfArn(a.FunctionArn), qualifierOfArn(b.FunctionArn));
}

/** By source name, then function, then UUID (stable). */
export function compareMappings(a: EventSourceMappingConfiguration, b: EventSourceMappingConfiguration): number {
  return (
    compareNames(shortSourceName(a.EventSourceArn), shortSourceName(b.EventSourceArn)) ||
    compareNames(a.FunctionArn, b.FunctionArn) ||
    compareNames(a.UUID, b.UUID)
  );
}
