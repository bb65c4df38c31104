/**
 * The extension's data layer for CloudWatch Logs: the pages of events of a log group or stream
 * (FilterLogEvents, GetLogEvents) and Live Tail sessions (StartLiveTail, an event stream read
 * over HTTP/1.1). Never imports vscode; the assembly of an invocation's log is src/logs/model.
 */
import { FilterLogEventsCommand, GetLogEventsCommand, StartLiveTailCommand, type CloudWatchLogsClient } from '@aws-sdk/client-cloudwatch-logs';
import { ClientCache, ConnectionOptions } from './clients';
import type { CallOptions } from './service';

/** One event of a log stream. */
export interface LogEventItem {
  timestamp: number;
  message: string;
  /** Set by FilterLogEvents and Live Tail (the stream it came from). */
  logStreamName?: string;
}

export interface FilterQuery {
  logGroupName: string;
  filterPattern?: string;
  startTime?: number;
  endTime?: number;
  logStreamNames?: string[];
  nextToken?: string;
}

export interface StreamQuery {
  logGroupName: string;
  logStreamName: string;
  startTime?: number;
  /** The `nextForwardToken` of the previous page. */
  nextToken?: string;
}

/** What a Live Tail session says: it started, then an update every second (often empty). */
export type LiveTailMessage = { kind: 'start'; sessionId?: string } | { kind: 'update'; events: LogEventItem[]; sampled: boolean };

/** The end of a Live Tail session that the service sent in the stream (SessionTimeoutException, SessionStreamingException). */
export class LiveTailEnded extends Error {
  constructor(name: string, message: string) {
    super(message);
    this.name = name;
  }
}

const toItem = (e: { timestamp?: number; message?: string; logStreamName?: string }): LogEventItem => ({
  timestamp: e.timestamp ?? 0,
  message: e.message ?? '',
  ...(e.logStreamName ? { logStreamName: e.logStreamName } : {}),
});

export class LogsService {
  constructor(
    private readonly connection: ConnectionOptions,
    private readonly clients: ClientCache = new ClientCache(),
  ) {}

  get region(): string {
    return this.connection.region;
  }

  get client(): CloudWatchLogsClient {
    return this.clients.logs(this.connection);
  }

  private opts(o?: CallOptions): { abortSignal?: AbortSignal } {
    return o?.signal ? { abortSignal: o.signal } : {};
  }

  /** One page of FilterLogEvents (events of every stream, in time order). */
  async filterLogEvents(q: FilterQuery, o?: CallOptions): Promise<{ events: LogEventItem[]; nextToken?: string }> {
    const out = await this.client.send(
      new FilterLogEventsCommand({
        logGroupName: q.logGroupName,
        filterPattern: q.filterPattern,
        startTime: q.startTime,
        endTime: q.endTime,
        logStreamNames: q.logStreamNames,
        nextToken: q.nextToken,
      }),
      this.opts(o),
    );
    return { events: (out.events ?? []).map(toItem), nextToken: out.nextToken || undefined };
  }

  /** One page of GetLogEvents, oldest first. At the end the service answers the token it was given. */
  async getLogEvents(q: StreamQuery, o?: CallOptions): Promise<{ events: LogEventItem[]; nextForwardToken?: string }> {
    const out = await this.client.send(
      new GetLogEventsCommand({
        logGroupName: q.logGroupName,
        logStreamName: q.logStreamName,
        startTime: q.nextToken ? undefined : q.startTime,
        nextToken: q.nextToken,
        startFromHead: true,
      }),
      this.opts(o),
    );
    return { events: (out.events ?? []).map((e) => ({ ...toItem(e), logStreamName: q.logStreamName })), nextForwardToken: out.nextForwardToken || undefined };
  }

  /**
   * A Live Tail session on log groups (their ARNs): yields its messages until the signal aborts
   * (then it ends quietly) or the service ends the session (then it throws).
   */
  async *liveTail(logGroupIdentifiers: string[], o: Required<CallOptions>): AsyncGenerator<LiveTailMessage> {
    const out = await this.client.send(new StartLiveTailCommand({ logGroupIdentifiers }), this.opts(o));
    if (!out.responseStream) {
      return;
    }
    try {
      for await (const m of out.responseStream) {
        if (m.sessionStart) {
          yield { kind: 'start', sessionId: m.sessionStart.sessionId };
        } else if (m.sessionUpdate) {
          yield { kind: 'update', events: (m.sessionUpdate.sessionResults ?? []).map(toItem), sampled: m.sessionUpdate.sessionMetadata?.sampled === true };
        } else if (m.SessionTimeoutException) {
          throw new LiveTailEnded('SessionTimeoutException', m.SessionTimeoutException.message ?? 'The session ended.');
        } else if (m.SessionStreamingException) {
          throw new LiveTailEnded('SessionStreamingException', m.SessionStreamingException.message ?? 'The session was interrupted.');
        }
      }
    } catch (err) {
      if (o.signal.aborted) {
        return;
      }
      throw err;
    }
  }
}
