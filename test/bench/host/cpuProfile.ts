/**
 * A CPU profile of the extension host itself (node:inspector Session, in process: no
 * --inspect flag needed), written as a .cpuprofile that Chrome DevTools and VS Code open;
 * and the CPU time of the host and of its parent (the server) around a piece of work.
 */
import * as fs from 'node:fs';
import * as inspector from 'node:inspector';
import { performance } from 'node:perf_hooks';

type Post = (method: string, params?: object) => Promise<unknown>;

function poster(session: inspector.Session): Post {
  const post = session.post.bind(session) as unknown as (method: string, params: object | undefined, cb: (err: Error | null, result: unknown) => void) => void;
  return (method, params) => new Promise((resolve, reject) => post(method, params, (err, result) => (err ? reject(err) : resolve(result))));
}

export async function withCpuProfile<T>(file: string, samplingIntervalUs: number, fn: () => Promise<T>): Promise<{ result: T; wallMs: number }> {
  const session = new inspector.Session();
  session.connect();
  const post = poster(session);
  try {
    await post('Profiler.enable');
    await post('Profiler.setSamplingInterval', { interval: samplingIntervalUs });
    await post('Profiler.start');
    const t0 = performance.now();
    let wallMs = NaN;
    let result: T;
    try {
      result = await fn();
    } finally {
      wallMs = performance.now() - t0;
      const { profile } = (await post('Profiler.stop')) as { profile: unknown };
      fs.writeFileSync(file, JSON.stringify(profile));
      await post('Profiler.disable');
    }
    return { result, wallMs };
  } finally {
    session.disconnect();
  }
}

/** user + system CPU time (ms) of process `pid` from /proc (clock ticks of 10 ms); undefined where /proc is missing. */
export function procCpuMs(pid: number): number | undefined {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name (field 2) may hold spaces: count fields after its closing parenthesis.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const ticks = Number(fields[11]) + Number(fields[12]);
    return Number.isFinite(ticks) ? ticks * 10 : undefined;
  } catch {
    return undefined;
  }
}

/** Runs `fn`, measuring the CPU time of this process and of its parent. */
export async function withCpuTimes<T>(fn: () => Promise<T>): Promise<{ result: T; hostCpuMs: number; serverCpuMs?: number; wallMs: number }> {
  const server0 = procCpuMs(process.ppid);
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const result = await fn();
  const wallMs = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  const server1 = procCpuMs(process.ppid);
  return { result, hostCpuMs: (cpu.user + cpu.system) / 1000, serverCpuMs: server0 !== undefined && server1 !== undefined ? server1 - server0 : undefined, wallMs };
}
