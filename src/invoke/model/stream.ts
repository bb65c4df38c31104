/**
 * A streamed response (InvokeWithResponseStream): the chunks put together as they arrive
 * (the text to show now, the bytes kept up to Lambda's limit, the HTTP prelude that
 * `awslambda.HttpResponseStream.from` writes), and the lines of the block the output shows: its
 * head when the answer starts, its end when the stream ends, is cut, or is cancelled. Follows
 * the block grammar of format.ts. Pure: no vscode import.
 */
import type { DescribedError } from '../../shared/awsErrors';
import { t } from '../../shared/l10n';
import { targetLabel } from '../../shared/lambdaTarget';
import { decodeResponse, errorStack, errorSummary, formatReport, outcomeLine, payloadLines, type DecodedResponse, type ResultHeader } from './format';
import { formatBytes, formatElapsed, groupDigits } from './limits';
import { decodeLogResult } from './logResult';
import { parsePlatformReport, parseReport, parseReportLine } from './report';

/** Lambda's documented maximum of a streamed response: 200 MB. */
export const MAX_STREAMED_RESPONSE_BYTES = 200 * 1024 * 1024;

/** The most a prelude of `HttpResponseStream.from` is looked for in (it is a small JSON object). */
const PRELUDE_MAX_BYTES = 64 * 1024;
const PRELUDE_STARTS = ['{"statusCode"', '{"headers"', '{"cookies"'];

export interface HttpPrelude {
  statusCode?: number;
  headers: Array<[string, string]>;
  cookies: string[];
}

export interface StreamCompletion {
  errorCode?: string;
  errorDetails?: string;
  logResult?: string;
}

/**
 * Puts a stream together chunk by chunk. `push` answers the text to show for that chunk (UTF-8
 * decoded across chunk boundaries; held back while a prelude may still be coming).
 */
export class StreamAssembly {
  readonly chunks: Uint8Array[] = [];
  /** Bytes received. */
  bytes = 0;
  /** Bytes kept (at most `limit`). */
  keptBytes = 0;
  chunkCount = 0;
  /** ms from the start of the call to the first chunk. */
  firstChunkMs: number | undefined;
  lastChunkMs: number | undefined;
  completion: StreamCompletion | undefined;
  prelude: HttpPrelude | undefined;
  /** The text stopped being shown: the bytes are not UTF-8. */
  notText = false;
  private readonly decoder = new TextDecoder('utf-8', { fatal: true });
  /** Bytes held while they may be the start of a prelude. */
  private held: Uint8Array | undefined = new Uint8Array(0);

  constructor(readonly limit = MAX_STREAMED_RESPONSE_BYTES) {}

  /** Takes one chunk; answers the text to show now ('' when nothing is to be shown yet). */
  push(bytes: Uint8Array, atMs: number): string {
    this.chunkCount++;
    this.bytes += bytes.length;
    this.firstChunkMs ??= atMs;
    this.lastChunkMs = atMs;
    if (this.keptBytes < this.limit) {
      const keep = bytes.length <= this.limit - this.keptBytes ? bytes : bytes.subarray(0, this.limit - this.keptBytes);
      this.chunks.push(keep);
      this.keptBytes += keep.length;
    }
    if (this.held !== undefined) {
      const joined = concat([this.held, bytes]);
      const body = this.takePrelude(joined);
      if (body === undefined) {
        this.held = joined;
        return '';
      }
      this.held = undefined;
      return this.decode(body, true);
    }
    return this.decode(bytes, true);
  }

  /** The stream ended: what is still held or undecoded, as text to show. */
  flush(): string {
    let out = '';
    if (this.held !== undefined) {
      const held = this.held;
      this.held = undefined;
      out += this.decode(held, true);
    }
    return out + this.decode(new Uint8Array(0), false);
  }

  complete(c: StreamCompletion): void {
    this.completion = c;
  }

  /** Everything kept, in one piece. */
  whole(): Uint8Array {
    return concat(this.chunks);
  }

  /** The body without the prelude (what the function meant as its response). */
  body(): Uint8Array {
    const all = this.whole();
    return this.prelude ? all.subarray(this.preludeLength) : all;
  }

  private preludeLength = 0;

  /**
   * The body after a prelude, `joined` itself when there is none, undefined while one may still
   * be coming (the start matches and its 8 zero bytes have not come yet).
   */
  private takePrelude(joined: Uint8Array): Uint8Array | undefined {
    const head = new TextDecoder('latin1').decode(joined.subarray(0, 16));
    const maybe = PRELUDE_STARTS.some((p) => head.startsWith(p) || (head.length < p.length && p.startsWith(head)));
    if (!maybe || joined.length > PRELUDE_MAX_BYTES) {
      return joined;
    }
    const end = zeros8(joined);
    if (end < 0) {
      return undefined;
    }
    try {
      const v = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(joined.subarray(0, end))) as Record<string, unknown>;
      if (typeof v === 'object' && v !== null && !Array.isArray(v)) {
        const headers = typeof v.headers === 'object' && v.headers !== null ? Object.entries(v.headers as Record<string, unknown>).map(([k, x]): [string, string] => [k, String(x)]) : [];
        const cookies = Array.isArray(v.cookies) ? v.cookies.map(String) : [];
        this.prelude = { statusCode: typeof v.statusCode === 'number' ? v.statusCode : undefined, headers, cookies };
        this.preludeLength = end + 8;
        return joined.subarray(end + 8);
      }
    } catch {
      // not a prelude: shown as it is
    }
    return joined;
  }

  private decode(bytes: Uint8Array, more: boolean): string {
    if (this.notText) {
      return '';
    }
    try {
      return this.decoder.decode(bytes, { stream: more });
    } catch {
      this.notText = true;
      return '';
    }
  }
}

function concat(parts: readonly Uint8Array[]): Uint8Array {
  if (parts.length === 1) {
    return parts[0];
  }
  const total = parts.reduce((n, p) => n + p.length, 0);
  const out = new Uint8Array(total);
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/** The offset of the first run of 8 zero bytes, or -1. */
function zeros8(b: Uint8Array): number {
  let run = 0;
  for (let i = 0; i < b.length; i++) {
    run = b[i] === 0 ? run + 1 : 0;
    if (run === 8) {
      return i - 7;
    }
  }
  return -1;
}

/** `=== story-streamer (us-east-1) · RequestResponse · ResponseStream · 2026-…Z ===` */
export function streamHeaderLine(h: ResultHeader): string {
  return `=== ${targetLabel(h.target)} · ${h.invocationType} · ResponseStream · ${h.startedAt.toISOString()} ===`;
}

export interface StreamHead {
  StatusCode?: number;
  ExecutedVersion?: string;
  ResponseStreamContentType?: string;
  requestId?: string;
}

/** The section line the chunks follow. */
export function streamSectionLine(): string {
  return t('--- Response stream (as it arrives) ---');
}

/** The section line written when the stream resumes after another block was written in between. */
export function streamContinuedLine(): string {
  return t('--- Response stream (continued) ---');
}

/**
 * The start of a streamed block, written as soon as the answer's head is in: the header, the
 * payload, the head's fields and, for a RequestResponse stream, the section the chunks follow.
 */
export function formatStreamStart(h: ResultHeader, head: StreamHead): string[] {
  const lines = [streamHeaderLine(h), ...payloadLines(h)];
  if (head.StatusCode !== undefined) lines.push(t('Status: {0}', head.StatusCode));
  if (head.ExecutedVersion) lines.push(t('Executed version: {0}', head.ExecutedVersion));
  if (head.requestId) lines.push(t('Request ID: {0}', head.requestId));
  if (head.ResponseStreamContentType) lines.push(t('Content type: {0}', head.ResponseStreamContentType));
  if (h.invocationType === 'RequestResponse') lines.push(streamSectionLine());
  return lines;
}

export type StreamEnd =
  | { kind: 'complete' }
  | { kind: 'cancelled' }
  | { kind: 'broken'; error: Pick<DescribedError, 'name' | 'message'> };

export interface StreamEndInput {
  header: ResultHeader;
  head: StreamHead;
  assembly: StreamAssembly;
  end: StreamEnd;
  /** ms from the call to the end of the stream. */
  totalMs: number;
  logType: 'Tail' | 'None';
  /** Set when the stream went on in an editor past the threshold. */
  inEditor?: { threshold: number; bytesInOutput: number };
}

function splitLines(s: string): string[] {
  return s.replace(/(\r\n|\r|\n)$/, '').split(/\r\n|\r|\n/);
}

/** `652 bytes in 10 chunks` */
function received(a: StreamAssembly): string {
  return a.chunkCount === 1 ? t('{0} in 1 chunk', formatBytes(a.bytes)) : t('{0} in {1} chunks', formatBytes(a.bytes), groupDigits(a.chunkCount));
}

interface ErrorObject {
  errorType?: unknown;
  errorMessage?: unknown;
  trace?: unknown;
  stackTrace?: unknown;
}

function parseDetails(details: string | undefined): ErrorObject | undefined {
  if (!details) return undefined;
  try {
    const v = JSON.parse(details) as unknown;
    return typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as ErrorObject) : undefined;
  } catch {
    return undefined;
  }
}

/** The outcome line of a stream that ended. */
export function streamOutcome(input: Pick<StreamEndInput, 'header' | 'assembly' | 'end' | 'totalMs'>): string {
  const a = input.assembly;
  const end = input.end;
  if (end.kind === 'cancelled') {
    return outcomeLine('cancelled', t('Cancelled after {0}: stopped reading the stream after {1}. The function may still run to completion.', formatElapsed(input.totalMs), received(a)));
  }
  if (end.kind === 'broken') {
    return outcomeLine('failed', t('The stream broke off after {0} ({1}) without its end: {2}', formatElapsed(input.totalMs), received(a), end.error.message));
  }
  const c = a.completion;
  if (c?.errorCode || c?.errorDetails) {
    const details = parseDetails(c.errorDetails);
    const summary = (details && errorSummary(details)) ?? c.errorDetails;
    const code = c.errorCode ?? '?';
    return outcomeLine('failed', summary ? t('Function error ({0}): {1}', code, summary) : t('Function error ({0})', code));
  }
  if (input.header.invocationType === 'DryRun') {
    return outcomeLine('succeeded', t('Dry run passed: the parameters and permissions are valid; the function did not run'));
  }
  return outcomeLine('succeeded', t('Streamed {0}', received(a)));
}

/**
 * The end of a streamed block, after the chunks: the stream's figures, the REPORT metrics, the
 * function error, the log, the JSON response pretty-printed when it parses, and the outcome.
 */
export function formatStreamEnd(input: StreamEndInput): string[] {
  const a = input.assembly;
  const c = a.completion;
  const lines: string[] = [];
  const stream = input.header.invocationType === 'RequestResponse';
  if (stream) {
    if (a.notText) lines.push(t('(not UTF-8 text: the bytes from there on are not shown)'));
    if (input.inEditor) {
      lines.push(t('The rest went to an editor: the stream grew larger than the lambdaWorkbench.invoke.responseInEditorThreshold setting ({0}).', formatBytes(input.inEditor.threshold)));
    }
    lines.push(t('--- End of stream ---'));
    lines.push(t('Received: {0}', received(a)));
    if (a.firstChunkMs !== undefined) lines.push(t('Time to first byte: {0}', formatElapsed(a.firstChunkMs)));
  }
  lines.push(t('Round trip: {0}', formatElapsed(input.totalMs)));
  if (stream && input.end.kind === 'complete' && a.chunkCount === 1 && !(c?.errorCode || c?.errorDetails)) {
    lines.push(t('Note: the whole response came in one chunk: the function may not stream (awslambda.streamifyResponse).'));
  }
  if (a.bytes > a.keptBytes) {
    lines.push(t('Note: only the first {0} were kept (Lambda streams at most 200 MB).', formatBytes(a.keptBytes)));
  }
  if (a.prelude) {
    if (a.prelude.statusCode !== undefined) lines.push(t('HTTP status: {0}', a.prelude.statusCode));
    for (const [k, v] of a.prelude.headers) lines.push(t('HTTP header: {0}: {1}', k, v));
    for (const cookie of a.prelude.cookies) lines.push(t('HTTP cookie: {0}', cookie));
  }
  const log = decodeLogResult(c?.logResult);
  const report = log?.kind === 'tail' ? parseReport(log.text) : undefined;
  if (report) lines.push(...formatReport(report));
  if (log?.kind === 'reference') lines.push(t('Log group: {0}', log.logGroup), t('Log stream: {0}', log.logStreamName));

  if (c?.errorCode || c?.errorDetails) {
    lines.push(t('--- Function error ---'));
    if (c.errorCode) lines.push(t('ErrorCode: {0}', c.errorCode));
    const details = parseDetails(c.errorDetails);
    if (details) {
      if (details.errorMessage !== undefined) {
        const [first, ...rest] = splitLines(typeof details.errorMessage === 'string' ? details.errorMessage : JSON.stringify(details.errorMessage));
        lines.push(t('errorMessage: {0}', first), ...rest.map((l) => `  ${l}`));
      }
      const stack = errorStack(details);
      if (stack.length > 0) lines.push(t('Stack:'), ...stack.map((l) => `  ${l}`));
    } else if (c.errorDetails) {
      lines.push(t('ErrorDetails: {0}', c.errorDetails));
    }
  }
  if (stream && input.end.kind === 'complete') {
    if (!log) {
      lines.push(t('--- Log ---'), input.logType === 'None' ? t('(not requested: the setting lambdaWorkbench.invoke.logType is None)') : t('(none returned)'));
    } else if (log.kind === 'tail') {
      let logLines = splitLines(log.text).map((l) => l.trimEnd());
      if (report) logLines = logLines.filter((l) => !(parseReportLine(l) ?? parsePlatformReport(l)));
      if (log.truncated && logLines.length > 0) logLines[0] = `…${logLines[0]}`;
      lines.push(log.truncated ? t('--- Log (last 4 KB; earlier lines cut) ---') : t('--- Log ---'), ...logLines);
    }
    const json = input.inEditor ? undefined : prettyBody(a);
    if (json) {
      lines.push(t('--- Response ({0}, JSON) ---', formatBytes(json.bytes)), ...splitLines(json.text));
    }
  }
  lines.push(streamOutcome(input));
  return lines;
}

/** The body decoded as JSON (pretty-printed), when it parses; undefined otherwise. */
export function prettyBody(a: StreamAssembly, maxBytes = Infinity): DecodedResponse | undefined {
  if (a.notText || a.bytes === 0 || a.bytes > a.keptBytes || a.bytes > maxBytes) return undefined;
  const d = decodeResponse(a.body());
  return d.kind === 'json' ? d : undefined;
}

/** What the progress notification says while the stream runs. */
export function streamProgress(a: StreamAssembly): string {
  return t('{0} received', received(a));
}
