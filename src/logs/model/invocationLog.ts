/**
 * The whole log of one invocation, from CloudWatch Logs. Pure (no vscode): it reads through a
 * `LogsSource` (src/aws/logs.ts in the extension, a fake in unit tests).
 *
 * An execution environment runs one request at a time and writes to its own log stream, so the
 * log of a request is every event of its stream from the request's START to its REPORT: that
 * takes the lines a runtime writes without the request id (Python's `print`) as well. Text
 * format: `START RequestId: <id> …` / `REPORT RequestId: <id> …`; JSON format: the
 * `platform.start` / `platform.report` records whose `record.requestId` is the id.
 *
 * 1. the stream: named by the reference form of `LogResult`, else found with FilterLogEvents
 *    (filter pattern `"<id>"`) as the stream of the request's START;
 * 2. the events: GetLogEvents on that stream from the START's time, page after page;
 * 3. logs reach CloudWatch seconds after they are written: until the REPORT is there, wait and
 *    read on from where the last page ended, within a bound; then say whether it is complete.
 */
import { setTimeout as sleepFor } from 'node:timers/promises';

export interface LogEvent {
  timestamp: number;
  message: string;
  logStreamName?: string;
}

/** The calls the assembly needs (LogsService has them). */
export interface LogsSource {
  filterLogEvents(
    q: { logGroupName: string; filterPattern?: string; startTime?: number; logStreamNames?: string[]; nextToken?: string },
    o?: { signal?: AbortSignal },
  ): Promise<{ events: LogEvent[]; nextToken?: string }>;
  getLogEvents(q: { logGroupName: string; logStreamName: string; startTime?: number; nextToken?: string }, o?: { signal?: AbortSignal }): Promise<{ events: LogEvent[]; nextForwardToken?: string }>;
}

export interface InvocationLogQuery {
  requestId: string;
  logGroupName: string;
  /** Known from the reference form of LogResult. */
  logStreamName?: string;
  /** Epoch ms the invoke was sent. */
  startedAt: number;
}

export interface WaitOptions {
  signal?: AbortSignal;
  /** How long to wait for the REPORT line (ms). */
  timeoutMs: number;
  /** Between reads while waiting (ms); default 1000. */
  intervalMs?: number;
  /** Told before each wait: how long it has waited, and whether the START was found. */
  onWait?: (w: { waitedMs: number; started: boolean; events: number }) => void;
  now?: () => number;
}

export interface InvocationLog {
  requestId: string;
  logGroupName: string;
  logStreamName?: string;
  /** START (or platform.start) to REPORT (or platform.report), in order. */
  events: LogEvent[];
  started: boolean;
  /** The log group (or the stream LogResult named) did not exist yet when the wait ended. */
  notFound?: boolean;
  /** The REPORT line is there: the log is whole. */
  complete: boolean;
  /** Pages read (FilterLogEvents and GetLogEvents). */
  pages: number;
  waitedMs: number;
}

/** Events are searched from this long before the invoke was sent (clocks differ). */
export const CLOCK_MARGIN_MS = 5 * 60_000;

function jsonRecord(message: string): { type?: unknown; record?: { requestId?: unknown } } | undefined {
  const m = message.trimStart();
  if (!m.startsWith('{') || !m.includes('"platform.')) {
    return undefined;
  }
  try {
    const v = JSON.parse(m) as unknown;
    return typeof v === 'object' && v !== null ? (v as { type?: unknown; record?: { requestId?: unknown } }) : undefined;
  } catch {
    return undefined;
  }
}

function isPlatform(message: string, requestId: string, textPrefix: string, jsonType: string): boolean {
  if (message.startsWith(`${textPrefix} RequestId: ${requestId}`)) {
    return true;
  }
  const r = jsonRecord(message);
  return r?.type === jsonType && r.record?.requestId === requestId;
}

/** The request's START line (Text) or platform.start record (JSON). */
export const isStartOf = (message: string, requestId: string): boolean => isPlatform(message, requestId, 'START', 'platform.start');
/** The request's REPORT line (Text) or platform.report record (JSON). */
export const isReportOf = (message: string, requestId: string): boolean => isPlatform(message, requestId, 'REPORT', 'platform.report');

/**
 * Takes the events of one stream, in order, page after page: keeps those from the request's
 * START to its REPORT, the lines without the request id included.
 */
export class InvocationLogAssembler {
  readonly events: LogEvent[] = [];
  started = false;
  complete = false;

  constructor(private readonly requestId: string) {}

  /** Adds a page; returns true once the REPORT is in. */
  add(page: readonly LogEvent[]): boolean {
    for (const e of page) {
      if (this.complete) {
        break;
      }
      if (!this.started) {
        if (!isStartOf(e.message, this.requestId)) {
          continue;
        }
        this.started = true;
      }
      this.events.push(e);
      if (isReportOf(e.message, this.requestId)) {
        this.complete = true;
      }
    }
    return this.complete;
  }
}

/** The quoted term FilterLogEvents matches the request id with. */
export const requestIdPattern = (requestId: string): string => `"${requestId.replace(/"/g, '')}"`;

/** FilterLogEvents until the request's START: its stream and time. */
async function findStart(source: LogsSource, q: InvocationLogQuery, counter: { pages: number }, signal?: AbortSignal): Promise<{ stream: string; time: number } | undefined> {
  let nextToken: string | undefined;
  do {
    const page = await source.filterLogEvents({ logGroupName: q.logGroupName, filterPattern: requestIdPattern(q.requestId), startTime: Math.max(0, q.startedAt - CLOCK_MARGIN_MS), nextToken }, { signal });
    counter.pages++;
    const start = page.events.find((e) => e.logStreamName && isStartOf(e.message, q.requestId));
    if (start) {
      return { stream: start.logStreamName!, time: start.timestamp };
    }
    nextToken = page.nextToken;
  } while (nextToken);
  return undefined;
}

const isNotFound = (err: unknown): boolean => (err as { name?: string } | undefined)?.name === 'ResourceNotFoundException';

/** Reads (and waits for) the whole log of one invocation. */
export async function fetchInvocationLog(source: LogsSource, q: InvocationLogQuery, o: WaitOptions): Promise<InvocationLog> {
  const now = o.now ?? Date.now;
  const began = now();
  const deadline = began + Math.max(0, o.timeoutMs);
  const interval = Math.max(10, o.intervalMs ?? 1000);
  const counter = { pages: 0 };
  const assembler = new InvocationLogAssembler(q.requestId);
  let stream = q.logStreamName;
  let startTime = stream ? Math.max(0, q.startedAt - CLOCK_MARGIN_MS) : undefined;
  let token: string | undefined;
  let notFound = false;
  for (;;) {
    o.signal?.throwIfAborted();
    notFound = false;
    try {
      if (!stream) {
        const start = await findStart(source, q, counter, o.signal);
        if (start) {
          stream = start.stream;
          startTime = start.time;
        }
      }
      if (stream) {
        // Page on until the REPORT, or until the service answers the token it was given (the end).
        for (;;) {
          const page = await source.getLogEvents({ logGroupName: q.logGroupName, logStreamName: stream, startTime, nextToken: token }, { signal: o.signal });
          counter.pages++;
          const done = assembler.add(page.events);
          const atEnd = page.events.length === 0 || !page.nextForwardToken || page.nextForwardToken === token;
          token = page.nextForwardToken ?? token;
          if (done || atEnd) {
            break;
          }
        }
      }
    } catch (err) {
      // The group or stream appears with the first event that reaches CloudWatch: not there yet
      // counts as "wait", as long as the invocation is recent enough to be still on its way.
      if (!isNotFound(err) || began - q.startedAt > o.timeoutMs) {
        throw err;
      }
      notFound = true;
    }
    if (assembler.complete || now() >= deadline) {
      break;
    }
    o.onWait?.({ waitedMs: now() - began, started: assembler.started, events: assembler.events.length });
    await sleepFor(Math.min(interval, Math.max(0, deadline - now())), undefined, o.signal ? { signal: o.signal } : undefined);
  }
  return {
    requestId: q.requestId,
    logGroupName: q.logGroupName,
    logStreamName: stream,
    events: assembler.events,
    started: assembler.started,
    ...(notFound ? { notFound } : {}),
    complete: assembler.complete,
    pages: counter.pages,
    waitedMs: now() - began,
  };
}
