import * as assert from 'node:assert/strict';
import { parse, ParseError } from 'jsonc-parser';
import { firstTooDeep, syntaxProblems } from '../../../src/shared/json/parse';
import { LineIndex, lineColumnAt, mayNestDeeperThan, stringEnd } from '../../../src/shared/json/text';

function problems(text: string, jsonc = false): Array<{ at: string; message: string }> {
  const errors: ParseError[] = [];
  parse(text, errors, { allowTrailingComma: jsonc, disallowComments: !jsonc });
  return syntaxProblems(text, errors, jsonc).map((p) => {
    const { line, column } = lineColumnAt(text, p.offset);
    return { at: `${line}:${column}`, message: p.message };
  });
}

describe('shared/json: places in JSON text, and syntax errors where a person looks', () => {
  it('line and column of an offset, 1-based (lineColumnAt) and 0-based (LineIndex), with \\n, \\r\\n and \\r', () => {
    const text = 'a\nbc\r\nd\re';
    assert.deepEqual(lineColumnAt(text, 0), { line: 1, column: 1 });
    assert.deepEqual(lineColumnAt(text, 3), { line: 2, column: 2 });
    assert.deepEqual(lineColumnAt(text, 6), { line: 3, column: 1 });
    assert.deepEqual(lineColumnAt(text, 8), { line: 4, column: 1 });
    const index = new LineIndex(text);
    for (const offset of [0, 3, 6, 8]) {
      const { line, column } = lineColumnAt(text, offset);
      assert.deepEqual(index.positionAt(offset), { line: line - 1, character: column - 1 }, `offset ${offset}`);
    }
  });

  it('finds the end of a string, escapes included', () => {
    assert.equal(stringEnd('"abc" x', 0), 5);
    assert.equal(stringEnd('"a\\"b" x', 0), 6);
    assert.equal(stringEnd('"a\\\\" x', 0), 5);
    assert.equal(stringEnd('"open', 0), -1);
  });

  it('measures nesting: the cheap check on valid JSON agrees with the exact one', () => {
    const deep = (n: number) => `${'['.repeat(n)}${']'.repeat(n)}`;
    assert.equal(mayNestDeeperThan(deep(10), 10), false);
    assert.equal(mayNestDeeperThan(deep(11), 10), true);
    assert.equal(firstTooDeep(deep(10), 10), undefined);
    assert.equal(firstTooDeep(deep(11), 10), 10);
    assert.equal(mayNestDeeperThan(JSON.stringify({ s: '[[[[[[[[[[[[' }), 3), false, 'brackets in strings do not nest');
  });

  it('a missing comma is reported at the end of the line that lacks it, not at the start of the next', () => {
    assert.deepEqual(problems('{\n  "a": 1\n  "b": 2\n}'), [{ at: '2:9', message: 'a comma (,) is expected' }]);
  });

  it('a missing value after a colon at the end of a line is reported after the colon', () => {
    assert.deepEqual(problems('{\n  "a":\n}'), [{ at: '2:7', message: 'a value is expected' }]);
  });

  it('a trailing comma in a .json file is reported at the comma', () => {
    const found = problems('{\n  "a": 1,\n}');
    assert.ok(found.length > 0);
    for (const p of found) {
      assert.equal(p.at, '2:9');
      assert.match(p.message, /trailing commas are not allowed in a \.json file/);
    }
  });

  it('a mistake inside a line stays where the parser found it', () => {
    assert.deepEqual(problems('{"a": 1 "b": 2}'), [{ at: '1:9', message: 'a comma (,) is expected' }]);
    assert.deepEqual(problems('{"a":1'), [{ at: '1:7', message: 'a closing brace (}) is expected' }]);
  });

  it('says that comments are not allowed in .json, and accepts them in .jsonc', () => {
    assert.match(problems('{\n  // x\n  "a": 1\n}')[0].message, /comments are not allowed in a \.json file/);
    assert.deepEqual(problems('{\n  // x\n  "a": 1,\n}', true), []);
  });
});
