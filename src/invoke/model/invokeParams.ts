/**
 * The checks of the newer Invoke parameters, from the Lambda API reference, made before
 * anything is sent: `TenantId` (functions with tenant isolation) and `DurableExecutionName`
 * (durable functions). Also the decision to retry an invocation without `LogType: Tail` when
 * Lambda refuses it (Lambda Managed Instances). Pure: no vscode import.
 */
import { t } from '../../shared/l10n';

/** A parameter's rule: its length range and the characters it may hold. */
export interface ParamRule {
  /** The member's name in the API (shown in messages). */
  field: 'TenantId' | 'DurableExecutionName';
  min: number;
  max: number;
  /** The whole value must match. */
  pattern: RegExp;
  /** The characters allowed, in words (for messages). */
  allowed: () => string;
}

/** `TenantId`: 1–256 characters, pattern `[a-zA-Z0-9._:/=+\-@ ]+`. */
export const TENANT_ID_RULE: ParamRule = {
  field: 'TenantId',
  min: 1,
  max: 256,
  pattern: /^[a-zA-Z0-9._:/=+\-@ ]+$/,
  allowed: () => t('letters A–Z and a–z, digits, spaces and . _ : / = + - @'),
};

/** `DurableExecutionName`: 1–64 characters, pattern `[a-zA-Z0-9-_]+`. */
export const DURABLE_EXECUTION_NAME_RULE: ParamRule = {
  field: 'DurableExecutionName',
  min: 1,
  max: 64,
  pattern: /^[a-zA-Z0-9_-]+$/,
  allowed: () => t('letters A–Z and a–z, digits, - and _'),
};

/** The rule in words: `1–256 characters: letters …`. */
export function describeRule(rule: ParamRule): string {
  return t('{0}–{1} characters: {2}', rule.min, rule.max, rule.allowed());
}

/** What is wrong with `value` under `rule` (naming the field and the rule), or undefined when it is valid. */
export function checkParam(rule: ParamRule, value: string): string | undefined {
  const length = [...value].length;
  if (length < rule.min) {
    return t('{0} is empty: it needs {1}.', rule.field, describeRule(rule));
  }
  if (length > rule.max) {
    return t('{0} is {1} characters long: at most {2} are allowed ({3}).', rule.field, length, rule.max, describeRule(rule));
  }
  if (!rule.pattern.test(value)) {
    const bad = [...value].find((c) => !rule.pattern.test(c)) ?? '';
    return t('{0} holds "{1}", which is not allowed: use {2}.', rule.field, bad === ' ' ? t('a space') : bad, rule.allowed());
  }
  return undefined;
}

export function checkTenantId(value: string): string | undefined {
  return checkParam(TENANT_ID_RULE, value);
}

export function checkDurableExecutionName(value: string): string | undefined {
  return checkParam(DURABLE_EXECUTION_NAME_RULE, value);
}

/** The first problem of the parameters an invocation would send, or undefined when they are valid. */
export function checkInvokeParams(p: { tenantId?: string; durableExecutionName?: string }): string | undefined {
  return (p.tenantId !== undefined ? checkTenantId(p.tenantId) : undefined) ?? (p.durableExecutionName !== undefined ? checkDurableExecutionName(p.durableExecutionName) : undefined);
}

/**
 * Lambda refused `LogType: Tail` (functions on Lambda Managed Instances answer
 * InvalidParameterValueException "Tail logs are not supported for functions …"): the
 * invocation is sent once more without it, as the AWS SAM CLI does.
 */
export function isTailLogsRejection(err: unknown): boolean {
  if (typeof err !== 'object' || err === null) {
    return false;
  }
  const e = err as { name?: unknown; message?: unknown };
  return e.name === 'InvalidParameterValueException' && typeof e.message === 'string' && /^\s*Tail logs are not supported\b/i.test(e.message);
}

/** Whether an invocation that failed with `err` after asking for `logType` is sent again without it. */
export function shouldRetryWithoutTail(err: unknown, logType: 'Tail' | 'None', alreadyRetried: boolean): boolean {
  return logType === 'Tail' && !alreadyRetried && isTailLogsRejection(err);
}
