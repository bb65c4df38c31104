import { randomUUID } from 'node:crypto';
import { EventStreamCodec, type MessageHeaders } from '@smithy/eventstream-codec';
import { fromUtf8, toUtf8 } from '@smithy/util-utf8';
import type { VisibleEvent } from '../../logStore';
import type { ServiceCall, ServiceResult } from '../dispatch';
import type { JsonInput } from '../input';
import type { LogsOptions } from './api';
import { groupNameOf, groupNotFound } from './api';
import { compileFilterPattern } from './filterPattern';

/*
 * StartLiveTail: how the service answers it and how @aws-sdk/client-cloudwatch-logs asks.
 *
 * The SDK sends an ordinary JSON 1.1 request (POST /, X-Amz-Target: Logs_20140328.StartLiveTail)
 * over HTTP/1.1 (its default NodeHttpHandler; no HTTP/2), to the host prefixed with `stream-`
 * (the operation's endpoint trait: stream-logs.<region>.amazonaws.com). Against a local endpoint
 * the client must set `disableHostPrefix: true`, or `stream-127.0.0.1` does not resolve.
 *
 * The answer is 200 with `Content-Type: application/vnd.amazon.eventstream`, a chunked body of
 * event-stream messages (encoded here with @smithy/eventstream-codec): one `sessionStart`, then
 * a `sessionUpdate` every interval (1 s on AWS) — empty when nothing new arrived — holding at
 * most 500 events (`sessionMetadata.sampled` when more matched). The SDK reads the first message
 * before `send()` resolves, so sessionStart goes out at once. A slow reader gets at most 10
 * updates buffered, the oldest dropped, as the service does. The session ends when the client
 * closes the connection (abort), after the session limit (SessionTimeoutException, 3 hours), or
 * when a fault cuts it (SessionStreamingException in the stream, or a reset connection).
 */

export interface LiveTailOptions {
  /** Interval between sessionUpdate messages (AWS: 1000 ms). */
  intervalMs: () => number;
  /** Session limit (AWS: 3 hours). */
  maxSessionMs: () => number;
  /** Live sessions, for the health route and for stop(). */
  sessions: Set<LiveTailSession>;
}

export interface LiveTailSession {
  sessionId: string;
  account: string;
  region: string;
  logGroupIdentifiers: string[];
  startedAt: number;
  /** Ends the session (emulator stop). */
  close(): void;
}

const MAX_RESULTS = 500;
const MAX_BUFFERED_UPDATES = 10;
const codec = new EventStreamCodec(toUtf8, fromUtf8);

const str = (value: string) => ({ type: 'string' as const, value });

function eventMessage(eventType: string, payload: unknown): Uint8Array {
  const headers: MessageHeaders = { ':message-type': str('event'), ':event-type': str(eventType), ':content-type': str('application/json') };
  return codec.encode({ headers, body: fromUtf8(JSON.stringify(payload)) });
}

function exceptionMessage(exceptionType: string, message: string): Uint8Array {
  const headers: MessageHeaders = { ':message-type': str('exception'), ':exception-type': str(exceptionType), ':content-type': str('application/json') };
  return codec.encode({ headers, body: fromUtf8(JSON.stringify({ message })) });
}

/** Up to 500 events spread evenly over `events`. */
function sample<T>(events: T[]): T[] {
  if (events.length <= MAX_RESULTS) {
    return events;
  }
  return Array.from({ length: MAX_RESULTS }, (_, i) => events[Math.floor((i * events.length) / MAX_RESULTS)]);
}

export function startLiveTail(opts: LogsOptions, call: ServiceCall, input: JsonInput): ServiceResult {
  const identifiers = input.strings('logGroupIdentifiers', { min: 1, max: 10 });
  if (!identifiers) {
    input.fail("1 validation error detected: Value null at 'logGroupIdentifiers' failed to satisfy constraint: Member must not be null");
  }
  const streamNames = input.strings('logStreamNames', { min: 1, max: 100 });
  const prefixes = input.strings('logStreamNamePrefixes', { min: 1, max: 100 });
  const filterPattern = input.string('logEventFilterPattern', { max: 1024 });
  if (streamNames && prefixes) {
    input.fail('logStreamNames and logStreamNamePrefixes are mutually exclusive parameters.');
  }
  if ((streamNames || prefixes) && identifiers.length > 1) {
    input.fail('logStreamNames and logStreamNamePrefixes can be specified only when one log group is specified.');
  }
  const matches = compileFilterPattern(filterPattern);
  const groups = new Map<string, string>();
  for (const id of identifiers) {
    if (id.endsWith('*')) {
      input.fail(`The log group identifier ${id} must not end with an asterisk (*).`);
    }
    const name = groupNameOf(call, id);
    if (name === undefined || !opts.logs.findGroup(call.account, call.region, name)) {
      throw groupNotFound();
    }
    groups.set(name, id);
  }
  const wanted = (e: VisibleEvent): boolean =>
    e.account === call.account &&
    e.region === call.region &&
    groups.has(e.logGroupName) &&
    (!streamNames || streamNames.includes(e.logStreamName)) &&
    (!prefixes || prefixes.some((p) => e.logStreamName.startsWith(p))) &&
    matches(e.message);

  return {
    stream: () =>
      new Promise<void>((resolve) => {
        const { res } = call;
        const sessionId = randomUUID();
        const pending: VisibleEvent[] = [];
        const buffered: Uint8Array[] = [];
        const timers: NodeJS.Timeout[] = [];
        let ended = false;

        const write = (message: Uint8Array): void => {
          if (ended) {
            return;
          }
          if (res.writableNeedDrain) {
            buffered.push(message);
            buffered.splice(0, Math.max(0, buffered.length - MAX_BUFFERED_UPDATES));
            return;
          }
          res.write(message);
        };
        const finish = (last?: Uint8Array, reset = false): void => {
          if (ended) {
            return;
          }
          if (reset) {
            ended = true;
            res.socket?.destroy();
            return;
          }
          if (last) {
            res.write(last);
          }
          ended = true;
          res.end();
        };
        const session: LiveTailSession = {
          sessionId,
          account: call.account,
          region: call.region,
          logGroupIdentifiers: identifiers,
          startedAt: Date.now(),
          close: () => finish(),
        };
        const unsubscribe = opts.logs.subscribe((e) => {
          if (wanted(e)) {
            pending.push(e);
          }
        });
        const cleanup = (): void => {
          ended = true;
          unsubscribe();
          timers.forEach((t) => clearTimeout(t));
          opts.liveTail.sessions.delete(session);
          resolve();
        };
        res.on('close', cleanup);
        res.on('drain', () => {
          while (buffered.length > 0 && !res.writableNeedDrain && !ended) {
            res.write(buffered.shift()!);
          }
        });
        opts.liveTail.sessions.add(session);

        res.writeHead(200, { 'x-amzn-RequestId': call.requestId, 'Content-Type': 'application/vnd.amazon.eventstream' });
        write(
          eventMessage('sessionStart', {
            requestId: call.requestId,
            sessionId,
            logGroupIdentifiers: identifiers,
            ...(streamNames ? { logStreamNames: streamNames } : {}),
            ...(prefixes ? { logStreamNamePrefixes: prefixes } : {}),
            ...(filterPattern !== undefined ? { logEventFilterPattern: filterPattern } : {}),
          }),
        );
        const tick = (): void => {
          const batch = pending.splice(0, pending.length);
          const results = sample(batch).map((e) => ({
            logStreamName: e.logStreamName,
            logGroupIdentifier: `${e.account}:${e.logGroupName}`,
            message: e.message,
            timestamp: e.timestamp,
            ingestionTime: e.ingestionTime,
          }));
          write(eventMessage('sessionUpdate', { sessionMetadata: { sampled: batch.length > MAX_RESULTS }, sessionResults: results }));
          timers[0] = setTimeout(tick, untilNextTick());
        };
        // Every session sends at the same moments (multiples of the interval on the clock), so
        // that two sessions on the same group receive an event at the same time (the benchmark).
        const untilNextTick = (): number => {
          const interval = Math.max(1, opts.liveTail.intervalMs());
          return interval - (Date.now() % interval);
        };
        timers[0] = setTimeout(tick, untilNextTick());
        const limit = opts.liveTail.maxSessionMs();
        const limitText = limit % 3_600_000 === 0 ? `${limit / 3_600_000} hours` : `${Math.round(limit / 1000)} seconds`;
        timers[1] = setTimeout(() => finish(exceptionMessage('SessionTimeoutException', `The Live Tail session timed out after ${limitText}.`)), limit);
        const cut = call.fault?.cutStreamAfterMs;
        if (cut !== undefined) {
          const reset = call.fault?.cutStreamReset === true;
          timers[2] = setTimeout(() => finish(exceptionMessage('SessionStreamingException', 'The Live Tail session was interrupted by an internal error.'), reset), cut);
        }
      }),
  };
}
