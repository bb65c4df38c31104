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
 * `warmup` unmeasured rounds. Returns the samples in milliseconds. `between`, when given,
 * runs after every call, untimed (e.g. to close what a call opened).
 */
export async function interleaved(runs: number, warmup: number, a: () => Promise<unknown>, b: () => Promise<unknown>, between?: () => Promise<unknown>): Promise<PairSamples> {
  const timed = async (fn: () => Promise<unknown>): Promise<number> => {
    const ms = await timeMs(fn);
    await between?.();
    return ms;
  };
  for (let i = 0; i < warmup; i++) {
    await timed(a);
    await timed(b);
  }
  const out: PairSamples = { a: [], b: [] };
  for (let i = 0; i < runs; i++) {
    if (i % 2 === 0) {
      out.a.push(await timed(a));
      out.b.push(await timed(b));
    } else {
      out.b.push(await timed(b));
      out.a.push(await timed(a));
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

/** Two sides measured in the same rounds: samples (rounded), medians, the ratio a ÷ b of the medians and the paired ratio. */
export interface SideBySide {
  a: number[];
  b: number[];
  aMedianMs: number;
  bMedianMs: number;
  ratio: number;
  pairedRatio: number;
}

export function sideBySide(a: readonly number[], b: readonly number[]): SideBySide {
  const aMedian = median(a);
  const bMedian = median(b);
  return {
    a: a.map((v) => round(v)),
    b: b.map((v) => round(v)),
    aMedianMs: round(aMedian),
    bMedianMs: round(bMedian),
    ratio: round(aMedian / bMedian, 3),
    pairedRatio: round(pairedRatio(a, b), 3),
  };
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
