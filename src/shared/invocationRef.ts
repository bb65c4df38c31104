/**
 * One invocation the extension made, as much as its log needs: the target, the request id
 * (the 202's for an `Event` invocation), when it was sent, and where the log is when Lambda
 * said so (the reference form of `LogResult`, Lambda Managed Instances). The invoker keeps the
 * last ones; Show Full Log takes one. Pure.
 */
import { toLambdaTarget, type LambdaTarget } from './lambdaTarget';

export interface InvocationRef {
  target: LambdaTarget;
  requestId: string;
  invocationType: string;
  /** Epoch ms the invoke was sent. */
  startedAt: number;
  /** From the reference form of `LogResult`. */
  logReference?: { logGroup: string; logStreamName: string };
}

/** An InvocationRef from a command argument (anything), or undefined. */
export function toInvocationRef(x: unknown): InvocationRef | undefined {
  if (typeof x !== 'object' || x === null) {
    return undefined;
  }
  const o = x as Record<string, unknown>;
  const target = toLambdaTarget(o.target);
  if (!target || typeof o.requestId !== 'string' || !o.requestId || typeof o.startedAt !== 'number') {
    return undefined;
  }
  const r = o.logReference as Record<string, unknown> | undefined;
  const logReference = r && typeof r.logGroup === 'string' && typeof r.logStreamName === 'string' ? { logGroup: r.logGroup, logStreamName: r.logStreamName } : undefined;
  return { target, requestId: o.requestId, invocationType: typeof o.invocationType === 'string' ? o.invocationType : 'RequestResponse', startedAt: o.startedAt, ...(logReference ? { logReference } : {}) };
}

/** The log group of a function: its `LoggingConfig.LogGroup`, else `/aws/lambda/<name>`. */
export function logGroupOf(functionName: string, loggingConfigLogGroup: string | undefined): string {
  return loggingConfigLogGroup || `/aws/lambda/${functionName}`;
}
