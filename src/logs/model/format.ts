/**
 * The text of a full-log document and the lines of a live tail. Pure; the words go through
 * `t()` (this bundle is given the display language's translator when loaded).
 */
import { t } from '../../shared/l10n';
import type { InvocationLog, LogEvent } from './invocationLog';

/** A CloudWatch Logs message without the newline the runtime ended it with. */
export function messageText(message: string): string {
  return message.endsWith('\r\n') ? message.slice(0, -2) : message.endsWith('\n') ? message.slice(0, -1) : message;
}

export interface FullLogHeader {
  /** `hello-world:live (us-east-1)`. */
  label: string;
  invocationType: string;
  /** How long the wait for the REPORT was allowed (s), for the "not complete" line. */
  timeoutSeconds: number;
}

/** One line that says what the document holds and whether it is whole. */
export function completenessLine(log: InvocationLog, timeoutSeconds: number): string {
  if (log.complete) {
    return t('Complete: START to REPORT, {0} events.', log.events.length);
  }
  if (!log.started && log.notFound) {
    return t('Not found: the log group {0} did not exist within {1} s (the function has not logged yet, or its logs go to another group).', log.logGroupName, timeoutSeconds);
  }
  if (!log.started) {
    return t('Not found: no START line of this request reached CloudWatch Logs within {0} s.', timeoutSeconds);
  }
  return t('Not complete: no REPORT line within {0} s; {1} events shown (the rest may still be on its way).', timeoutSeconds, log.events.length);
}

/**
 * The document: a header (`=== … ===`, then `label: value` lines, as in the invocations output),
 * a `---` line, then every message of the request, in order, as CloudWatch Logs holds it.
 */
export function formatFullLog(log: InvocationLog, h: FullLogHeader): string {
  const lines = [
    `=== ${h.label} · ${h.invocationType} · ${log.requestId} ===`,
    `${t('Log group')}: ${log.logGroupName}`,
    `${t('Log stream')}: ${log.logStreamName ?? '—'}`,
    completenessLine(log, h.timeoutSeconds),
    '---',
    ...log.events.map((e) => messageText(e.message)),
  ];
  return `${lines.join('\n')}\n`;
}

/** A line of a live tail: the event's time (UTC), then its message. */
export function formatTailEvent(e: LogEvent): string {
  return `${new Date(e.timestamp).toISOString()} ${messageText(e.message)}`;
}
