import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { formatStreamEnd, formatStreamStart, MAX_STREAMED_RESPONSE_BYTES, ResultHeader, StreamAssembly, streamHeaderLine } from '../../../src/invoke/model';

const AT = new Date('2026-11-22T13:00:00.000Z');
const bytes = (s: string) => new TextEncoder().encode(s);
const b64 = (s: string) => Buffer.from(s, 'utf8').toString('base64');

const HEADER: ResultHeader = {
  target: { region: 'us-east-1', functionName: 'story-streamer' },
  invocationType: 'RequestResponse',
  startedAt: AT,
  payload: { kind: 'file', label: 'payloads/story.json', checked: { bytes: new Uint8Array(22), bomRemoved: false, commentsRemoved: 0, trailingCommasRemoved: 0, empty: false } },
};
const HEAD = { StatusCode: 200, ExecutedVersion: '$LATEST', ResponseStreamContentType: 'application/vnd.amazon.eventstream', requestId: '6f1c' };
const LOG = 'START RequestId: 6f1c Version: $LATEST\n2026-11-22T13:00:01.000Z\t6f1c\tINFO\tHalfway\nEND RequestId: 6f1c\nREPORT RequestId: 6f1c\tDuration: 3002.10 ms\tBilled Duration: 3003 ms\tMemory Size: 256 MB\tMax Memory Used: 70 MB\t\n';

describe('invoke/model/stream: a streamed response put together and shown', () => {
  it('decodes UTF-8 across chunk boundaries and keeps every byte with its timing', () => {
    const a = new StreamAssembly();
    const all = bytes('こんにちは\n世界');
    // Cut inside the second character (3 bytes each).
    assert.equal(a.push(all.subarray(0, 4), 10), 'こ');
    assert.equal(a.push(all.subarray(4, 11), 25), 'んに');
    assert.equal(a.push(all.subarray(11), 40), 'ちは\n世界');
    assert.equal(a.flush(), '');
    assert.equal(a.chunkCount, 3);
    assert.equal(a.bytes, all.length);
    assert.equal(a.firstChunkMs, 10);
    assert.equal(a.lastChunkMs, 40);
    assert.deepEqual([...a.whole()], [...all]);
  });

  it('stops showing text at bytes that are not UTF-8, and says so at the end', () => {
    const a = new StreamAssembly();
    assert.equal(a.push(bytes('text '), 1), 'text ');
    assert.equal(a.push(new Uint8Array([0xff, 0xfe, 0x00]), 2), '');
    assert.equal(a.push(bytes('more'), 3), '');
    assert.equal(a.notText, true);
    a.complete({});
    const end = formatStreamEnd({ header: HEADER, head: HEAD, assembly: a, end: { kind: 'complete' }, totalMs: 50, logType: 'Tail' });
    assert.equal(end[0], '(not UTF-8 text: the bytes from there on are not shown)');
  });

  it('takes the HTTP prelude of HttpResponseStream.from (JSON, 8 zero bytes) apart from the body, even split over chunks', () => {
    const a = new StreamAssembly();
    const prelude = '{"statusCode":201,"headers":{"Content-Type":"text/html; charset=utf-8"},"cookies":["a=1"]}';
    assert.equal(a.push(bytes(prelude.slice(0, 5)), 1), '', 'a possible prelude is held back');
    assert.equal(a.push(bytes(prelude.slice(5)), 2), '');
    assert.equal(a.push(new Uint8Array([0, 0, 0, 0, 0, 0, 0, 0, ...bytes('<html>')]), 3), '<html>');
    assert.equal(a.push(bytes('</html>'), 4), '</html>');
    assert.deepEqual(a.prelude, { statusCode: 201, headers: [['Content-Type', 'text/html; charset=utf-8']], cookies: ['a=1'] });
    assert.equal(new TextDecoder().decode(a.body()), '<html></html>');
    a.complete({});
    const end = formatStreamEnd({ header: HEADER, head: HEAD, assembly: a, end: { kind: 'complete' }, totalMs: 9, logType: 'None' });
    assert.ok(end.includes('HTTP status: 201'));
    assert.ok(end.includes('HTTP header: Content-Type: text/html; charset=utf-8'));
    assert.ok(end.includes('HTTP cookie: a=1'));
  });

  it('shows a JSON object that is not a prelude at once', () => {
    const a = new StreamAssembly();
    assert.equal(a.push(bytes('{"items":['), 1), '{"items":[');
    assert.equal(a.prelude, undefined);
  });

  it('keeps at most the limit (200 MB by default) and counts the rest', () => {
    assert.equal(MAX_STREAMED_RESPONSE_BYTES, 209_715_200);
    const a = new StreamAssembly(10);
    a.push(bytes('123456'), 1);
    a.push(bytes('789012'), 2);
    assert.equal(a.bytes, 12);
    assert.equal(a.keptBytes, 10);
    assert.equal(new TextDecoder().decode(a.whole()), '1234567890');
    a.complete({});
    const end = formatStreamEnd({ header: HEADER, head: HEAD, assembly: a, end: { kind: 'complete' }, totalMs: 5, logType: 'None' });
    assert.ok(end.includes('Note: only the first 10 bytes were kept (Lambda streams at most 200 MB).'), end.join('\n'));
  });

  it('starts the block with the header, the payload and the head, then the section the chunks follow', () => {
    assert.equal(streamHeaderLine(HEADER), '=== story-streamer (us-east-1) · RequestResponse · ResponseStream · 2026-11-22T13:00:00.000Z ===');
    const grammar = JSON.parse(fs.readFileSync(path.join(__dirname, '..', '..', '..', '..', 'media', 'lambda-invocations.tmLanguage.json'), 'utf8')) as { repository: { header: { match: string } } };
    assert.match(streamHeaderLine(HEADER), new RegExp(grammar.repository.header.match, 'u'), "the output's grammar takes it as a header");
    assert.deepEqual(formatStreamStart(HEADER, HEAD), [
      '=== story-streamer (us-east-1) · RequestResponse · ResponseStream · 2026-11-22T13:00:00.000Z ===',
      'Payload: payloads/story.json (22 bytes)',
      'Status: 200',
      'Executed version: $LATEST',
      'Request ID: 6f1c',
      'Content type: application/vnd.amazon.eventstream',
      '--- Response stream (as it arrives) ---',
    ]);
  });

  it('ends a complete stream with its figures, the REPORT, the log and the outcome', () => {
    const a = new StreamAssembly();
    a.push(bytes('line 1\n'), 120.4);
    a.push(bytes('line 2\n'), 420);
    a.complete({ logResult: b64(LOG) });
    assert.deepEqual(formatStreamEnd({ header: HEADER, head: HEAD, assembly: a, end: { kind: 'complete' }, totalMs: 3100, logType: 'Tail' }), [
      '--- End of stream ---',
      'Received: 14 bytes in 2 chunks',
      'Time to first byte: 120 ms',
      'Round trip: 3.1 s',
      'Duration: 3002.10 ms',
      'Billed duration: 3003 ms',
      'Memory size: 256 MB',
      'Max memory used: 70 MB',
      '--- Log ---',
      'START RequestId: 6f1c Version: $LATEST',
      '2026-11-22T13:00:01.000Z\t6f1c\tINFO\tHalfway',
      'END RequestId: 6f1c',
      '✔ Streamed 14 bytes in 2 chunks',
    ]);
  });

  it('pretty-prints a JSON response at the end, and says when it all came in one chunk', () => {
    const a = new StreamAssembly();
    a.push(bytes('{"message":"Hello, Ada!","n":[1,2]}'), 5);
    a.complete({});
    const end = formatStreamEnd({ header: HEADER, head: HEAD, assembly: a, end: { kind: 'complete' }, totalMs: 6, logType: 'None' });
    assert.deepEqual(end.slice(4), [
      'Note: the whole response came in one chunk: the function may not stream (awslambda.streamifyResponse).',
      '--- Log ---',
      '(not requested: the setting lambdaWorkbench.invoke.logType is None)',
      '--- Response (35 bytes, JSON) ---',
      '{',
      '  "message": "Hello, Ada!",',
      '  "n": [',
      '    1,',
      '    2',
      '  ]',
      '}',
      '✔ Streamed 35 bytes in 1 chunk',
    ]);
  });

  it('ends a stream that failed mid-way with InvokeComplete ErrorCode and ErrorDetails', () => {
    const a = new StreamAssembly();
    a.push(bytes('Part 1 of 5\n'), 3);
    a.complete({ errorCode: 'Error', errorDetails: JSON.stringify({ errorType: 'Error', errorMessage: 'The stream broke after part 3', trace: ['Error: The stream broke after part 3', '    at handler (/var/task/index.js:12:9)'] }) });
    const end = formatStreamEnd({ header: HEADER, head: HEAD, assembly: a, end: { kind: 'complete' }, totalMs: 400, logType: 'None' });
    const i = end.indexOf('--- Function error ---');
    assert.ok(i > 0, end.join('\n'));
    assert.deepEqual(end.slice(i, i + 5), ['--- Function error ---', 'ErrorCode: Error', 'errorMessage: The stream broke after part 3', 'Stack:', '  Error: The stream broke after part 3']);
    assert.equal(end[end.length - 1], '✖ Function error (Error): Error: The stream broke after part 3');
    assert.ok(!end.some((l) => l.startsWith('Note: the whole response came in one chunk')), 'a failed stream is not said to be unstreamed');
  });

  it('says how many bytes came when cancelled or cut, and shows no log or JSON then', () => {
    const a = new StreamAssembly();
    a.push(bytes('{"a":1}'), 3);
    const cancelled = formatStreamEnd({ header: HEADER, head: HEAD, assembly: a, end: { kind: 'cancelled' }, totalMs: 1234, logType: 'Tail' });
    assert.equal(cancelled[cancelled.length - 1], '■ Cancelled after 1.2 s: stopped reading the stream after 7 bytes in 1 chunk. The function may still run to completion.');
    assert.ok(!cancelled.includes('--- Log ---'));
    assert.ok(!cancelled.some((l) => l.startsWith('--- Response')));
    const cut = formatStreamEnd({ header: HEADER, head: HEAD, assembly: a, end: { kind: 'broken', error: { name: 'Error', message: 'aborted' } }, totalMs: 800, logType: 'Tail' });
    assert.equal(cut[cut.length - 1], '✖ The stream broke off after 800 ms (7 bytes in 1 chunk) without its end: aborted');
  });

  it('a DryRun stream: no section, only the round trip and the outcome', () => {
    const a = new StreamAssembly();
    const dry = { ...HEADER, invocationType: 'DryRun' as const };
    assert.deepEqual(formatStreamStart(dry, { StatusCode: 204 }).slice(-1), ['Status: 204']);
    assert.deepEqual(formatStreamEnd({ header: dry, head: { StatusCode: 204 }, assembly: a, end: { kind: 'complete' }, totalMs: 12, logType: 'Tail' }), [
      'Round trip: 12 ms',
      '✔ Dry run passed: the parameters and permissions are valid; the function did not run',
    ]);
  });
});
