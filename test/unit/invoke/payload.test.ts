import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import {
  checkPayload,
  checkPayloadText,
  decodeUtf8Strict,
  firstInvalidUtf8,
  lineColumnAt,
  MAX_ASYNC_PAYLOAD_BYTES,
  MAX_SYNC_PAYLOAD_BYTES,
  PayloadError,
  readPayloadFile,
} from '../../../src/invoke/model';
import { forgetCheckedPayloads } from '../../../src/invoke/model/payloadFile';

const RR = { file: 'payloads/p.json', invocationType: 'RequestResponse' as const };
const utf8 = (s: string) => new TextEncoder().encode(s);

function payloadError(fn: () => unknown): PayloadError {
  try {
    fn();
  } catch (err) {
    assert.ok(err instanceof PayloadError, `expected a PayloadError, got ${String(err)}`);
    return err;
  }
  assert.fail('expected a PayloadError');
}

async function payloadErrorAsync(fn: () => Promise<unknown>): Promise<PayloadError> {
  try {
    await fn();
  } catch (err) {
    assert.ok(err instanceof PayloadError, `expected a PayloadError, got ${String(err)}`);
    return err;
  }
  assert.fail('expected a PayloadError');
}

/** A JSON document of exactly `size` bytes: {"d":"xxxx…"}. */
function jsonOfSize(size: number): Uint8Array {
  return utf8(`{"d":"${'x'.repeat(size - 8)}"}`);
}

describe('invoke/model/payload', () => {
  describe('lineColumnAt', () => {
    it('counts lines and 1-based columns with \\n, \\r\\n and \\r', () => {
      assert.deepEqual(lineColumnAt('abc', 0), { line: 1, column: 1 });
      assert.deepEqual(lineColumnAt('abc', 2), { line: 1, column: 3 });
      assert.deepEqual(lineColumnAt('a\nbc', 3), { line: 2, column: 2 });
      assert.deepEqual(lineColumnAt('a\r\nbc', 4), { line: 2, column: 2 });
      assert.deepEqual(lineColumnAt('a\rb\r\n\nc', 6), { line: 4, column: 1 });
    });
  });

  describe('valid payloads', () => {
    it('sends valid JSON byte for byte', () => {
      const text = '{\n  "name": "world"\n}\n';
      const p = checkPayload(utf8(text), RR);
      assert.equal(p.text, text);
      assert.deepEqual([...p.bytes], [...utf8(text)]);
      assert.deepEqual({ bom: p.bomRemoved, comments: p.commentsRemoved, commas: p.trailingCommasRemoved, empty: p.empty }, { bom: false, comments: 0, commas: 0, empty: false });
    });

    it('accepts any JSON value, not only objects', () => {
      assert.equal(checkPayload(utf8('"hello"'), RR).text, '"hello"');
      assert.equal(checkPayload(utf8('[1, 2]'), RR).text, '[1, 2]');
      assert.equal(checkPayload(utf8('42'), RR).text, '42');
    });

    it('keeps Japanese and emoji text intact', () => {
      const text = '{"greeting":"こんにちは 🌸"}';
      const p = checkPayload(utf8(text), RR);
      assert.equal(new TextDecoder().decode(p.bytes), text);
    });

    it('removes a UTF-8 byte order mark and says so', () => {
      const p = checkPayload(new Uint8Array([0xef, 0xbb, 0xbf, ...utf8('{"a":1}')]), RR);
      assert.equal(p.text, '{"a":1}');
      assert.equal(p.bomRemoved, true);
      assert.equal(p.bytes.length, 7);
    });

    it('sends {} for an empty (or blank) file', () => {
      for (const blank of ['', '  \n\t\n']) {
        const p = checkPayload(utf8(blank), RR);
        assert.equal(p.text, '{}');
        assert.equal(p.empty, true);
      }
    });
  });

  describe('comments and trailing commas', () => {
    it('strips them, counts them, and leaves the rest as written', () => {
      const p = checkPayloadText('// head\n{\n  "a": 1, // one\n  /* two */ "b": [1, 2,],\n}\n', RR);
      assert.deepEqual(p.text.split('\n'), ['{', '  "a": 1,', '  "b": [1, 2]', '}', '']);
      assert.equal(p.commentsRemoved, 3);
      assert.equal(p.trailingCommasRemoved, 2);
      assert.deepEqual(JSON.parse(p.text), { a: 1, b: [1, 2] });
    });

    it('removes a comment alone on its line with its line (CRLF too)', () => {
      assert.equal(checkPayloadText('{\n  // only\n  "a": 1\n}', RR).text, '{\n  "a": 1\n}');
      assert.equal(checkPayloadText('{"a":1}\r\n// c\r\n', RR).text, '{"a":1}\r\n');
      assert.equal(checkPayloadText('/* a */ /* b */ {}', RR).text, '{}');
    });

    it('keeps large numbers exactly as written (no re-serialization through numbers)', () => {
      const p = checkPayloadText('{"n": 12345678901234567890, "f": 1.10, // c\n}', RR);
      assert.equal(p.text, '{"n": 12345678901234567890, "f": 1.10\n}');
    });

    it('does not mistake // inside a string for a comment', () => {
      const p = checkPayloadText('{"url":"https://example.com//a/*b*/"}', RR);
      assert.equal(p.text, '{"url":"https://example.com//a/*b*/"}');
      assert.equal(p.commentsRemoved, 0);
    });
  });

  describe('syntax errors', () => {
    it('names the file, line and column of a missing comma: the end of the line that lacks it', () => {
      const e = payloadError(() => checkPayloadText('{\n  "a": 1\n  "b": 2\n}', RR));
      assert.equal(e.code, 'syntax');
      assert.equal(e.message, 'Invalid JSON in payloads/p.json at line 2, column 9: a comma (,) is expected.');
      assert.equal(e.file, 'payloads/p.json');
      assert.equal(e.line, 2);
      assert.equal(e.column, 9);
    });

    it('reports every problem, the first in the message', () => {
      const e = payloadError(() => checkPayloadText('{\n  "a": 1,\n  "b": ,\n  "c": [1,,2]\n}', RR));
      assert.equal(e.message, 'Invalid JSON in payloads/p.json at line 3, column 8: a value is expected (+1 more).');
      assert.deepEqual(
        e.issues.map((i) => `${i.line}:${i.column} ${i.message}`),
        ['3:8 a value is expected', '4:11 a value is expected'],
      );
    });

    it('reports an unterminated string, extra content and a missing brace', () => {
      assert.equal(payloadError(() => checkPayloadText('{"a":"abc', RR)).message, 'Invalid JSON in payloads/p.json at line 1, column 6: the string is not closed (") (+1 more).');
      assert.equal(payloadError(() => checkPayloadText('{"a":1} x', RR)).message, 'Invalid JSON in payloads/p.json at line 1, column 9: unexpected character.');
      assert.equal(payloadError(() => checkPayloadText('{"a":1', RR)).message, 'Invalid JSON in payloads/p.json at line 1, column 7: a closing brace (}) is expected.');
    });

    it('counts columns on CRLF files like the editor', () => {
      const e = payloadError(() => checkPayloadText('{\r\n  "a": tru\r\n}', RR));
      assert.equal(e.line, 2);
      assert.equal(e.column, 8);
    });

    it('rejects single quotes and unquoted keys', () => {
      assert.equal(payloadError(() => checkPayloadText("{'a': 1}", RR)).line, 1);
      assert.equal(payloadError(() => checkPayloadText('{a: 1}', RR)).column, 2);
    });
  });

  describe('encoding', () => {
    it('finds the first invalid UTF-8 byte', () => {
      assert.equal(firstInvalidUtf8(utf8('héllo 🌸')), -1);
      assert.equal(firstInvalidUtf8(new Uint8Array([0x41, 0xe9, 0x42])), 1); // Latin-1 é
      assert.equal(firstInvalidUtf8(new Uint8Array([0xc0, 0x80])), 0); // overlong NUL
      assert.equal(firstInvalidUtf8(new Uint8Array([0x41, 0xed, 0xa0, 0x80])), 1); // surrogate
      assert.equal(firstInvalidUtf8(new Uint8Array([0x41, 0x42, 0xe3, 0x81])), 2); // cut at the end
      assert.equal(firstInvalidUtf8(new Uint8Array([0xf4, 0x90, 0x80, 0x80])), 0); // above U+10FFFF
      assert.equal(firstInvalidUtf8(new Uint8Array([0x80])), 0); // lone continuation byte
    });

    it('rejects Latin-1 text with the line and column of the bad byte', () => {
      const bytes = Buffer.from('{\n  "name": "café"\n}', 'latin1');
      const e = payloadError(() => checkPayload(bytes, RR));
      assert.equal(e.code, 'encoding');
      assert.equal(e.message, 'payloads/p.json is not valid UTF-8: byte 0xE9 at line 2, column 15 cannot be decoded. Save the file with UTF-8 encoding.');
      assert.deepEqual([e.line, e.column], [2, 15]);
    });

    it('rejects UTF-16 files by their byte order mark', () => {
      const e = payloadError(() => checkPayload(new Uint8Array([0xff, 0xfe, 0x7b, 0x00, 0x7d, 0x00]), RR));
      assert.equal(e.message, 'payloads/p.json is UTF-16 (byte order mark FF FE): payloads must be UTF-8. Save the file with UTF-8 encoding.');
      const be = payloadError(() => decodeUtf8Strict(new Uint8Array([0xfe, 0xff, 0x00, 0x7b]), 'x.json'));
      assert.equal(be.message, 'x.json is UTF-16 (byte order mark FE FF): payloads must be UTF-8. Save the file with UTF-8 encoding.');
    });
  });

  describe('size limits', () => {
    it('allows exactly 6,291,456 bytes for RequestResponse and DryRun, not one more', () => {
      assert.equal(checkPayload(jsonOfSize(MAX_SYNC_PAYLOAD_BYTES), RR).bytes.length, 6291456);
      assert.equal(checkPayload(jsonOfSize(MAX_SYNC_PAYLOAD_BYTES), { file: 'big.json', invocationType: 'DryRun' }).bytes.length, 6291456);
      const e = payloadError(() => checkPayload(jsonOfSize(MAX_SYNC_PAYLOAD_BYTES + 1), RR));
      assert.equal(e.code, 'tooLarge');
      assert.equal(e.message, 'payloads/p.json is 6,291,457 bytes: over the limit of 6,291,456 bytes (6 MB) for RequestResponse invocations.');
      assert.equal(e.line, undefined);
      const d = payloadError(() => checkPayload(jsonOfSize(7 * 1024 * 1024), { file: 'big.json', invocationType: 'DryRun' }));
      assert.equal(d.message, 'big.json is 7,340,032 bytes: over the limit of 6,291,456 bytes (6 MB) for DryRun invocations.');
    });

    it('allows exactly 1,048,576 bytes for Event, not one more', () => {
      const ev = { file: 'e.json', invocationType: 'Event' as const };
      assert.equal(checkPayload(jsonOfSize(MAX_ASYNC_PAYLOAD_BYTES), ev).bytes.length, 1048576);
      const e = payloadError(() => checkPayload(jsonOfSize(MAX_ASYNC_PAYLOAD_BYTES + 1), ev));
      assert.equal(e.message, 'e.json is 1,048,577 bytes: over the limit of 1,048,576 bytes (1 MB) for Event invocations.');
      // The same 2 MB file is fine synchronously.
      assert.equal(checkPayload(jsonOfSize(2 * 1024 * 1024), RR).bytes.length, 2097152);
    });

    it('measures what is sent: stripped comments do not count', () => {
      const comment = `// ${'c'.repeat(100)}\n`;
      const body = jsonOfSize(MAX_ASYNC_PAYLOAD_BYTES);
      const text = comment + new TextDecoder().decode(body);
      const p = checkPayloadText(text, { file: 'e.json', invocationType: 'Event' });
      assert.equal(p.bytes.length, MAX_ASYNC_PAYLOAD_BYTES);
      assert.equal(p.commentsRemoved, 1);
    });
  });

  describe('readPayloadFile', () => {
    let dir: string;
    before(() => {
      dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lwb-payload-'));
      fs.writeFileSync(path.join(dir, 'ok.json'), '{"name":"world"}');
      fs.writeFileSync(path.join(dir, 'bad.json'), '{"name":}');
      fs.mkdirSync(path.join(dir, 'folder.json'));
    });
    after(() => fs.rmSync(dir, { recursive: true, force: true }));

    it('reads and checks a file', async () => {
      const p = await readPayloadFile(path.join(dir, 'ok.json'), { file: 'ok.json', invocationType: 'RequestResponse' });
      assert.equal(p.text, '{"name":"world"}');
    });

    it('names a missing file', async () => {
      const e = await payloadErrorAsync(() => readPayloadFile(path.join(dir, 'missing.json'), { file: 'payloads/missing.json', invocationType: 'RequestResponse' }));
      assert.equal(e.code, 'notFound');
      assert.equal(e.message, 'Payload file not found: payloads/missing.json.');
    });

    it('refuses a folder', async () => {
      const e = await payloadErrorAsync(() => readPayloadFile(path.join(dir, 'folder.json'), { file: 'folder.json', invocationType: 'RequestResponse' }));
      assert.equal(e.code, 'notAFile');
      assert.equal(e.message, 'folder.json is a folder, not a payload file.');
    });

    it('passes syntax errors through', async () => {
      const e = await payloadErrorAsync(() => readPayloadFile(path.join(dir, 'bad.json'), { file: 'bad.json', invocationType: 'RequestResponse' }));
      assert.equal(e.message, 'Invalid JSON in bad.json at line 1, column 9: a value is expected.');
    });

    describe('the same unchanged file again', () => {
      const opts = { file: 'again.json', invocationType: 'RequestResponse' as const };
      let file: string;
      beforeEach(() => {
        forgetCheckedPayloads();
        file = path.join(dir, 'again.json');
        fs.writeFileSync(file, '{"name":"world"}');
      });

      it('is not read and checked again', async () => {
        const first = await readPayloadFile(file, opts);
        const second = await readPayloadFile(file, opts);
        assert.equal(second, first, 'the same checked payload (not read again)');
      });

      it('is read again after any write, even of the same size with the old modification time put back', async () => {
        const first = await readPayloadFile(file, opts);
        const { atime, mtime } = fs.statSync(file);
        fs.writeFileSync(file, '{"name":"earth"}');
        fs.utimesSync(file, atime, mtime);
        const second = await readPayloadFile(file, opts);
        assert.notEqual(second, first);
        assert.equal(second.text, '{"name":"earth"}');
      });

      it('is checked again for another invocation type (other size limits), and a bad file after a good one is refused', async () => {
        const sync = await readPayloadFile(file, opts);
        const event = await readPayloadFile(file, { ...opts, invocationType: 'Event' });
        assert.notEqual(event, sync);
        fs.writeFileSync(file, '{"name":}');
        const e = await payloadErrorAsync(() => readPayloadFile(file, { ...opts, invocationType: 'Event' }));
        assert.equal(e.message, 'Invalid JSON in again.json at line 1, column 9: a value is expected.');
      });

      it('is another file when another file takes its place (renamed over it)', async () => {
        const first = await readPayloadFile(file, opts);
        const other = path.join(dir, 'other.json');
        fs.writeFileSync(other, '{"name":"other"}');
        fs.renameSync(other, file);
        const second = await readPayloadFile(file, opts);
        assert.equal(second.text, '{"name":"other"}');
        assert.notEqual(second, first);
      });
    });
  });
});
