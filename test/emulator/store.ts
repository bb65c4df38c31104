import type {
  ApplicationLogLevel,
  CapacityProviderConfig,
  Cors,
  DurableConfig,
  FunctionUrlAuthType,
  InvokeMode,
  LastUpdateStatus,
  LastUpdateStatusReasonCode,
  LoggingConfig,
  SnapStartApplyOn,
  State,
  StateReasonCode,
  SystemLogLevel,
  TenancyConfig,
} from '@aws-sdk/client-lambda';
import { createHash, randomUUID } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { MAX_STREAMED_RESPONSE } from './constants';
import { notFound } from './errors';
import { LogStore } from './logStore';
import { LATEST_PUBLISHED } from './validation';

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
  /** LoggingConfig in the SDK's shape; its LogFormat wins over `logFormat`. LogGroup defaults to /aws/lambda/<name>. */
  loggingConfig?: LoggingConfig;
  /** Tenant isolation: every invocation must carry a TenantId, and runs in an environment of that tenant. */
  tenancyConfig?: TenancyConfig;
  /** Lambda Managed Instances: unqualified invocations run `$LATEST.PUBLISHED`, no Tail logs. */
  capacityProviderConfig?: CapacityProviderConfig;
  /** Durable function: invocations start durable executions (DurableExecutionName, DurableExecutionArn). */
  durableConfig?: DurableConfig;
  /** SnapStart ApplyOn (OptimizationStatus is On for published versions when ApplyOn is PublishedVersions). */
  snapStart?: { ApplyOn?: SnapStartApplyOn };
  /** RuntimeVersionConfig.RuntimeVersionArn (default: one derived from the runtime). */
  runtimeVersionArn?: string;
  /** State (default Active) and its reason; an invocation of a Pending function is refused, as on AWS. */
  state?: State;
  stateReason?: string;
  stateReasonCode?: StateReasonCode;
  /** LastUpdateStatus (default Successful) and its reason. */
  lastUpdateStatus?: LastUpdateStatus;
  lastUpdateStatusReason?: string;
  lastUpdateStatusReasonCode?: LastUpdateStatusReasonCode;
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
  applicationLogLevel?: ApplicationLogLevel;
  systemLogLevel?: SystemLogLevel;
  /** The log group the execution environments write to. */
  logGroup: string;
  tenancy?: TenancyConfig;
  capacityProvider?: CapacityProviderConfig;
  durable?: DurableConfig;
  snapStartApplyOn: SnapStartApplyOn;
  runtimeVersionArn?: string;
  state: State;
  stateReason?: string;
  stateReasonCode?: StateReasonCode;
  lastUpdateStatus: LastUpdateStatus;
  lastUpdateStatusReason?: string;
  lastUpdateStatusReasonCode?: LastUpdateStatusReasonCode;
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

/** A function URL (GetFunctionUrlConfig). */
export interface FunctionUrlRecord {
  /** '' for the function itself, or an alias name. */
  qualifier: string;
  url: string;
  authType: FunctionUrlAuthType;
  invokeMode: InvokeMode;
  cors?: Cors;
  /** ISO 8601. */
  creationTime: string;
  lastModifiedTime: string;
}

/** A durable execution started by an invocation of a durable function. */
export interface DurableExecutionRecord {
  name: string;
  arn: string;
  /** Version that runs it ('$LATEST', '$LATEST.PUBLISHED' or a number). */
  version: string;
  /** The input payload, to tell a repeated start from a conflicting one. */
  input: string;
  requestId: string;
  startedAt: string;
  status: 'RUNNING' | 'SUCCEEDED' | 'FAILED' | 'TIMED_OUT';
  /** Settles with the first invocation's outcome (a repeated synchronous start answers it). */
  done?: Promise<{ payload: string; functionError?: string; log: string }>;
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
  /** `$LATEST.PUBLISHED` of a Lambda Managed Instances function, once published. */
  latestPublished?: VersionRecord;
  aliases: Map<string, AliasRecord>;
  eventInvokeConfigs: Map<string, EventInvokeConfigRecord>;
  /** Function URLs by qualifier ('' = the function itself). */
  functionUrls: Map<string, FunctionUrlRecord>;
  /** Durable executions by name (names are unique within a function). */
  durableExecutions: Map<string, DurableExecutionRecord>;
  synthetic: boolean;
}

export interface ResolvedTarget {
  fn: FunctionRecord;
  /** '$LATEST', '$LATEST.PUBLISHED' or a version number. */
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
  /** Version that ran ('$LATEST', '$LATEST.PUBLISHED' or a number). */
  version: string;
  status: 'running' | 'success' | 'error' | 'timeout';
  /** The tenant of a tenant-isolated function's invocation. */
  tenantId?: string;
  /** The durable execution this invocation started (durable functions). */
  durableExecutionArn?: string;
  /** true for InvokeWithResponseStream; the payload is then the bytes streamed. */
  streamed?: boolean;
  /** Content type the handler gave its response stream (streaming handlers). */
  streamContentType?: string;
  /** Where the execution environment wrote this invocation's log. */
  logGroupName?: string;
  logStreamName?: string;
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

const STATES: readonly State[] = ['Active', 'ActiveNonInvocable', 'Deactivated', 'Deactivating', 'Deleting', 'Failed', 'Inactive', 'Pending'];

/** Refuses a definition the API could never answer (a test's or function.json's mistake). */
function checkDefinition(def: FunctionDefinition): void {
  const bad = (what: string): never => {
    throw new Error(`Function ${def.name}: ${what}`);
  };
  if (def.tenancyConfig && def.tenancyConfig.TenantIsolationMode !== 'PER_TENANT') {
    bad('tenancyConfig.TenantIsolationMode must be PER_TENANT');
  }
  if (def.capacityProviderConfig && !def.capacityProviderConfig.LambdaManagedInstancesCapacityProviderConfig?.CapacityProviderArn) {
    bad('capacityProviderConfig.LambdaManagedInstancesCapacityProviderConfig.CapacityProviderArn is required');
  }
  const format = def.loggingConfig?.LogFormat;
  if (format !== undefined && format !== 'Text' && format !== 'JSON') {
    bad('loggingConfig.LogFormat must be Text or JSON');
  }
  if (def.state !== undefined && !STATES.includes(def.state)) {
    bad(`state must be one of ${STATES.join(', ')}`);
  }
  if (def.snapStart?.ApplyOn !== undefined && def.snapStart.ApplyOn !== 'None' && def.snapStart.ApplyOn !== 'PublishedVersions') {
    bad('snapStart.ApplyOn must be None or PublishedVersions');
  }
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
  /** Limits tests may lower (e.g. to reach the streamed-response limit quickly). */
  readonly limits = { streamedResponseBytes: MAX_STREAMED_RESPONSE };

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
    checkDefinition(def);
    const account = def.account ?? '111111111111';
    const region = def.region ?? 'us-east-1';
    const info = opts.codeInfo ?? codeInfo(def.codeDir);
    const name = def.name;
    const logging = def.loggingConfig ?? {};
    const logFormat = logging.LogFormat ?? def.logFormat ?? 'Text';
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
        logFormat,
        environment: { ...(def.environment ?? {}) },
        role: def.role ?? `arn:aws:iam::${account}:role/service-role/${name}-role`,
        lastModified: def.lastModified ?? lambdaTimestamp(),
        codeSha256: info.sha256,
        codeSize: info.size,
        revisionId: randomUUID(),
        ephemeralStorage: def.ephemeralStorage ?? 512,
        // JSON format has log levels (INFO by default); Text has none.
        applicationLogLevel: logFormat === 'JSON' ? (logging.ApplicationLogLevel ?? 'INFO') : undefined,
        systemLogLevel: logFormat === 'JSON' ? (logging.SystemLogLevel ?? 'INFO') : undefined,
        logGroup: logging.LogGroup ?? `/aws/lambda/${name}`,
        tenancy: def.tenancyConfig ? structuredClone(def.tenancyConfig) : undefined,
        capacityProvider: def.capacityProviderConfig ? structuredClone(def.capacityProviderConfig) : undefined,
        durable: def.durableConfig ? structuredClone(def.durableConfig) : undefined,
        snapStartApplyOn: def.snapStart?.ApplyOn ?? 'None',
        runtimeVersionArn: def.runtimeVersionArn,
        state: def.state ?? 'Active',
        stateReason: def.stateReason,
        stateReasonCode: def.stateReasonCode,
        lastUpdateStatus: def.lastUpdateStatus ?? 'Successful',
        lastUpdateStatusReason: def.lastUpdateStatusReason,
        lastUpdateStatusReasonCode: def.lastUpdateStatusReasonCode,
      },
      versions: new Map(),
      nextVersion: 1,
      aliases: new Map(),
      eventInvokeConfigs: new Map(),
      functionUrls: new Map(),
      durableExecutions: new Map(),
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

  /** Resolves $LATEST, $LATEST.PUBLISHED, a version or an alias (alias routing applied when `route` is given). */
  resolve(fn: FunctionRecord, qualifier: string | undefined, route?: () => number): ResolvedTarget {
    if (qualifier === undefined || qualifier === '$LATEST') {
      return { fn, version: '$LATEST', config: fn.latest, qualifier };
    }
    if (qualifier === LATEST_PUBLISHED) {
      if (!fn.latestPublished) {
        throw notFound(`Function not found: ${functionArn(fn.region, fn.account, fn.name, qualifier)}`);
      }
      return { fn, version: LATEST_PUBLISHED, config: fn.latestPublished.config, qualifier };
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
   * `publishTo: 'LATEST_PUBLISHED'` (re)publishes `$LATEST.PUBLISHED` instead (Lambda Managed Instances).
   */
  publishVersion(fn: FunctionRecord, description?: string, force = false, publishTo?: 'LATEST_PUBLISHED'): VersionRecord {
    const snapshot = (): FunctionConfigSnapshot => ({ ...structuredClone(fn.latest), description: description ?? fn.latest.description, revisionId: randomUUID() });
    if (publishTo === 'LATEST_PUBLISHED') {
      fn.latestPublished = { version: LATEST_PUBLISHED, sourceRevisionId: fn.latest.revisionId, config: snapshot() };
      return fn.latestPublished;
    }
    if (!force) {
      const last = [...fn.versions.values()].pop();
      if (last && last.sourceRevisionId === fn.latest.revisionId) {
        return last;
      }
    }
    const version = String(fn.nextVersion++);
    const record: VersionRecord = { version, sourceRevisionId: fn.latest.revisionId, config: snapshot() };
    fn.versions.set(version, record);
    return record;
  }

  /** Sets the function URL of the function ('' qualifier) or of an alias. */
  putFunctionUrl(fn: FunctionRecord, url: { qualifier?: string; authType?: FunctionUrlAuthType; invokeMode?: InvokeMode; cors?: Cors; creationTime?: string }): FunctionUrlRecord {
    const qualifier = url.qualifier ?? '';
    const created = url.creationTime ?? new Date().toISOString();
    const id = createHash('sha256').update(`${fn.arn}:${qualifier}`).digest('hex').slice(0, 32);
    const record: FunctionUrlRecord = {
      qualifier,
      url: `https://${id}.lambda-url.${fn.region}.on.aws/`,
      authType: url.authType ?? 'AWS_IAM',
      invokeMode: url.invokeMode ?? 'BUFFERED',
      cors: url.cors ? structuredClone(url.cors) : undefined,
      creationTime: created,
      lastModifiedTime: created,
    };
    fn.functionUrls.set(qualifier, record);
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
