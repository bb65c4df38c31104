import { apiError } from './protocols';

/*
 * Reading and checking a JSON request body against the model's constraints, answering the
 * service's validation error ("1 validation error detected: Value '0' at 'limit' failed to
 * satisfy constraint: ...") under the exception name the service uses.
 */

export class JsonInput {
  constructor(
    private readonly v: Record<string, unknown>,
    /** Exception of a constraint failure (CloudWatch Logs: InvalidParameterException). */
    private readonly errorName: string,
    /** Exception of a value of the wrong type (JSON 1.1: SerializationException). */
    private readonly malformed = 'SerializationException',
  ) {}

  /** `malformed`: the exception of a body that is not a JSON object (JSON 1.1: SerializationException). */
  static parse(body: Buffer, errorName: string, malformed = 'SerializationException'): JsonInput {
    if (body.length === 0) {
      return new JsonInput({}, errorName, malformed);
    }
    let v: unknown;
    try {
      v = JSON.parse(body.toString('utf8'));
    } catch {
      throw apiError(malformed, 400, 'The request body is not valid JSON.');
    }
    if (typeof v !== 'object' || v === null || Array.isArray(v)) {
      throw apiError(malformed, 400, 'Start of structure or map found where not expected.');
    }
    return new JsonInput(v as Record<string, unknown>, errorName, malformed);
  }

  fail(message: string): never {
    throw apiError(this.errorName, 400, message);
  }

  private constraint(name: string, value: unknown, rule: string): never {
    this.fail(`1 validation error detected: Value '${Array.isArray(value) ? `[${value.join(', ')}]` : String(value)}' at '${name}' failed to satisfy constraint: Member must ${rule}`);
  }

  has(name: string): boolean {
    return this.v[name] !== undefined && this.v[name] !== null;
  }

  string(name: string, opts: { required?: boolean; min?: number; max?: number; pattern?: RegExp } = {}): string | undefined {
    const value = this.v[name];
    if (value === undefined || value === null) {
      if (opts.required) {
        this.constraint(name, 'null', 'not be null');
      }
      return undefined;
    }
    if (typeof value !== 'string') {
      throw apiError(this.malformed, 400, `STRING_VALUE can not be converted from ${typeof value} at '${name}'`);
    }
    if (opts.min !== undefined && value.length < opts.min) {
      this.constraint(name, value, `have length greater than or equal to ${opts.min}`);
    }
    if (opts.max !== undefined && value.length > opts.max) {
      this.constraint(name, value, `have length less than or equal to ${opts.max}`);
    }
    if (opts.pattern && !opts.pattern.test(value)) {
      this.constraint(name, value, `satisfy regular expression pattern: ${opts.pattern.source.replace(/^\^|\$$/g, '')}`);
    }
    return value;
  }

  int(name: string, opts: { min?: number; max?: number } = {}): number | undefined {
    const value = this.v[name];
    if (value === undefined || value === null) {
      return undefined;
    }
    if (typeof value !== 'number' || !Number.isInteger(value)) {
      throw apiError(this.malformed, 400, `NUMBER_VALUE can not be converted from ${typeof value} at '${name}'`);
    }
    if (opts.min !== undefined && value < opts.min) {
      this.constraint(name, value, `have value greater than or equal to ${opts.min}`);
    }
    if (opts.max !== undefined && value > opts.max) {
      this.constraint(name, value, `have value less than or equal to ${opts.max}`);
    }
    return value;
  }

  bool(name: string): boolean | undefined {
    const value = this.v[name];
    if (value === undefined || value === null) {
      return undefined;
    }
    if (typeof value !== 'boolean') {
      throw apiError(this.malformed, 400, `BOOLEAN_VALUE can not be converted from ${typeof value} at '${name}'`);
    }
    return value;
  }

  strings(name: string, opts: { min?: number; max?: number } = {}): string[] | undefined {
    const value = this.v[name];
    if (value === undefined || value === null) {
      return undefined;
    }
    if (!Array.isArray(value) || value.some((x) => typeof x !== 'string')) {
      throw apiError(this.malformed, 400, `Expected a list of strings at '${name}'`);
    }
    if (opts.min !== undefined && value.length < opts.min) {
      this.constraint(name, value, `have length greater than or equal to ${opts.min}`);
    }
    if (opts.max !== undefined && value.length > opts.max) {
      this.constraint(name, value, `have length less than or equal to ${opts.max}`);
    }
    return value as string[];
  }

  enumOf<T extends string>(name: string, values: readonly T[]): T | undefined {
    const value = this.string(name);
    if (value !== undefined && !(values as readonly string[]).includes(value)) {
      this.constraint(name, value, `satisfy enum value set: [${values.join(', ')}]`);
    }
    return value as T | undefined;
  }

  raw(name: string): unknown {
    return this.v[name];
  }
}

/** Opaque paging tokens: base64url JSON. */
export function encodeToken(value: unknown): string {
  return Buffer.from(JSON.stringify(value), 'utf8').toString('base64url');
}

export function decodeToken<T>(token: string | undefined, check: (v: unknown) => v is T, onInvalid: () => never): T | undefined {
  if (token === undefined) {
    return undefined;
  }
  try {
    const v: unknown = JSON.parse(Buffer.from(token, 'base64url').toString('utf8'));
    if (check(v)) {
      return v;
    }
  } catch {
    // fall through
  }
  return onInvalid();
}

export const isOffsetToken = (v: unknown): v is { o: number } =>
  typeof v === 'object' && v !== null && typeof (v as { o?: unknown }).o === 'number' && Number.isInteger((v as { o: number }).o) && (v as { o: number }).o >= 0;

/** A page of `items` from an offset token. */
export function pageByOffset<T>(items: readonly T[], token: string | undefined, size: number, onInvalid: () => never): { items: T[]; nextToken?: string } {
  const start = decodeToken(token, isOffsetToken, onInvalid)?.o ?? 0;
  const slice = items.slice(start, start + size);
  return { items: slice, nextToken: start + size < items.length ? encodeToken({ o: start + size }) : undefined };
}
