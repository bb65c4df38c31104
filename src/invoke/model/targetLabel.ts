/** How an invocation's target is named in the output, the CodeLens and the log. Small: loaded at activation. */

export interface TargetInfo {
  region: string;
  functionName: string;
  /** A version or alias; undefined (or `$LATEST`) is the unpublished code. */
  qualifier?: string;
}

/** `hello-world:live (us-east-1)`; `$LATEST` is not written. */
export function targetLabel(target: TargetInfo): string {
  const q = target.qualifier && target.qualifier !== '$LATEST' ? `:${target.qualifier}` : '';
  return `${target.functionName}${q} (${target.region})`;
}
