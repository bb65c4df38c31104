/**
 * Invocation types, the payload limits that go with them, and the number formatting the
 * invoke messages share. Pure: no vscode import.
 */
import { t } from '../../shared/l10n';

export type InvocationType = 'RequestResponse' | 'Event' | 'DryRun';

export const INVOCATION_TYPES: readonly InvocationType[] = ['RequestResponse', 'Event', 'DryRun'];

/** Synchronous payload limit (RequestResponse and DryRun): 6 MB. */
export const MAX_SYNC_PAYLOAD_BYTES = 6 * 1024 * 1024; // 6,291,456
/** Asynchronous payload limit (Event): 1 MB. */
export const MAX_ASYNC_PAYLOAD_BYTES = 1024 * 1024; // 1,048,576
/** Base64 client context limit. */
export const MAX_CLIENT_CONTEXT_BYTES = 3583;
/** LogResult carries at most the last 4 KB of the execution log. */
export const LOG_TAIL_BYTES = 4096;

export function isInvocationType(x: unknown): x is InvocationType {
  return x === 'RequestResponse' || x === 'Event' || x === 'DryRun';
}

export function payloadLimit(type: InvocationType): number {
  return type === 'Event' ? MAX_ASYNC_PAYLOAD_BYTES : MAX_SYNC_PAYLOAD_BYTES;
}

/** `6291456` → `6,291,456` (fixed separators, so messages are the same on every machine). */
export function groupDigits(n: number): string {
  const negative = n < 0;
  const [int, frac] = String(Math.abs(n)).split('.');
  const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${negative ? '-' : ''}${grouped}${frac !== undefined ? `.${frac}` : ''}`;
}

/** `1` → `1 byte`, `2048` → `2,048 bytes`. */
export function formatBytes(n: number): string {
  return n === 1 ? t('1 byte') : t('{0} bytes', groupDigits(n));
}

/** `6,291,456 bytes (6 MB)`: a limit, with its short form when it is whole megabytes or kilobytes. */
export function formatLimit(n: number): string {
  if (n % (1024 * 1024) === 0) {
    return t('{0} ({1} MB)', formatBytes(n), n / (1024 * 1024));
  }
  if (n % 1024 === 0) {
    return t('{0} ({1} KB)', formatBytes(n), n / 1024);
  }
  return formatBytes(n);
}

/** Durations the way Lambda writes them: two decimals unless whole (`2.35`, `3`). */
export function formatMs(n: number): string {
  return Number.isInteger(n) ? String(n) : n.toFixed(2);
}

/** `1234` → `1.2 s`, `456` → `456 ms`. */
export function formatElapsed(ms: number): string {
  return ms >= 1000 ? t('{0} s', (ms / 1000).toFixed(1)) : t('{0} ms', Math.round(ms));
}
