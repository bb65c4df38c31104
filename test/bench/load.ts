/**
 * The machine's load around a benchmark run. A run is called clean only when the 1-minute
 * load average before it started was at most half the CPUs: the benchmark itself keeps
 * about one CPU busy at a time (the client being measured, or the extension host with the
 * page drawing what it sends), and on a 2-core machine a load above 1 means that other
 * work already had a CPU's worth of runnable threads, i.e. competed with the benchmark for
 * the second core and, by moments, for the first.
 */
import * as os from 'node:os';

export interface LoadFigures {
  cpus: number;
  /** 1-minute load average before the run (before scripts/bench.sh built anything, when it ran the run). */
  before: number;
  /** Where `before` was read: scripts/bench.sh (before the build) or the runner's start. */
  beforeAt: 'bench.sh' | 'runner';
  /** At the runner's start and end. */
  start: number;
  end: number;
  /** Sampled every few seconds while measuring. */
  during: { mean: number; max: number; samples: number };
  /** Above this 1-minute load average before the start, the run is not clean. */
  threshold: number;
  clean: boolean;
}

export function busyThreshold(cpus: number): number {
  return cpus / 2;
}

export function isClean(loadBefore: number, cpus: number): boolean {
  return Number.isFinite(loadBefore) && loadBefore <= busyThreshold(cpus);
}

/** The load before the run: BENCH_LOAD_BEFORE (set by scripts/bench.sh) or now. */
export function loadBefore(env: NodeJS.ProcessEnv = process.env): { value: number; at: LoadFigures['beforeAt'] } {
  const fromScript = Number.parseFloat(env.BENCH_LOAD_BEFORE ?? '');
  return Number.isFinite(fromScript) ? { value: fromScript, at: 'bench.sh' } : { value: os.loadavg()[0], at: 'runner' };
}

/** Samples the 1-minute load average every `intervalMs` until stopped. */
export class LoadSampler {
  private readonly values: number[] = [];
  private readonly timer: NodeJS.Timeout;

  constructor(intervalMs = 5000) {
    this.values.push(os.loadavg()[0]);
    this.timer = setInterval(() => this.values.push(os.loadavg()[0]), intervalMs);
    this.timer.unref();
  }

  stop(): LoadFigures['during'] {
    clearInterval(this.timer);
    this.values.push(os.loadavg()[0]);
    return { mean: this.values.reduce((a, b) => a + b, 0) / this.values.length, max: Math.max(...this.values), samples: this.values.length };
  }
}

export function describeLoad(l: LoadFigures): string {
  const head =
    `Load average (1 min): ${l.before.toFixed(2)} before the run (${l.beforeAt === 'bench.sh' ? 'before the build' : 'at the runner’s start'}), ` +
    `${l.start.toFixed(2)} when measuring started, ${l.end.toFixed(2)} at the end; while measuring mean ${l.during.mean.toFixed(2)}, max ${l.during.max.toFixed(2)}`;
  const verdict = l.clean
    ? `Run: clean (load before the run ≤ ${l.threshold.toFixed(1)}, half the ${l.cpus} CPUs)`
    : `Run: NOT CLEAN: the machine was busy before the run (load ${l.before.toFixed(2)} > ${l.threshold.toFixed(1)}, half the ${l.cpus} CPUs); other work competed with the benchmark, so compare its figures with care`;
  return `${head}\n${verdict}`;
}
