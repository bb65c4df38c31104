import { createHash, randomUUID } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { notFound } from './errors';
import { LogStore } from './logStore';

export type LogFormat = 'Text' | 'JSON';
export type MappingState = 'Creating' | 'Enabling' | 'Enabled' | 'Disabling' | 'Disabled' | 'Updating' | 'Deleting';
export const MAPPING_STATES: readonly MappingState[] = ['Creating', 'Enabling', 'Enabled', 'Disabling', 'Disabled', 'Updating', 'Deleting'];

/** What it takes to create a function (function.json of a demo function, or a test's own). */
export interface FunctionDefinition {
  name: string;
  /** Folder holding the handler code (index.js ...). */
  codeDir: string;
  account?: string;
  region?: string;
  runtime?: string;
  handler?: string;
  memorySize?: number;
  timeout?: number;
  description?: string;
  architectures?: string[];
  logFormat?: LogFormat;
  environment?: Record<string, string>;
  /** AWS format, e.g. 2026-01-10T09:00:00.000+0000. Default: now. */
  lastModified?: string;
  tags?: Record<string, string>;
  role?: string;
  ephemeralStorage?: number;
}

/** The configuration of $LATEST or of a published version. */
export interface FunctionConfigSnapshot {
  runtime: string;
  handler: string;
  memorySize: number;
  timeout: number;
  description: string;
  architectures: string[];
  logFormat: LogFormat;
  environment: Record<string, string>;
  role: string;
  lastModified: string;
  codeSha256: string;
  codeSize: number;
  revisionId: string;
  ephemeralStorage: number;
}

export interface VersionRecord {
  version: string;
  config: FunctionConfigSnapshot;
  /** RevisionId of $LATEST when this version was published. */
  sourceRevisionId: string;
}

export interface AliasRecord {
  name: string;
  functionVersion: string;
  description: string;
  /** AdditionalVersionWeights: version → weight (0..1). */
  routing?: Record<string, number>;
  revisionId: string;
}

export interface EventInvokeConfigRecord {
  /** '$LATEST', a version number or an alias name. */
  qualifier: string;
  maximumRetryAttempts?: number;
  maximumEventAgeInSeconds?: number;
  onSuccess?: string;
  onFailure?: string;
  /** Epoch seconds. */
  lastModified: number;
}

export interface FunctionRecord {
  account: string;
  region: string;
  name: string;
  arn: string;
  codeDir: string;
  tags: Record<string, string>;
  latest: FunctionConfigSnapshot;
  versions: Map<string, VersionRecord>;
  nextVersion: number;
  aliases: Map<string, AliasRecord>;
  eventInvokeConfigs: Map<string, EventInvokeConfigRecord>;
  synthetic: boolean;
}

export interface ResolvedTarget {
  fn: FunctionRecord;
  /** '$LATEST' or a version number. */
  version: string;
  config: FunctionConfigSnapshot;
  alias?: AliasRecord;
  /** The qualifier as asked (alias name, version, $LATEST) or undefined. */
  qualifier?: string;
}

export type DestinationConfigShape = { OnSuccess?: { Destination?: string }; OnFailure?: { Destination?: string } };

/** Settings of an event source mapping, named as in the API. */
export interface MappingSettings {
  BatchSize: number;
  MaximumBatchingWindowInSeconds: number;
  StartingPosition?: string;
  StartingPositionTimestamp?: number;
  ParallelizationFactor?: number;
  MaximumRecordAgeInSeconds?: number;
  BisectBatchOnFunctionError?: boolean;
  MaximumRetryAttempts?: number;
  TumblingWindowInSeconds?: number;
  DestinationConfig?: DestinationConfigShape;
  FunctionResponseTypes: string[];
  FilterCriteria?: { Filters: { Pattern: string }[] };
  ScalingConfig?: { MaximumConcurrency?: number };
  SourceAccessConfigurations?: { Type: string; URI: string }[];
  DocumentDBEventSourceConfig?: Record<string, unknown>;
}

export interface EventSourceMappingRecord {
  uuid: string;
  account: string;
  region: string;
  eventSourceArn: string;
  functionArn: string;
  state: MappingState;
  stateTransitionReason: string;
  /** Epoch seconds (fractional). */
  lastModified: number;
  lastProcessingResult: string;
  settings: MappingSettings;
}

/** One invocation (sync or Event), with its whole execution log. */
export interface InvocationRecord {
  requestId: string;
  invocationType: 'RequestResponse' | 'Event';
  /** The ARN as invoked (qualified when a qualifier was given). */
  functionArn: string;
  /** Version that ran ('$LATEST' or a number). */
  version: string;
  status: 'running' | 'success' | 'error' | 'timeout';
  coldStart?: boolean;
  functionError?: string;
  /** The response payload, kept when at most 1 MB (see payloadBytes). */
  payload?: string;
  payloadBytes?: number;
  /** The whole execution log. */
  log?: string;
  startedAt: string;
  finishedAt?: string;
}

export type EventSourceKind = 'sqs' | 'stream' | 'other';

export function eventSourceKind(arn: string): EventSourceKind {
  const service = /^arn:[^:]*:([^:]+):/.exec(arn)?.[1];
  if (service === 'sqs') {
    return 'sqs';
  }
  if (service === 'kinesis' || service === 'dynamodb') {
    return 'stream';
  }
  return 'other';
}

export function isFifoQueue(arn: string): boolean {
  return eventSourceKind(arn) === 'sqs' && arn.endsWith('.fifo');
}

/** Formats a Date as Lambda does in FunctionConfiguration.LastModified: 2026-01-10T09:00:00.000+0000. */
export function lambdaTimestamp(d: Date = new Date()): string {
  return d.toISOString().replace('Z', '+0000');
}

const codeInfoCache = new Map<string, { sha256: string; size: number }>();

/** CodeSha256 (base64) and CodeSize of a code folder: a stand-in for the deployment package. */
export function codeInfo(dir: string): { sha256: string; size: number } {
  const cached = codeInfoCache.get(dir);
  if (cached) {
    return cached;
  }
  const hash = createHash('sha256');
  let size = 0;
  const walk = (d: string): void => {
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(d, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name));
    } catch {
      return;
    }
    for (const e of entries) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) {
        walk(p);
      } else if (e.isFile()) {
        const data = fs.readFileSync(p);
        hash.update(path.relative(dir, p));
        hash.update(data);
        size += data.length;
      }
    }
  };
  walk(dir);
  const info = { sha256: hash.digest('base64'), size };
  codeInfoCache.set(dir, info);
  return info;
}

export function functionArn(region: string, account: string, name: string, qualifier?: string): string {
  return `arn:aws:lambda:${region}:${account}:function:${name}${qualifier ? `:${qualifier}` : ''}`;
}

interface RegionData {
  functions: Map<string, FunctionRecord>;
  sorted: FunctionRecord[] | null;
}

/**
 * All data of the emulator, per account and region. Tests may read and change it directly;
 * the API handlers go through the same methods.
 */
export class EmulatorStore {
  private readonly regions = new Map<string, RegionData>();
  readonly mappings = new Map<string, EventSourceMappingRecord>();
  /** The last 1000 invocations, oldest first. */
  readonly invocations: InvocationRecord[] = [];
  /** CloudWatch Logs: what the functions' execution environments wrote. */
  readonly logs = new LogStore();
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private disposed = false;

  constructor(public stateDelayMs = 1500) {}

  private regionData(account: string, region: string): RegionData {
    const key = `${account}/${region}`;
    let data = this.regions.get(key);
    if (!data) {
      data = { functions: new Map(), sorted: null };
      this.regions.set(key, data);
    }
    return data;
  }

  // ---- functions ----

  addFunction(def: FunctionDefinition, opts: { synthetic?: boolean; codeInfo?: { sha256: string; size: number } } = {}): FunctionRecord {
    const account = def.account ?? '111111111111';
    const region = def.region ?? 'us-east-1';
    const info = opts.codeInfo ?? codeInfo(def.codeDir);
    const name = def.name;
    const fn: FunctionRecord = {
      account,
      region,
      name,
      arn: functionArn(region, account, name),
      codeDir: def.codeDir,
      tags: { ...(def.tags ?? {}) },
      latest: {
        runtime: def.runtime ?? 'nodejs20.x',
        handler: def.handler ?? 'index.handler',
        memorySize: def.memorySize ?? 128,
        timeout: def.timeout ?? 3,
        description: def.description ?? '',
        architectures: def.architectures ?? ['x86_64'],
        logFormat: def.logFormat ?? 'Text',
        environment: { ...(def.environment ?? {}) },
        role: def.role ?? `arn:aws:iam::${account}:role/service-role/${name}-role`,
        lastModified: def.lastModified ?? lambdaTimestamp(),
        codeSha256: info.sha256,
        codeSize: info.size,
        revisionId: randomUUID(),
        ephemeralStorage: def.ephemeralStorage ?? 512,
      },
      versions: new Map(),
      nextVersion: 1,
      aliases: new Map(),
      eventInvokeConfigs: new Map(),
      synthetic: opts.synthetic ?? false,
    };
    const data = this.regionData(account, region);
    data.functions.set(name, fn);
    data.sorted = null;
    return fn;
  }

  removeFunction(account: string, region: string, name: string): boolean {
    const data = this.regionData(account, region);
    const removed = data.functions.delete(name);
    data.sorted = null;
    return removed;
  }

  getFunction(account: string, region: string, name: string): FunctionRecord | undefined {
    return this.regions.get(`${account}/${region}`)?.functions.get(name);
  }

  /** Functions of an account and region, sorted by name. */
  listFunctions(account: string, region: string): FunctionRecord[] {
    const data = this.regions.get(`${account}/${region}`);
    if (!data) {
      return [];
    }
    if (!data.sorted) {
      data.sorted = [...data.functions.values()].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    }
    return data.sorted;
  }

  /** Every account/region pair holding data. */
  scopes(): { account: string; region: string; functions: number }[] {
    return [...this.regions.entries()].map(([key, data]) => {
      const [account, region] = key.split('/');
      return { account, region, functions: data.functions.size };
    });
  }

  requireFunction(account: string, region: string, name: string, arnForMessage?: string): FunctionRecord {
    const fn = this.getFunction(account, region, name);
    if (!fn) {
      throw notFound(`Function not found: ${arnForMessage ?? functionArn(region, account, name)}`);
    }
    return fn;
  }

  /** Resolves $LATEST, a version or an alias (alias routing applied when `route` is given). */
  resolve(fn: FunctionRecord, qualifier: string | undefined, route?: () => number): ResolvedTarget {
    if (qualifier === undefined || qualifier === '$LATEST') {
      return { fn, version: '$LATEST', config: fn.latest, qualifier };
    }
    if (/^[0-9]+$/.test(qualifier)) {
      const v = fn.versions.get(qualifier);
      if (!v) {
        throw notFound(`Function not found: ${functionArn(fn.region, fn.account, fn.name, qualifier)}`);
      }
      return { fn, version: v.version, config: v.config, qualifier };
    }
    const alias = fn.aliases.get(qualifier);
    if (!alias) {
      throw notFound(`Function not found: ${functionArn(fn.region, fn.account, fn.name, qualifier)}`);
    }
    let version = alias.functionVersion;
    if (route && alias.routing) {
      let r = route();
      for (const [v, weight] of Object.entries(alias.routing)) {
        if (r < weight) {
          version = v;
          break;
        }
        r -= weight;
      }
    }
    const config = version === '$LATEST' ? fn.latest : fn.versions.get(version)?.config;
    if (!config) {
      throw notFound(`Function not found: ${functionArn(fn.region, fn.account, fn.name, version)}`);
    }
    return { fn, version, config, alias, qualifier };
  }

  /**
   * Publishes $LATEST as a new version. As on AWS, when $LATEST has not changed since the last
   * published version, that version is returned instead of a new one (unless `force`).
   */
  publishVersion(fn: FunctionRecord, description?: string, force = false): VersionRecord {
    if (!force) {
      const last = [...fn.versions.values()].pop();
      if (last && last.sourceRevisionId === fn.latest.revisionId) {
        return last;
      }
    }
    const version = String(fn.nextVersion++);
    const record: VersionRecord = {
      version,
      sourceRevisionId: fn.latest.revisionId,
      config: {
        ...fn.latest,
        architectures: [...fn.latest.architectures],
        environment: { ...fn.latest.environment },
        description: description ?? fn.latest.description,
        revisionId: randomUUID(),
      },
    };
    fn.versions.set(version, record);
    return record;
  }

  putAlias(fn: FunctionRecord, alias: Omit<AliasRecord, 'revisionId'>): AliasRecord {
    const record: AliasRecord = { ...alias, revisionId: randomUUID() };
    fn.aliases.set(alias.name, record);
    return record;
  }

  recordInvocation(record: InvocationRecord): InvocationRecord {
    this.invocations.push(record);
    if (this.invocations.length > 1000) {
      this.invocations.splice(0, this.invocations.length - 1000);
    }
    return record;
  }

  findInvocation(requestId: string): InvocationRecord | undefined {
    return this.invocations.find((i) => i.requestId === requestId);
  }

  // ---- event invoke configs ----

  getEventInvokeConfig(fn: FunctionRecord, qualifier = '$LATEST'): EventInvokeConfigRecord | undefined {
    return fn.eventInvokeConfigs.get(qualifier);
  }

  putEventInvokeConfig(fn: FunctionRecord, config: Omit<EventInvokeConfigRecord, 'lastModified'> & { lastModified?: number }): EventInvokeConfigRecord {
    const record: EventInvokeConfigRecord = { ...config, lastModified: config.lastModified ?? Date.now() / 1000 };
    fn.eventInvokeConfigs.set(record.qualifier, record);
    return record;
  }

  // ---- event source mappings ----

  addMapping(mapping: Omit<EventSourceMappingRecord, 'lastModified' | 'stateTransitionReason' | 'lastProcessingResult'> & Partial<EventSourceMappingRecord>): EventSourceMappingRecord {
    const record: EventSourceMappingRecord = {
      stateTransitionReason: 'USER_INITIATED',
      lastProcessingResult: 'No records processed',
      lastModified: Date.now() / 1000,
      ...mapping,
    };
    this.mappings.set(record.uuid, record);
    return record;
  }

  getMapping(uuid: string): EventSourceMappingRecord | undefined {
    return this.mappings.get(uuid);
  }

  listMappings(account: string, region: string): EventSourceMappingRecord[] {
    return [...this.mappings.values()].filter((m) => m.account === account && m.region === region);
  }

  /** Sets a mapping's state at once, cancelling a pending transition. */
  setMappingState(uuid: string, state: MappingState): EventSourceMappingRecord {
    const m = this.mappings.get(uuid);
    if (!m) {
      throw notFound(`The resource you requested does not exist. (Service: Lambda, Status Code: 404, Request ID: ${uuid})`);
    }
    this.cancelTransition(uuid);
    m.state = state;
    m.lastModified = Date.now() / 1000;
    return m;
  }

  /** Moves a mapping to `state` now and to `finalState` after `delayMs` (default stateDelayMs). */
  transitionMapping(uuid: string, state: MappingState, finalState: MappingState, delayMs = this.stateDelayMs): void {
    const m = this.setMappingState(uuid, state);
    if (this.disposed) {
      return;
    }
    const timer = setTimeout(() => {
      this.timers.delete(uuid);
      m.state = finalState;
      m.lastModified = Date.now() / 1000;
    }, Math.max(0, delayMs));
    timer.unref();
    this.timers.set(uuid, timer);
  }

  private cancelTransition(uuid: string): void {
    const t = this.timers.get(uuid);
    if (t) {
      clearTimeout(t);
      this.timers.delete(uuid);
    }
  }

  /** Clears pending state transitions (called by stop()). */
  dispose(): void {
    this.disposed = true;
    this.logs.dispose();
    for (const t of this.timers.values()) {
      clearTimeout(t);
    }
    this.timers.clear();
  }
}
