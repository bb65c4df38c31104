import { describeAwsError, DescribedError, ErrorContext, formatDescribedError } from '../shared/awsErrors';
import { log } from './log';
import { actions as notificationActions, NotificationAction, showError } from './notify';

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
  log().error(`${o.logAs}: ${formatDescribedError(d)}${stack}`);
  const body = o.message ?? (d.hint ? `${d.message} — ${d.hint}` : d.message);
  const message = o.what ? `${o.what}: ${body}` : body;
  showError(message, ...(o.actions ?? [notificationActions.showLog()]));
  return { described: d, message };
}
