import type { LogFormat } from '../store';
import { LOG_TAIL_BYTES } from '../constants';

export interface ReportData {
  requestId: string;
  version: string;
  format: LogFormat;
  /** Application lines as the handler process wrote them (each ending in \n). */
  lines: string[];
  durationMs: number;
  memorySizeMb: number;
  maxMemoryUsedMb: number;
  /** Present on a cold start only. */
  initDurationMs?: number;
  status: 'success' | 'error' | 'timeout';
  /** On a timeout: the configured timeout in seconds. */
  timeoutSeconds?: number;
  startedAt: Date;
  endedAt: Date;
}

export const fmt2 = (n: number): string => n.toFixed(2);

/** Billed Duration: the reported duration (2 decimals) rounded up to the next millisecond. */
export function billedDuration(durationMs: number): number {
  return Math.max(1, Math.ceil(Number(fmt2(durationMs))));
}

/** The message AWS writes (and returns as errorMessage) when a function times out. */
export function timeoutMessage(at: Date, requestId: string, timeoutSeconds: number): string {
  return `${at.toISOString()} ${requestId} Task timed out after ${fmt2(timeoutSeconds)} seconds`;
}

/** Builds the execution log of one invocation, in Lambda's Text or JSON log format. */
export function buildExecutionLog(r: ReportData): string {
  const billed = billedDuration(r.durationMs);
  if (r.format === 'JSON') {
    const out: string[] = [];
    out.push(JSON.stringify({ time: r.startedAt.toISOString(), type: 'platform.start', record: { requestId: r.requestId, version: r.version } }));
    let text = r.lines.join('');
    if (text && !text.endsWith('\n')) {
      text += '\n';
    }
    const metrics: Record<string, number> = {
      durationMs: Number(fmt2(r.durationMs)),
      billedDurationMs: billed,
      memorySizeMB: r.memorySizeMb,
      maxMemoryUsedMB: r.maxMemoryUsedMb,
    };
    if (r.initDurationMs !== undefined) {
      metrics.initDurationMs = Number(fmt2(r.initDurationMs));
    }
    const record: Record<string, unknown> = { requestId: r.requestId, metrics, status: r.status };
    if (r.status === 'timeout') {
      record.errorType = 'Sandbox.Timedout';
    }
    const tail = JSON.stringify({ time: r.endedAt.toISOString(), type: 'platform.report', record });
    return `${out.join('\n')}\n${text}${tail}\n`;
  }
  let body = r.lines.join('');
  if (body && !body.endsWith('\n')) {
    body += '\n';
  }
  if (r.status === 'timeout') {
    body += `${timeoutMessage(r.endedAt, r.requestId, r.timeoutSeconds ?? 3)}\n`;
  }
  const report = [
    `REPORT RequestId: ${r.requestId}`,
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
  return `START RequestId: ${r.requestId} Version: ${r.version}\n${body}END RequestId: ${r.requestId}\n${report.join('\t')}\t\n`;
}

/** The last 4 KB (4096 bytes) of a log, base64: may start inside a line or a multi-byte character. */
export function logTail(log: string): string {
  const bytes = Buffer.from(log, 'utf8');
  return bytes.subarray(Math.max(0, bytes.length - LOG_TAIL_BYTES)).toString('base64');
}
