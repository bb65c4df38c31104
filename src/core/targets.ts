/** What a command acts on. Tree nodes carry these; palette commands ask for them with a picker. */
export interface FunctionTarget {
  region: string;
  functionName: string;
  functionArn?: string;
  /** A version number or alias name; undefined means `$LATEST`. */
  qualifier?: string;
}

export interface MappingTarget {
  region: string;
  uuid: string;
  functionArn?: string;
  eventSourceArn?: string;
}

export interface HasFunctionTarget {
  readonly functionTarget: FunctionTarget;
}

export interface HasMappingTarget {
  readonly mappingTarget: MappingTarget;
}

export function hasFunctionTarget(x: unknown): x is HasFunctionTarget {
  return typeof x === 'object' && x !== null && 'functionTarget' in x;
}

export function hasMappingTarget(x: unknown): x is HasMappingTarget {
  return typeof x === 'object' && x !== null && 'mappingTarget' in x;
}

export function describeTarget(t: FunctionTarget): string {
  return `${t.functionName}${t.qualifier && t.qualifier !== '$LATEST' ? `:${t.qualifier}` : ''} (${t.region})`;
}
