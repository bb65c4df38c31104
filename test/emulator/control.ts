import type * as http from 'node:http';
import { LambdaApiError } from './errors';
import { type Fault, type FaultController, UNREADABLE_BODY_MODES } from './faults';
import type { OpResult } from './operations/context';
import { toMapping } from './operations/eventSourceMappings';
import type { RecordedRequest } from './server';
import type { EmulatorStore } from './store';
import { MAPPING_STATES, MappingState } from './store';
import { zipFolder } from './zip';

/*
 * The control endpoint, /__emulator/... (not signed): the request record, faults, seeding and
 * mapping states for the demo and for tests or benchmarks running in another process.
 */

export interface ControlDeps {
  store: EmulatorStore;
  faults: FaultController;
  requests: RecordedRequest[];
  clearRequests: () => void;
  seedSynthetic: (count: number, opts: { region?: string; account?: string; prefix?: string }) => number;
  endpoint: () => string;
  startedAt: Date;
  handlerProcesses: () => number;
  /** Routes of the services beside Lambda (logs, schemas): undefined when a route is not theirs. */
  serviceControl?: (method: string, route: string, body: Buffer) => OpResult | undefined;
}

const bad = (message: string, status = 400): LambdaApiError => new LambdaApiError('BadRequest', status, message);

function json(body: Buffer): Record<string, unknown> {
  if (body.length === 0) {
    return {};
  }
  let v: unknown;
  try {
    v = JSON.parse(body.toString('utf8'));
  } catch {
    throw bad('The body must be JSON');
  }
  if (typeof v !== 'object' || v === null || Array.isArray(v)) {
    throw bad('The body must be a JSON object');
  }
  return v as Record<string, unknown>;
}

const FAULT_KEYS: (keyof Fault)[] = [
  'latencyMs', 'throttle', 'reason', 'retryAfterSeconds', 'status', 'error', 'message', 'drop', 'slowBodyMs', 'unreadableBody', 'contentType', 'times',
  'denied', 'cutStreamAfterMs', 'cutStreamReset',
];

export function createControlHandler(deps: ControlDeps): (req: http.IncomingMessage, body: Buffer, url: URL) => Promise<OpResult> {
  return async (req, body, url) => {
    const method = (req.method ?? 'GET').toUpperCase();
    const route = url.pathname.replace(/^\/__emulator\/?/, '').replace(/\/$/, '');
    switch (`${method} ${route}`) {
      case 'GET health':
        return {
          status: 200,
          body: {
            status: 'ok',
            endpoint: deps.endpoint(),
            startedAt: deps.startedAt.toISOString(),
            scopes: deps.store.scopes(),
            mappings: deps.store.mappings.size,
            handlerProcesses: deps.handlerProcesses(),
            faults: deps.faults.list(),
          },
        };
      case 'GET requests': {
        const op = url.searchParams.get('operation');
        return { status: 200, body: { requests: op ? deps.requests.filter((r) => r.operation === op) : deps.requests } };
      }
      case 'DELETE requests':
        deps.clearRequests();
        return { status: 204 };
      case 'GET faults':
        return { status: 200, body: { faults: deps.faults.list() } };
      case 'POST faults': {
        const b = json(body);
        const operation = typeof b.operation === 'string' ? b.operation : undefined;
        if (!operation) {
          throw bad("'operation' is required: an operation name such as 'ListFunctions', or '*'");
        }
        const fault: Fault = {};
        for (const k of FAULT_KEYS) {
          if (b[k] !== undefined) {
            (fault as Record<string, unknown>)[k] = b[k];
          }
        }
        if (fault.status !== undefined && ![500, 502, 503].includes(fault.status)) {
          throw bad("'status' must be 500, 502 or 503");
        }
        if (fault.unreadableBody !== undefined && fault.unreadableBody !== true && !UNREADABLE_BODY_MODES.includes(fault.unreadableBody)) {
          throw bad(`'unreadableBody' must be true or one of ${UNREADABLE_BODY_MODES.join(', ')}`);
        }
        if (fault.contentType !== undefined && (typeof fault.contentType !== 'string' || fault.contentType.trim() === '')) {
          throw bad("'contentType' must be a content type such as 'text/html'");
        }
        deps.faults.set(operation, fault);
        return { status: 200, body: { faults: deps.faults.list() } };
      }
      case 'DELETE faults':
        deps.faults.clear(url.searchParams.get('operation') ?? undefined);
        return { status: 204 };
      case 'POST seed': {
        const b = json(body);
        const n = b.synthetic;
        if (typeof n !== 'number' || !Number.isInteger(n) || n < 0) {
          throw bad("'synthetic' must be a non-negative integer");
        }
        const opts = {
          region: typeof b.region === 'string' ? b.region : undefined,
          account: typeof b.account === 'string' ? b.account : undefined,
          prefix: typeof b.prefix === 'string' ? b.prefix : undefined,
        };
        const started = process.hrtime.bigint();
        const added = deps.seedSynthetic(n, opts);
        return { status: 200, body: { added, ms: Number(process.hrtime.bigint() - started) / 1e6, scopes: deps.store.scopes() } };
      }
      case 'POST mapping-state': {
        const b = json(body);
        if (typeof b.uuid !== 'string') {
          throw bad("'uuid' is required");
        }
        if (typeof b.state !== 'string' || !(MAPPING_STATES as readonly string[]).includes(b.state)) {
          throw bad(`'state' must be one of ${MAPPING_STATES.join(', ')}`);
        }
        if (!deps.store.getMapping(b.uuid)) {
          throw bad(`No event source mapping ${b.uuid}`, 404);
        }
        return { status: 200, body: toMapping(deps.store.setMappingState(b.uuid, b.state as MappingState)) };
      }
      case 'GET invocations': {
        const id = url.searchParams.get('requestId');
        return { status: 200, body: { invocations: id ? deps.store.invocations.filter((i) => i.requestId === id) : deps.store.invocations } };
      }
      default: {
        const service = deps.serviceControl?.(method, route, body);
        if (service) {
          return service;
        }
        const code = /^code\/(\d{12})\/([a-z0-9-]+)\/([A-Za-z0-9_.-]+)$/.exec(route);
        if (method === 'GET' && code) {
          const fn = deps.store.getFunction(code[1], code[2], code[3]);
          if (!fn) {
            throw bad('No such function', 404);
          }
          return { status: 200, body: zipFolder(fn.codeDir), headers: { 'Content-Type': 'application/zip' } };
        }
        throw bad(`Unknown control route: ${method} /__emulator/${route}`, 404);
      }
    }
  };
}
