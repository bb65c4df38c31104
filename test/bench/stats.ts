/** Small statistics and timing helpers of the benchmark. */
import { performance } from 'node:perf_hooks';

export function median(values: readonly number[]): number {
  if (values.length === 0) {
    return NaN;
  }
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

/** Milliseconds taken by `fn` (high-resolution clock). */
export async function timeMs(fn: () => Promise<unknown>): Promise<number> {
  const t0 = performance.now();
  await fn();
  return performance.now() - t0;
}

/** Samples of two competing variants, run alternately (A B, B A, ...) so drift hits both. */
export interface PairSamples {
  a: number[];
  b: number[];
}

/**
 * Runs `a` and `b` `runs` times each, alternating which goes first in each round, after
 * `warmup` unmeasured rounds. Returns the samples in milliseconds.
 */
export async function interleaved(runs: number, warmup: number, a: () => Promise<unknown>, b: () => Promise<unknown>): Promise<PairSamples> {
  for (let i = 0; i < warmup; i++) {
    await a();
    await b();
  }
  const out: PairSamples = { a: [], b: [] };
  for (let i = 0; i < runs; i++) {
    if (i % 2 === 0) {
      out.a.push(await timeMs(a));
      out.b.push(await timeMs(b));
    } else {
      out.b.push(await timeMs(b));
      out.a.push(await timeMs(a));
    }
  }
  return out;
}

/**
 * Median of the per-round ratios a[i] / b[i]: each round runs both sides back to back, so
 * load that changes slowly during the benchmark cancels out of each ratio.
 */
export function pairedRatio(a: readonly number[], b: readonly number[]): number {
  const n = Math.min(a.length, b.length);
  return median(Array.from({ length: n }, (_, i) => a[i] / b[i]));
}

export function round(n: number, digits = 2): number {
  const f = 10 ** digits;
  return Math.round(n * f) / f;
}

export function formatMs(ms: number): string {
  if (!Number.isFinite(ms)) {
    return 'n/a';
  }
  if (ms >= 1000) {
    return `${(ms / 1000).toFixed(2)} s`;
  }
  if (ms >= 100) {
    return `${ms.toFixed(0)} ms`;
  }
  return `${ms.toFixed(ms >= 10 ? 1 : 2)} ms`;
}

export function formatBytes(bytes: number): string {
  if (!Number.isFinite(bytes)) {
    return 'n/a';
  }
  const sign = bytes < 0 ? '-' : '';
  const b = Math.abs(bytes);
  if (b >= 1024 * 1024) {
    return `${sign}${(b / (1024 * 1024)).toFixed(1)} MB`;
  }
  if (b >= 1024) {
    return `${sign}${(b / 1024).toFixed(1)} KB`;
  }
  return `${sign}${b} B`;
}
