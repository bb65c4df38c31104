/**
 * Validation of a parsed config file against the shipped JSON Schema (ajv: strict off, all
 * errors). Each error becomes a problem placed on the field, with a message that says what is
 * wrong, the field path and the allowed values.
 */
import Ajv, { ErrorObject, ValidateFunction } from 'ajv';
import { t } from '../../shared/l10n';
import { ParsedConfig, formatPath, problemAt } from './parse';
import { SCHEMAS, SchemaNode, isReadOnlyField } from './schemas';
import type { ConfigKind, ConfigProblem, JsonPath } from './types';

let ajv: Ajv | undefined;
const validators = new Map<ConfigKind, ValidateFunction>();

function validator(kind: ConfigKind): ValidateFunction {
  let v = validators.get(kind);
  if (!v) {
    ajv ??= new Ajv({ strict: false, allErrors: true, verbose: true });
    v = ajv.compile(SCHEMAS[kind]);
    validators.set(kind, v);
  }
  return v;
}

/** Turns a JSON pointer (`/DestinationConfig/OnFailure`) into a path, with numbers for array indexes. */
export function pointerToPath(pointer: string, value: unknown): JsonPath {
  if (!pointer) {
    return [];
  }
  const out: JsonPath = [];
  let current: unknown = value;
  for (const raw of pointer.split('/').slice(1)) {
    const seg = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (Array.isArray(current) && /^\d+$/.test(seg)) {
      out.push(Number(seg));
      current = current[Number(seg)];
    } else {
      out.push(seg);
      current = current !== null && typeof current === 'object' ? (current as Record<string, unknown>)[seg] : undefined;
    }
  }
  return out;
}

function show(value: unknown): string {
  if (typeof value === 'string') {
    return JSON.stringify(value.length > 60 ? `${value.slice(0, 57)}...` : value);
  }
  const s = JSON.stringify(value);
  return s === undefined ? String(value) : s.length > 60 ? `${s.slice(0, 57)}...` : s;
}

function typeText(type: string): string {
  switch (type) {
    case 'integer':
      return t('a whole number');
    case 'number':
      return t('a number');
    case 'string':
      return t('a string');
    case 'boolean':
      return t('true or false');
    case 'object':
      return t('an object ({ ... })');
    case 'array':
      return t('a list ([ ... ])');
    case 'null':
      return 'null';
    default:
      return type;
  }
}

function actualType(value: unknown): string {
  if (value === null) {
    return 'null';
  }
  if (Array.isArray(value)) {
    return t('a list');
  }
  if (typeof value === 'number') {
    return Number.isInteger(value) ? t('the number {0}', value) : t('the decimal number {0}', value);
  }
  if (typeof value === 'string') {
    return t('the string {0}', show(value));
  }
  if (typeof value === 'boolean') {
    return String(value);
  }
  return t('an object');
}

/** "1 to 10000", "at least 1", "at most 300". */
export function rangeText(min: number | undefined, max: number | undefined): string {
  if (min !== undefined && max !== undefined) {
    return t('{0} to {1}', min, max);
  }
  if (min !== undefined) {
    return t('at least {0}', min);
  }
  if (max !== undefined) {
    return t('at most {0}', max);
  }
  return t('any value');
}

function alternativesText(parent: SchemaNode, alternatives: SchemaNode[]): string {
  const parts = alternatives.map((a) => {
    if (a.const !== undefined) {
      return show(a.const);
    }
    if (a.enum) {
      return a.enum.map(show).join(', ');
    }
    if (a.minimum !== undefined || a.maximum !== undefined) {
      return rangeText(a.minimum ?? parent.minimum, a.maximum ?? parent.maximum);
    }
    if (a.type) {
      return typeText(String(a.type));
    }
    return '?';
  });
  return parts.join(t(' or '));
}

function fieldOf(path: JsonPath, kind: ConfigKind): string {
  if (path.length > 0) {
    return formatPath(path);
  }
  return kind === 'eventInvokeConfig' ? t('An event invoke config file') : t('An event source mapping file');
}

/** A field of the schema whose name differs only in case (a likely typo). */
function closeName(name: string, known: string[]): string | undefined {
  const lower = name.toLowerCase().replace(/[_-]/g, '');
  return known.find((k) => k.toLowerCase() === lower);
}

function messageFor(e: ErrorObject, path: JsonPath, kind: ConfigKind): { message: string; onKey?: boolean; path: JsonPath } {
  const parent = (e.parentSchema ?? {}) as SchemaNode;
  const field = fieldOf(path, kind);
  const value: unknown = e.data;
  switch (e.keyword) {
    case 'type':
      return { path, message: t('{0} must be {1}, not {2}.', field, typeText(String((e.params as { type: string }).type)), actualType(value)) };
    case 'minimum':
    case 'maximum':
    case 'exclusiveMinimum':
    case 'exclusiveMaximum':
      return { path, message: t('{0} is {1}: the allowed range is {2}.', field, show(value), rangeText(parent.minimum, parent.maximum)) };
    case 'anyOf':
    case 'oneOf': {
      const alternatives = (e.keyword === 'anyOf' ? parent.anyOf : parent.oneOf) ?? [];
      return { path, message: t('{0} is {1}: it must be {2}.', field, show(value), alternativesText(parent, alternatives)) };
    }
    case 'minLength':
    case 'maxLength': {
      const len = typeof value === 'string' ? value.length : 0;
      return { path, message: t('{0} is {1} characters long: it must be {2} characters.', field, len, rangeText(parent.minLength ?? 0, parent.maxLength)) };
    }
    case 'pattern':
      return {
        path,
        message: parent.patternErrorMessage
          ? t('{0} is not valid ({1}): {2}', field, show(value), parent.patternErrorMessage)
          : t('{0} is not valid ({1}): it must match {2}.', field, show(value), String(parent.pattern)),
      };
    case 'enum':
      return { path, message: t('{0} is {1}: it must be one of {2}.', field, show(value), (parent.enum ?? []).map((v) => show(v)).join(', ')) };
    case 'const':
      return { path, message: t('{0} must be {1}.', field, show(parent.const)) };
    case 'minItems':
    case 'maxItems': {
      const n = Array.isArray(value) ? value.length : 0;
      return { path, message: t('{0} has {1} items: it must have {2} items.', field, n, rangeText(parent.minItems ?? 0, parent.maxItems)) };
    }
    case 'uniqueItems':
      return { path, message: t('{0} lists the same value more than once.', field) };
    case 'required': {
      const missing = (e.params as { missingProperty: string }).missingProperty;
      return { path: [...path, missing], message: t('{0} is missing: it is required.', formatPath([...path, missing])) };
    }
    case 'additionalProperties': {
      const name = (e.params as { additionalProperty: string }).additionalProperty;
      const props = parent.properties ?? {};
      const known = Object.keys(props).filter((k) => !isReadOnlyField(props[k]));
      const close = closeName(name, known);
      const where = path.length ? formatPath(path) : kind === 'eventInvokeConfig' ? t('an event invoke config') : t('an event source mapping update');
      const message = close
        ? t('Unknown field "{0}" in {1}: did you mean "{2}"? Field names are case-sensitive.', name, where, close)
        : t('Unknown field "{0}" in {1}. The fields are: {2}.', name, where, known.join(', '));
      return { path: [...path, name], onKey: true, message };
    }
    case 'not':
      if (isReadOnlyField(parent)) {
        return { path, onKey: true, message: t('{0} cannot be changed with UpdateEventSourceMapping (it is set when the mapping is created, or reported by AWS): remove it from the file.', field) };
      }
      return { path, message: t('{0} has a value that is not allowed.', field) };
    default:
      return { path, message: `${field}: ${e.message ?? e.keyword}` };
  }
}

/** Validates the parsed value against the kind's schema; problems point at the fields. */
export function validateSchema(parsed: ParsedConfig): ConfigProblem[] {
  if (parsed.value === undefined || parsed.root?.type !== 'object') {
    return [];
  }
  const validate = validator(parsed.kind);
  if (validate(parsed.value)) {
    return [];
  }
  const errors = validate.errors ?? [];
  // Errors inside an anyOf/oneOf are summed up by the anyOf/oneOf error itself.
  const combinators = errors.filter((e) => e.keyword === 'anyOf' || e.keyword === 'oneOf').map((e) => `${e.schemaPath}/`);
  const typeErrors = new Set(errors.filter((e) => e.keyword === 'type').map((e) => e.instancePath));
  const out: ConfigProblem[] = [];
  const seen = new Set<string>();
  for (const e of errors) {
    if (combinators.some((prefix) => e.schemaPath.startsWith(prefix))) {
      continue;
    }
    if (e.keyword !== 'type' && typeErrors.has(e.instancePath)) {
      continue;
    }
    const basePath = pointerToPath(e.instancePath, parsed.value);
    const m = messageFor(e, basePath, parsed.kind);
    const key = `${JSON.stringify(m.path)}|${m.message}`;
    if (seen.has(key)) {
      continue;
    }
    seen.add(key);
    out.push(problemAt(parsed, m.path, m.message, `schema.${e.keyword}`, { onKey: m.onKey }));
  }
  return out;
}
