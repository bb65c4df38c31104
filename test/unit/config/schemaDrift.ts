/**
 * Compares a shipped JSON Schema with a request shape of the Lambda client we ship (see
 * sdkModel.ts) and names each difference by its member path: a member the schema lacks or
 * refuses, a type that differs, an enum value the schema refuses or the SDK does not know, a
 * property the SDK does not know, a required member the schema does not require, an object
 * that accepts unknown keys.
 */
import Ajv from 'ajv';
import { MemberPath, SdkModel, SdkType, formatMemberPath, memberPaths } from './sdkModel';

export type SchemaObject = Record<string, unknown> & {
  type?: string | string[];
  properties?: Record<string, SchemaObject>;
  items?: SchemaObject;
  required?: string[];
  enum?: unknown[];
  not?: unknown;
  additionalProperties?: unknown;
  $ref?: string;
};

/** The node a local `$ref` (`#/definitions/X`) points at; the node itself when it has none. */
export function deref(root: SchemaObject, node: SchemaObject): SchemaObject {
  let current = node;
  for (let hops = 0; typeof current.$ref === 'string'; hops++) {
    if (!current.$ref.startsWith('#/') || hops > 10) {
      throw new Error(`cannot follow $ref ${current.$ref}`);
    }
    let target: unknown = root;
    for (const raw of current.$ref.slice(2).split('/')) {
      target = (target as Record<string, unknown> | undefined)?.[raw.replace(/~1/g, '/').replace(/~0/g, '~')];
    }
    if (!target || typeof target !== 'object') {
      throw new Error(`$ref ${current.$ref} points at nothing`);
    }
    current = target as SchemaObject;
  }
  return current;
}

/** Members that do not belong in a config file by design, with the reason (none today). */
export const NOT_IN_FILES: Readonly<Record<string, string>> = {};

/** Fields the schema describes only to refuse them with a clear message (`"not": {}`). */
export function isRefused(node: SchemaObject | undefined): boolean {
  return !!node && typeof node.not === 'object' && node.not !== null && Object.keys(node.not).length === 0;
}

const SCHEMA_TYPES: Record<SdkType['kind'], string[] | undefined> = {
  string: ['string'],
  number: ['integer', 'number'],
  boolean: ['boolean'],
  timestamp: ['string', 'number'],
  blob: ['string'],
  document: undefined,
  map: ['object'],
  enum: ['string'],
  structure: ['object'],
  list: ['array'],
  unreadable: undefined,
};

function describeType(t: SdkType): string {
  switch (t.kind) {
    case 'enum':
      return `enum ${t.name}`;
    case 'structure':
      return `structure ${t.name}`;
    case 'list':
      return `list of ${describeType(t.member)}`;
    default:
      return t.kind;
  }
}

/** The differences between a request shape and a schema, each naming its member path. */
export function schemaDrift(model: SdkModel, request: string, schema: SchemaObject): string[] {
  const problems: string[] = [];
  const name = (segments: string[]) => `${request}.${formatMemberPath(segments)}`;

  const checkType = (type: SdkType, refNode: SchemaObject, segments: string[]): void => {
    const node = deref(schema, refNode);
    const expected = SCHEMA_TYPES[type.kind];
    const actual = Array.isArray(node.type) ? node.type : node.type === undefined ? [] : [node.type];
    if (expected && !(actual.length > 0 && actual.every((t) => expected.includes(t)))) {
      problems.push(`${name(segments)}: the SDK declares ${describeType(type)}, the schema has type ${JSON.stringify(node.type)}`);
      return;
    }
    if (type.kind === 'list') {
      if (!node.items) {
        problems.push(`${name(segments)}: a list without "items" in the schema`);
      } else {
        checkType(type.member, node.items, [...segments, '[]']);
      }
    } else if (type.kind === 'structure') {
      checkStructure(type.name, node, segments);
    } else if (type.kind === 'enum' && Array.isArray(node.enum)) {
      for (const v of type.values.filter((v) => !node.enum?.includes(v))) {
        problems.push(`${name(segments)}: the schema refuses ${JSON.stringify(v)}, a value of ${type.name}`);
      }
      for (const v of node.enum.filter((v) => !type.values.includes(String(v)))) {
        problems.push(`${name(segments)}: the schema allows ${JSON.stringify(v)}, which ${type.name} does not have`);
      }
    }
  };

  const checkStructure = (structure: string, node: SchemaObject, segments: string[]): void => {
    const members = model.structures.get(structure) ?? [];
    const props = node.properties ?? {};
    if (node.additionalProperties !== false) {
      problems.push(`${segments.length ? name(segments) : request}: the schema accepts unknown fields here ("additionalProperties": false is missing)`);
    }
    for (const member of members) {
      const segs = [...segments, member.name];
      if (NOT_IN_FILES[formatMemberPath(segs)] !== undefined) {
        continue;
      }
      const child = props[member.name];
      if (!child) {
        problems.push(`${name(segs)}: missing from the schema`);
      } else if (isRefused(child)) {
        problems.push(`${name(segs)}: the schema refuses it (the field is listed only to be rejected)`);
      } else {
        checkType(member.type, child, segs);
      }
      const required = (node.required ?? []).includes(member.name);
      if (!member.optional && !required) {
        problems.push(`${name(segs)}: required by the SDK, not by the schema`);
      } else if (member.optional && required) {
        problems.push(`${name(segs)}: required by the schema, optional in the SDK`);
      }
    }
    for (const key of Object.keys(props)) {
      const known = members.some((m) => m.name === key);
      if (!known && !isRefused(props[key]) && !(key === '$schema' && segments.length === 0)) {
        problems.push(`${name([...segments, key])}: in the schema, but ${structure} has no such member`);
      }
    }
  };

  checkStructure(request, schema, []);
  return problems;
}

/** Sets `value` at a member path, creating objects and one-element lists on the way. */
function setAt(doc: Record<string, unknown>, segments: string[], value: unknown): void {
  let current: unknown = doc;
  for (let i = 0; i < segments.length - 1; i++) {
    const seg = segments[i];
    if (seg === '[]') {
      current = (current as unknown[])[0];
      continue;
    }
    const holder = current as Record<string, unknown>;
    holder[seg] ??= segments[i + 1] === '[]' ? [{}] : {};
    current = holder[seg];
  }
  (current as Record<string, unknown>)[segments[segments.length - 1]] = value;
}

/** The enum members of a request (lists of enums included). */
export function enumMembers(model: SdkModel, request: string): MemberPath[] {
  return memberPaths(model, request).filter((p) => p.leaf.kind === 'enum');
}

/**
 * Validates, with ajv and the whole schema, a body holding each value of each enum of the
 * request at its place: the values the schema refuses, one line each.
 */
export function refusedEnumValues(model: SdkModel, request: string, schema: SchemaObject, base: Record<string, unknown>): string[] {
  const validate = new Ajv({ strict: false, allErrors: true }).compile(schema);
  const out: string[] = [];
  for (const p of enumMembers(model, request)) {
    if (p.leaf.kind !== 'enum') {
      continue;
    }
    const segments = p.segments;
    for (const value of p.leaf.values) {
      const doc = JSON.parse(JSON.stringify(base)) as Record<string, unknown>;
      setAt(doc, segments, p.member.type.kind === 'list' ? [value] : value);
      if (!validate(doc)) {
        const why = (validate.errors ?? []).map((e) => {
          const extra = (e.params as { additionalProperty?: string }).additionalProperty;
          return `${e.instancePath || '/'} ${e.message ?? e.keyword}${extra ? ` (${extra})` : ''}`;
        });
        out.push(`${request}.${formatMemberPath(p.segments)} = ${JSON.stringify(value)}: refused (${why.join('; ')})`);
      }
    }
  }
  return out;
}

