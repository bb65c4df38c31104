import { ChildProcess, fork } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import * as path from 'node:path';
import { MAX_RESPONSE_PAYLOAD } from '../constants';
import type { ResolvedTarget } from '../store';
import { functionArn } from '../store';
import { buildExecutionLog, timeoutMessage } from './logs';
import type { ChildMessage, InvokeContextData, SerializedError } from './protocol';

const BOOTSTRAP = path.join(__dirname, 'bootstrap.js');
/** A warm sandbox idle this long is stopped. */
const IDLE_MS = 10 * 60 * 1000;
/** At most this many handler processes at once; the least recently used idle ones go first. */
const MAX_SANDBOXES = 48;

export interface InvokeInput {
  target: ResolvedTarget;
  requestId: string;
  /** The request payload (JSON text, possibly empty). */
  payload: string;
  invokedFunctionArn: string;
  clientContext?: unknown;
}

export interface InvokeOutcome {
  requestId: string;
  executedVersion: string;
  /** Response body (the handler's JSON result, or the error object). */
  payload: string;
  functionError?: string;
  log: string;
  status: 'success' | 'error' | 'timeout';
  coldStart: boolean;
  durationMs: number;
}

type ResultMessage = Extract<ChildMessage, { type: 'result' }>;

class Sandbox {
  readonly child: ChildProcess;
  readonly key: string;
  readonly logStreamName: string;
  busy = false;
  dead = false;
  initMs = 0;
  lastUsed = Date.now();
  invocations = 0;
  /** Largest resident set size the process reported, in bytes. */
  lastRss = 0;
  private readonly ready: Promise<{ ok: true } | { ok: false; error: SerializedError }>;
  /** Lines written outside an invocation (init, late timers): shown in the next invocation's log. */
  private orphanLines: string[] = [];
  private current?: { requestId: string; lines: string[]; onResult: (m: ResultMessage) => void; onExit: (code: number | null, signal: string | null) => void };
  private idleTimer?: NodeJS.Timeout;

  constructor(key: string, target: ResolvedTarget, private readonly onGone: (s: Sandbox) => void) {
    this.key = key;
    const { fn, config, version } = target;
    const day = new Date().toISOString().slice(0, 10).replace(/-/g, '/');
    this.logStreamName = `${day}/[${version}]${randomBytes(16).toString('hex')}`;
    const env: NodeJS.ProcessEnv = {
      PATH: process.env.PATH,
      LANG: 'en_US.UTF-8',
      TZ: 'UTC',
      NODE_PATH: '',
      LAMBDA_TASK_ROOT: fn.codeDir,
      _HANDLER: config.handler,
      AWS_EXECUTION_ENV: `AWS_Lambda_${config.runtime}`,
      AWS_LAMBDA_FUNCTION_NAME: fn.name,
      AWS_LAMBDA_FUNCTION_VERSION: version,
      AWS_LAMBDA_FUNCTION_MEMORY_SIZE: String(config.memorySize),
      AWS_LAMBDA_LOG_GROUP_NAME: `/aws/lambda/${fn.name}`,
      AWS_LAMBDA_LOG_STREAM_NAME: this.logStreamName,
      AWS_LAMBDA_LOG_FORMAT: config.logFormat,
      AWS_LAMBDA_INITIALIZATION_TYPE: 'on-demand',
      AWS_REGION: fn.region,
      AWS_DEFAULT_REGION: fn.region,
      ...config.environment,
    };
    if (process.versions.electron) {
      // Started from an Electron-based host (VS Code's extension host): run the child as Node.
      env.ELECTRON_RUN_AS_NODE = '1';
    }
    const started = performance.now();
    this.child = fork(BOOTSTRAP, [], {
      cwd: fn.codeDir,
      env,
      execArgv: [],
      stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
      serialization: 'json',
    });
    const stray = (chunk: Buffer): void => this.appendLine(undefined, chunk.toString('utf8'));
    this.child.stdout?.on('data', stray);
    this.child.stderr?.on('data', stray);
    this.ready = new Promise((resolve) => {
      const onMessage = (m: ChildMessage): void => {
        if (m.type === 'ready') {
          this.initMs = performance.now() - started;
          this.lastRss = m.rssBytes;
          resolve({ ok: true });
        } else if (m.type === 'init-error') {
          this.initMs = performance.now() - started;
          this.lastRss = m.rssBytes;
          resolve({ ok: false, error: m.error });
        } else if (m.type === 'log') {
          this.appendLine(m.requestId, m.text);
        } else if (m.type === 'result') {
          if (this.current && this.current.requestId === m.requestId) {
            this.current.onResult(m);
          }
        }
      };
      this.child.on('message', onMessage);
      this.child.once('exit', (code, signal) => {
        this.initMs = this.initMs || performance.now() - started;
        resolve({
          ok: false,
          error: { errorType: 'Runtime.ExitError', errorMessage: `Runtime exited with error: ${signal ? `signal: ${signal}` : `exit status ${code}`}`, trace: [] },
        });
      });
    });
    this.child.once('exit', (code, signal) => {
      this.dead = true;
      this.clearIdle();
      this.current?.onExit(code, signal);
      this.onGone(this);
    });
    this.child.on('error', () => {
      /* reported through 'exit' */
    });
  }

  private appendLine(requestId: string | undefined, text: string): void {
    if (this.current && (requestId === undefined || requestId === this.current.requestId)) {
      this.current.lines.push(text);
    } else {
      this.orphanLines.push(text);
    }
  }

  waitReady(): Promise<{ ok: true } | { ok: false; error: SerializedError }> {
    return this.ready;
  }

  run(input: InvokeInput, cold: boolean): Promise<InvokeOutcome> {
    const { target, requestId } = input;
    const { config, version } = target;
    this.busy = true;
    this.clearIdle();
    this.invocations++;
    const startedAt = new Date();
    const t0 = performance.now();
    const lines = this.orphanLines;
    this.orphanLines = [];
    const base = {
      requestId,
      version,
      format: config.logFormat,
      lines,
      memorySizeMb: config.memorySize,
      initDurationMs: cold ? this.initMs : undefined,
      startedAt,
    };
    return new Promise<InvokeOutcome>((resolve) => {
      let done = false;
      const finish = (o: Omit<InvokeOutcome, 'requestId' | 'executedVersion' | 'coldStart'>): void => {
        if (done) {
          return;
        }
        done = true;
        clearTimeout(timer);
        this.current = undefined;
        this.busy = false;
        this.lastUsed = Date.now();
        if (!this.dead) {
          this.armIdle();
        }
        resolve({ ...o, requestId, executedVersion: version, coldStart: cold });
      };
      const memoryUsed = (bytes: number): number => Math.max(1, Math.ceil(bytes / (1024 * 1024)));
      const timer = setTimeout(() => {
        const endedAt = new Date();
        // Timers may fire a fraction of a millisecond early; a timed-out run lasted the whole timeout.
        const durationMs = Math.max(performance.now() - t0, config.timeout * 1000);
        this.kill();
        const message = timeoutMessage(endedAt, requestId, config.timeout);
        finish({
          payload: JSON.stringify({ errorMessage: message }),
          functionError: 'Unhandled',
          status: 'timeout',
          durationMs,
          log: buildExecutionLog({ ...base, durationMs, maxMemoryUsedMb: memoryUsed(this.lastRss), status: 'timeout', timeoutSeconds: config.timeout, endedAt }),
        });
      }, config.timeout * 1000);
      this.current = {
        requestId,
        lines,
        onResult: (m) => {
          this.lastRss = m.maxRssBytes;
          const durationMs = m.durationMs;
          const endedAt = new Date();
          let payload: string;
          let functionError: string | undefined;
          let status: 'success' | 'error' = 'success';
          if (m.ok) {
            payload = m.payload ?? 'null';
            const size = Buffer.byteLength(payload, 'utf8');
            if (size > MAX_RESPONSE_PAYLOAD) {
              payload = JSON.stringify({
                errorMessage: `Response payload size (${size} bytes) exceeded maximum allowed payload size (${MAX_RESPONSE_PAYLOAD} bytes).`,
                errorType: 'Function.ResponseSizeTooLarge',
              });
              functionError = 'Unhandled';
              status = 'error';
            }
          } else {
            const err = m.error ?? { errorType: 'Error', errorMessage: 'Unknown error', trace: [] };
            payload = JSON.stringify({ errorType: err.errorType, errorMessage: err.errorMessage, trace: err.trace });
            functionError = m.errorKind ?? 'Unhandled';
            status = 'error';
          }
          finish({
            payload,
            functionError,
            status,
            durationMs,
            log: buildExecutionLog({ ...base, durationMs, maxMemoryUsedMb: memoryUsed(m.maxRssBytes), status, endedAt }),
          });
        },
        onExit: (code, signal) => {
          const endedAt = new Date();
          const durationMs = performance.now() - t0;
          const errorMessage = `RequestId: ${requestId} Error: Runtime exited with error: ${signal ? `signal: ${signal}` : `exit status ${code}`}`;
          lines.push(`${endedAt.toISOString()}\t${requestId}\tERROR\t${errorMessage}\n`);
          finish({
            payload: JSON.stringify({ errorType: 'Runtime.ExitError', errorMessage }),
            functionError: 'Unhandled',
            status: 'error',
            durationMs,
            log: buildExecutionLog({ ...base, durationMs, maxMemoryUsedMb: memoryUsed(this.lastRss), status: 'error', endedAt }),
          });
        },
      };
      const context: InvokeContextData = {
        functionName: target.fn.name,
        functionVersion: version,
        invokedFunctionArn: input.invokedFunctionArn,
        memoryLimitInMB: String(config.memorySize),
        logGroupName: `/aws/lambda/${target.fn.name}`,
        logStreamName: this.logStreamName,
        deadlineMs: Date.now() + config.timeout * 1000,
        clientContext: input.clientContext,
      };
      this.child.send({ type: 'invoke', requestId, event: input.payload, context }, (err) => {
        if (err) {
          this.current?.onExit(null, 'SIGPIPE');
        }
      });
    });
  }

  private armIdle(): void {
    this.clearIdle();
    this.idleTimer = setTimeout(() => this.kill(), IDLE_MS);
    this.idleTimer.unref();
  }

  private clearIdle(): void {
    if (this.idleTimer) {
      clearTimeout(this.idleTimer);
      this.idleTimer = undefined;
    }
  }

  kill(): void {
    this.clearIdle();
    if (!this.dead && this.child.exitCode === null && this.child.signalCode === null) {
      this.child.kill('SIGKILL');
    }
  }

  exited(): Promise<void> {
    if (this.child.exitCode !== null || this.child.signalCode !== null) {
      return Promise.resolve();
    }
    return new Promise((resolve) => this.child.once('exit', () => resolve()));
  }
}

/** Warm handler processes, one or more per function version; cold start when none is free. */
export class SandboxPool {
  private readonly sandboxes = new Set<Sandbox>();
  private stopped = false;

  /** Number of live handler processes. */
  get size(): number {
    return this.sandboxes.size;
  }

  /** PIDs of live handler processes (tests check that none leak). */
  pids(): number[] {
    return [...this.sandboxes].map((s) => s.child.pid).filter((p): p is number => typeof p === 'number');
  }

  async invoke(input: InvokeInput): Promise<InvokeOutcome> {
    if (this.stopped) {
      throw new Error('The emulator is stopping');
    }
    const { target } = input;
    const key = `${functionArn(target.fn.region, target.fn.account, target.fn.name, target.version)}#${target.config.revisionId}`;
    let sandbox = [...this.sandboxes].find((s) => s.key === key && !s.busy && !s.dead);
    let cold = false;
    if (!sandbox) {
      this.makeRoom();
      sandbox = new Sandbox(key, target, (s) => this.sandboxes.delete(s));
      this.sandboxes.add(sandbox);
      cold = true;
    }
    sandbox.busy = true;
    if (cold) {
      const ready = await sandbox.waitReady();
      if (!ready.ok) {
        sandbox.kill();
        return this.initFailure(input, sandbox, ready.error);
      }
    }
    return sandbox.run(input, cold);
  }

  private initFailure(input: InvokeInput, sandbox: Sandbox, error: SerializedError): InvokeOutcome {
    const { target, requestId } = input;
    const now = new Date();
    const line =
      target.config.logFormat === 'JSON'
        ? `${JSON.stringify({ timestamp: now.toISOString(), level: 'ERROR', requestId: undefined, message: 'Init Error', errorType: error.errorType, errorMessage: error.errorMessage, stackTrace: error.trace })}\n`
        : `${now.toISOString()}\tundefined\tERROR\t${JSON.stringify({ errorType: error.errorType, errorMessage: error.errorMessage, stack: error.trace })}\n`;
    const log = buildExecutionLog({
      requestId,
      version: target.version,
      format: target.config.logFormat,
      lines: [line],
      durationMs: sandbox.initMs,
      memorySizeMb: target.config.memorySize,
      maxMemoryUsedMb: Math.max(1, Math.ceil(sandbox.lastRss / (1024 * 1024))),
      initDurationMs: sandbox.initMs,
      status: 'error',
      startedAt: now,
      endedAt: now,
    });
    return {
      requestId,
      executedVersion: target.version,
      payload: JSON.stringify(error),
      functionError: 'Unhandled',
      log,
      status: 'error',
      coldStart: true,
      durationMs: sandbox.initMs,
    };
  }

  private makeRoom(): void {
    if (this.sandboxes.size < MAX_SANDBOXES) {
      return;
    }
    const idle = [...this.sandboxes].filter((s) => !s.busy).sort((a, b) => a.lastUsed - b.lastUsed);
    idle[0]?.kill();
  }

  /** Kills every handler process and waits until they are gone. */
  async stop(): Promise<void> {
    this.stopped = true;
    const all = [...this.sandboxes];
    for (const s of all) {
      s.kill();
    }
    await Promise.all(all.map((s) => s.exited()));
  }
}
