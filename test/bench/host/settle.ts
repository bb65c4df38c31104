/**
 * Waiting, outside the timing, until the machine is quiet again: after a run that left work
 * behind it (a large document closing in the extension host, the page and the JSON language
 * server), so that it does not weigh on the next run of either side.
 */
import * as os from 'node:os';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Busy and total CPU time of the machine (all CPUs), in ms. */
function cpuTimes(): { busy: number; total: number } {
  let busy = 0;
  let total = 0;
  for (const c of os.cpus()) {
    const t = c.times.user + c.times.nice + c.times.sys + c.times.irq;
    busy += t;
    total += t + c.times.idle;
  }
  return { busy, total };
}

/**
 * Waits until the extension host used under a fifth of a CPU and the whole machine under a
 * quarter of its CPUs over 250 ms, or `maxMs`; answers how long it waited.
 */
export async function settle(maxMs: number): Promise<number> {
  const t0 = performance.now();
  while (performance.now() - t0 < maxMs) {
    const cpu = process.cpuUsage();
    const machine = cpuTimes();
    const w0 = performance.now();
    await sleep(250);
    const used = process.cpuUsage(cpu);
    const after = cpuTimes();
    const hostShare = (used.user + used.system) / 1000 / (performance.now() - w0);
    const machineShare = (after.busy - machine.busy) / Math.max(1, after.total - machine.total);
    if (hostShare < 0.2 && machineShare < 0.25) {
      break;
    }
  }
  return performance.now() - t0;
}
