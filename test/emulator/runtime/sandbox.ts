import { ChildProcess, fork } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import * as path from 'node:path';
import type { Readable } from 'node:stream';
import { MAX_RESPONSE_PAYLOAD } from '../constants';
import type { LogStore } from '../logStore';
import type { ResolvedTarget } from '../store';
import { functionArn } from '../store';
import { ExecutionLog, type LogSink, timeoutMessage } from './logs';
import { type ChildMessage, FrameReader, FrameType, type InvokeContextData, STREAM_FD, type SerializedError } from './protocol';

const BOOTSTRAP = path.join(__dirname, 'bootstrap.js');
/** A warm sandbox idle this long is stopped. */
const IDLE_MS = 10 * 60 * 1000;
/** At most this many handler processes at once; the least recently used idle ones go first. */
const MAX_SANDBOXES = 48;
/** Streamed bytes kept for the invocation record (InvocationRecord.payload). */
const KEPT_STREAM_BYTES = 1024 * 1024;

/**
 * Where a streaming invocation's bytes go as the handler writes them (InvokeWithResponseStream).
 * When `chunk` answers false the sandbox stops reading the handler's stream until the sink calls
 * the function given to `onDrain`: the handler's writes then wait, as on Lambda.
 */
export interface ResponseSink {
  chunk(data: Buffer): boolean;
  onDrain(resume: () => void): void;
  /** The handler wrote more than `limit` bytes: what follows is dropped. */
  overflow(limit: number): void;
}

export interface InvokeInput {
  target: ResolvedTarget;
  requestId: string;
  /** The request payload (JSON text, possibly empty). */
  payload: string;
  invokedFunctionArn: string;
  clientContext?: unknown;
  /** TenantId: the invocation runs in an execution environment of this tenant only. */
  tenantId?: string;
  /** For InvokeWithResponseStream: receives a streaming handler's bytes as they come. */
  sink?: ResponseSink;
  /** Most bytes a streaming handler may send to `sink`. */
  streamLimit?: number;
}

export interface InvokeOutcome {
  requestId: string;
  executedVersion: string;
  /**
   * Response body: the handler's JSON result or the error object; for a streaming handler
   * without a sink, the bytes it streamed; with a sink, the first 1 MB of them.
   */
  payload: Buffer;
  /** Size of the whole response (a streamed one may be larger than `payload`). */
  payloadBytes: number;
  functionError?: string;
  /** errorType of a failed invocation (Sandbox.Timedout for a timeout). */
  errorType?: string;
  log: string;
  status: 'success' | 'error' | 'timeout';
  coldStart: boolean;
  durationMs: number;
  /** The handler streamed its response (awslambda.streamifyResponse). */
  streamed: boolean;
  /** Content type the streaming handler set (application/octet-stream by default). */
  contentType?: string;
  /** A streaming handler wrote more than `streamLimit` to the sink. */
  overflowed?: boolean;
  logGroupName: string;
  logStreamName: string;
}

type ResultMessage = Extract<ChildMessage, { type: 'result' }>;
type PendingLine = { text: string; time: number; raw: boolean };

/** The streamed response of the current invocation. */
interface StreamState {
  sink?: ResponseSink;
  limit: number;
  contentType?: string;
  bytes: number;
  kept: Buffer[];
  keptBytes: number;
  overflowed: boolean;
  ended: boolean;
  onEnded?: () => void;
}

const memoryUsed = (bytes: number): number => Math.max(1, Math.ceil(bytes / (1024 * 1024)));

class Sandbox {
  readonly child: ChildProcess;
  readonly key: string;
  readonly logGroupName: string;
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
  private orphanLines: PendingLine[] = [];
  private current?: {
    requestId: string;
    log: ExecutionLog;
    stream: StreamState;
    onResult: (m: ResultMessage) => void;
    onExit: (code: number | null, signal: string | null) => void;
  };
  private idleTimer?: NodeJS.Timeout;
  private readonly streamPipe?: Readable;
  private paused = false;
  readonly sink: LogSink;

  constructor(
    key: string,
    target: ResolvedTarget,
    logs: LogStore | undefined,
    private readonly onGone: (s: Sandbox) => void,
  ) {
    this.key = key;
    const { fn, config, version } = target;
    const day = new Date().toISOString().slice(0, 10).replace(/-/g, '/');
    this.logGroupName = config.logGroup;
    this.logStreamName = `${day}/[${version}]${randomBytes(16).toString('hex')}`;
    this.sink = (e) => logs?.append(fn.account, fn.region, this.logGroupName, this.logStreamName, [e]);
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
      AWS_LAMBDA_LOG_GROUP_NAME: this.logGroupName,
      AWS_LAMBDA_LOG_STREAM_NAME: this.logStreamName,
      AWS_LAMBDA_LOG_FORMAT: config.logFormat,
      AWS_LAMBDA_INITIALIZATION_TYPE: config.capacityProvider ? 'lambda-managed-instances' : 'on-demand',
      AWS_REGION: fn.region,
      AWS_DEFAULT_REGION: fn.region,
      ...(config.applicationLogLevel ? { AWS_LAMBDA_LOG_LEVEL: config.applicationLogLevel } : {}),
      ...config.environment,
    };
    if (process.versions.electron) {
      // Started from an Electron-based host (VS Code's extension host): run the child as Node.
      env.ELECTRON_RUN_AS_NODE = '1';
    }
    const started = performance.now();
    // stdio: stdout, stderr, IPC, and the stream pipe (fd 4) for streamed responses.
    this.child = fork(BOOTSTRAP, [], {
      cwd: fn.codeDir,
      env,
      execArgv: [],
      stdio: ['ignore', 'pipe', 'pipe', 'ipc', 'pipe'],
      serialization: 'json',
    });
    const stray = (chunk: Buffer): void => this.appendLine(undefined, { text: chunk.toString('utf8'), time: Date.now(), raw: true });
    this.child.stdout?.on('data', stray);
    this.child.stderr?.on('data', stray);
    this.streamPipe = this.child.stdio[STREAM_FD] as Readable | undefined;
    const frames = new FrameReader();
    this.streamPipe?.on('data', (chunk: Buffer) => {
      for (const f of frames.push(chunk)) {
        this.onFrame(f.type, f.body);
      }
    });
    this.streamPipe?.on('error', () => {
      /* the process went away: reported through 'exit' */
    });
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
          this.appendLine(m.requestId, { text: m.text, time: m.time ?? Date.now(), raw: m.raw === true });
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

  private appendLine(requestId: string | undefined, line: PendingLine): void {
    if (this.current && (requestId === undefined || requestId === this.current.requestId)) {
      this.current.log.write(line.text, line.time, line.raw);
    } else {
      this.orphanLines.push(line);
    }
  }

  /** A frame of the stream pipe: it belongs to the current invocation (one at a time per sandbox). */
  private onFrame(type: FrameType, body: Buffer): void {
    const s = this.current?.stream;
    if (!s) {
      return;
    }
    if (type === FrameType.Meta) {
      s.contentType = (JSON.parse(body.toString('utf8')) as { contentType?: string }).contentType;
    } else if (type === FrameType.End) {
      s.ended = true;
      s.onEnded?.();
    } else if (type === FrameType.Data) {
      s.bytes += body.length;
      if (s.keptBytes < (s.sink ? KEPT_STREAM_BYTES : s.limit + 1)) {
        s.kept.push(body);
        s.keptBytes += body.length;
      }
      if (!s.sink || s.overflowed) {
        return;
      }
      if (s.bytes > s.limit) {
        s.overflowed = true;
        s.sink.overflow(s.limit);
        this.resume();
        return;
      }
      if (!s.sink.chunk(body) && !this.paused) {
        this.paused = true;
        this.streamPipe?.pause();
        s.sink.onDrain(() => this.resume());
      }
    }
  }

  private resume(): void {
    if (this.paused) {
      this.paused = false;
      this.streamPipe?.resume();
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
    const t0 = performance.now();
    const log = new ExecutionLog(config.logFormat, requestId, this.sink);
    log.start(version, new Date());
    // Lines written since the last invocation (the handler module loading, late timers) come first.
    for (const line of this.orphanLines) {
      log.write(line.text, line.time, line.raw);
    }
    this.orphanLines = [];
    const stream: StreamState = { sink: input.sink, limit: input.sink ? (input.streamLimit ?? Number.MAX_SAFE_INTEGER) : MAX_RESPONSE_PAYLOAD, bytes: 0, kept: [], keptBytes: 0, overflowed: false, ended: false };
    const report = { memorySizeMb: config.memorySize, initDurationMs: cold ? this.initMs : undefined };
    return new Promise<InvokeOutcome>((resolve) => {
      let done = false;
      type Ending = Omit<InvokeOutcome, 'requestId' | 'executedVersion' | 'coldStart' | 'log' | 'streamed' | 'logGroupName' | 'logStreamName' | 'payloadBytes' | 'durationMs'> & {
        durationMs: number;
        maxRssBytes: number;
        payloadBytes?: number;
        streamed?: boolean;
      };
      const finish = (o: Ending): void => {
        if (done) {
          return;
        }
        done = true;
        clearTimeout(timer);
        const endedAt = new Date();
        log.finish({ ...report, durationMs: o.durationMs, maxMemoryUsedMb: memoryUsed(o.maxRssBytes), status: o.status, timeoutSeconds: config.timeout, endedAt });
        this.current = undefined;
        this.resume();
        this.busy = false;
        this.lastUsed = Date.now();
        if (!this.dead) {
          this.armIdle();
        }
        const { maxRssBytes: _rss, ...rest } = o;
        resolve({
          ...rest,
          payloadBytes: o.payloadBytes ?? o.payload.length,
          streamed: o.streamed ?? false,
          requestId,
          executedVersion: version,
          coldStart: cold,
          log: log.text(),
          logGroupName: this.logGroupName,
          logStreamName: this.logStreamName,
        });
      };
      const failure = (error: SerializedError, functionError: string): Pick<Ending, 'payload' | 'functionError' | 'errorType' | 'status'> => ({
        payload: Buffer.from(JSON.stringify({ errorType: error.errorType, errorMessage: error.errorMessage, trace: error.trace })),
        functionError,
        errorType: error.errorType,
        status: 'error',
      });
      const timer = setTimeout(() => {
        const endedAt = new Date();
        // Timers may fire a fraction of a millisecond early; a timed-out run lasted the whole timeout.
        const durationMs = Math.max(performance.now() - t0, config.timeout * 1000);
        this.kill();
        finish({
          payload: Buffer.from(JSON.stringify({ errorMessage: timeoutMessage(endedAt, requestId, config.timeout) })),
          functionError: 'Unhandled',
          errorType: 'Sandbox.Timedout',
          status: 'timeout',
          durationMs,
          maxRssBytes: this.lastRss,
          streamed: stream.bytes > 0 || stream.contentType !== undefined,
          contentType: stream.contentType,
          payloadBytes: stream.bytes || undefined,
        });
      }, config.timeout * 1000);
      const onResult = (m: ResultMessage): void => {
        this.lastRss = m.maxRssBytes;
        const base = { durationMs: m.durationMs, maxRssBytes: m.maxRssBytes };
        if (m.streamed) {
          const streamedBody = Buffer.concat(stream.kept);
          const common = { ...base, streamed: true, contentType: stream.contentType, overflowed: stream.overflowed, payloadBytes: stream.bytes };
          if (!m.ok) {
            finish({ ...common, ...failure(m.error ?? { errorType: 'Error', errorMessage: 'Unknown error', trace: [] }, 'Unhandled') });
          } else if (!stream.sink && stream.bytes > MAX_RESPONSE_PAYLOAD) {
            // A plain Invoke of a streaming handler answers a buffered payload, within the buffered limit.
            finish({ ...common, ...this.tooLarge(stream.bytes) });
          } else {
            finish({ ...common, payload: streamedBody, status: 'success' });
          }
          return;
        }
        if (!m.ok) {
          finish({ ...base, ...failure(m.error ?? { errorType: 'Error', errorMessage: 'Unknown error', trace: [] }, m.errorKind ?? 'Unhandled') });
          return;
        }
        const payload = Buffer.from(m.payload ?? 'null', 'utf8');
        finish(payload.length > MAX_RESPONSE_PAYLOAD ? { ...base, ...this.tooLarge(payload.length) } : { ...base, payload, status: 'success' });
      };
      this.current = {
        requestId,
        log,
        stream,
        // A streamed response is complete once its End frame is read: all its bytes came before.
        onResult: (m) => {
          if (m.streamed && !stream.ended) {
            stream.onEnded = () => onResult(m);
          } else {
            onResult(m);
          }
        },
        onExit: (code, signal) => {
          const errorMessage = `RequestId: ${requestId} Error: Runtime exited with error: ${signal ? `signal: ${signal}` : `exit status ${code}`}`;
          const now = Date.now();
          log.write(`${new Date(now).toISOString()}\t${requestId}\tERROR\t${errorMessage}\n`, now, false);
          finish({
            payload: Buffer.from(JSON.stringify({ errorType: 'Runtime.ExitError', errorMessage })),
            functionError: 'Unhandled',
            errorType: 'Runtime.ExitError',
            status: 'error',
            durationMs: performance.now() - t0,
            maxRssBytes: this.lastRss,
            streamed: stream.bytes > 0 || stream.contentType !== undefined,
            contentType: stream.contentType,
          });
        },
      };
      const context: InvokeContextData = {
        functionName: target.fn.name,
        functionVersion: version,
        invokedFunctionArn: input.invokedFunctionArn,
        memoryLimitInMB: String(config.memorySize),
        logGroupName: this.logGroupName,
        logStreamName: this.logStreamName,
        deadlineMs: Date.now() + config.timeout * 1000,
        clientContext: input.clientContext,
        tenantId: input.tenantId,
      };
      this.child.send({ type: 'invoke', requestId, event: input.payload, context }, (err) => {
        if (err) {
          this.current?.onExit(null, 'SIGPIPE');
        }
      });
    });
  }

  private tooLarge(size: number): { payload: Buffer; functionError: string; errorType: string; status: 'error' } {
    return {
      payload: Buffer.from(
        JSON.stringify({
          errorMessage: `Response payload size (${size} bytes) exceeded maximum allowed payload size (${MAX_RESPONSE_PAYLOAD} bytes).`,
          errorType: 'Function.ResponseSizeTooLarge',
        }),
      ),
      functionError: 'Unhandled',
      errorType: 'Function.ResponseSizeTooLarge',
      status: 'error',
    };
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

/**
 * Warm handler processes, one or more per function version (and per tenant for tenant-isolated
 * functions); cold start when none is free. Every line they write goes to `logs`.
 */
export class SandboxPool {
  private readonly sandboxes = new Set<Sandbox>();
  private stopped = false;

  constructor(private readonly logs?: LogStore) {}

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
    const tenant = input.tenantId === undefined ? '' : `@tenant:${input.tenantId}`;
    const key = `${functionArn(target.fn.region, target.fn.account, target.fn.name, target.version)}#${target.config.revisionId}${tenant}`;
    let sandbox = [...this.sandboxes].find((s) => s.key === key && !s.busy && !s.dead);
    let cold = false;
    if (!sandbox) {
      this.makeRoom();
      sandbox = new Sandbox(key, target, this.logs, (s) => this.sandboxes.delete(s));
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
        ? JSON.stringify({ timestamp: now.toISOString(), level: 'ERROR', requestId: undefined, message: 'Init Error', errorType: error.errorType, errorMessage: error.errorMessage, stackTrace: error.trace })
        : `${now.toISOString()}\tundefined\tERROR\t${JSON.stringify({ errorType: error.errorType, errorMessage: error.errorMessage, stack: error.trace })}`;
    const log = new ExecutionLog(target.config.logFormat, requestId, sandbox.sink);
    log.start(target.version, now);
    log.write(line, now.getTime(), false);
    log.finish({
      durationMs: sandbox.initMs,
      memorySizeMb: target.config.memorySize,
      maxMemoryUsedMb: memoryUsed(sandbox.lastRss),
      initDurationMs: sandbox.initMs,
      status: 'error',
      endedAt: now,
    });
    const payload = Buffer.from(JSON.stringify(error));
    return {
      requestId,
      executedVersion: target.version,
      payload,
      payloadBytes: payload.length,
      functionError: 'Unhandled',
      errorType: error.errorType,
      log: log.text(),
      status: 'error',
      coldStart: true,
      durationMs: sandbox.initMs,
      streamed: false,
      logGroupName: sandbox.logGroupName,
      logStreamName: sandbox.logStreamName,
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
