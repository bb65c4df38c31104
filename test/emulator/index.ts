/*
 * Local AWS Lambda emulator for Lambda Workbench's tests and demo. It speaks the Lambda REST-JSON
 * protocol on the loopback so that the real @aws-sdk/client-lambda works against it (SigV4,
 * typed errors), runs real handler code in child processes, and can inject faults.
 * It never ships in the extension package. See docs/emulator.md.
 */
import type { AddressInfo } from 'node:net';
import { DEMO_ACCOUNT } from './constants';
import { createControlHandler } from './control';
import { seedDemo } from './demo';
import { FaultController } from './faults';
import { SandboxPool } from './runtime/sandbox';
import { RecordedRequest, createLambdaServer } from './server';
import { EmulatorServices } from './services';
import { EmulatorStore } from './store';
import { SyntheticOptions, seedSynthetic } from './synthetic';

export { DEMO_ACCOUNT, DEMO_MAPPINGS, DEMO_REGION, EU_REGION, KNOWN_KEYS, OTHER_ACCOUNT, UNKNOWN_KEY } from './constants';
export { AUDIT_QUEUE_CREATING_MS, DEMO_FUNCTIONS } from './demo';
export { FaultController } from './faults';
export type { Fault, FaultEntry, UnreadableBody } from './faults';
export { fixtures } from './paths';
export { OPERATIONS } from './server';
export type { RecordedRequest } from './server';
export { EmulatorStore } from './store';
export { DEMO_TEST_EVENTS, EmulatorServices, SERVICE_OPERATIONS, TEST_EVENT_REGISTRY, testEventDocument, testEventSchemaName } from './services';
export type { SeededTestEvent } from './services';
export type {
  DurableExecutionRecord,
  EventInvokeConfigRecord,
  EventSourceMappingRecord,
  FunctionDefinition,
  FunctionRecord,
  FunctionUrlRecord,
  InvocationRecord,
  MappingState,
} from './store';

export interface EmulatorOptions {
  /** 0 (default) picks a free port. */
  port?: number;
  /** Default 127.0.0.1. */
  host?: string;
  /** 'demo' (default) loads the demo functions and mappings; 'none' starts empty. */
  seed?: 'demo' | 'none';
  /** Synthetic functions to add at start. */
  synthetic?: { count: number; region?: string; account?: string };
  /** Delay of event source mapping transitions (Updating → Enabled ...), default 1500 ms. */
  stateDelayMs?: number;
  /** true (default in-process) prints nothing; false logs every request to the console. */
  quiet?: boolean;
  /** Source of randomness for alias routing (default Math.random). */
  random?: () => number;
  /** CloudWatch Logs: how long an appended log event stays invisible (default 0). */
  logIngestionDelayMs?: number;
  /** StartLiveTail: interval of sessionUpdate messages (default 1000, as AWS). */
  liveTailIntervalMs?: number;
  /** StartLiveTail: session limit (default 3 hours, as AWS). */
  liveTailMaxSessionMs?: number;
  /** CloudWatch Logs: events, streams or groups per page (default 50). */
  logsPageSize?: number;
}

export interface Emulator {
  /** e.g. 'http://127.0.0.1:4599' */
  readonly endpoint: string;
  readonly port: number;
  /** Every Lambda API request received, oldest first (never the signature or a secret). */
  readonly requests: RecordedRequest[];
  clearRequests(): void;
  readonly faults: FaultController;
  /** Direct access to functions, versions, aliases, configs, mappings and invocations. */
  readonly store: EmulatorStore;
  /** CloudWatch Logs, EventBridge Schemas and STS: their data (schemas) and settings (live tail, paging). */
  readonly services: EmulatorServices;
  /** Adds `count` synthetic functions (see docs/emulator.md); returns how many were added. */
  seedSynthetic(count: number, opts?: SyntheticOptions): number;
  /** PIDs of the live handler processes. */
  handlerPids(): number[];
  /** Stops the server and kills every handler process. */
  stop(): Promise<void>;
}

export async function startEmulator(opts: EmulatorOptions = {}): Promise<Emulator> {
  const host = opts.host ?? '127.0.0.1';
  const store = new EmulatorStore(opts.stateDelayMs ?? 1500);
  const pool = new SandboxPool(store.logs);
  const faults = new FaultController();
  const requests: RecordedRequest[] = [];
  const quiet = opts.quiet ?? true;
  const startedAt = new Date();
  let endpoint = '';

  if ((opts.seed ?? 'demo') === 'demo') {
    seedDemo(store);
  }
  if (opts.synthetic && opts.synthetic.count > 0) {
    seedSynthetic(store, opts.synthetic.count, { region: opts.synthetic.region, account: opts.synthetic.account ?? DEMO_ACCOUNT });
  }

  store.logs.ingestionDelayMs = opts.logIngestionDelayMs ?? 0;
  const services = new EmulatorServices({
    store,
    faults,
    requests,
    quiet,
    seed: (opts.seed ?? 'demo') === 'demo',
    liveTailIntervalMs: opts.liveTailIntervalMs,
    liveTailMaxSessionMs: opts.liveTailMaxSessionMs,
    logsPageSize: opts.logsPageSize,
  });

  const clearRequests = (): void => {
    requests.length = 0;
  };
  const server = createLambdaServer({
    store,
    pool,
    faults,
    requests,
    quiet,
    endpoint: () => endpoint,
    random: opts.random ?? Math.random,
    services,
    control: createControlHandler({
      store,
      faults,
      requests,
      clearRequests,
      seedSynthetic: (count, o) => seedSynthetic(store, count, o),
      endpoint: () => endpoint,
      startedAt,
      handlerProcesses: () => pool.size,
      serviceControl: (method, route, body) => services.control(method, route, body),
    }),
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  endpoint = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;

  let stopping: Promise<void> | undefined;
  return {
    endpoint,
    port,
    requests,
    clearRequests,
    faults,
    store,
    services,
    seedSynthetic: (count, o) => seedSynthetic(store, count, o),
    handlerPids: () => pool.pids(),
    stop() {
      stopping ??= (async () => {
        services.dispose();
        store.dispose();
        await Promise.all([new Promise<void>((resolve) => server.close(() => resolve())), pool.stop()]);
      })();
      return stopping;
    },
  };
}
