/** The shipped schemas (schemas/*.schema.json) as the tests read them from disk. */
import * as fs from 'node:fs';
import * as path from 'node:path';

/**
 * The repository root above the compiled tests: the folder with package.json and schemas/
 * (out/ holds a copy of schemas/ that the compiler made; the tests read the shipped files).
 */
export function repoRoot(): string {
  let dir = __dirname;
  while (!(fs.existsSync(path.join(dir, 'package.json')) && fs.existsSync(path.join(dir, 'schemas', 'event-invoke-config.schema.json')))) {
    const parent = path.dirname(dir);
    if (parent === dir) {
      throw new Error('schemas/ not found above the compiled tests');
    }
    dir = parent;
  }
  return dir;
}

/** A shipped schema, parsed (a fresh copy on every call). */
export function readSchema<T = Record<string, unknown>>(file: string): T {
  return JSON.parse(fs.readFileSync(path.join(repoRoot(), 'schemas', file), 'utf8')) as T;
}
