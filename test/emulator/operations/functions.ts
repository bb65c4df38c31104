import { conflict, invalidParameter, notFound, preconditionFailed } from '../errors';
import type { AliasRecord, FunctionConfigSnapshot, FunctionRecord } from '../store';
import { functionArn } from '../store';
import {
  ALIAS_NAME_PATTERN,
  MASTER_REGION_PATTERN,
  RULE_140_UNQUALIFIED,
  RULE_170_DOT,
  RULE_170_UNQUALIFIED,
  LATEST_PUBLISHED,
  VERSION_PATTERN,
  checkEnum,
  checkLength,
  checkObject,
  checkPattern,
  checkString,
  parseMaxItems,
} from '../validation';
import { OpContext, OpResult, jsonBody, lookupFunction, page } from './context';

const PAGE_FUNCTIONS = 50;
const PAGE_VERSIONS = 50;
const PAGE_ALIASES = 50;

const runtimeVersionArn = (region: string, runtime: string): string => {
  const digest = Buffer.from(`${runtime}-emulator`).toString('hex').padEnd(64, '0').slice(0, 64);
  return `arn:aws:lambda:${region}::runtime:${digest}`;
};

/**
 * FunctionConfiguration as the API returns it. `listForm` leaves out what ListFunctions and
 * ListVersionsByFunction leave out on AWS (State, LastUpdateStatus, RuntimeVersionConfig).
 */
export function toConfiguration(fn: FunctionRecord, config: FunctionConfigSnapshot, version: string, arnQualifier: string | undefined, listForm = false): Record<string, unknown> {
  const out: Record<string, unknown> = {
    FunctionName: fn.name,
    FunctionArn: functionArn(fn.region, fn.account, fn.name, arnQualifier),
    Runtime: config.runtime,
    Role: config.role,
    Handler: config.handler,
    CodeSize: config.codeSize,
    Description: config.description,
    Timeout: config.timeout,
    MemorySize: config.memorySize,
    LastModified: config.lastModified,
    CodeSha256: config.codeSha256,
    Version: version,
  };
  if (Object.keys(config.environment).length > 0) {
    out.Environment = { Variables: { ...config.environment } };
  }
  out.TracingConfig = { Mode: 'PassThrough' };
  out.RevisionId = config.revisionId;
  if (!listForm) {
    out.State = config.state;
    if (config.stateReason !== undefined) {
      out.StateReason = config.stateReason;
    }
    if (config.stateReasonCode !== undefined) {
      out.StateReasonCode = config.stateReasonCode;
    }
    out.LastUpdateStatus = config.lastUpdateStatus;
    if (config.lastUpdateStatusReason !== undefined) {
      out.LastUpdateStatusReason = config.lastUpdateStatusReason;
    }
    if (config.lastUpdateStatusReasonCode !== undefined) {
      out.LastUpdateStatusReasonCode = config.lastUpdateStatusReasonCode;
    }
  }
  out.PackageType = 'Zip';
  out.Architectures = [...config.architectures];
  out.EphemeralStorage = { Size: config.ephemeralStorage };
  // OptimizationStatus tells whether SnapStart is active for this version: never for $LATEST.
  const snapStartOn = config.snapStartApplyOn === 'PublishedVersions' && version !== '$LATEST';
  out.SnapStart = { ApplyOn: config.snapStartApplyOn, OptimizationStatus: snapStartOn ? 'On' : 'Off' };
  if (!listForm) {
    out.RuntimeVersionConfig = { RuntimeVersionArn: config.runtimeVersionArn ?? runtimeVersionArn(fn.region, config.runtime) };
  }
  out.LoggingConfig =
    config.logFormat === 'JSON'
      ? { LogFormat: 'JSON', ApplicationLogLevel: config.applicationLogLevel, SystemLogLevel: config.systemLogLevel, LogGroup: config.logGroup }
      : { LogFormat: 'Text', LogGroup: config.logGroup };
  if (config.tenancy) {
    out.TenancyConfig = structuredClone(config.tenancy);
  }
  if (config.capacityProvider) {
    out.CapacityProviderConfig = structuredClone(config.capacityProvider);
  }
  if (config.durable) {
    out.DurableConfig = structuredClone(config.durable);
  }
  return out;
}

/** Every version of a function in API order: $LATEST, $LATEST.PUBLISHED (if any), then the numbers. */
export function allVersions(fn: FunctionRecord): { version: string; config: FunctionConfigSnapshot }[] {
  const items: { version: string; config: FunctionConfigSnapshot }[] = [{ version: '$LATEST', config: fn.latest }];
  if (fn.latestPublished) {
    items.push({ version: fn.latestPublished.version, config: fn.latestPublished.config });
  }
  for (const v of fn.versions.values()) {
    items.push({ version: v.version, config: v.config });
  }
  return items;
}

export function toAlias(fn: FunctionRecord, alias: AliasRecord): Record<string, unknown> {
  const out: Record<string, unknown> = {
    AliasArn: functionArn(fn.region, fn.account, fn.name, alias.name),
    Name: alias.name,
    FunctionVersion: alias.functionVersion,
    Description: alias.description,
    RevisionId: alias.revisionId,
  };
  if (alias.routing && Object.keys(alias.routing).length > 0) {
    out.RoutingConfig = { AdditionalVersionWeights: { ...alias.routing } };
  }
  return out;
}

/** Sort key of a version: $LATEST, then $LATEST.PUBLISHED, then the numbers. */
const versionKey = (v: string): string => (v === '$LATEST' ? '' : v === LATEST_PUBLISHED ? '$' : v.padStart(10, '0'));

export function listFunctions(ctx: OpContext): OpResult {
  const { MasterRegion, FunctionVersion, Marker, MaxItems } = ctx.query;
  if (MasterRegion !== undefined) {
    checkPattern(MasterRegion, 'masterRegion', MASTER_REGION_PATTERN);
  }
  if (FunctionVersion !== undefined) {
    checkEnum(FunctionVersion, 'functionVersion', ['ALL'] as const);
  }
  const maxItems = parseMaxItems(MaxItems, 10000);
  const fns = ctx.store.listFunctions(ctx.account, ctx.region);
  type Item = { fn: FunctionRecord; version: string; config: FunctionConfigSnapshot };
  let items: Item[];
  if (FunctionVersion === 'ALL') {
    items = [];
    for (const fn of fns) {
      for (const v of allVersions(fn)) {
        items.push({ fn, ...v });
      }
    }
  } else {
    items = fns.map((fn) => ({ fn, version: '$LATEST', config: fn.latest }));
  }
  const p = page(items, (i) => `${i.fn.name}\u0000${versionKey(i.version)}`, Marker, maxItems, PAGE_FUNCTIONS);
  const body: Record<string, unknown> = {
    Functions: p.items.map((i) => toConfiguration(i.fn, i.config, i.version, i.version === '$LATEST' ? undefined : i.version, true)),
  };
  if (p.nextMarker) {
    body.NextMarker = p.nextMarker;
  }
  return { status: 200, body };
}

export function getFunctionConfiguration(ctx: OpContext): OpResult {
  const { fn, qualifier } = lookupFunction(ctx, ctx.params[0], RULE_170_DOT, ctx.query.Qualifier);
  const target = ctx.store.resolve(fn, qualifier);
  return { status: 200, body: toConfiguration(fn, target.config, target.version, qualifier) };
}

export function getFunction(ctx: OpContext): OpResult {
  const { fn, qualifier } = lookupFunction(ctx, ctx.params[0], RULE_170_DOT, ctx.query.Qualifier);
  const target = ctx.store.resolve(fn, qualifier);
  const body: Record<string, unknown> = {
    Configuration: toConfiguration(fn, target.config, target.version, qualifier),
    Code: {
      RepositoryType: 'S3',
      Location: `${ctx.endpoint}/__emulator/code/${fn.account}/${fn.region}/${fn.name}?versionId=${encodeURIComponent(target.version)}`,
    },
  };
  if (Object.keys(fn.tags).length > 0) {
    body.Tags = { ...fn.tags };
  }
  return { status: 200, body };
}

export function listVersionsByFunction(ctx: OpContext): OpResult {
  const { fn } = lookupFunction(ctx, ctx.params[0], RULE_170_UNQUALIFIED);
  const maxItems = parseMaxItems(ctx.query.MaxItems, 10000);
  const p = page(allVersions(fn), (i) => versionKey(i.version), ctx.query.Marker, maxItems, PAGE_VERSIONS);
  const body: Record<string, unknown> = { Versions: p.items.map((i) => toConfiguration(fn, i.config, i.version, i.version, true)) };
  if (p.nextMarker) {
    body.NextMarker = p.nextMarker;
  }
  return { status: 200, body };
}

export function publishVersion(ctx: OpContext): OpResult {
  const { fn } = lookupFunction(ctx, ctx.params[0], RULE_140_UNQUALIFIED);
  const body = jsonBody(ctx);
  let description: string | undefined;
  if (body.Description !== undefined) {
    description = checkString(body.Description, 'description');
    checkLength(description, 'description', 0, 256);
  }
  if (body.CodeSha256 !== undefined) {
    const sha = checkString(body.CodeSha256, 'codeSha256');
    if (sha !== fn.latest.codeSha256) {
      throw invalidParameter(`CodeSHA256 (${sha}) is different from current CodeSHA256 in $LATEST (${fn.latest.codeSha256}). Please try again with the CodeSHA256 in $LATEST.`);
    }
  }
  if (body.RevisionId !== undefined) {
    const rev = checkString(body.RevisionId, 'revisionId');
    if (rev !== fn.latest.revisionId) {
      throw preconditionFailed('The Revision Id provided does not match the latest Revision Id. Call the GetFunction/GetAlias API to retrieve the latest Revision Id');
    }
  }
  let publishTo: 'LATEST_PUBLISHED' | undefined;
  if (body.PublishTo !== undefined) {
    publishTo = checkEnum(body.PublishTo, 'publishTo', ['LATEST_PUBLISHED'] as const);
    if (!fn.latest.capacityProvider) {
      throw invalidParameter('PublishTo LATEST_PUBLISHED is supported only for functions that use a capacity provider.');
    }
  }
  const v = ctx.store.publishVersion(fn, description, false, publishTo);
  return { status: 201, body: toConfiguration(fn, v.config, v.version, v.version) };
}

export function listAliases(ctx: OpContext): OpResult {
  const { fn } = lookupFunction(ctx, ctx.params[0], RULE_140_UNQUALIFIED);
  const maxItems = parseMaxItems(ctx.query.MaxItems, 10000);
  const fv = ctx.query.FunctionVersion;
  if (fv !== undefined) {
    checkLength(fv, 'functionVersion', 1, 1024);
    checkPattern(fv, 'functionVersion', VERSION_PATTERN);
  }
  const aliases = [...fn.aliases.values()].filter((a) => fv === undefined || a.functionVersion === fv).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const p = page(aliases, (a) => a.name, ctx.query.Marker, maxItems, PAGE_ALIASES);
  const body: Record<string, unknown> = { Aliases: p.items.map((a) => toAlias(fn, a)) };
  if (p.nextMarker) {
    body.NextMarker = p.nextMarker;
  }
  return { status: 200, body };
}

function checkAliasName(name: unknown): string {
  const s = checkString(name, 'name');
  checkLength(s, 'name', 1, 128);
  checkPattern(s, 'name', ALIAS_NAME_PATTERN);
  return s;
}

export function getAlias(ctx: OpContext): OpResult {
  const { fn } = lookupFunction(ctx, ctx.params[0], RULE_140_UNQUALIFIED);
  const name = checkAliasName(ctx.params[1]);
  const alias = fn.aliases.get(name);
  if (!alias) {
    throw notFound(`Alias not found: ${functionArn(fn.region, fn.account, fn.name, name)}`);
  }
  return { status: 200, body: toAlias(fn, alias) };
}

export function createAlias(ctx: OpContext): OpResult {
  const { fn } = lookupFunction(ctx, ctx.params[0], RULE_140_UNQUALIFIED);
  const body = jsonBody(ctx);
  const name = checkAliasName(body.Name);
  const version = checkString(body.FunctionVersion, 'functionVersion');
  checkLength(version, 'functionVersion', 1, 1024);
  checkPattern(version, 'functionVersion', VERSION_PATTERN);
  let description = '';
  if (body.Description !== undefined) {
    description = checkString(body.Description, 'description');
    checkLength(description, 'description', 0, 256);
  }
  let routing: Record<string, number> | undefined;
  if (body.RoutingConfig !== undefined) {
    const rc = checkObject(body.RoutingConfig, 'routingConfig');
    if (rc.AdditionalVersionWeights !== undefined) {
      const weights = checkObject(rc.AdditionalVersionWeights, 'routingConfig.additionalVersionWeights');
      routing = {};
      for (const [v, w] of Object.entries(weights)) {
        checkLength(v, 'routingConfig.additionalVersionWeights.key', 1, 1024);
        checkPattern(v, 'routingConfig.additionalVersionWeights.key', '[0-9]+');
        if (typeof w !== 'number' || w < 0 || w > 1) {
          throw invalidParameter(`1 validation error detected: Value '${String(w)}' at 'routingConfig.additionalVersionWeights' failed to satisfy constraint: Map value must satisfy constraint: [Member must have value less than or equal to 1.0, Member must have value greater than or equal to 0.0]`);
        }
        routing[v] = w;
      }
      if (Object.keys(routing).length > 1) {
        throw invalidParameter('Number of items in AdditionalVersionWeights cannot be greater than 1');
      }
    }
  }
  if (version !== '$LATEST' && !fn.versions.has(version)) {
    throw notFound(`Function not found: ${functionArn(fn.region, fn.account, fn.name, version)}`);
  }
  if (routing && Object.keys(routing).length > 0) {
    if (version === '$LATEST') {
      throw invalidParameter('$LATEST is not supported for an alias pointing to more than 1 version');
    }
    for (const v of Object.keys(routing)) {
      if (v === version) {
        throw invalidParameter(`Invalid function version ${v}. Function version ${v} is already included in routing configuration.`);
      }
      if (!fn.versions.has(v)) {
        throw notFound(`Function not found: ${functionArn(fn.region, fn.account, fn.name, v)}`);
      }
    }
  }
  if (fn.aliases.has(name)) {
    throw conflict(`Alias already exists: ${functionArn(fn.region, fn.account, fn.name, name)}`);
  }
  const alias = ctx.store.putAlias(fn, { name, functionVersion: version, description, routing });
  return { status: 201, body: toAlias(fn, alias) };
}
