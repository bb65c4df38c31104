/**
 * What in a function's configuration changes how it is invoked: tenant isolation (a tenant id
 * on every invocation), Lambda Managed Instances (a capacity provider: no log tail,
 * `$LATEST.PUBLISHED`), durable execution (an execution name, a qualified target, an execution
 * ARN back), SnapStart, its log format and log group. Read from the listing or
 * GetFunctionConfiguration; the tree shows it, the invoker acts on it. Pure.
 */
import type { FunctionConfiguration } from '@aws-sdk/client-lambda';

export interface InvokeTraits {
  /** `TenancyConfig.TenantIsolationMode` (e.g. `PER_TENANT`): every invocation needs a TenantId. */
  tenantIsolation?: string;
  /** `CapacityProviderConfig` (Lambda Managed Instances): the capacity provider's ARN. */
  capacityProviderArn?: string;
  /** `DurableConfig`: a durable function. */
  durable?: { executionTimeout?: number; retentionPeriodInDays?: number };
  /** `SnapStart.ApplyOn` when not None, with its OptimizationStatus. */
  snapStart?: { applyOn: string; optimizationStatus?: string };
  /** `LoggingConfig.LogFormat` (Text or JSON). */
  logFormat?: string;
  /** Where the function logs: `LoggingConfig.LogGroup`, else `/aws/lambda/<name>`. */
  logGroup: string;
}

/** The function's default log group: `/aws/lambda/<name>`. */
export function defaultLogGroup(functionName: string): string {
  return `/aws/lambda/${functionName}`;
}

export function invokeTraitsOf(fn: Pick<FunctionConfiguration, 'FunctionName' | 'TenancyConfig' | 'CapacityProviderConfig' | 'DurableConfig' | 'SnapStart' | 'LoggingConfig'>): InvokeTraits {
  const traits: InvokeTraits = { logGroup: fn.LoggingConfig?.LogGroup || defaultLogGroup(fn.FunctionName ?? '') };
  if (fn.TenancyConfig?.TenantIsolationMode) {
    traits.tenantIsolation = fn.TenancyConfig.TenantIsolationMode;
  }
  if (fn.CapacityProviderConfig) {
    traits.capacityProviderArn = fn.CapacityProviderConfig.LambdaManagedInstancesCapacityProviderConfig?.CapacityProviderArn ?? '';
  }
  if (fn.DurableConfig) {
    traits.durable = { executionTimeout: fn.DurableConfig.ExecutionTimeout, retentionPeriodInDays: fn.DurableConfig.RetentionPeriodInDays };
  }
  if (fn.SnapStart?.ApplyOn && fn.SnapStart.ApplyOn !== 'None') {
    traits.snapStart = { applyOn: fn.SnapStart.ApplyOn, optimizationStatus: fn.SnapStart.OptimizationStatus };
  }
  if (fn.LoggingConfig?.LogFormat) {
    traits.logFormat = fn.LoggingConfig.LogFormat;
  }
  return traits;
}

/** Something (a tree node) that knows the invoke traits of its function. */
export interface HasInvokeTraits {
  readonly invokeTraits: InvokeTraits;
}

export function invokeTraitsOfArgument(x: unknown): InvokeTraits | undefined {
  return typeof x === 'object' && x !== null && 'invokeTraits' in x ? (x as HasInvokeTraits).invokeTraits : undefined;
}
