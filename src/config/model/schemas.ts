/**
 * The JSON Schemas shipped in schemas/ (the same files VS Code's JSON support uses through
 * `jsonValidation`), bundled into dist/config.js.
 */
import eventInvokeConfigSchema from '../../../schemas/event-invoke-config.schema.json';
import eventSourceMappingSchema from '../../../schemas/event-source-mapping.schema.json';
import type { ConfigKind } from './types';

/** A schema node, as far as the validator's messages need it. */
export interface SchemaNode {
  type?: string | string[];
  properties?: Record<string, SchemaNode>;
  required?: string[];
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
  minItems?: number;
  maxItems?: number;
  pattern?: string;
  patternErrorMessage?: string;
  enum?: unknown[];
  const?: unknown;
  anyOf?: SchemaNode[];
  oneOf?: SchemaNode[];
  not?: SchemaNode;
  description?: string;
  [keyword: string]: unknown;
}

export const SCHEMAS: Record<ConfigKind, SchemaNode> = {
  eventInvokeConfig: eventInvokeConfigSchema as unknown as SchemaNode,
  eventSourceMapping: eventSourceMappingSchema as unknown as SchemaNode,
};

/** The settings a file of this kind may hold (URI parameters and `$schema` excluded). */
export function settingNames(kind: ConfigKind): string[] {
  const props = SCHEMAS[kind].properties ?? {};
  return Object.keys(props).filter((k) => !isReadOnlyField(props[k]) && k !== '$schema' && k !== 'FunctionName' && k !== 'Qualifier' && k !== 'UUID');
}

/** Fields described in the schema only to explain that UpdateEventSourceMapping does not take them. */
export function isReadOnlyField(node: SchemaNode | undefined): boolean {
  return !!node && typeof node.not === 'object' && node.not !== null && Object.keys(node.not).length === 0;
}

/** Property order of the schema, used to print JSON in a stable order. */
export function propertyOrder(kind: ConfigKind): string[] {
  return Object.keys(SCHEMAS[kind].properties ?? {});
}
