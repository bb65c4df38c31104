/** Function ARN helpers the views need. Pure. */
import { parseArn } from '../../shared/arn';

/**
 * The qualifier of a function ARN (`...:function:name:live` → `live`); `$LATEST` when the
 * ARN has none.
 */
export function qualifierOfArn(functionArn: string | undefined): string {
  if (!functionArn) {
    return '$LATEST';
  }
  const parsed = parseArn(functionArn);
  const parts = parsed ? parsed.resource.split(':') : functionArn.split(':');
  // `function:name:qualifier` (full ARN) or `name:qualifier`
  const i = parts.indexOf('function');
  const q = i >= 0 ? parts[i + 2] : parsed ? undefined : parts[1];
  return q ? q : '$LATEST';
}

/** The ARN without its qualifier. */
export function unqualifiedArn(functionArn: string): string {
  const parsed = parseArn(functionArn);
  if (!parsed || parsed.service !== 'lambda') {
    return functionArn;
  }
  const parts = parsed.resource.split(':');
  if (parts[0] === 'function' && parts.length > 2) {
    return functionArn.slice(0, functionArn.length - parts[parts.length - 1].length - 1);
  }
  return functionArn;
}

/** The ARN with `qualifier` (none, or `$LATEST`, gives the unqualified ARN). */
export function qualifiedArn(functionArn: string, qualifier: string | undefined): string {
  const base = unqualifiedArn(functionArn);
  return qualifier && qualifier !== '$LATEST' ? `${base}:${qualifier}` : base;
}

/** The name a person recognises in a destination ARN: a function, queue, topic, bus or bucket. */
export function shortResourceName(arn: string | undefined): string {
  if (!arn) {
    return '';
  }
  const parsed = parseArn(arn);
  if (!parsed) {
    return arn;
  }
  if (parsed.service === 'lambda') {
    const parts = parsed.resource.split(':');
    return parts[0] === 'function' && parts[1] ? parts.slice(1).join(':') : parsed.resource;
  }
  const segments = parsed.resource.split(/[/:]/).filter((s) => s.length > 0);
  return segments[segments.length - 1] ?? arn;
}

/** The ARN of an event source mapping, from the mapping or built from its function's ARN. */
export function mappingArn(mapping: { UUID?: string; FunctionArn?: string; EventSourceMappingArn?: string }, region: string): string | undefined {
  if (mapping.EventSourceMappingArn) {
    return mapping.EventSourceMappingArn;
  }
  const fn = mapping.FunctionArn ? parseArn(mapping.FunctionArn) : undefined;
  if (!fn || !mapping.UUID) {
    return undefined;
  }
  return `arn:${fn.partition}:lambda:${region}:${fn.account}:event-source-mapping:${mapping.UUID}`;
}
