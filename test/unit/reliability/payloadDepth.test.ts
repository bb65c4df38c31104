/**
 * Deeply nested payloads (src/invoke/model/payload.ts): the JSON parser of the checks is
 * recursive, so 100,000 levels would overflow the stack (RangeError). They are refused with a
 * message that names the place, before any parsing.
 */
import * as assert from 'node:assert/strict';
import { checkPayload, checkPayloadText, isPayloadError, MAX_PAYLOAD_DEPTH, PayloadError } from '../../../src/invoke/model';

const opts = { file: 'payloads/deep.json', invocationType: 'RequestResponse' as const };
const arrays = (n: number) => `${'['.repeat(n)}${']'.repeat(n)}`;
const objects = (n: number) => `${'{"a":'.repeat(n)}1${'}'.repeat(n)}`;

function refused(run: () => unknown): PayloadError {
  try {
    run();
  } catch (err) {
    assert.ok(isPayloadError(err), `a PayloadError, not ${String(err)}`);
    return err;
  }
  assert.fail('the payload was accepted');
}

describe('Reliability: deeply nested payloads', () => {
  it(`accepts ${MAX_PAYLOAD_DEPTH} levels (arrays and objects)`, () => {
    assert.equal(MAX_PAYLOAD_DEPTH, 1000);
    assert.equal(checkPayloadText(arrays(MAX_PAYLOAD_DEPTH), opts).text.length, 2 * MAX_PAYLOAD_DEPTH);
    assert.ok(checkPayloadText(objects(MAX_PAYLOAD_DEPTH), opts).bytes.length > 0);
  });

  it('refuses one level more, naming the place', () => {
    const e = refused(() => checkPayloadText(arrays(MAX_PAYLOAD_DEPTH + 1), opts));
    assert.equal(e.code, 'tooDeep');
    assert.equal(e.message, 'payloads/deep.json is nested too deeply: more than 1,000 levels of objects and arrays at line 1, column 1001. A payload may nest at most 1,000 levels.');
    assert.equal(e.line, 1);
    assert.equal(e.column, 1001);
  });

  it('refuses 100,000 levels with that message instead of a stack overflow', () => {
    for (const text of [arrays(100_000), objects(100_000), `${'['.repeat(100_000)}`]) {
      const e = refused(() => checkPayload(new TextEncoder().encode(text), opts));
      assert.equal(e.code, 'tooDeep');
      assert.ok(!(e instanceof RangeError));
    }
  });

  it('counts structure only: brackets in strings and comments do not nest', () => {
    const inString = JSON.stringify({ s: '['.repeat(5000), t: '{'.repeat(5000) });
    assert.equal(checkPayloadText(inString, opts).text, inString);
    const inComment = `// ${'['.repeat(5000)}\n/* ${'{'.repeat(5000)} */ {"a": 1}`;
    assert.equal(checkPayloadText(inComment, opts).commentsRemoved, 2);
  });

  it('a wide payload is not deep', () => {
    const wide = JSON.stringify(Array.from({ length: 50_000 }, (_, i) => [[i]]));
    assert.equal(checkPayloadText(wide, opts).text, wide);
  });
});
