/**
 * Parsing a config file with jsonc-parser: the value, the syntax tree (node offsets, so a
 * problem can point at its field) and syntax errors with their line and column.
 */
import { Node, ParseError, findNodeAtLocation, getNodeValue, parseTree } from 'jsonc-parser';
import { firstTooDeep, MAX_JSON_DEPTH, syntaxProblems } from '../../shared/json/parse';
import { LineIndex } from '../../shared/json/text';
import { t } from '../../shared/l10n';
import type { ConfigKind, ConfigProblem, JsonPath } from './types';

export { LineIndex } from '../../shared/json/text';

export interface ParsedConfig {
  kind: ConfigKind;
  text: string;
  jsonc: boolean;
  /** The syntax tree; undefined for an empty document. */
  root: Node | undefined;
  /** The parsed value (best effort when there are syntax errors). */
  value: unknown;
  /** Syntax errors, an empty file, a value that is not an object, duplicate keys. */
  problems: ConfigProblem[];
  lines: LineIndex;
}

export function makeProblem(lines: LineIndex, p: { severity?: 'error' | 'warning'; message: string; path: JsonPath; offset: number; length: number; code: string }): ConfigProblem {
  const length = Math.max(0, p.length);
  return {
    severity: p.severity ?? 'error',
    message: p.message,
    path: p.path,
    offset: p.offset,
    length,
    start: lines.positionAt(p.offset),
    end: lines.positionAt(p.offset + length),
    code: p.code,
  };
}

/** Dotted path for messages: `DestinationConfig.OnFailure.Destination`, `Filters[0].Pattern`. */
export function formatPath(path: JsonPath): string {
  let out = '';
  for (const seg of path) {
    if (typeof seg === 'number') {
      out += `[${seg}]`;
    } else {
      out += out ? `.${seg}` : seg;
    }
  }
  return out;
}

function duplicateKeys(root: Node, lines: LineIndex, path: JsonPath = []): ConfigProblem[] {
  const out: ConfigProblem[] = [];
  if (root.type === 'object') {
    const seen = new Set<string>();
    for (const prop of root.children ?? []) {
      const key = prop.children?.[0];
      const value = prop.children?.[1];
      if (!key || typeof key.value !== 'string') {
        continue;
      }
      const name = key.value;
      if (seen.has(name)) {
        out.push(
          makeProblem(lines, {
            message: t('{0} appears more than once: keep one.', formatPath([...path, name])),
            path: [...path, name],
            offset: key.offset,
            length: key.length,
            code: 'parse.duplicateKey',
          }),
        );
      }
      seen.add(name);
      if (value) {
        out.push(...duplicateKeys(value, lines, [...path, name]));
      }
    }
  } else if (root.type === 'array') {
    (root.children ?? []).forEach((child, i) => out.push(...duplicateKeys(child, lines, [...path, i])));
  }
  return out;
}

/** Deepest nesting of objects and arrays a config file may have (the bodies need 4; the parser is recursive). */
export const MAX_CONFIG_DEPTH = MAX_JSON_DEPTH;

/**
 * Parses a config file. `.json` files (what the AWS CLI reads) allow neither comments nor
 * trailing commas; `.jsonc` files allow both.
 */
export function parseConfig(text: string, kind: ConfigKind, options: { jsonc: boolean }): ParsedConfig {
  const lines = new LineIndex(text);
  const deep = firstTooDeep(text, MAX_CONFIG_DEPTH);
  if (deep !== undefined) {
    const pos = lines.positionAt(deep);
    const message = t('Line {0}, column {1}: objects and arrays are nested more than {2} levels deep.', pos.line + 1, pos.character + 1, MAX_CONFIG_DEPTH);
    return { kind, text, jsonc: options.jsonc, root: undefined, value: undefined, problems: [makeProblem(lines, { message, path: [], offset: deep, length: 1, code: 'parse' })], lines };
  }
  const errors: ParseError[] = [];
  const root = parseTree(text, errors, { allowTrailingComma: options.jsonc, disallowComments: !options.jsonc, allowEmptyContent: true });
  const problems: ConfigProblem[] = syntaxProblems(text, errors, options.jsonc).map((e) => {
    const pos = lines.positionAt(e.offset);
    return makeProblem(lines, {
      message: t('Line {0}, column {1}: {2}.', pos.line + 1, pos.character + 1, e.message),
      path: [],
      offset: e.offset,
      length: e.length,
      code: 'parse',
    });
  });
  if (!root) {
    if (problems.length === 0) {
      problems.push(makeProblem(lines, { message: t('The file is empty: it must hold one JSON object.'), path: [], offset: 0, length: 0, code: 'parse.empty' }));
    }
    return { kind, text, jsonc: options.jsonc, root, value: undefined, problems, lines };
  }
  if (root.type !== 'object') {
    const found = root.type === 'array' ? t('a list') : root.type === 'string' ? t('a string') : root.type === 'number' ? t('a number') : root.type === 'boolean' ? t('true or false') : 'null';
    problems.push(makeProblem(lines, { message: t('The file must hold one JSON object ({ ... }), not {0}.', found), path: [], offset: root.offset, length: root.length, code: 'parse.notObject' }));
  } else {
    problems.push(...duplicateKeys(root, lines));
  }
  // Plain objects (jsonc-parser builds them without a prototype).
  const value = JSON.parse(JSON.stringify(getNodeValue(root) ?? null)) as unknown;
  return { kind, text, jsonc: options.jsonc, root, value, problems, lines };
}

/** The node of a field (its value), or the closest existing parent. */
export function nodeAt(root: Node | undefined, path: JsonPath): { node: Node | undefined; exact: boolean } {
  if (!root) {
    return { node: undefined, exact: false };
  }
  for (let n = path.length; n >= 0; n--) {
    const node = n === 0 ? root : findNodeAtLocation(root, path.slice(0, n));
    if (node) {
      return { node, exact: n === path.length };
    }
  }
  return { node: root, exact: false };
}

/** The key node of a property (for unknown or read-only fields). */
export function keyNodeAt(root: Node | undefined, path: JsonPath): Node | undefined {
  const { node, exact } = nodeAt(root, path);
  if (!exact || !node?.parent || node.parent.type !== 'property') {
    return undefined;
  }
  return node.parent.children?.[0];
}

/** A problem about a field, placed on its value (or key); on the closest parent when the field is absent. */
export function problemAt(parsed: ParsedConfig, path: JsonPath, message: string, code: string, options: { onKey?: boolean; severity?: 'error' | 'warning' } = {}): ConfigProblem {
  let target: Node | undefined = options.onKey ? keyNodeAt(parsed.root, path) : undefined;
  if (!target) {
    const { node, exact } = nodeAt(parsed.root, path);
    target = node;
    if (!exact && node) {
      // Missing field: point at the opening brace of the object that should hold it.
      return makeProblem(parsed.lines, { severity: options.severity, message, path, offset: node.offset, length: 1, code });
    }
  }
  return makeProblem(parsed.lines, {
    severity: options.severity,
    message,
    path,
    offset: target?.offset ?? 0,
    length: target?.length ?? 0,
    code,
  });
}
