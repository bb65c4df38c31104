/**
 * The emulator's CloudWatch Logs data: log groups of log streams of events, per account and
 * region. The Lambda runtime appends every line a function's execution environment writes
 * (one log stream per environment, as Lambda does); the CloudWatch Logs operations read it.
 *
 * Ingestion delay: CloudWatch Logs shows an event some seconds after it was written. Here an
 * appended event becomes visible `ingestionDelayMs` after it was appended (0 by default), so
 * tests can cover "not there yet". Listeners (live tail) hear of each event when it becomes
 * visible.
 */

export interface LogEventRecord {
  /** Epoch ms the line was written. */
  timestamp: number;
  /** Epoch ms it became visible (timestamp of append + ingestion delay). */
  ingestionTime: number;
  message: string;
  /** Unique within the emulator, increasing. */
  eventId: string;
}

export interface LogStreamRecord {
  logGroupName: string;
  logStreamName: string;
  creationTime: number;
  /** Every event appended, visible or not, in append order. */
  events: LogEventRecord[];
}

export interface LogGroupRecord {
  account: string;
  region: string;
  logGroupName: string;
  creationTime: number;
  streams: Map<string, LogStreamRecord>;
}

export interface VisibleEvent extends LogEventRecord {
  account: string;
  region: string;
  logGroupName: string;
  logStreamName: string;
}

export type LogListener = (event: VisibleEvent) => void;

export class LogStore {
  /** How long an appended event stays invisible. */
  ingestionDelayMs = 0;
  private readonly groups = new Map<string, LogGroupRecord>();
  private readonly listeners = new Set<LogListener>();
  private readonly timers = new Set<NodeJS.Timeout>();
  private nextId = 1;

  private key(account: string, region: string, logGroupName: string): string {
    return `${account}/${region}/${logGroupName}`;
  }

  /** Creates the group if needed (Lambda creates `/aws/lambda/<name>` on the first write). */
  group(account: string, region: string, logGroupName: string, now = Date.now()): LogGroupRecord {
    const k = this.key(account, region, logGroupName);
    let g = this.groups.get(k);
    if (!g) {
      g = { account, region, logGroupName, creationTime: now, streams: new Map() };
      this.groups.set(k, g);
    }
    return g;
  }

  /** The group, or undefined when nothing was ever written to it. */
  findGroup(account: string, region: string, logGroupName: string): LogGroupRecord | undefined {
    return this.groups.get(this.key(account, region, logGroupName));
  }

  /** Every group, of every account and region. */
  allGroups(): LogGroupRecord[] {
    return [...this.groups.values()];
  }

  /** Every group of an account and region. */
  groupsOf(account: string, region: string): LogGroupRecord[] {
    return [...this.groups.values()].filter((g) => g.account === account && g.region === region);
  }

  /**
   * Appends lines to a stream (created when new). Each line is one event; `timestamp`
   * defaults to now. Returns the events appended.
   */
  append(account: string, region: string, logGroupName: string, logStreamName: string, lines: ReadonlyArray<{ message: string; timestamp?: number }>): LogEventRecord[] {
    const now = Date.now();
    const g = this.group(account, region, logGroupName, now);
    let s = g.streams.get(logStreamName);
    if (!s) {
      s = { logGroupName, logStreamName, creationTime: now, events: [] };
      g.streams.set(logStreamName, s);
    }
    const delay = Math.max(0, this.ingestionDelayMs);
    const added: LogEventRecord[] = [];
    for (const line of lines) {
      const e: LogEventRecord = {
        timestamp: line.timestamp ?? now,
        ingestionTime: now + delay,
        message: line.message,
        eventId: String(this.nextId++).padStart(20, '0'),
      };
      s.events.push(e);
      added.push(e);
    }
    if (added.length > 0 && this.listeners.size > 0) {
      const notify = () => {
        for (const e of added) {
          const v: VisibleEvent = { ...e, account, region, logGroupName, logStreamName };
          for (const l of this.listeners) {
            l(v);
          }
        }
      };
      if (delay === 0) {
        notify();
      } else {
        const timer = setTimeout(() => {
          this.timers.delete(timer);
          notify();
        }, delay);
        this.timers.add(timer);
      }
    }
    return added;
  }

  /** The events of a stream that are visible now, in order. */
  visibleEvents(stream: LogStreamRecord, now = Date.now()): LogEventRecord[] {
    return stream.events.filter((e) => e.ingestionTime <= now);
  }

  /** Hears of each event when it becomes visible; returns the way to stop listening. */
  subscribe(listener: LogListener): () => void {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  }

  clear(): void {
    this.groups.clear();
  }

  dispose(): void {
    for (const t of this.timers) {
      clearTimeout(t);
    }
    this.timers.clear();
    this.listeners.clear();
  }
}
