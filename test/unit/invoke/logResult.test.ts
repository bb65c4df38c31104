import * as assert from 'node:assert/strict';
import { DecodedLogTail, decodeLogResult as decode, parsePlatformReport, parseReport, parseReportLine } from '../../../src/invoke/model';

/** The tail form (the test fails when it is not one). */
function decodeLogResult(value: string | undefined): DecodedLogTail | undefined {
  const d = decode(value);
  assert.ok(d === undefined || d.kind === 'tail', `the tail form: ${JSON.stringify(d)}`);
  return d as DecodedLogTail | undefined;
}

const b64 = (bytes: Uint8Array | string) => Buffer.from(bytes).toString('base64');

/** The last 4096 bytes of a log, base64, as Lambda cuts it (possibly inside a character). */
function tail(log: string): string {
  const bytes = Buffer.from(log, 'utf8');
  return bytes.subarray(Math.max(0, bytes.length - 4096)).toString('base64');
}

const TEXT_LOG = [
  'START RequestId: 3f1c Version: $LATEST',
  '2026-11-22T13:00:00.000Z\t3f1c\tINFO\thello',
  'END RequestId: 3f1c',
  'REPORT RequestId: 3f1c\tDuration: 2.35 ms\tBilled Duration: 3 ms\tMemory Size: 128 MB\tMax Memory Used: 67 MB\tInit Duration: 150.12 ms\t',
  '',
].join('\n');

describe('invoke/model/logResult', () => {
  it('decodes a short log whole, not flagged as cut', () => {
    const d = decodeLogResult(b64(TEXT_LOG));
    assert.ok(d);
    assert.equal(d.text, TEXT_LOG);
    assert.equal(d.truncated, false);
    assert.equal(d.droppedBytes, 0);
    assert.equal(d.bytes, Buffer.byteLength(TEXT_LOG));
  });

  it('is undefined without a header', () => {
    assert.equal(decodeLogResult(undefined), undefined);
    assert.equal(decodeLogResult(''), undefined);
  });

  it('flags the last 4 KB when the header holds 4096 bytes', () => {
    const log = `${'x'.repeat(10_000)}\nEND\n`;
    const d = decodeLogResult(tail(log));
    assert.ok(d);
    assert.equal(d.bytes, 4096);
    assert.equal(d.truncated, true);
    assert.equal(d.text, log.slice(-4096));
  });

  it('drops the partial leading bytes when the cut falls inside a multi-byte character', () => {
    // "あ" is 3 bytes (E3 81 82), "🌸" is 4 (F0 9F 8C B8). Cut 1, 2 and 3 bytes into a character.
    for (const [char, cutInto] of [['あ', 1], ['あ', 2], ['🌸', 1], ['🌸', 2], ['🌸', 3]] as const) {
      const charBytes = Buffer.byteLength(char);
      const rest = 'z'.repeat(4096 - (charBytes - cutInto));
      const log = `prefix ${char}${rest}`;
      const d = decodeLogResult(tail(log));
      assert.ok(d);
      assert.equal(d.truncated, true);
      assert.equal(d.droppedBytes, charBytes - cutInto, `${char} cut after ${cutInto} byte(s)`);
      assert.equal(d.text, rest);
      assert.ok(!d.text.includes('\ufffd'), 'no replacement character');
    }
  });

  it('keeps Japanese and emoji lines that are whole', () => {
    const log = '2026-11-22T13:00:00.000Z\tr\tINFO\tこんにちは、世界 👋🌏\n';
    assert.equal(decodeLogResult(b64(log))?.text, log);
  });

  it('recognises the reference form (Managed Instances): where the log is in CloudWatch Logs', () => {
    const ref = { logGroup: '/aws/lambda/fleet-worker', logStreamName: '2026/12/02/[$LATEST.PUBLISHED]0a1b' };
    assert.deepEqual(decode(b64(JSON.stringify(ref))), { kind: 'reference', ...ref });
    // JSON log text that happens to start with a brace is still the tail.
    const jsonLog = '{"time":"2026-11-22T13:00:00.000Z","type":"platform.start","record":{"requestId":"r"}}\n';
    assert.equal(decode(b64(jsonLog))?.kind, 'tail');
    assert.equal(decode(b64('{"logGroup":"","logStreamName":"s"}'))?.kind, 'tail', 'an empty group is not a reference');
  });

  it('shows bytes that are not UTF-8 as replacement characters rather than failing', () => {
    const d = decodeLogResult(b64(new Uint8Array([0x61, 0xff, 0x62])));
    assert.equal(d?.text, 'a\ufffdb');
  });
});

describe('invoke/model/report', () => {
  it('reads every field of a text REPORT line', () => {
    assert.deepEqual(parseReportLine(TEXT_LOG.split('\n')[3]), {
      format: 'text',
      requestId: '3f1c',
      durationMs: 2.35,
      billedDurationMs: 3,
      memorySizeMb: 128,
      maxMemoryUsedMb: 67,
      initDurationMs: 150.12,
    });
  });

  it('reads a warm REPORT (no Init Duration) and a timeout REPORT', () => {
    const warm = parseReportLine('REPORT RequestId: a-b\tDuration: 1000.00 ms\tBilled Duration: 1000 ms\tMemory Size: 256 MB\tMax Memory Used: 80 MB\t');
    assert.deepEqual(warm, { format: 'text', requestId: 'a-b', durationMs: 1000, billedDurationMs: 1000, memorySizeMb: 256, maxMemoryUsedMb: 80 });
    const timeout = parseReportLine('REPORT RequestId: t\tDuration: 3000.00 ms\tBilled Duration: 3000 ms\tMemory Size: 128 MB\tMax Memory Used: 50 MB\tStatus: timeout');
    assert.equal(timeout?.durationMs, 3000);
  });

  it('reads Restore Duration and ignores XRAY fields', () => {
    const r = parseReportLine('REPORT RequestId: s\tDuration: 5.00 ms\tBilled Duration: 100 ms\tMemory Size: 512 MB\tMax Memory Used: 90 MB\tRestore Duration: 300.50 ms\tBilled Restore Duration: 120 ms\t\nXRAY TraceId: 1-2-3\tSegmentId: 4\tSampled: true');
    assert.equal(r?.restoreDurationMs, 300.5);
    assert.equal(r?.billedDurationMs, 100);
  });

  it('does not take other lines for a REPORT', () => {
    assert.equal(parseReportLine('2026-11-22T13:00:00.000Z\tr\tINFO\tREPORT RequestId: fake'), undefined);
    assert.equal(parseReportLine('START RequestId: r Version: 1'), undefined);
  });

  it('reads the platform.report record of the JSON log format', () => {
    const line = JSON.stringify({
      time: '2026-11-22T13:00:00.100Z',
      type: 'platform.report',
      record: { requestId: 'j1', metrics: { durationMs: 12.5, billedDurationMs: 13, memorySizeMB: 128, maxMemoryUsedMB: 70, initDurationMs: 180.25 }, status: 'success' },
    });
    assert.deepEqual(parsePlatformReport(line), { format: 'json', requestId: 'j1', durationMs: 12.5, billedDurationMs: 13, memorySizeMb: 128, maxMemoryUsedMb: 70, initDurationMs: 180.25 });
    assert.equal(parsePlatformReport('{"type":"platform.start","record":{"requestId":"j1"}}'), undefined);
    assert.equal(parsePlatformReport('{"type":"platform.report", broken'), undefined);
    assert.equal(parsePlatformReport('{"level":"INFO","message":"platform.report is a word here"}'), undefined);
  });

  it('finds the last report of a whole log, text or JSON', () => {
    assert.equal(parseReport(TEXT_LOG)?.durationMs, 2.35);
    const json = [
      '{"time":"2026-11-22T13:00:00.000Z","type":"platform.start","record":{"requestId":"j2","version":"$LATEST"}}',
      '{"timestamp":"2026-11-22T13:00:00.001Z","level":"INFO","requestId":"j2","message":"hi"}',
      '{"time":"2026-11-22T13:00:00.010Z","type":"platform.report","record":{"requestId":"j2","metrics":{"durationMs":9.87,"billedDurationMs":10,"memorySizeMB":128,"maxMemoryUsedMB":64}}}',
    ].join('\n');
    assert.deepEqual(parseReport(json), { format: 'json', requestId: 'j2', durationMs: 9.87, billedDurationMs: 10, memorySizeMb: 128, maxMemoryUsedMb: 64 });
    assert.equal(parseReport('just text\n'), undefined);
    assert.equal(parseReport(undefined), undefined);
  });
});
