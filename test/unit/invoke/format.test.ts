import * as assert from 'node:assert/strict';
import {
  decodeResponse,
  errorSummary,
  formatApiError,
  formatCancelled,
  formatInvokeResult,
  formatPayloadError,
  InvokeResultInput,
  PayloadError,
  prettyJson,
  ResultHeader,
} from '../../../src/invoke/model';

const AT = new Date('2026-11-22T13:00:00.000Z');
const bytes = (s: string) => new TextEncoder().encode(s);
const b64 = (s: string) => Buffer.from(s, 'utf8').toString('base64');
const checked = (size: number, extra: Partial<{ bomRemoved: boolean; commentsRemoved: number; trailingCommasRemoved: number; empty: boolean }> = {}) => ({
  bytes: new Uint8Array(size),
  bomRemoved: false,
  commentsRemoved: 0,
  trailingCommasRemoved: 0,
  empty: false,
  ...extra,
});

const HELLO_HEADER: ResultHeader = {
  target: { region: 'us-east-1', functionName: 'hello-world', qualifier: 'live' },
  invocationType: 'RequestResponse',
  startedAt: AT,
  payload: { kind: 'file', label: 'payloads/hello.json', checked: checked(17) },
};

const TEXT_LOG =
  'START RequestId: 6f1c Version: 2\n' +
  '2026-11-22T13:00:00.010Z\t6f1c\tINFO\tgreeting world\n' +
  'END RequestId: 6f1c\n' +
  'REPORT RequestId: 6f1c\tDuration: 2.35 ms\tBilled Duration: 3 ms\tMemory Size: 128 MB\tMax Memory Used: 67 MB\tInit Duration: 150.12 ms\t\n';

function result(over: Partial<InvokeResultInput> & { response: InvokeResultInput['response'] }): string[] {
  return formatInvokeResult({ ...HELLO_HEADER, elapsedMs: 57.4, logType: 'Tail', ...over });
}

describe('invoke/model/format', () => {
  it('writes a success in order: header, outcome, payload, status, version, request id, metrics, log (without REPORT: its metrics are above), response, outcome', () => {
    const lines = result({
      response: { StatusCode: 200, ExecutedVersion: '2', LogResult: b64(TEXT_LOG), Payload: bytes('{"message":"Hello, world!","input":{"name":"world"}}'), requestId: '6f1c' },
    });
    assert.deepEqual(lines, [
      '=== hello-world:live (us-east-1) · RequestResponse · 2026-11-22T13:00:00.000Z ===',
      '✔ Succeeded',
      'Payload: payloads/hello.json (17 bytes)',
      'Status: 200',
      'Executed version: 2',
      'Request ID: 6f1c',
      'Round trip: 57 ms',
      'Duration: 2.35 ms',
      'Billed duration: 3 ms',
      'Memory size: 128 MB',
      'Max memory used: 67 MB',
      'Init duration: 150.12 ms',
      '--- Log ---',
      'START RequestId: 6f1c Version: 2',
      '2026-11-22T13:00:00.010Z\t6f1c\tINFO\tgreeting world',
      'END RequestId: 6f1c',
      '--- Response (52 bytes) ---',
      '{',
      '  "message": "Hello, world!",',
      '  "input": {',
      '    "name": "world"',
      '  }',
      '}',
      '✔ Succeeded',
    ]);
  });

  it('says an unhandled function error first (and last), and shows the error readably instead of the raw response', () => {
    const payload = JSON.stringify({
      errorType: 'Error',
      errorMessage: 'Order could not be processed: missing orderId',
      trace: ['Error: Order could not be processed: missing orderId', '    at Runtime.handler (/var/task/index.js:4:11)', '    at Runtime.handleOnce (file:///var/runtime/index.mjs:1:2)'],
    });
    const lines = formatInvokeResult({
      target: { region: 'us-east-1', functionName: 'order-processor' },
      invocationType: 'RequestResponse',
      startedAt: AT,
      payload: { kind: 'empty', checked: checked(2) },
      response: { StatusCode: 200, FunctionError: 'Unhandled', ExecutedVersion: '$LATEST', Payload: bytes(payload), requestId: 'r2' },
      elapsedMs: 1234,
      logType: 'None',
    });
    assert.deepEqual(lines, [
      '=== order-processor (us-east-1) · RequestResponse · 2026-11-22T13:00:00.000Z ===',
      '✖ Function error (Unhandled): Error: Order could not be processed: missing orderId',
      'Payload: {} (empty payload)',
      'Status: 200',
      'Executed version: $LATEST',
      'Request ID: r2',
      'Round trip: 1.2 s',
      '--- Log ---',
      '(not requested: the setting lambdaWorkbench.invoke.logType is None)',
      '--- Function error ---',
      'errorType: Error',
      'errorMessage: Order could not be processed: missing orderId',
      'Stack:',
      '  Error: Order could not be processed: missing orderId',
      '      at Runtime.handler (/var/task/index.js:4:11)',
      '      at Runtime.handleOnce (file:///var/runtime/index.mjs:1:2)',
      '✖ Function error (Unhandled): Error: Order could not be processed: missing orderId',
    ]);
  });

  it('shows a Python error (stackTrace entries with newlines) and a handled error', () => {
    const py = JSON.stringify({
      errorMessage: "'orderId'",
      errorType: 'KeyError',
      requestId: 'p1',
      stackTrace: ['  File "/var/task/app.py", line 3, in handler\n    return event["orderId"]\n'],
    });
    const lines = result({ response: { StatusCode: 200, FunctionError: 'Handled', ExecutedVersion: '1', Payload: bytes(py), requestId: 'p1' } });
    assert.equal(lines[1], "✖ Function error (Handled): KeyError: 'orderId'");
    assert.deepEqual(lines.slice(3, 5), ['Status: 200', 'Executed version: 1']);
    assert.deepEqual(lines.slice(-7, -1), [
      '--- Function error ---',
      'errorType: KeyError',
      "errorMessage: 'orderId'",
      'Stack:',
      '    File "/var/task/app.py", line 3, in handler',
      '      return event["orderId"]',
    ]);
  });

  it('shows a timeout: the message without a type, the log that says so, and the raw response when it holds more fields', () => {
    const msg = '2026-11-22T13:00:03.000Z r3 Task timed out after 3.00 seconds';
    const log =
      'START RequestId: r3 Version: $LATEST\n' +
      `${msg}\n` +
      'END RequestId: r3\n' +
      'REPORT RequestId: r3\tDuration: 3000.00 ms\tBilled Duration: 3000 ms\tMemory Size: 128 MB\tMax Memory Used: 50 MB\tStatus: timeout\n';
    const lines = formatInvokeResult({
      target: { region: 'us-east-1', functionName: 'slow-timeout' },
      invocationType: 'RequestResponse',
      startedAt: AT,
      payload: { kind: 'empty', checked: checked(2) },
      response: { StatusCode: 200, FunctionError: 'Unhandled', ExecutedVersion: '$LATEST', LogResult: b64(log), Payload: bytes(JSON.stringify({ errorMessage: msg, extra: 1 })), requestId: 'r3' },
      elapsedMs: 3050,
      logType: 'Tail',
    });
    assert.deepEqual(lines, [
      '=== slow-timeout (us-east-1) · RequestResponse · 2026-11-22T13:00:00.000Z ===',
      `✖ Function error (Unhandled): ${msg}`,
      'Payload: {} (empty payload)',
      'Status: 200',
      'Executed version: $LATEST',
      'Request ID: r3',
      'Round trip: 3.0 s',
      'Duration: 3000 ms',
      'Billed duration: 3000 ms',
      'Memory size: 128 MB',
      'Max memory used: 50 MB',
      '--- Log ---',
      'START RequestId: r3 Version: $LATEST',
      msg,
      'END RequestId: r3',
      '--- Function error ---',
      `errorMessage: ${msg}`,
      '--- Response (90 bytes) ---',
      '{',
      `  "errorMessage": "${msg}",`,
      '  "extra": 1',
      '}',
      `✖ Function error (Unhandled): ${msg}`,
    ]);
  });

  it('flags a log cut to its last 4 KB and marks the cut line', () => {
    const full = `${'line of filler text\n'.repeat(400)}END RequestId: r4\nREPORT RequestId: r4\tDuration: 1.00 ms\tBilled Duration: 1 ms\tMemory Size: 128 MB\tMax Memory Used: 60 MB\t\n`;
    const tail = Buffer.from(full).subarray(-4096).toString('base64');
    const lines = result({ response: { StatusCode: 200, ExecutedVersion: '2', LogResult: tail, Payload: bytes('null'), requestId: 'r4' } });
    const logStart = lines.indexOf('--- Log (last 4 KB; earlier lines cut) ---');
    assert.ok(logStart > 0, lines.join('\n'));
    assert.match(lines[logStart + 1], /^…/);
    assert.deepEqual(lines.slice(-5), ['line of filler text', 'END RequestId: r4', '--- Response (4 bytes) ---', 'null', '✔ Succeeded']);
    assert.ok(lines.includes('Duration: 1 ms'));
  });

  it('reads metrics from the JSON log format', () => {
    const log = [
      '{"time":"2026-11-22T13:00:00.000Z","type":"platform.start","record":{"requestId":"j1","version":"$LATEST"}}',
      '{"timestamp":"2026-11-22T13:00:00.001Z","level":"INFO","requestId":"j1","message":"hi"}',
      '{"time":"2026-11-22T13:00:00.010Z","type":"platform.report","record":{"requestId":"j1","metrics":{"durationMs":9.87,"billedDurationMs":10,"memorySizeMB":128,"maxMemoryUsedMB":64,"initDurationMs":120.5},"status":"success"}}',
      '',
    ].join('\n');
    const lines = result({ response: { StatusCode: 200, ExecutedVersion: '$LATEST', LogResult: b64(log), Payload: bytes('{}') } });
    assert.deepEqual(lines.slice(5, 13), [
      'Request ID: j1',
      'Round trip: 57 ms',
      'Duration: 9.87 ms',
      'Billed duration: 10 ms',
      'Memory size: 128 MB',
      'Max memory used: 64 MB',
      'Init duration: 120.50 ms',
      '--- Log ---',
    ]);
  });

  it('shows Event (202) and DryRun (204) without log or response sections', () => {
    const ev = formatInvokeResult({ ...HELLO_HEADER, invocationType: 'Event', response: { StatusCode: 202, Payload: new Uint8Array(), requestId: 'e1' }, elapsedMs: 12, logType: 'Tail' });
    assert.deepEqual(ev, [
      '=== hello-world:live (us-east-1) · Event · 2026-11-22T13:00:00.000Z ===',
      '✔ Queued for asynchronous invocation: no response or log comes back',
      'Payload: payloads/hello.json (17 bytes)',
      'Status: 202',
      'Request ID: e1',
      'Round trip: 12 ms',
      '✔ Queued for asynchronous invocation: no response or log comes back',
    ]);
    const dry = formatInvokeResult({ ...HELLO_HEADER, invocationType: 'DryRun', response: { StatusCode: 204, requestId: 'd1' }, elapsedMs: 9, logType: 'Tail' });
    assert.deepEqual(dry.slice(1), [
      '✔ Dry run passed: the parameters and permissions are valid; the function did not run',
      'Payload: payloads/hello.json (17 bytes)',
      'Status: 204',
      'Request ID: d1',
      'Round trip: 9 ms',
      '✔ Dry run passed: the parameters and permissions are valid; the function did not run',
    ]);
  });

  it('shows what an endpoint sends with a 202 for what it is: not a response of the function', () => {
    const ev = formatInvokeResult({ ...HELLO_HEADER, invocationType: 'Event', response: { StatusCode: 202, Payload: bytes('{"name":"world"}'), requestId: 'e2' }, elapsedMs: 12, logType: 'Tail' });
    assert.deepEqual(ev.slice(-6), [
      'Round trip: 12 ms',
      '--- Body of the 202 answer (16 bytes): sent by the endpoint, not a response of the function ---',
      '{',
      '  "name": "world"',
      '}',
      '✔ Queued for asynchronous invocation: no response or log comes back',
    ]);
    assert.ok(!ev.some((l) => l.startsWith('--- Response')), ev.join('\n'));
  });

  it('names where the log is when Lambda answers with a reference to CloudWatch Logs (Managed Instances)', () => {
    const ref = b64(JSON.stringify({ logGroup: '/aws/lambda/fleet-worker', logStreamName: '2026/12/02/[$LATEST.PUBLISHED]0a1b' }));
    const lines = result({ response: { StatusCode: 200, LogResult: ref, Payload: bytes('1'), requestId: 'm1' }, logType: 'None' });
    assert.ok(lines.includes('Log group: /aws/lambda/fleet-worker'), lines.join('\n'));
    assert.ok(lines.includes('Log stream: 2026/12/02/[$LATEST.PUBLISHED]0a1b'), lines.join('\n'));
    const at = lines.indexOf('--- Log ---');
    assert.equal(lines[at + 1], '(not returned here: it is in CloudWatch Logs, log group /aws/lambda/fleet-worker, log stream 2026/12/02/[$LATEST.PUBLISHED]0a1b)');
    assert.ok(!lines.some((l) => l.includes('logGroup')), 'the reference is not printed as if it were the log');
  });

  it('after Lambda refused Tail: a note, and where the log is (the reference, else the log group)', () => {
    const ref = b64(JSON.stringify({ logGroup: '/aws/lambda/fleet-worker', logStreamName: '2026/12/02/[$LATEST.PUBLISHED]0a1b' }));
    const withRef = result({ response: { StatusCode: 200, LogResult: ref, Payload: bytes('1'), requestId: 'm1' }, logType: 'None', tailRefused: { logGroup: '/aws/lambda/fleet-worker' } });
    assert.deepEqual(withRef.slice(2, 9), [
      'Payload: payloads/hello.json (17 bytes)',
      'Note: Lambda returns no log tail for this function (Lambda Managed Instances); sent again without LogType Tail.',
      'Status: 200',
      'Request ID: m1',
      'Round trip: 57 ms',
      'Log group: /aws/lambda/fleet-worker',
      'Log stream: 2026/12/02/[$LATEST.PUBLISHED]0a1b',
    ]);
    const without = result({ response: { StatusCode: 200, Payload: bytes('1'), requestId: 'm2' }, logType: 'None', tailRefused: { logGroup: '/custom/fleet' } });
    assert.ok(without.includes('Log group: /custom/fleet'), without.join('\n'));
    const at = without.indexOf('--- Log ---');
    assert.equal(without[at + 1], '(not returned here: it is in CloudWatch Logs, log group /custom/fleet)');
  });

  it('shows the tenant id and durable execution name sent, and the durable execution ARN answered', () => {
    const arn = 'arn:aws:lambda:us-east-1:111111111111:function:order-workflow:$LATEST/durable-execution/run-1/4a1d';
    const lines = result({
      tenantId: 'acme corp',
      durableExecutionName: 'run-1',
      invocationType: 'Event',
      response: { StatusCode: 202, DurableExecutionArn: arn, requestId: 'd1' },
    });
    assert.deepEqual(lines.slice(2, 8), ['Payload: payloads/hello.json (17 bytes)', 'Tenant ID: acme corp', 'Durable execution name: run-1', 'Status: 202', 'Request ID: d1', `Durable execution: ${arn}`]);
    // A block that was not sent shows them too.
    const notSent = formatPayloadError({ ...HELLO_HEADER, tenantId: 'a!' }, { message: 'TenantId holds "!"', issues: [] });
    assert.ok(notSent.includes('Tenant ID: a!'), notSent.join('\n'));
  });

  it('says where a large response went', () => {
    const lines = result({ response: { StatusCode: 200, Payload: bytes(`"${'x'.repeat(100)}"`), requestId: 'b1' }, responseInEditor: { threshold: 64 } });
    assert.deepEqual(lines.slice(-3, -1), ['--- Response (102 bytes) ---', 'Opened in an editor: larger than the lambdaWorkbench.invoke.responseInEditorThreshold setting (64 bytes).']);
  });

  it('shows text, empty and binary responses, and no log when none came back', () => {
    assert.deepEqual(result({ response: { StatusCode: 200, Payload: bytes('plain text\nline 2') } }).slice(-6, -1), ['--- Log ---', '(none returned)', '--- Response (17 bytes) ---', 'plain text', 'line 2']);
    assert.deepEqual(result({ response: { StatusCode: 200 } }).slice(-3, -1), ['--- Response (0 bytes) ---', '(empty)']);
    assert.deepEqual(result({ response: { StatusCode: 200, Payload: new Uint8Array([0xff, 0x00]) } }).slice(-3, -1), ['--- Response (2 bytes) ---', '(not UTF-8 text; not shown)']);
  });

  it('notes unsaved editor text, stripped comments, a BOM, an empty file and a client context', () => {
    const lines = formatInvokeResult({
      ...HELLO_HEADER,
      payload: { kind: 'editor', label: 'payloads/hello.json', unsavedChanges: true, checked: checked(20, { bomRemoved: true, commentsRemoved: 2, trailingCommasRemoved: 1 }) },
      clientContextBytes: 40,
      response: { StatusCode: 200, Payload: bytes('1') },
      elapsedMs: 1,
      logType: 'Tail',
    });
    assert.deepEqual(lines.slice(2, 7), [
      'Payload: payloads/hello.json (20 bytes, unsaved editor text)',
      'Note: the editor has unsaved changes; its text was sent, not the file on disk.',
      'Note: removed the UTF-8 byte order mark before sending.',
      'Note: removed 2 comments and 1 trailing comma before sending (JSON allows neither).',
      'Client context: 40 bytes (base64)',
    ]);
    const empty = formatInvokeResult({ ...HELLO_HEADER, payload: { kind: 'file', label: 'e.json', checked: checked(2, { empty: true, commentsRemoved: 1 }) }, response: { StatusCode: 200 }, elapsedMs: 1, logType: 'Tail' });
    assert.deepEqual(empty.slice(2, 5), ['Payload: e.json (2 bytes)', 'Note: removed 1 comment before sending (JSON allows neither).', 'Note: the file is empty; sent {}.']);
    const untitled = formatInvokeResult({ ...HELLO_HEADER, payload: { kind: 'editor', label: 'Untitled-1', checked: checked(1) }, response: { StatusCode: 200 }, elapsedMs: 1, logType: 'Tail' });
    assert.equal(untitled[2], 'Payload: Untitled-1 (1 byte, unsaved editor text)');
  });

  it('writes an API error: the message in the outcome; status, exception name, reason and what to do', () => {
    const lines = formatApiError(
      { ...HELLO_HEADER, target: { region: 'us-east-1', functionName: 'nope' } },
      { status: 404, name: 'ResourceNotFoundException', message: 'Function not found: arn:aws:lambda:us-east-1:111111111111:function:nope', hint: 'Not found. Check the region (us-east-1), the profile (demo) and the qualifier.' },
      31,
    );
    assert.deepEqual(lines, [
      '=== nope (us-east-1) · RequestResponse · 2026-11-22T13:00:00.000Z ===',
      '✖ Failed: Function not found: arn:aws:lambda:us-east-1:111111111111:function:nope',
      'Payload: payloads/hello.json (17 bytes)',
      'Status: 404',
      'Error: ResourceNotFoundException (404)',
      'What to do: Not found. Check the region (us-east-1), the profile (demo) and the qualifier.',
      'Round trip: 31 ms',
      '✖ Failed: Function not found: arn:aws:lambda:us-east-1:111111111111:function:nope',
    ]);
    const throttled = formatApiError(HELLO_HEADER, { status: 429, name: 'TooManyRequestsException', message: 'Rate exceeded', reason: 'ReservedFunctionConcurrentInvocationLimitExceeded' }, 5);
    assert.deepEqual(throttled.slice(3, 6), ['Status: 429', 'Error: TooManyRequestsException (429)', 'Reason: ReservedFunctionConcurrentInvocationLimitExceeded']);
    const network = formatApiError(HELLO_HEADER, { name: 'ECONNREFUSED', message: 'connect ECONNREFUSED 127.0.0.1:1' }, 2);
    assert.equal(network[3], 'Status: (no response)');
  });

  it('writes a payload that was not sent, with every problem', () => {
    const err = new PayloadError('syntax', 'payloads/bad.json', 'Invalid JSON in payloads/bad.json at line 3, column 8: value expected (+1 more).', 3, 8, [
      { line: 3, column: 8, offset: 19, message: 'value expected' },
      { line: 4, column: 11, offset: 31, message: 'value expected' },
    ]);
    const lines = formatPayloadError({ ...HELLO_HEADER, payload: { kind: 'file', label: 'payloads/bad.json' } }, err);
    assert.deepEqual(lines, [
      '=== hello-world:live (us-east-1) · RequestResponse · 2026-11-22T13:00:00.000Z ===',
      '⊘ Not sent: Invalid JSON in payloads/bad.json at line 3, column 8: value expected (+1 more).',
      'Payload: payloads/bad.json',
      '  line 4, column 11: value expected',
      '⊘ Not sent: Invalid JSON in payloads/bad.json at line 3, column 8: value expected (+1 more).',
    ]);
  });

  it('writes a cancelled invocation', () => {
    const cancelled = formatCancelled(HELLO_HEADER, 1530);
    assert.equal(cancelled[1], '■ Cancelled after 1.5 s: stopped waiting for the response. The function may still run to completion.');
    assert.equal(cancelled[cancelled.length - 1], cancelled[1]);
    assert.equal(formatCancelled({ ...HELLO_HEADER, invocationType: 'Event' }, 20)[1], '■ Cancelled after 20 ms: stopped waiting for the answer. The request may still have been accepted.');
  });

  it('pretty-prints JSON keeping numbers as written', () => {
    assert.equal(prettyJson('{"n":12345678901234567890,"f":1.10,"a":[]}'), '{\n  "n": 12345678901234567890,\n  "f": 1.10,\n  "a": []\n}');
    assert.deepEqual(decodeResponse(bytes('"こんにちは 🌸"')), { kind: 'json', bytes: 22, textual: true, value: 'こんにちは 🌸', text: '"こんにちは 🌸"' });
  });

  it('decodes text that is not JSON as text, bytes that are not UTF-8 as binary, nothing as empty; a large response says it is text before it is parsed', () => {
    const t = decodeResponse(bytes('hello {'));
    assert.deepEqual({ kind: t.kind, textual: t.textual, value: t.value, text: t.text }, { kind: 'text', textual: true, value: undefined, text: 'hello {' });
    assert.deepEqual(decodeResponse(new Uint8Array([0xff, 0xfe])), { kind: 'binary', bytes: 2, textual: false, text: '' });
    assert.deepEqual(decodeResponse(undefined), { kind: 'empty', bytes: 0, textual: false, text: '' });
    const big = decodeResponse(bytes(JSON.stringify({ rows: Array.from({ length: 5000 }, (_, i) => ({ i })) })));
    assert.equal(big.textual, true);
    assert.equal(big.kind, 'json');
    assert.equal((big.value as { rows: unknown[] }).rows.length, 5000);
    assert.ok(big.text.startsWith('{\n  "rows": [\n    {\n      "i": 0\n    },'));
  });

  it('pretty-prints a 6 MB response as JSON.stringify(…, null, 2) would', () => {
    const rows = Array.from({ length: 70_000 }, (_, i) => ({ id: i, name: `item ${i}`, tags: ['a', 'b'], price: i * 1.5, empty: {}, none: [], nested: [{}] }));
    const text = JSON.stringify(rows);
    assert.ok(text.length > 6_000_000);
    // Its speed is measured by `npm run bench` (the 6 MB invoke), not here.
    const d = decodeResponse(bytes(text));
    assert.equal(d.text, JSON.stringify(rows, null, 2));
  });

  it('summarises error payloads', () => {
    assert.equal(errorSummary({ errorType: 'Error', errorMessage: 'boom' }), 'Error: boom');
    assert.equal(errorSummary({ errorMessage: 'only message' }), 'only message');
    assert.equal(errorSummary({ errorType: 'OnlyType' }), 'OnlyType');
    assert.equal(errorSummary({ message: 'not an error payload' }), undefined);
    assert.equal(errorSummary('text'), undefined);
  });
});
