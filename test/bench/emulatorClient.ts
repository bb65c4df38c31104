/** The parent side of `emulatorProcess.ts`: forks the emulator and sends it commands. */
import { ChildProcess, fork } from 'node:child_process';
import * as path from 'node:path';

export interface EmulatorOptions {
  seed: 'demo' | 'none';
  synthetic?: { count: number; region: string };
  /** More synthetic functions, seeded after start (e.g. another region). */
  moreSynthetic?: { count: number; region: string; prefix: string }[];
  /** How often Live Tail sessions send what came (ms; the emulator's default is 1000). */
  liveTailIntervalMs?: number;
  /** Events per page of FilterLogEvents and GetLogEvents (the emulator's default is 50; CloudWatch Logs: up to 10,000 or 1 MB). */
  logsPageSize?: number;
}

export type EmulatorCommand =
  | { id: number; op: 'latency'; operation: string; latencyMs: number }
  | { id: number; op: 'clear' }
  | { id: number; op: 'stop' };

export interface EmulatorReply {
  id: number;
  ok: boolean;
  result?: unknown;
  error?: string;
}

type WithoutId<T> = T extends unknown ? Omit<T, 'id'> : never;

export class EmulatorProcess {
  private nextId = 1;
  private readonly pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();

  private constructor(
    private readonly child: ChildProcess,
    readonly endpoint: string,
  ) {
    child.on('message', (reply: EmulatorReply) => {
      const p = this.pending.get(reply.id);
      if (p) {
        this.pending.delete(reply.id);
        if (reply.ok) {
          p.resolve(reply.result);
        } else {
          p.reject(new Error(reply.error));
        }
      }
    });
    child.on('exit', (code) => {
      for (const p of this.pending.values()) {
        p.reject(new Error(`emulator process exited (${code})`));
      }
      this.pending.clear();
    });
  }

  get pid(): number | undefined {
    return this.child.pid;
  }

  static start(options: EmulatorOptions, env: NodeJS.ProcessEnv = process.env): Promise<EmulatorProcess> {
    const child = fork(path.join(__dirname, 'emulatorProcess.js'), [JSON.stringify(options)], {
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
      env,
    });
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        child.kill();
        reject(new Error('the emulator did not start within 60 s'));
      }, 60_000);
      child.once('message', (reply: EmulatorReply) => {
        clearTimeout(timer);
        if (reply.ok) {
          resolve(new EmulatorProcess(child, (reply.result as { endpoint: string }).endpoint));
        } else {
          reject(new Error(reply.error));
        }
      });
      child.once('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`the emulator process exited before it was ready (${code})`));
      });
    });
  }

  send(cmd: WithoutId<EmulatorCommand>): Promise<unknown> {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.child.send({ ...cmd, id });
    });
  }

  /** Injects `latencyMs` before every call of `operation` (0: no fault at all). */
  setLatency(operation: string, latencyMs: number): Promise<unknown> {
    return this.send({ op: 'latency', operation, latencyMs });
  }

  clear(): Promise<unknown> {
    return this.send({ op: 'clear' });
  }

  async stop(): Promise<void> {
    if (this.child.exitCode !== null || this.child.signalCode !== null) {
      return;
    }
    const exited = new Promise<void>((resolve) => this.child.once('exit', () => resolve()));
    await Promise.race([this.send({ op: 'stop' }).catch(() => undefined), new Promise((r) => setTimeout(r, 5000))]);
    const timer = setTimeout(() => this.child.kill('SIGKILL'), 5000);
    await exited;
    clearTimeout(timer);
  }
}
