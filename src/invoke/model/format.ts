/**
 * What the "Lambda Invocations" channel shows for one invocation, as lines: a header
 * (function, qualifier, region, invocation type, time), the payload, the status, the
 * executed version, the function error, the request id, the REPORT metrics, the log and
 * the response. Also the blocks for an API error, a payload that was not sent, and a
 * cancelled invocation. Pure: no vscode import.
 */
import { unreadableReason, type DescribedError, type UnreadableAnswer } from '../../shared/awsErrors';
import { t } from '../../shared/l10n';
import { formatBytes, formatElapsed, formatMs, InvocationType } from './limits';
import { decodeLogResult, type DecodedLog } from './logResult';
import type { CheckedPayload } from './payloadCheck';
import type { PayloadError } from './payloadErrors';
import { parsePlatformReport, parseReport, parseReportLine, ReportMetrics } from './report';
import { stringEnd } from '../../shared/json/text';
import { LambdaTarget, targetLabel } from '../../shared/lambdaTarget';

export interface PayloadInfo {
  /** `file`: a file on disk; `editor`: an editor's text (unsaved changes or an untitled editor); `empty`: the built-in `{}`. */
  kind: 'file' | 'editor' | 'empty';
  /** How the source is named: a workspace-relative path or an untitled editor's title. */
  label?: string;
  /** Set once the payload has passed its checks. */
  checked?: Pick<CheckedPayload, 'bytes' | 'bomRemoved' | 'commentsRemoved' | 'trailingCommasRemoved' | 'empty'>;
  /** The editor text differs from the file on disk (kind `editor` with a file behind it). */
  unsavedChanges?: boolean;
}

export interface ResultHeader {
  target: LambdaTarget;
  invocationType: InvocationType;
  startedAt: Date;
  payload: PayloadInfo;
  /** Size of the base64 client context, when one was sent. */
  clientContextBytes?: number;
  /** The TenantId sent (functions with tenant isolation). */
  tenantId?: string;
  /** The DurableExecutionName sent (durable functions). */
  durableExecutionName?: string;
}

export interface InvokeResponseInfo {
  StatusCode?: number;
  FunctionError?: string;
  LogResult?: string;
  ExecutedVersion?: string;
  Payload?: Uint8Array;
  /** The durable execution started (durable functions). */
  DurableExecutionArn?: string;
  requestId?: string;
}

export interface InvokeResultInput extends ResultHeader {
  response: InvokeResponseInfo;
  elapsedMs: number;
  /** The LogType that was asked for (synchronous invocations). */
  logType: 'Tail' | 'None';
  /** Set when the response was opened in an editor instead of written here. */
  responseInEditor?: { threshold: number };
  /** The response already decoded (decodeResponse), to avoid doing it twice. */
  decoded?: DecodedResponse;
  /**
   * Lambda refused `LogType: Tail` (Lambda Managed Instances) and the invocation was sent again
   * without it; `logGroup` is where the function logs.
   */
  tailRefused?: { logGroup: string };
}

/**
 * The marks that start a block's outcome line (its first line after the header, and its last
 * line): the output's grammar colours a block by them, whatever the display language.
 */
export const OUTCOME_MARKS = {
  succeeded: '✔',
  failed: '✖',
  notSent: '⊘',
  cancelled: '■',
} as const;

export type OutcomeKind = keyof typeof OUTCOME_MARKS;

/** The outcome line: a mark, then what happened, in words. */
export function outcomeLine(kind: OutcomeKind, text: string): string {
  return `${OUTCOME_MARKS[kind]} ${text}`;
}

/** `=== hello-world:live (us-east-1) · RequestResponse · 2026-11-22T13:00:00.000Z ===` */
export function headerLine(h: ResultHeader): string {
  return `=== ${targetLabel(h.target)} · ${h.invocationType} · ${h.startedAt.toISOString()} ===`;
}

/** The payload lines: what was sent, and what was changed on the way. */
export function payloadLines(h: ResultHeader): string[] {
  const lines: string[] = [];
  const p = h.payload;
  const size = p.checked ? formatBytes(p.checked.bytes.length) : undefined;
  if (p.kind === 'empty') {
    lines.push(t('Payload: {} (empty payload)'));
  } else if (p.kind === 'editor') {
    lines.push(size ? t('Payload: {0} ({1}, unsaved editor text)', p.label ?? '', size) : t('Payload: {0} (unsaved editor text)', p.label ?? ''));
    if (p.unsavedChanges) {
      lines.push(t('Note: the editor has unsaved changes; its text was sent, not the file on disk.'));
    }
  } else {
    lines.push(size ? t('Payload: {0} ({1})', p.label ?? '', size) : t('Payload: {0}', p.label ?? ''));
  }
  const c = p.checked;
  if (c?.bomRemoved) {
    lines.push(t('Note: removed the UTF-8 byte order mark before sending.'));
  }
  if (c && (c.commentsRemoved > 0 || c.trailingCommasRemoved > 0)) {
    const parts: string[] = [];
    if (c.commentsRemoved > 0) {
      parts.push(c.commentsRemoved === 1 ? t('{0} comment', 1) : t('{0} comments', c.commentsRemoved));
    }
    if (c.trailingCommasRemoved > 0) {
      parts.push(c.trailingCommasRemoved === 1 ? t('{0} trailing comma', 1) : t('{0} trailing commas', c.trailingCommasRemoved));
    }
    lines.push(t('Note: removed {0} before sending (JSON allows neither).', parts.join(t(' and '))));
  }
  if (c?.empty && p.kind !== 'empty') {
    lines.push(t('Note: the file is empty; sent {}.'));
  }
  if (h.clientContextBytes !== undefined) {
    lines.push(t('Client context: {0} (base64)', formatBytes(h.clientContextBytes)));
  }
  if (h.tenantId !== undefined) {
    lines.push(t('Tenant ID: {0}', h.tenantId));
  }
  if (h.durableExecutionName !== undefined) {
    lines.push(t('Durable execution name: {0}', h.durableExecutionName));
  }
  return lines;
}

/**
 * A whole block: the header, the outcome, the payload, the fields, the sections, and the outcome
 * again as its last line (the output scrolls to the end: the newest outcome is always in view).
 */
function block(h: ResultHeader, outcome: string, fields: readonly string[], sections: readonly string[] = []): string[] {
  return [headerLine(h), outcome, ...payloadLines(h), ...fields, ...sections, outcome];
}

export function formatReport(r: ReportMetrics): string[] {
  const lines: string[] = [];
  if (r.durationMs !== undefined) lines.push(t('Duration: {0} ms', formatMs(r.durationMs)));
  if (r.billedDurationMs !== undefined) lines.push(t('Billed duration: {0} ms', formatMs(r.billedDurationMs)));
  if (r.memorySizeMb !== undefined) lines.push(t('Memory size: {0} MB', r.memorySizeMb));
  if (r.maxMemoryUsedMb !== undefined) lines.push(t('Max memory used: {0} MB', r.maxMemoryUsedMb));
  if (r.initDurationMs !== undefined) lines.push(t('Init duration: {0} ms', formatMs(r.initDurationMs)));
  if (r.restoreDurationMs !== undefined) lines.push(t('Restore duration: {0} ms', formatMs(r.restoreDurationMs)));
  return lines;
}

export interface DecodedResponse {
  /** For UTF-8 text, json or text is decided (JSON.parse) when first read. */
  kind: 'empty' | 'json' | 'text' | 'binary';
  bytes: number;
  /** UTF-8 text (json or text): known without parsing it. */
  textual: boolean;
  /** The JSON value (kind json). */
  value?: unknown;
  /** What to show: pretty-printed JSON, the text, or nothing. */
  text: string;
}

function splitLines(s: string): string[] {
  return s.replace(/(\r\n|\r|\n)$/, '').split(/\r\n|\r|\n/);
}

/**
 * Pretty-prints valid JSON text with 2-space indentation, keeping every token as written
 * (large numbers keep their digits, strings their escapes). One pass over the characters,
 * copying strings, numbers and literals as slices: fast on a 6 MB response.
 */
export function prettyJson(text: string): string {
  const parts: string[] = [];
  const newlines: string[] = ['\n'];
  const newline = (depth: number): string => (newlines[depth] ??= `\n${'  '.repeat(depth)}`);
  const n = text.length;
  let depth = 0;
  let afterOpen = false;
  let i = 0;
  while (i < n) {
    const c = text.charCodeAt(i);
    switch (c) {
      case 0x20:
      case 0x09:
      case 0x0a:
      case 0x0d:
        i++;
        break;
      case 0x7b /* { */:
      case 0x5b /* [ */:
        if (afterOpen) parts.push(newline(depth));
        parts.push(c === 0x7b ? '{' : '[');
        depth++;
        afterOpen = true;
        i++;
        break;
      case 0x7d /* } */:
      case 0x5d /* ] */:
        depth--;
        if (!afterOpen) parts.push(newline(depth));
        parts.push(c === 0x7d ? '}' : ']');
        afterOpen = false;
        i++;
        break;
      case 0x2c /* , */:
        parts.push(',', newline(depth));
        i++;
        break;
      case 0x3a /* : */:
        parts.push(': ');
        i++;
        break;
      default: {
        // A value as written: a string (to its closing quote) or a number or literal.
        if (afterOpen) parts.push(newline(depth));
        afterOpen = false;
        const end = c === 0x22 ? stringEndOrText(text, i) : literalEnd(text, i);
        parts.push(text.slice(i, end));
        i = end;
      }
    }
  }
  return parts.join('');
}

/** The offset just after the string that starts at `start`; the end of `text` if it is not closed. */
function stringEndOrText(text: string, start: number): number {
  const end = stringEnd(text, start);
  return end < 0 ? text.length : end;
}

/** The offset just after the number or literal that starts at `start`. */
function literalEnd(text: string, start: number): number {
  let end = start + 1;
  for (; end < text.length; end++) {
    const c = text.charCodeAt(end);
    if (c === 0x2c || c === 0x7d || c === 0x5d || c === 0x3a || c === 0x7b || c === 0x5b || c === 0x22 || c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d) {
      break;
    }
  }
  return end;
}

// Stateless between calls (no streaming): one instance serves every response.
const responseDecoder = new TextDecoder('utf-8', { fatal: true });

type Parsed = { ok: true; value: unknown } | { ok: false };

function parseJson(text: string): Parsed {
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    return { ok: false };
  }
}

/**
 * Decodes a response payload: JSON (pretty-printed), other UTF-8 text, or binary. Whether UTF-8
 * text is JSON, its value and its pretty-printed text are worked out when first read: a large
 * response that goes to an editor is parsed after the result is in the channel (the result
 * itself does not need it unless it is a function error).
 */
export function decodeResponse(payload: Uint8Array | undefined): DecodedResponse {
  const bytes = payload?.length ?? 0;
  if (!payload || bytes === 0) {
    return { kind: 'empty', bytes: 0, textual: false, text: '' };
  }
  let raw: string;
  try {
    raw = responseDecoder.decode(payload);
  } catch {
    return { kind: 'binary', bytes, textual: false, text: '' };
  }
  let parsed: Parsed | undefined;
  let pretty: string | undefined;
  const parse = (): Parsed => (parsed ??= parseJson(raw));
  return {
    bytes,
    textual: true,
    get kind(): 'json' | 'text' {
      return parse().ok ? 'json' : 'text';
    },
    get value(): unknown {
      const p = parse();
      return p.ok ? p.value : undefined;
    },
    get text(): string {
      return parse().ok ? (pretty ??= prettyJson(raw)) : raw;
    },
  };
}

interface ErrorPayload {
  errorType?: unknown;
  errorMessage?: unknown;
  trace?: unknown;
  stackTrace?: unknown;
}

const ERROR_KEYS = new Set(['errorType', 'errorMessage', 'trace', 'stackTrace', 'requestId']);

function isErrorPayload(v: unknown): v is ErrorPayload {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && ('errorMessage' in v || 'errorType' in v);
}

/** `Error: boom` from a function error payload; undefined when it has neither type nor message. */
export function errorSummary(v: unknown): string | undefined {
  if (!isErrorPayload(v)) {
    return undefined;
  }
  const type = typeof v.errorType === 'string' && v.errorType ? v.errorType : undefined;
  const message = typeof v.errorMessage === 'string' ? v.errorMessage : v.errorMessage !== undefined ? JSON.stringify(v.errorMessage) : undefined;
  if (type && message !== undefined) return `${type}: ${message}`;
  return type ?? message;
}

/** The stack of a Node (`trace`), Python/Java (`stackTrace`) error payload, one line each. */
export function errorStack(v: ErrorPayload): string[] {
  const raw = Array.isArray(v.trace) ? v.trace : Array.isArray(v.stackTrace) ? v.stackTrace : typeof v.stackTrace === 'string' ? [v.stackTrace] : [];
  const out: string[] = [];
  for (const entry of raw) {
    const s = typeof entry === 'string' ? entry : Array.isArray(entry) ? entry.join(', ') : JSON.stringify(entry);
    for (const line of splitLines(s)) {
      if (line.trim() !== '') out.push(line.trimEnd());
    }
  }
  return out;
}

function formatErrorPayload(v: ErrorPayload): string[] {
  const lines = [t('--- Function error ---')];
  if (v.errorType !== undefined) lines.push(t('errorType: {0}', typeof v.errorType === 'string' ? v.errorType : JSON.stringify(v.errorType)));
  if (v.errorMessage !== undefined) {
    const msg = typeof v.errorMessage === 'string' ? v.errorMessage : JSON.stringify(v.errorMessage);
    const [first, ...rest] = splitLines(msg);
    lines.push(t('errorMessage: {0}', first), ...rest.map((l) => `  ${l}`));
  }
  const stack = errorStack(v);
  if (stack.length > 0) {
    lines.push(t('Stack:'), ...stack.map((l) => `  ${l}`));
  }
  return lines;
}

function bodyLines(r: DecodedResponse): string[] {
  switch (r.kind) {
    case 'empty':
      return [t('(empty)')];
    case 'binary':
      return [t('(not UTF-8 text; not shown)')];
    default:
      return splitLines(r.text);
  }
}

function responseLines(r: DecodedResponse): string[] {
  return [t('--- Response ({0}) ---', formatBytes(r.bytes)), ...bodyLines(r)];
}

/** What the outcome line says of an invocation that got an answer. */
function resultOutcome(r: InvokeResponseInfo, type: InvocationType, decoded: DecodedResponse): string {
  if (r.FunctionError) {
    const summary = decoded.kind === 'json' ? errorSummary(decoded.value) : decoded.kind === 'text' ? splitLines(decoded.text)[0] : undefined;
    return outcomeLine('failed', summary ? t('Function error ({0}): {1}', r.FunctionError, summary) : t('Function error ({0})', r.FunctionError));
  }
  if (type === 'Event') {
    return outcomeLine('succeeded', t('Queued for asynchronous invocation: no response or log comes back'));
  }
  if (type === 'DryRun') {
    return outcomeLine('succeeded', t('Dry run passed: the parameters and permissions are valid; the function did not run'));
  }
  return outcomeLine('succeeded', t('Succeeded'));
}

/** The log section: the tail Lambda returned (its REPORT line's metrics are shown above it, not again), or where the log is. */
function logSection(input: InvokeResultInput, log: DecodedLog | undefined, report: ReportMetrics | undefined): string[] {
  if (!log) {
    if (input.tailRefused) {
      return [t('--- Log ---'), t('(not returned here: it is in CloudWatch Logs, log group {0})', input.tailRefused.logGroup)];
    }
    return [t('--- Log ---'), input.logType === 'None' ? t('(not requested: the setting lambdaWorkbench.invoke.logType is None)') : t('(none returned)')];
  }
  if (log.kind === 'reference') {
    return [t('--- Log ---'), t('(not returned here: it is in CloudWatch Logs, log group {0}, log stream {1})', log.logGroup, log.logStreamName)];
  }
  // Lambda ends every REPORT field with a tab: trailing blanks are not shown.
  let logLines = splitLines(log.text).map((l) => l.trimEnd());
  if (report) {
    logLines = logLines.filter((l) => !(parseReportLine(l) ?? parsePlatformReport(l)));
  }
  if (log.truncated && logLines.length > 0) {
    logLines[0] = `…${logLines[0]}`;
  }
  return [log.truncated ? t('--- Log (last 4 KB; earlier lines cut) ---') : t('--- Log ---'), ...logLines];
}

/** The whole block for an invocation that got an answer (success or function error). */
export function formatInvokeResult(input: InvokeResultInput): string[] {
  const r = input.response;
  const decoded = input.decoded ?? decodeResponse(r.Payload);
  const log = decodeLogResult(r.LogResult);
  const report = log?.kind === 'tail' ? parseReport(log.text) : undefined;
  const fields: string[] = [];
  if (input.tailRefused) {
    fields.push(t('Note: Lambda returns no log tail for this function (Lambda Managed Instances); sent again without LogType Tail.'));
  }
  if (r.StatusCode !== undefined) {
    fields.push(t('Status: {0}', r.StatusCode));
  }
  if (r.ExecutedVersion) {
    fields.push(t('Executed version: {0}', r.ExecutedVersion));
  }
  const requestId = r.requestId ?? report?.requestId;
  if (requestId) {
    fields.push(t('Request ID: {0}', requestId));
  }
  if (r.DurableExecutionArn) {
    fields.push(t('Durable execution: {0}', r.DurableExecutionArn));
  }
  fields.push(t('Round trip: {0}', formatElapsed(input.elapsedMs)));
  if (report) {
    fields.push(...formatReport(report));
  }
  if (log?.kind === 'reference') {
    fields.push(t('Log group: {0}', log.logGroup), t('Log stream: {0}', log.logStreamName));
  } else if (input.tailRefused) {
    fields.push(t('Log group: {0}', input.tailRefused.logGroup));
  }
  const sections: string[] = [];
  if (input.invocationType === 'RequestResponse') {
    sections.push(...logSection(input, log, report));
  }
  if (input.responseInEditor) {
    sections.push(t('--- Response ({0}) ---', formatBytes(decoded.bytes)), t('Opened in an editor: larger than the lambdaWorkbench.invoke.responseInEditorThreshold setting ({0}).', formatBytes(input.responseInEditor.threshold)));
  } else if (r.FunctionError && decoded.kind === 'json' && isErrorPayload(decoded.value)) {
    sections.push(...formatErrorPayload(decoded.value));
    const extra = Object.keys(decoded.value as object).filter((k) => !ERROR_KEYS.has(k));
    if (extra.length > 0) {
      sections.push(...responseLines(decoded));
    }
  } else if (input.invocationType === 'RequestResponse') {
    sections.push(...responseLines(decoded));
  } else if (decoded.kind !== 'empty') {
    // An Event or DryRun answer carries no response; some endpoints send a body anyway (moto
    // echoes the payload). Shown for what it is.
    sections.push(t('--- Body of the {0} answer ({1}): sent by the endpoint, not a response of the function ---', r.StatusCode ?? '?', formatBytes(decoded.bytes)), ...bodyLines(decoded));
  }
  return block(input, resultOutcome(r, input.invocationType, decoded), fields, sections);
}

/** The block for a call that the API refused (or that never reached it). */
export function formatApiError(h: ResultHeader, d: Pick<DescribedError, 'status' | 'name' | 'message' | 'hint' | 'reason'>, elapsedMs: number): string[] {
  const fields = [d.status !== undefined ? t('Status: {0}', d.status) : t('Status: (no response)'), t('Error: {0}', d.status !== undefined ? `${d.name} (${d.status})` : d.name)];
  if (d.reason) fields.push(t('Reason: {0}', d.reason));
  if (d.hint) fields.push(t('What to do: {0}', d.hint));
  fields.push(t('Round trip: {0}', formatElapsed(elapsedMs)));
  return block(h, outcomeLine('failed', t('Failed: {0}', d.message)), fields);
}

/**
 * What happened when the endpoint accepted the invocation (2xx) but its answer could not be
 * read: the function ran (or the event was queued); its response is lost, not its effects.
 */
export function unreadableInvokeText(type: InvocationType, answer: Pick<UnreadableAnswer, 'status' | 'why'>): string {
  const reason = unreadableReason(answer as UnreadableAnswer);
  return type === 'Event'
    ? t('The event was accepted (HTTP {0}) and the function will run, but the answer could not be read: {1}.', answer.status, reason)
    : type === 'DryRun'
      ? t('The checks passed (HTTP {0}), but the answer could not be read: {1}.', answer.status, reason)
      : t('The function ran (HTTP {0}), but its response could not be read: {1}.', answer.status, reason);
}

/** The block for an invocation whose answer could not be read after a 2xx (see unreadableInvokeText). */
export function formatUnreadableInvoke(h: ResultHeader, answer: Pick<UnreadableAnswer, 'status' | 'why' | 'requestId'>, elapsedMs: number): string[] {
  const fields = [t('Status: {0}', answer.status)];
  if (answer.requestId) fields.push(t('Request ID: {0}', answer.requestId));
  fields.push(
    h.invocationType === 'RequestResponse'
      ? t('What to do: the function has run; invoking again runs it again. Its log is in CloudWatch Logs under the request id; what came back is in the log (Lambda Workbench: Show Log).')
      : t('What to do: what came back is in the log (Lambda Workbench: Show Log).'),
  );
  fields.push(t('Round trip: {0}', formatElapsed(elapsedMs)));
  return block(h, outcomeLine('failed', t('Answer lost: {0}', unreadableInvokeText(h.invocationType, answer))), fields);
}

/** The block for a payload that failed its checks: nothing was sent. */
export function formatPayloadError(h: ResultHeader, err: Pick<PayloadError, 'message' | 'issues'>): string[] {
  const fields: string[] = [];
  const more = err.issues.slice(1, 11);
  for (const i of more) {
    fields.push(t('  line {0}, column {1}: {2}', i.line, i.column, i.message));
  }
  if (err.issues.length > 11) {
    fields.push(t('  … {0} more', err.issues.length - 11));
  }
  return block(h, outcomeLine('notSent', t('Not sent: {0}', err.message)), fields);
}

/** The block for an invocation the user cancelled while waiting. */
export function formatCancelled(h: ResultHeader, elapsedMs: number): string[] {
  return block(
    h,
    outcomeLine(
      'cancelled',
      h.invocationType === 'RequestResponse'
        ? t('Cancelled after {0}: stopped waiting for the response. The function may still run to completion.', formatElapsed(elapsedMs))
        : t('Cancelled after {0}: stopped waiting for the answer. The request may still have been accepted.', formatElapsed(elapsedMs)),
    ),
    [],
  );
}
