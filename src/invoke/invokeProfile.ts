/**
 * Before an invocation is sent: what in the function's configuration changes it (its invoke
 * traits, read once per function and kept for a few minutes), and the questions that follow:
 * the tenant id of a function with tenant isolation, the optional execution name of a durable
 * function. A durable function is always invoked with a qualifier (`$LATEST` when none).
 */
import * as vscode from 'vscode';
import type { Connection } from '../core/connection';
import { Cancelled } from '../core/errors';
import { log } from '../core/log';
import { ui } from '../core/userInput';
import { invokeTraitsOf, type InvokeTraits } from '../shared/invokeTraits';
import { explicitQualifier, LATEST, qualifiedName, type LambdaTarget } from '../shared/lambdaTarget';
import type { InvokeOptions } from './invoker';
import { loadInvokeModel } from './invokeModel';

/** How long the traits of a function are trusted before they are read again. */
const TRAITS_TTL_MS = 5 * 60_000;

/** The invoke traits of functions, per connection, region and name (GetFunctionConfiguration, or what the tree or a picker passed). */
export class InvokeTraitsCache {
  private readonly entries = new Map<string, { traits: InvokeTraits; at: number }>();

  constructor(private readonly connection: Connection) {}

  private key(target: LambdaTarget): string {
    return JSON.stringify([this.connection.profile ?? '', this.connection.endpoint ?? '', target.region, target.functionName]);
  }

  /** Remembers traits read elsewhere (the listing behind a tree node). */
  note(target: LambdaTarget, traits: InvokeTraits): void {
    this.entries.set(this.key(target), { traits, at: Date.now() });
  }

  clear(): void {
    this.entries.clear();
  }

  /**
   * The traits of the target's function; undefined when they cannot be read (no permission for
   * GetFunctionConfiguration, say): the invocation then goes as a plain one, and Lambda says
   * what it misses.
   */
  async get(target: LambdaTarget, signal?: AbortSignal): Promise<InvokeTraits | undefined> {
    const key = this.key(target);
    const hit = this.entries.get(key);
    if (hit && Date.now() - hit.at < TRAITS_TTL_MS) {
      return hit.traits;
    }
    try {
      const fn = await this.connection.service(target.region).getFunctionConfiguration(target.functionName, undefined, { signal });
      const traits = invokeTraitsOf(fn);
      this.entries.set(key, { traits, at: Date.now() });
      return traits;
    } catch (err) {
      log().warn(`Could not read the configuration of ${target.functionName} (${target.region}) before invoking it: ${err instanceof Error ? err.message : String(err)}`);
      return undefined;
    }
  }
}

export interface PreparedOptions {
  options: InvokeOptions;
  /** The qualifier to send (`$LATEST` for a durable function invoked without one). */
  qualifier: string | undefined;
  traits: InvokeTraits | undefined;
}

/**
 * Completes the options of an invocation from the function's traits: when the function isolates
 * tenants and no tenant id was given, the one remembered with the payload file (`reuseTenant`:
 * the CodeLens that shows it) or the one asked for (offering the remembered one); an optional
 * execution name for a durable function.
 */
export async function prepareOptions(
  target: LambdaTarget,
  options: InvokeOptions,
  traits: InvokeTraits | undefined,
  remembered: { tenantId?: string; reuseTenant?: boolean } = {},
): Promise<PreparedOptions> {
  const out: InvokeOptions = { ...options };
  const name = qualifiedName(target);
  if (traits?.tenantIsolation && out.tenantId === undefined) {
    out.tenantId = remembered.reuseTenant && remembered.tenantId ? remembered.tenantId : await askTenantId(name, traits.tenantIsolation, remembered.tenantId);
  }
  if (traits?.durable && out.durableExecutionName === undefined) {
    out.durableExecutionName = await askDurableExecutionName(name);
  }
  const qualifier = explicitQualifier(target.qualifier) ?? (traits?.durable ? LATEST : undefined);
  return { options: out, qualifier, traits };
}

/** The tenant id of a function with tenant isolation (required). */
export async function askTenantId(functionName: string, mode: string, remembered: string | undefined): Promise<string> {
  const model = loadInvokeModel();
  const value = await ui().showInputBox({
    title: vscode.l10n.t('Tenant ID for {0}', functionName),
    prompt: vscode.l10n.t('{0} isolates tenants ({1}): every invocation runs for one tenant. {2}', functionName, mode, model.describeRule(model.TENANT_ID_RULE)),
    placeHolder: 'tenant-a',
    value: remembered,
    ignoreFocusOut: true,
    validateInput: (v) => model.checkTenantId(v),
  });
  if (value === undefined) {
    throw new Cancelled();
  }
  return value;
}

/** The optional name of a durable execution: undefined when left empty (Lambda makes one). */
export async function askDurableExecutionName(functionName: string, optional = true): Promise<string | undefined> {
  const model = loadInvokeModel();
  const value = await ui().showInputBox({
    title: vscode.l10n.t('Durable execution name (optional)'),
    prompt: vscode.l10n.t(
      '{0} is a durable function. The same name with the same payload answers the same execution again. Leave empty and Lambda makes up a name. {1}',
      functionName,
      model.describeRule(model.DURABLE_EXECUTION_NAME_RULE),
    ),
    placeHolder: 'order-1234',
    ignoreFocusOut: true,
    validateInput: (v) => (optional && v === '' ? undefined : model.checkDurableExecutionName(v)),
  });
  if (value === undefined) {
    throw new Cancelled();
  }
  return value === '' ? undefined : value;
}
