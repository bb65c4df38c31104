/*
 * CloudWatch Logs, EventBridge Schemas and STS beside Lambda, on the emulator's one port (as
 * LocalStack and moto serve every service on one): a request goes to the service its SigV4
 * credential scope names (`logs`, `schemas`, `sts`; `lambda` stays with server.ts), or, when
 * unsigned, the service its protocol shows (X-Amz-Target, /v1/ paths, a form with Action=).
 * A signed request for a service the emulator does not serve answers as AWS answers an unknown
 * operation in that request's protocol — except on a Lambda path, where Lambda answers (a
 * credential scope for the wrong service: 403 InvalidSignatureException). See docs/emulator.md.
 */
import type { IncomingHttpHeaders } from 'node:http';
import { DEMO_ACCOUNT, DEMO_REGION } from '../constants';
import { LambdaApiError } from '../errors';
import type { FaultController } from '../faults';
import type { OpResult } from '../operations/context';
import { ROUTES, RecordedRequest } from '../server';
import { peekAuth } from '../sigv4';
import type { EmulatorStore } from '../store';
import { ServiceDefinition, ServiceHandler, ServiceRouter, serve } from './dispatch';
import { LOGS_OPERATIONS, LOGS_TARGET_PREFIX, logsService } from './logs/api';
import type { LiveTailSession } from './logs/liveTail';
import { headerOf, protocolOf } from './protocols';
import { SCHEMAS_OPERATIONS, schemasService } from './schemas/api';
import { SchemaRegistryStore } from './schemas/registry';
import { seedTestEvents } from './schemas/seed';
import { stsService } from './sts/api';

export type { ServiceRouter } from './dispatch';
export type { LiveTailSession } from './logs/liveTail';
export { DEMO_TEST_EVENTS, TEST_EVENT_REGISTRY, testEventDocument, testEventSchemaName } from './schemas/seed';
export type { SeededTestEvent } from './schemas/seed';
export { SchemaRegistryStore } from './schemas/registry';
export type { RegistryRecord, SchemaRecord, SchemaType, SchemaVersionRecord } from './schemas/registry';
export { callerIdentity } from './identity';

/** Operations of each service beside Lambda (names as the SDK's commands, without "Command"). */
export const SERVICE_OPERATIONS: Readonly<Record<'logs' | 'schemas' | 'sts', readonly string[]>> = {
  logs: LOGS_OPERATIONS,
  schemas: SCHEMAS_OPERATIONS,
  sts: ['GetCallerIdentity'],
};

export interface ServicesOptions {
  store: EmulatorStore;
  faults: FaultController;
  requests: RecordedRequest[];
  quiet: boolean;
  /** Seed the demo's shareable test events (registry lambda-testevent-schemas). */
  seed: boolean;
  /** Interval of StartLiveTail's sessionUpdate messages; default 1000 (as AWS). */
  liveTailIntervalMs?: number;
  /** Live Tail session limit; default 3 hours (as AWS). */
  liveTailMaxSessionMs?: number;
  /** Events, streams or groups per page of the CloudWatch Logs operations; default 50. */
  logsPageSize?: number;
}

const bad = (message: string, status = 400): LambdaApiError => new LambdaApiError('BadRequest', status, message);

function controlJson(body: Buffer): Record<string, unknown> {
  try {
    const v: unknown = body.length === 0 ? {} : JSON.parse(body.toString('utf8'));
    if (typeof v === 'object' && v !== null && !Array.isArray(v)) {
      return v as Record<string, unknown>;
    }
  } catch {
    // answered below
  }
  throw bad('The body must be a JSON object');
}

const nonNegative = (v: unknown, name: string): number | undefined => {
  if (v === undefined) {
    return undefined;
  }
  if (typeof v !== 'number' || !Number.isInteger(v) || v < 0) {
    throw bad(`'${name}' must be a non-negative integer`);
  }
  return v;
};

export class EmulatorServices implements ServiceRouter {
  /** EventBridge Schemas data (registries, schemas, versions). */
  readonly schemas = new SchemaRegistryStore();
  liveTailIntervalMs: number;
  liveTailMaxSessionMs: number;
  logsPageSize: number;
  /** Live Tail sessions open now. */
  readonly liveTailSessions = new Set<LiveTailSession>();
  private readonly defs: Map<string, ServiceDefinition>;

  constructor(private readonly opts: ServicesOptions) {
    this.liveTailIntervalMs = opts.liveTailIntervalMs ?? 1000;
    this.liveTailMaxSessionMs = opts.liveTailMaxSessionMs ?? 3 * 3_600_000;
    this.logsPageSize = opts.logsPageSize ?? 50;
    if (opts.seed) {
      seedTestEvents(this.schemas);
    }
    const logs = logsService({
      logs: opts.store.logs,
      pageSize: () => this.logsPageSize,
      liveTail: { intervalMs: () => this.liveTailIntervalMs, maxSessionMs: () => this.liveTailMaxSessionMs, sessions: this.liveTailSessions },
    });
    this.defs = new Map([logs, schemasService(this.schemas), stsService()].map((d) => [d.name, d]));
  }

  /** The service of a request when it is not Lambda. */
  serviceOf(headers: IncomingHttpHeaders, method: string, rawPath: string, body: Buffer): string | undefined {
    const signed = peekAuth(headers).service;
    if (signed !== undefined) {
      return signed === 'lambda' ? undefined : signed;
    }
    if ((headerOf(headers, 'x-amz-target') ?? '').startsWith(LOGS_TARGET_PREFIX)) {
      return 'logs';
    }
    if (rawPath.startsWith('/v1/registries') || rawPath === '/v1/discover') {
      return 'schemas';
    }
    if (method === 'POST' && rawPath === '/' && protocolOf(headers, body) === 'query') {
      return 'sts';
    }
    return undefined;
  }

  route(headers: IncomingHttpHeaders, method: string, rawPath: string, body: Buffer): ServiceHandler | undefined {
    const name = this.serviceOf(headers, method, rawPath, body);
    if (name === undefined) {
      return undefined;
    }
    const def = this.defs.get(name);
    if (!def?.resolve(method, rawPath, headers, body) && ROUTES.some((r) => r.method === method && r.re.test(rawPath))) {
      return undefined;
    }
    return (r) => serve(this.opts, def, def?.protocol ?? protocolOf(headers, body), r);
  }

  private logsSummary(): Record<string, unknown> {
    const logs = this.opts.store.logs;
    const now = Date.now();
    return {
      ingestionDelayMs: logs.ingestionDelayMs,
      liveTailIntervalMs: this.liveTailIntervalMs,
      liveTailMaxSessionMs: this.liveTailMaxSessionMs,
      pageSize: this.logsPageSize,
      liveTailSessions: [...this.liveTailSessions].map((s) => ({ sessionId: s.sessionId, account: s.account, region: s.region, logGroupIdentifiers: s.logGroupIdentifiers, startedAt: new Date(s.startedAt).toISOString() })),
      groups: logs.allGroups().map((g) => ({
        account: g.account,
        region: g.region,
        logGroupName: g.logGroupName,
        streams: [...g.streams.values()].map((s) => ({ logStreamName: s.logStreamName, events: s.events.length, visible: logs.visibleEvents(s, now).length })),
      })),
    };
  }

  /** Control routes of these services (under /__emulator/); undefined for a route that is not theirs. */
  control(method: string, route: string, body: Buffer): OpResult | undefined {
    const logs = this.opts.store.logs;
    switch (`${method} ${route}`) {
      case 'GET logs':
        return { status: 200, body: this.logsSummary() };
      case 'POST logs': {
        const b = controlJson(body);
        const delay = nonNegative(b.ingestionDelayMs, 'ingestionDelayMs');
        const interval = nonNegative(b.liveTailIntervalMs, 'liveTailIntervalMs');
        const pageSize = nonNegative(b.pageSize, 'pageSize');
        if (pageSize === 0) {
          throw bad("'pageSize' must be at least 1");
        }
        logs.ingestionDelayMs = delay ?? logs.ingestionDelayMs;
        this.liveTailIntervalMs = interval || this.liveTailIntervalMs;
        this.logsPageSize = pageSize ?? this.logsPageSize;
        return { status: 200, body: this.logsSummary() };
      }
      case 'DELETE logs':
        logs.clear();
        return { status: 204 };
      case 'POST logs/events': {
        const b = controlJson(body);
        if (typeof b.logGroupName !== 'string' || typeof b.logStreamName !== 'string' || !Array.isArray(b.lines)) {
          throw bad("'logGroupName', 'logStreamName' and 'lines' (strings or {message, timestamp}) are required");
        }
        const lines = b.lines.map((l: unknown) => {
          if (typeof l === 'string') {
            return { message: l };
          }
          const o = l as { message?: unknown; timestamp?: unknown };
          if (typeof o !== 'object' || o === null || typeof o.message !== 'string' || (o.timestamp !== undefined && typeof o.timestamp !== 'number')) {
            throw bad("Each line is a string or {message, timestamp?}");
          }
          return { message: o.message, timestamp: o.timestamp as number | undefined };
        });
        const account = typeof b.account === 'string' ? b.account : DEMO_ACCOUNT;
        const region = typeof b.region === 'string' ? b.region : DEMO_REGION;
        const added = logs.append(account, region, b.logGroupName, b.logStreamName, lines);
        return { status: 200, body: { appended: added.length, eventIds: added.map((e) => e.eventId) } };
      }
      case 'GET schemas': {
        const registries = this.schemas.allRegistries().map((r) => ({
          account: r.account,
          region: r.region,
          registryName: r.name,
          schemas: [...r.schemas.values()].map((s) => ({ schemaName: s.name, versions: s.versions.map((v) => v.version) })),
        }));
        return { status: 200, body: { registries } };
      }
      default:
        return undefined;
    }
  }

  /** Ends every Live Tail session (emulator stop). */
  dispose(): void {
    for (const s of [...this.liveTailSessions]) {
      s.close();
    }
    this.liveTailSessions.clear();
  }
}
