import * as vscode from 'vscode';
import { describeAwsError, DescribedError, ErrorContext, formatErrorForLog, formatUnreadableAnswer, unreadableReason, type UnreadableAnswer } from '../shared/awsErrors';
import { log } from './log';
import { actions as notificationActions, NotificationAction, showError, showWarning } from './notify';

export interface ReportOptions {
  /** What failed, said first: "Invoke hello-world (us-east-1) failed". Without it, the error's own message leads. */
  what?: string;
  /** Who, where: for the hint (the profile to log in with, the region to check, the endpoint). */
  context?: ErrorContext;
  /** The log line's prefix (a command id, an operation). */
  logAs: string;
  /** The message to show instead of the error's own (with its hint): for errors a feature explains in its words. */
  message?: string;
  /** Actions on the notification; default: Show Log. */
  actions?: readonly NotificationAction[];
}

export interface Reported {
  described: DescribedError;
  /** The message shown. */
  message: string;
}

/**
 * The one way errors reach the user: the whole error (with its stack) goes to the log, a short
 * message to a notification with a way to the details. Returns what was shown.
 */
export function reportError(err: unknown, o: ReportOptions): Reported {
  const d = describeAwsError(err, o.context);
  const stack = err instanceof Error && err.stack ? `\n${err.stack}` : '';
  log().error(`${o.logAs}: ${formatErrorForLog(d)}${stack}`);
  const body = o.message ?? (d.hint ? `${d.message} — ${d.hint}` : d.message);
  const message = o.what ? `${o.what}: ${body}` : body;
  showError(message, ...(o.actions ?? [notificationActions.showLog()]));
  return { described: d, message };
}

/**
 * The endpoint accepted the change (2xx) but its answer could not be read: the raw answer goes
 * to the log, and the person reads what was sent and what the resource is now (`now`, read
 * again), in a warning with Show Log.
 */
export function reportAcceptedUnreadable(answer: UnreadableAnswer, p: { label: string; operation: string; now: string }): void {
  log().warn(`${p.operation} ${p.label}: accepted (HTTP ${answer.status}), but the answer could not be read: ${formatUnreadableAnswer(answer)}`);
  showWarning(
    vscode.l10n.t('{0}: the change was sent and accepted (HTTP {1}), but the answer could not be read: {2}. Read again, it is now: {3}', p.label, answer.status, unreadableReason(answer), p.now),
    notificationActions.showLog(),
  );
}
