import { apiError } from '../protocols';

/*
 * CloudWatch Logs filter patterns (FilterLogEvents' filterPattern, StartLiveTail's
 * logEventFilterPattern), as the service matches unstructured and JSON log events:
 *
 * - empty: every event;
 * - terms: `ERROR timeout` (all), `?ERROR ?WARN` (any), `-DEBUG` (none of), `"exact phrase"`;
 *   case-sensitive, matched anywhere in the message; an unquoted term may only hold letters,
 *   digits and underscores (anything else must be quoted, as the service demands);
 * - `%regex%`: a regular expression (no parentheses, as the service);
 * - `{ $.field = "value" && $.n > 3 || ($.a.b[0] != x*) }`: JSON events, with =, !=, <, <=, >, >=,
 *   `*` wildcards in strings, %regex% values, IS TRUE / IS FALSE / IS NULL, EXISTS / NOT EXISTS.
 *
 * Space-delimited patterns (`[ip, user, ...]`) are not supported: they answer
 * InvalidParameterException saying so.
 */

export type LogMatcher = (message: string) => boolean;

const invalid = (message: string) => apiError('InvalidParameterException', 400, message);
const invalidChar = (c: string) => invalid(`Invalid character(s) in term '${c}'`);

export function compileFilterPattern(pattern: string | undefined): LogMatcher {
  const p = (pattern ?? '').trim();
  if (p.length > 1024) {
    throw invalid(`1 validation error detected: Value at 'filterPattern' failed to satisfy constraint: Member must have length less than or equal to 1024`);
  }
  if (p === '') {
    return () => true;
  }
  if (p.startsWith('{')) {
    return compileJsonPattern(p);
  }
  if (p.startsWith('[')) {
    throw invalid('Space-delimited filter patterns ([field, ...]) are not supported by the local emulator; use terms, %regex% or a JSON pattern');
  }
  if (p.length >= 2 && p.startsWith('%') && p.endsWith('%')) {
    const re = regexOf(p.slice(1, -1));
    return (m) => re.test(m);
  }
  return compileTerms(p);
}

function regexOf(source: string): RegExp {
  const bad = /[()]/.exec(source);
  if (bad) {
    throw invalidChar(bad[0]);
  }
  try {
    return new RegExp(source);
  } catch {
    throw invalid(`Invalid regular expression in filter pattern: %${source}%`);
  }
}

interface Term {
  text: string;
  kind: 'all' | 'any' | 'none';
}

function compileTerms(p: string): LogMatcher {
  const terms: Term[] = [];
  let i = 0;
  while (i < p.length) {
    if (/\s/.test(p[i])) {
      i++;
      continue;
    }
    let kind: Term['kind'] = 'all';
    if (p[i] === '?' || p[i] === '-') {
      kind = p[i] === '?' ? 'any' : 'none';
      i++;
    }
    if (p[i] === '"') {
      let text = '';
      i++;
      while (i < p.length && p[i] !== '"') {
        if (p[i] === '\\' && i + 1 < p.length) {
          i++;
        }
        text += p[i++];
      }
      if (i >= p.length) {
        throw invalidChar('"');
      }
      i++;
      terms.push({ text, kind });
      continue;
    }
    let text = '';
    while (i < p.length && !/\s/.test(p[i])) {
      text += p[i++];
    }
    const bad = /[^A-Za-z0-9_]/.exec(text);
    if (bad || text === '') {
      throw invalidChar(bad ? bad[0] : p[i - 1]);
    }
    terms.push({ text, kind });
  }
  const all = terms.filter((t) => t.kind === 'all').map((t) => t.text);
  const any = terms.filter((t) => t.kind === 'any').map((t) => t.text);
  const none = terms.filter((t) => t.kind === 'none').map((t) => t.text);
  return (m) => all.every((t) => m.includes(t)) && (any.length === 0 || any.some((t) => m.includes(t))) && !none.some((t) => m.includes(t));
}

// ---- JSON patterns ------------------------------------------------------------------------

type JsonNode = { op: '&&' | '||'; left: JsonNode; right: JsonNode } | { test: (event: unknown) => boolean };

class JsonPatternParser {
  private i = 0;
  constructor(private readonly s: string) {}

  parse(): LogMatcher {
    this.expect('{');
    const node = this.or();
    this.expect('}');
    this.space();
    if (this.i < this.s.length) {
      throw invalidChar(this.s[this.i]);
    }
    return (m) => {
      let event: unknown;
      try {
        event = JSON.parse(m);
      } catch {
        return false;
      }
      return typeof event === 'object' && event !== null && evaluate(node, event);
    };
  }

  private space(): void {
    while (this.i < this.s.length && /\s/.test(this.s[this.i])) {
      this.i++;
    }
  }

  private peek(token: string): boolean {
    this.space();
    return this.s.startsWith(token, this.i);
  }

  private expect(token: string): void {
    if (!this.peek(token)) {
      throw invalid(`Invalid JSON filter pattern: expected '${token}' at position ${this.i}`);
    }
    this.i += token.length;
  }

  private or(): JsonNode {
    let left = this.and();
    while (this.peek('||')) {
      this.i += 2;
      left = { op: '||', left, right: this.and() };
    }
    return left;
  }

  private and(): JsonNode {
    let left = this.primary();
    while (this.peek('&&')) {
      this.i += 2;
      left = { op: '&&', left, right: this.primary() };
    }
    return left;
  }

  private primary(): JsonNode {
    if (this.peek('(')) {
      this.i++;
      const node = this.or();
      this.expect(')');
      return node;
    }
    const path = this.selector();
    this.space();
    const rest = this.s.slice(this.i);
    const keyword = /^(IS\s+(TRUE|FALSE|NULL)|NOT\s+EXISTS|EXISTS)\b/i.exec(rest);
    if (keyword) {
      this.i += keyword[0].length;
      const k = keyword[0].toUpperCase().replace(/\s+/g, ' ');
      return {
        test: (e) => {
          const v = lookup(e, path);
          switch (k) {
            case 'IS TRUE':
              return v.found && v.value === true;
            case 'IS FALSE':
              return v.found && v.value === false;
            case 'IS NULL':
              return v.found && v.value === null;
            case 'EXISTS':
              return v.found;
            default:
              return !v.found;
          }
        },
      };
    }
    const op = /^(!=|<=|>=|=|<|>)/.exec(rest);
    if (!op) {
      throw invalid(`Invalid JSON filter pattern: expected an operator after $.${path.join('.')}`);
    }
    this.i += op[1].length;
    const value = this.value();
    const text = value.kind === 'regex' ? regexOf(value.text) : wildcard(value.text);
    return { test: (e) => compare(lookup(e, path), op[1], value, text) };
  }

  private selector(): (string | number)[] {
    this.expect('$');
    const path: (string | number)[] = [];
    for (;;) {
      if (this.s[this.i] === '.') {
        this.i++;
        const m = /^[A-Za-z0-9_\-@$]+/.exec(this.s.slice(this.i));
        if (!m) {
          throw invalidChar(this.s.slice(this.i - 2, this.i + 1));
        }
        path.push(m[0]);
        this.i += m[0].length;
      } else if (this.s[this.i] === '[') {
        const m = /^\[(\d+)\]/.exec(this.s.slice(this.i));
        if (!m) {
          throw invalidChar('[');
        }
        path.push(Number(m[1]));
        this.i += m[0].length;
      } else {
        return path;
      }
    }
  }

  private value(): { kind: 'string' | 'number' | 'regex'; text: string } {
    this.space();
    const rest = this.s.slice(this.i);
    if (rest.startsWith('"')) {
      let text = '';
      let j = 1;
      while (j < rest.length && rest[j] !== '"') {
        if (rest[j] === '\\' && j + 1 < rest.length) {
          j++;
        }
        text += rest[j++];
      }
      if (j >= rest.length) {
        throw invalidChar('"');
      }
      this.i += j + 1;
      return { kind: 'string', text };
    }
    if (rest.startsWith('%')) {
      const end = rest.indexOf('%', 1);
      if (end < 0) {
        throw invalidChar('%');
      }
      this.i += end + 1;
      return { kind: 'regex', text: rest.slice(1, end) };
    }
    const m = /^[^\s&|()}]+/.exec(rest);
    if (!m) {
      throw invalid('Invalid JSON filter pattern: a value is missing');
    }
    this.i += m[0].length;
    return { kind: /^-?\d+(\.\d+)?([eE][+-]?\d+)?$/.test(m[0]) ? 'number' : 'string', text: m[0] };
  }
}

function evaluate(node: JsonNode, event: unknown): boolean {
  if ('test' in node) {
    return node.test(event);
  }
  return node.op === '&&' ? evaluate(node.left, event) && evaluate(node.right, event) : evaluate(node.left, event) || evaluate(node.right, event);
}

function lookup(event: unknown, path: (string | number)[]): { found: boolean; value?: unknown } {
  let v: unknown = event;
  for (const key of path) {
    if (typeof v !== 'object' || v === null || !(key in (v as Record<string | number, unknown>))) {
      return { found: false };
    }
    v = (v as Record<string | number, unknown>)[key];
  }
  return { found: true, value: v };
}

const wildcard = (text: string): RegExp => new RegExp(`^${text.split('*').map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('.*')}$`);

function compare(field: { found: boolean; value?: unknown }, op: string, value: { kind: 'string' | 'number' | 'regex'; text: string }, text: RegExp): boolean {
  if (!field.found) {
    return false;
  }
  const v = field.value;
  if (value.kind === 'number' && typeof v === 'number') {
    const n = Number(value.text);
    switch (op) {
      case '=':
        return v === n;
      case '!=':
        return v !== n;
      case '<':
        return v < n;
      case '<=':
        return v <= n;
      case '>':
        return v > n;
      default:
        return v >= n;
    }
  }
  if (op !== '=' && op !== '!=') {
    return false;
  }
  if (typeof v !== 'string' && typeof v !== 'number' && typeof v !== 'boolean') {
    return op === '!=';
  }
  const matches = text.test(String(v));
  return op === '=' ? matches : !matches;
}

function compileJsonPattern(p: string): LogMatcher {
  return new JsonPatternParser(p).parse();
}
