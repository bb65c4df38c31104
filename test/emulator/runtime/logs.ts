import type { LogFormat } from '../store';
import { LOG_TAIL_BYTES } from '../constants';

export interface ReportData {
  durationMs: number;
  memorySizeMb: number;
  maxMemoryUsedMb: number;
  /** Present on a cold start only. */
  initDurationMs?: number;
  status: 'success' | 'error' | 'timeout';
  /** On a timeout: the configured timeout in seconds. */
  timeoutSeconds?: number;
  endedAt: Date;
}

/** One line of an execution log: a CloudWatch Logs event. */
export interface LogEvent {
  message: string;
  /** Epoch ms. */
  timestamp: number;
}

/** Receives each event of an execution log as it is written (the CloudWatch Logs stream). */
export type LogSink = (event: LogEvent) => void;

export const fmt2 = (n: number): string => n.toFixed(2);

/** Billed Duration: the reported duration (2 decimals) rounded up to the next millisecond. */
export function billedDuration(durationMs: number): number {
  return Math.max(1, Math.ceil(Number(fmt2(durationMs))));
}

/** The message AWS writes (and returns as errorMessage) when a function times out. */
export function timeoutMessage(at: Date, requestId: string, timeoutSeconds: number): string {
  return `${at.toISOString()} ${requestId} Task timed out after ${fmt2(timeoutSeconds)} seconds`;
}

/**
 * The execution log of one invocation, in Lambda's Text or JSON log format, built line by line
 * as the execution environment writes: START (platform.start), the function's lines, END and
 * REPORT (platform.report). Each line is one event with the time it was written, handed to the
 * sink as it comes (the environment's CloudWatch Logs stream); `text()` is the whole log, the
 * text LogResult is cut from. Times never go backwards within a log.
 */
export class ExecutionLog {
  readonly events: LogEvent[] = [];
  /** A raw write without its newline yet (process.stdout.write): one event once the line ends. */
  private partial?: LogEvent;
  private last = 0;

  constructor(
    private readonly format: LogFormat,
    private readonly requestId: string,
    private readonly sink?: LogSink,
  ) {}

  private push(message: string, timestamp: number): void {
    const event = { message, timestamp: Math.max(timestamp, this.last) };
    this.last = event.timestamp;
    this.events.push(event);
    this.sink?.(event);
  }

  private flushPartial(): void {
    if (this.partial) {
      const p = this.partial;
      this.partial = undefined;
      this.push(p.message, p.timestamp);
    }
  }

  start(version: string, at: Date): void {
    const t = at.getTime();
    if (this.format === 'JSON') {
      this.push(JSON.stringify({ time: at.toISOString(), type: 'platform.start', record: { requestId: this.requestId, version } }), t);
    } else {
      this.push(`START RequestId: ${this.requestId} Version: ${version}`, t);
    }
  }

  /**
   * A line the function wrote: a console line (one event, even with newlines inside), or a raw
   * write, split into one event per line (a line without its newline waits for the rest).
   */
  write(text: string, time: number, raw: boolean): void {
    if (!raw) {
      this.flushPartial();
      this.push(text.endsWith('\n') ? text.slice(0, -1) : text, time);
      return;
    }
    const parts = text.split('\n');
    for (let i = 0; i < parts.length; i++) {
      const last = i === parts.length - 1;
      if (last && parts[i] === '') {
        break;
      }
      if (this.partial) {
        this.partial.message += parts[i];
      } else {
        this.partial = { message: parts[i], timestamp: time };
      }
      if (!last) {
        this.flushPartial();
      }
    }
  }

  /** Ends the log: the timeout line, then END and REPORT (or platform.report). */
  finish(r: ReportData): void {
    this.flushPartial();
    const t = r.endedAt.getTime();
    const billed = billedDuration(r.durationMs);
    if (this.format === 'JSON') {
      const metrics: Record<string, number> = {
        durationMs: Number(fmt2(r.durationMs)),
        billedDurationMs: billed,
        memorySizeMB: r.memorySizeMb,
        maxMemoryUsedMB: r.maxMemoryUsedMb,
      };
      if (r.initDurationMs !== undefined) {
        metrics.initDurationMs = Number(fmt2(r.initDurationMs));
      }
      const record: Record<string, unknown> = { requestId: this.requestId, metrics, status: r.status };
      if (r.status === 'timeout') {
        record.errorType = 'Sandbox.Timedout';
      }
      this.push(JSON.stringify({ time: r.endedAt.toISOString(), type: 'platform.report', record }), t);
      return;
    }
    if (r.status === 'timeout') {
      this.push(timeoutMessage(r.endedAt, this.requestId, r.timeoutSeconds ?? 3), t);
    }
    this.push(`END RequestId: ${this.requestId}`, t);
    const report = [
      `REPORT RequestId: ${this.requestId}`,
      `Duration: ${fmt2(r.durationMs)} ms`,
      `Billed Duration: ${billed} ms`,
      `Memory Size: ${r.memorySizeMb} MB`,
      `Max Memory Used: ${r.maxMemoryUsedMb} MB`,
    ];
    if (r.initDurationMs !== undefined) {
      report.push(`Init Duration: ${fmt2(r.initDurationMs)} ms`);
    }
    if (r.status === 'timeout') {
      report.push('Status: timeout');
    }
    // Like Lambda, every REPORT field is followed by a tab.
    this.push(`${report.join('\t')}\t`, t);
  }

  /** The whole log: every event, one per line. */
  text(): string {
    return this.events.map((e) => `${e.message}\n`).join('');
  }
}

/** The last 4 KB (4096 bytes) of a log, base64: may start inside a line or a multi-byte character. */
export function logTail(log: string): string {
  const bytes = Buffer.from(log, 'utf8');
  return bytes.subarray(Math.max(0, bytes.length - LOG_TAIL_BYTES)).toString('base64');
}

/**
 * LogResult in its reference form (Lambda Managed Instances): base64 of
 * {"logGroup": …, "logStreamName": …}, where the log went in CloudWatch Logs.
 */
export function logReference(logGroup: string, logStreamName: string): string {
  return Buffer.from(JSON.stringify({ logGroup, logStreamName }), 'utf8').toString('base64');
}
