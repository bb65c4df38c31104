/** A fault injected into the answers of one operation (or of all: '*'). */
export interface Fault {
  /** Wait this long before handling the request. */
  latencyMs?: number;
  /** Answer 429 TooManyRequestsException (with Reason and Retry-After). */
  throttle?: boolean;
  /** Reason of the throttle (default CallerRateLimitExceeded). */
  reason?: string;
  /** Retry-After of the throttle, in seconds (default 1). */
  retryAfterSeconds?: number;
  /** Answer this status with `error` (default ServiceException). */
  status?: 500 | 502 | 503;
  /** Exception name for `status` (x-amzn-ErrorType), e.g. ServiceException, ResourceNotReadyException. */
  error?: string;
  /** Message for `status`. */
  message?: string;
  /** Destroy the socket without answering. */
  drop?: boolean;
  /** Send the (normal) answer's body in small pieces spread over this many ms. */
  slowBodyMs?: number;
  /**
   * Carry the operation out (the change is made, the function runs), then answer its 2xx status
   * with a body the SDK cannot read: 'truncated' (JSON cut in the middle), 'nan' (every number
   * written NaN, not JSON), 'cut' (the declared length is never sent: the connection closes
   * half-way). `true` picks 'truncated' for JSON answers and 'cut' for the others (Invoke's
   * payload, an event stream). A 204 has no body to spoil.
   */
  unreadableBody?: true | UnreadableBody;
  /**
   * Carry the operation out, then answer its 2xx status with this content type (e.g. text/html)
   * and an HTML page instead of the real body, like a proxy or captive portal in between.
   */
  contentType?: string;
  /** Apply this many times, then clear by itself. */
  times?: number;
  /** CloudWatch Logs, Schemas, STS: answer the service's permission error naming the action. */
  denied?: boolean;
  /**
   * Event streams: cut the stream this many ms after it started. StartLiveTail ends it with its
   * exception (or a reset, below); InvokeWithResponseStream has no exception event: the
   * connection is destroyed mid-stream.
   */
  cutStreamAfterMs?: number;
  /** With cutStreamAfterMs: reset the connection instead of sending the stream's exception. */
  cutStreamReset?: boolean;
}

export type UnreadableBody = 'truncated' | 'nan' | 'cut';
export const UNREADABLE_BODY_MODES: readonly UnreadableBody[] = ['truncated', 'nan', 'cut'];

/** Faults that spoil the answer after the operation was carried out. */
export const spoilsAnswer = (f: Fault | undefined): boolean => f !== undefined && (f.unreadableBody !== undefined || f.contentType !== undefined);

export interface FaultEntry extends Fault {
  operation: string;
}

/** What a request's fault did before its operation ran. */
export interface TakenFault {
  fault?: Fault;
  /** The socket was destroyed: nothing more to answer. */
  dropped: boolean;
}

export class FaultController {
  private readonly faults = new Map<string, Fault>();

  /** Sets the fault of an operation (SDK command name without "Command", e.g. 'Invoke') or '*'. */
  set(operation: string, fault: Fault): void {
    if (fault.times !== undefined && fault.times <= 0) {
      this.faults.delete(operation);
      return;
    }
    this.faults.set(operation, { ...fault });
  }

  /** Clears the fault of one operation, or all of them. */
  clear(operation?: string): void {
    if (operation === undefined) {
      this.faults.clear();
    } else {
      this.faults.delete(operation);
    }
  }

  list(): FaultEntry[] {
    return [...this.faults.entries()].map(([operation, f]) => ({ operation, ...f }));
  }

  get(operation: string): Fault | undefined {
    return this.faults.get(operation) ?? this.faults.get('*');
  }

  /**
   * Takes the fault of a request's operation and does its first part: notes it in the request
   * record, waits `latencyMs`, and destroys the socket for `drop` (status 0 in the record).
   */
  async begin(operation: string, record: { fault?: string; status: number }, socket: { destroy(): void }): Promise<TakenFault> {
    const fault = this.take(operation);
    if (!fault) {
      return { dropped: false };
    }
    record.fault = JSON.stringify(fault);
    if (fault.latencyMs) {
      await new Promise((r) => setTimeout(r, fault.latencyMs));
    }
    if (fault.drop) {
      record.status = 0;
      socket.destroy();
      return { fault, dropped: true };
    }
    return { fault, dropped: false };
  }

  /** The fault to apply to this request, counting down `times`. */
  take(operation: string): Fault | undefined {
    const key = this.faults.has(operation) ? operation : this.faults.has('*') ? '*' : undefined;
    if (key === undefined) {
      return undefined;
    }
    const fault = this.faults.get(key)!;
    if (fault.times !== undefined) {
      fault.times -= 1;
      if (fault.times <= 0) {
        this.faults.delete(key);
      }
    }
    return fault;
  }
}
