import * as vscode from 'vscode';

/**
 * How long a call may take before its progress notification appears: a call that ends sooner
 * shows none (a notification that flashes for a few milliseconds helps nobody and costs the
 * window a render), a longer one gets its notification with Cancel.
 */
export const PROGRESS_DELAY_MS = 400;

/**
 * Waits for `task`, showing a cancellable progress notification titled `title` once it has
 * taken longer than `delayMs`. Cancel calls `onCancel` (which should abort the task).
 */
export async function withDelayedProgress<T>(task: Promise<T>, title: string, onCancel: () => void, delayMs = PROGRESS_DELAY_MS): Promise<T> {
  let settled = false;
  const done = task.then(
    () => undefined,
    () => undefined,
  );
  const timer = setTimeout(() => {
    if (settled) {
      return;
    }
    void vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title, cancellable: true }, (_progress, token) => {
      const sub = token.onCancellationRequested(onCancel);
      return done.finally(() => sub.dispose());
    });
  }, delayMs);
  try {
    return await task;
  } finally {
    settled = true;
    clearTimeout(timer);
  }
}
