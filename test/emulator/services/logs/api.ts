import type { LogEventRecord, LogGroupRecord, LogStore, LogStreamRecord } from '../../logStore';
import type { ServiceCall, ServiceDefinition, ServiceResult } from '../dispatch';
import { notAuthorizedMessage } from '../identity';
import { JsonInput, decodeToken, encodeToken, pageByOffset } from '../input';
import { apiError, headerOf, jsonAnswer } from '../protocols';
import { compileFilterPattern } from './filterPattern';
import { LiveTailOptions, startLiveTail } from './liveTail';

/*
 * CloudWatch Logs (AWS JSON 1.1, POST /, X-Amz-Target: Logs_20140328.<Operation>) over the
 * emulator's LogStore: FilterLogEvents, GetLogEvents, DescribeLogStreams, DescribeLogGroups and
 * StartLiveTail. Only events past the store's ingestion delay are visible.
 */

export interface LogsOptions {
  logs: LogStore;
  /** Most events (FilterLogEvents, GetLogEvents) or streams and groups a page holds. */
  pageSize: () => number;
  liveTail: LiveTailOptions;
}

export const LOGS_TARGET_PREFIX = 'Logs_20140328.';
const GROUP_NAME = /^[.\-_/#A-Za-z0-9]+$/;
const GROUP_ARN = /^arn:aws[a-z-]*:logs:([a-z0-9-]+):(\d{12}):log-group:([^:*]+)(:\*)?$/;
/** FilterLogEvents with startFromHead false needs a startTime on or after this (2024-01-01). */
const DESCENDING_SINCE = Date.UTC(2024, 0, 1);

export const invalidParameter = (message: string) => apiError('InvalidParameterException', 400, message);
export const groupNotFound = () => apiError('ResourceNotFoundException', 400, 'The specified log group does not exist.');
const invalidToken = (): never => {
  throw invalidParameter('The specified nextToken is invalid.');
};

export const groupArn = (region: string, account: string, name: string): string => `arn:aws:logs:${region}:${account}:log-group:${name}`;

/** The log group name an identifier (name or ARN) names, in the caller's account and region; undefined when it points elsewhere. */
export function groupNameOf(call: { account: string; region: string }, identifier: string): string | undefined {
  const arn = GROUP_ARN.exec(identifier);
  if (!arn) {
    return identifier;
  }
  return arn[1] === call.region && arn[2] === call.account ? arn[3] : undefined;
}

function findGroup(opts: LogsOptions, call: ServiceCall, input: JsonInput): LogGroupRecord {
  const name = input.string('logGroupName', { min: 1, max: 512, pattern: GROUP_NAME });
  const identifier = input.string('logGroupIdentifier', { min: 1, max: 2048 });
  if (name !== undefined && identifier !== undefined) {
    input.fail('LogGroup name and LogGroup ARN are mutually exclusive parameters.');
  }
  if (name === undefined && identifier === undefined) {
    input.fail('Either logGroupName or logGroupIdentifier must be specified.');
  }
  const groupName = name ?? groupNameOf(call, identifier!);
  const group = groupName === undefined ? undefined : opts.logs.findGroup(call.account, call.region, groupName);
  if (!group) {
    throw groupNotFound();
  }
  return group;
}

/*
 * Order of events: time, then arrival (event ids are 20 zero-padded digits, so they compare as
 * strings). A key (time, id) is written as 56 digits: the time (36) then the id (20).
 */
interface Key {
  t: number;
  id: string;
}
const KEY_DIGITS = 56;
const keyOf = (e: LogEventRecord): Key => ({ t: Math.max(0, e.timestamp), id: e.eventId });
const keyText = (k: Key): string => `${String(k.t).padStart(KEY_DIGITS - 20, '0')}${k.id}`;
const keyFrom = (text: string): Key => ({ t: Number(text.slice(0, KEY_DIGITS - 20)), id: text.slice(KEY_DIGITS - 20) });
/** < 0 when `e` comes before `k`, > 0 after, 0 for the same event. */
const compareKey = (e: LogEventRecord, k: Key): number => Math.max(0, e.timestamp) - k.t || (e.eventId < k.id ? -1 : e.eventId > k.id ? 1 : 0);
const byTime = (a: LogEventRecord, b: LogEventRecord): number =>
  Math.max(0, a.timestamp) - Math.max(0, b.timestamp) || (a.eventId < b.eventId ? -1 : a.eventId > b.eventId ? 1 : 0);
/** The key `delta` after (or before) `key`. */
const shiftKey = (key: Key, delta: bigint): Key => {
  const n = BigInt(keyText(key)) + delta;
  return keyFrom((n < 0n ? 0n : n).toString().padStart(KEY_DIGITS, '0'));
};

/** A stream's visible events in order (the store keeps them in arrival order: mostly sorted already). */
function visibleSorted(opts: LogsOptions, stream: LogStreamRecord, now: number): LogEventRecord[] {
  return opts.logs.visibleEvents(stream, now).sort(byTime);
}

/** The first index of sorted `events` where the monotone `after` turns true (events.length if never). */
function firstIndex(events: readonly LogEventRecord[], after: (e: LogEventRecord) => boolean): number {
  let lo = 0;
  let hi = events.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (after(events[mid])) {
      hi = mid;
    } else {
      lo = mid + 1;
    }
  }
  return lo;
}

function filterLogEvents(opts: LogsOptions, call: ServiceCall, input: JsonInput): ServiceResult {
  const group = findGroup(opts, call, input);
  const names = input.strings('logStreamNames', { min: 1, max: 100 });
  const prefix = input.string('logStreamNamePrefix', { min: 1, max: 512 });
  if (names && prefix !== undefined) {
    input.fail('logStreamNames and logStreamNamePrefix are mutually exclusive parameters.');
  }
  const startTime = input.int('startTime', { min: 0 });
  const endTime = input.int('endTime', { min: 0 });
  const limit = input.int('limit', { min: 1, max: 10000 });
  const matches = compileFilterPattern(input.string('filterPattern', { max: 1024 }));
  const token = decodeToken(input.string('nextToken', { min: 1 }), isEventToken, invalidToken);
  let descending = input.bool('startFromHead') === false;
  if (token) {
    descending = token.d === 'b';
  } else if (descending && (startTime === undefined || startTime < DESCENDING_SINCE)) {
    input.fail('startFromHead false is supported only with a startTime on or after Jan 1, 2024 00:00:00 UTC.');
  }
  const from = token ? keyFrom(token.k) : undefined;
  const now = Date.now();
  // One cursor per stream, at the first event of the page's direction; then merge in time order.
  const cursors = [...group.streams.values()]
    .filter((s) => (!names || names.includes(s.logStreamName)) && (prefix === undefined || s.logStreamName.startsWith(prefix)))
    .map((s) => {
      const events = visibleSorted(opts, s, now);
      const i = descending
        ? firstIndex(events, (e) => (endTime !== undefined && e.timestamp > endTime) || (from !== undefined && compareKey(e, from) >= 0)) - 1
        : firstIndex(events, (e) => (startTime === undefined || e.timestamp >= startTime) && (from === undefined || compareKey(e, from) > 0));
      return { stream: s.logStreamName, events, i };
    });
  const inWindow = (e: LogEventRecord): boolean => (descending ? startTime === undefined || e.timestamp >= startTime : endTime === undefined || e.timestamp <= endTime);
  const size = Math.min(limit ?? opts.pageSize(), opts.pageSize());
  const page: { stream: string; e: LogEventRecord }[] = [];
  while (page.length <= size) {
    let next: (typeof cursors)[number] | undefined;
    for (const c of cursors) {
      const e = c.events[c.i];
      if (e === undefined || !inWindow(e)) {
        continue;
      }
      if (!next || (descending ? byTime(e, next.events[next.i]) > 0 : byTime(e, next.events[next.i]) < 0)) {
        next = c;
      }
    }
    if (!next) {
      break;
    }
    const e = next.events[next.i];
    next.i += descending ? -1 : 1;
    if (matches(e.message)) {
      page.push({ stream: next.stream, e });
    }
  }
  const more = page.length > size;
  const events = page.slice(0, size);
  return jsonAnswer({
    events: events.map(({ stream, e }) => ({ logStreamName: stream, timestamp: e.timestamp, message: e.message, ingestionTime: e.ingestionTime, eventId: e.eventId })),
    searchedLogStreams: [],
    ...(more ? { nextToken: encodeToken({ k: keyText(keyOf(events[events.length - 1].e)), d: descending ? 'b' : 'f' }) } : {}),
  });
}

const isEventToken = (v: unknown): v is { k: string; d: 'f' | 'b' } =>
  typeof v === 'object' && v !== null && typeof (v as { k?: unknown }).k === 'string' && /^\d{56}$/.test((v as { k: string }).k) && ['f', 'b'].includes((v as { d?: string }).d ?? '');

/*
 * GetLogEvents tokens, shaped like the service's (`f/` or `b/` and 56 digits): the boundary key
 * (time * 10^20 + arrival). `f/K` reads the events after K, `b/K` those before K. At the end
 * the service answers the token it was given: so does the emulator.
 */
const stepToken = (dir: 'f' | 'b', key: Key): string => `${dir}/${keyText(key)}`;

function getLogEvents(opts: LogsOptions, call: ServiceCall, input: JsonInput): ServiceResult {
  const group = findGroup(opts, call, input);
  const streamName = input.string('logStreamName', { required: true, min: 1, max: 512 })!;
  const stream = group.streams.get(streamName);
  if (!stream) {
    throw apiError('ResourceNotFoundException', 400, 'The specified log stream does not exist.');
  }
  const startTime = input.int('startTime', { min: 0 });
  const endTime = input.int('endTime', { min: 0 });
  const limit = input.int('limit', { min: 1, max: 10000 });
  const nextToken = input.string('nextToken', { min: 1 });
  const startFromHead = input.bool('startFromHead') === true;
  const size = Math.min(limit ?? opts.pageSize(), opts.pageSize());
  const events = visibleSorted(opts, stream, Date.now()).filter((e) => (startTime === undefined || e.timestamp >= startTime) && (endTime === undefined || e.timestamp < endTime));

  let page: LogEventRecord[];
  let atEnd: { forward?: string; backward?: string } = {};
  const token = nextToken === undefined ? undefined : /^([fb])\/(\d{56})$/.exec(nextToken);
  if (nextToken !== undefined && !token) {
    invalidToken();
  }
  if (token) {
    const k = keyFrom(token[2]);
    if (token[1] === 'f') {
      const i = firstIndex(events, (e) => compareKey(e, k) > 0);
      page = events.slice(i, i + size);
      atEnd = { forward: nextToken, backward: stepToken('b', shiftKey(k, 1n)) };
    } else {
      const i = firstIndex(events, (e) => compareKey(e, k) >= 0);
      page = events.slice(Math.max(0, i - size), i);
      atEnd = { forward: stepToken('f', shiftKey(k, -1n)), backward: nextToken };
    }
  } else {
    page = startFromHead ? events.slice(0, size) : events.slice(-size);
    const k: Key = { t: startTime ?? 0, id: '0'.repeat(20) };
    atEnd = { forward: stepToken('f', k), backward: stepToken('b', shiftKey(k, 1n)) };
  }
  return jsonAnswer({
    events: page.map((e) => ({ timestamp: e.timestamp, message: e.message, ingestionTime: e.ingestionTime })),
    nextForwardToken: page.length > 0 ? stepToken('f', keyOf(page[page.length - 1])) : atEnd.forward,
    nextBackwardToken: page.length > 0 ? stepToken('b', keyOf(page[0])) : atEnd.backward,
  });
}

function describeLogStreams(opts: LogsOptions, call: ServiceCall, input: JsonInput): ServiceResult {
  const group = findGroup(opts, call, input);
  const prefix = input.string('logStreamNamePrefix', { min: 1, max: 512 });
  const orderBy = input.enumOf('orderBy', ['LogStreamName', 'LastEventTime'] as const) ?? 'LogStreamName';
  const descending = input.bool('descending') === true;
  const limit = input.int('limit', { min: 1, max: 50 });
  if (orderBy === 'LastEventTime' && prefix !== undefined) {
    input.fail('Cannot order by LastEventTime with a logStreamNamePrefix.');
  }
  const now = Date.now();
  const streams = [...group.streams.values()]
    .filter((s) => prefix === undefined || s.logStreamName.startsWith(prefix))
    .map((s) => {
      const visible = visibleSorted(opts, s, now);
      const first = visible[0];
      const last = visible[visible.length - 1];
      return {
        logStreamName: s.logStreamName,
        creationTime: s.creationTime,
        ...(first ? { firstEventTimestamp: first.timestamp, lastEventTimestamp: last.timestamp, lastIngestionTime: Math.max(...visible.map((e) => e.ingestionTime)) } : {}),
        arn: `${groupArn(call.region, call.account, group.logGroupName)}:log-stream:${s.logStreamName}`,
        storedBytes: 0,
      };
    });
  if (orderBy === 'LogStreamName') {
    streams.sort((a, b) => (a.logStreamName < b.logStreamName ? -1 : a.logStreamName > b.logStreamName ? 1 : 0));
  } else {
    streams.sort((a, b) => (a.lastEventTimestamp ?? a.creationTime) - (b.lastEventTimestamp ?? b.creationTime) || (a.logStreamName < b.logStreamName ? -1 : 1));
  }
  if (descending) {
    streams.reverse();
  }
  const page = pageByOffset(streams, input.string('nextToken', { min: 1 }), Math.min(limit ?? 50, opts.pageSize()), invalidToken);
  return jsonAnswer({ logStreams: page.items, ...(page.nextToken ? { nextToken: page.nextToken } : {}) });
}

function describeLogGroups(opts: LogsOptions, call: ServiceCall, input: JsonInput): ServiceResult {
  const prefix = input.string('logGroupNamePrefix', { min: 1, max: 512, pattern: GROUP_NAME });
  const pattern = input.string('logGroupNamePattern', { max: 512 });
  const identifiers = input.strings('logGroupIdentifiers', { min: 1, max: 50 });
  const limit = input.int('limit', { min: 1, max: 50 });
  if (prefix !== undefined && pattern !== undefined) {
    input.fail('LogGroup name prefix and LogGroup name pattern are mutually exclusive parameters.');
  }
  const wanted = identifiers?.map((id) => groupNameOf(call, id));
  const now = Date.now();
  const groups = opts.logs
    .groupsOf(call.account, call.region)
    .filter((g) => (prefix === undefined || g.logGroupName.startsWith(prefix)) && (pattern === undefined || g.logGroupName.includes(pattern)) && (!wanted || wanted.includes(g.logGroupName)))
    .sort((a, b) => (a.logGroupName < b.logGroupName ? -1 : 1))
    .map((g) => {
      const arn = groupArn(call.region, call.account, g.logGroupName);
      const storedBytes = [...g.streams.values()].reduce((n, s) => n + opts.logs.visibleEvents(s, now).reduce((m, e) => m + Buffer.byteLength(e.message), 0), 0);
      return pattern !== undefined
        ? { logGroupName: g.logGroupName, creationTime: g.creationTime, arn: `${arn}:*` }
        : { logGroupName: g.logGroupName, creationTime: g.creationTime, metricFilterCount: 0, arn: `${arn}:*`, storedBytes, logGroupClass: 'STANDARD', logGroupArn: arn };
    });
  const page = pageByOffset(groups, input.string('nextToken', { min: 1 }), Math.min(limit ?? 50, opts.pageSize()), invalidToken);
  return jsonAnswer({ logGroups: page.items, ...(page.nextToken ? { nextToken: page.nextToken } : {}) });
}

type LogsOperation = (opts: LogsOptions, call: ServiceCall, input: JsonInput) => ServiceResult;

const OPERATIONS: Record<string, LogsOperation> = {
  FilterLogEvents: filterLogEvents,
  GetLogEvents: getLogEvents,
  DescribeLogStreams: describeLogStreams,
  DescribeLogGroups: describeLogGroups,
  StartLiveTail: (opts, call, input) => startLiveTail(opts, call, input),
};

export const LOGS_OPERATIONS = Object.keys(OPERATIONS);

/** The log group a request names, for the resource of a permission error. */
function resourceOf(call: ServiceCall): string {
  let body: Record<string, unknown> = {};
  try {
    body = JSON.parse(call.body.toString('utf8')) as Record<string, unknown>;
  } catch {
    // no group named
  }
  const ids = Array.isArray(body.logGroupIdentifiers) ? body.logGroupIdentifiers : [];
  const named = [body.logGroupName, body.logGroupIdentifier, ids[0]].find((x): x is string => typeof x === 'string');
  const name = named === undefined ? '' : (groupNameOf(call, named) ?? named);
  return `${groupArn(call.region, call.account, name)}:log-stream:`;
}

export function logsService(opts: LogsOptions): ServiceDefinition {
  return {
    name: 'logs',
    protocol: 'json',
    resolve(method, rawPath, headers) {
      const target = headerOf(headers, 'x-amz-target') ?? '';
      const op = target.startsWith(LOGS_TARGET_PREFIX) ? target.slice(LOGS_TARGET_PREFIX.length) : '';
      return method === 'POST' && rawPath === '/' && Object.prototype.hasOwnProperty.call(OPERATIONS, op) ? { operation: op, params: [] } : undefined;
    },
    run(call) {
      return OPERATIONS[call.operation](opts, call, JsonInput.parse(call.body, 'InvalidParameterException'));
    },
    denied: (call) => apiError('AccessDeniedException', 400, notAuthorizedMessage(call.key, `logs:${call.operation}`, resourceOf(call))),
    throttled: () => apiError('ThrottlingException', 400, 'Rate exceeded'),
    serverError: 'ServiceUnavailableException',
  };
}
