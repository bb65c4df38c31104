/**
 * The questions of an invoke: which payload (the active editor, the files paired with the
 * target, the workspace's JSON files, empty, a template) and, with options, the invocation type
 * and client context.
 */
import * as fs from 'node:fs';
import * as vscode from 'vscode';
import { Cancelled } from '../core/errors';
import { ui } from '../core/userInput';
import { isConfigFileName, isJsonFileName } from '../shared/configFileNames';
import { qualifiedName, type LambdaTarget } from '../shared/lambdaTarget';
import type { InvokeOptions, PayloadSource } from './invoker';
import { loadInvokeModel } from './invokeModel';
import type { InvocationType } from './model/limits';
import type { PairingState } from './pairingState';

/** Workspace files never offered as payloads. */
const EXCLUDE = '{**/node_modules/**,**/.git/**,**/.vscode/**,**/out/**,**/dist/**,**/.vscode-test/**}';
const NOT_PAYLOADS = /(^|\/)(package(-lock)?|tsconfig(\.[^/]*)?|jsconfig(\.[^/]*)?|\.eslintrc|composer|bower)\.json$/i;
const MAX_FILES = 1000;

export function isJsonDocument(doc: vscode.TextDocument): boolean {
  return (doc.uri.scheme === 'file' || doc.uri.scheme === 'untitled') && (doc.languageId === 'json' || doc.languageId === 'jsonc' || isJsonFileName(doc.uri.path)) && !isConfigFileName(doc.uri.path);
}

/** The active editor's document when it can be a payload. */
export function activePayloadDocument(): vscode.TextDocument | undefined {
  const doc = vscode.window.activeTextEditor?.document;
  return doc && isJsonDocument(doc) ? doc : undefined;
}

/** A plain synchronous invoke. */
export const DEFAULT_INVOKE_OPTIONS: InvokeOptions = { invocationType: 'RequestResponse' };

export type PayloadChoice = { kind: 'source'; source: PayloadSource } | { kind: 'template' } | { kind: 'options' };

interface ChoiceItem extends vscode.QuickPickItem {
  choice?: PayloadChoice;
}

/** Palette invoke: the payload for `target` (active editor, workspace JSON files, empty, template, options). */
export async function pickPayload(target: LambdaTarget, pairings: PairingState, options: { allowOptions: boolean }): Promise<PayloadChoice> {
  const items: ChoiceItem[] = [];
  const seen = new Set<string>();
  const active = activePayloadDocument();
  if (active) {
    seen.add(active.uri.toString());
    items.push({
      label: `$(go-to-file) ${active.isUntitled ? active.uri.path : vscode.workspace.asRelativePath(active.uri, false)}`,
      description: active.isDirty || active.isUntitled ? vscode.l10n.t('active editor, unsaved') : vscode.l10n.t('active editor'),
      choice: { kind: 'source', source: { kind: 'file', uri: active.uri } },
    });
  }
  const found = await vscode.workspace.findFiles('**/*.{json,jsonc}', EXCLUDE, MAX_FILES);
  const files = new Map<string, vscode.Uri>();
  for (const uri of found) {
    const rel = vscode.workspace.asRelativePath(uri, false);
    if (!isConfigFileName(uri.path) && !NOT_PAYLOADS.test(rel)) {
      files.set(uri.toString(), uri);
    }
  }
  for (const uri of pairings.payloadsFor(target)) {
    const key = uri.toString();
    if (seen.has(key) || (uri.scheme === 'file' && !files.has(key) && !fs.existsSync(uri.fsPath))) continue;
    seen.add(key);
    items.push({
      label: `$(pinned) ${vscode.workspace.asRelativePath(uri, false)}`,
      description: vscode.l10n.t('used with this function before'),
      choice: { kind: 'source', source: { kind: 'file', uri } },
    });
  }
  const rest = [...files.values()].filter((u) => !seen.has(u.toString())).map((uri) => ({ uri, rel: vscode.workspace.asRelativePath(uri, false) }));
  rest.sort((a, b) => a.rel.localeCompare(b.rel));
  for (const { uri, rel } of rest) {
    items.push({ label: `$(json) ${rel}`, choice: { kind: 'source', source: { kind: 'file', uri } } });
  }
  items.push({ label: '', kind: vscode.QuickPickItemKind.Separator });
  items.push({ label: `$(circle-slash) ${vscode.l10n.t('Empty payload')}`, description: '{}', choice: { kind: 'source', source: { kind: 'empty' } } });
  items.push({ label: `$(new-file) ${vscode.l10n.t('New payload from template…')}`, description: vscode.l10n.t('SQS, SNS, S3, API Gateway, EventBridge, DynamoDB, Kinesis'), choice: { kind: 'template' } });
  if (options.allowOptions) {
    items.push({ label: `$(settings-gear) ${vscode.l10n.t('Invoke with options…')}`, description: vscode.l10n.t('invocation type, client context'), choice: { kind: 'options' } });
  }
  const picked = await ui().showQuickPick(items, {
    title: vscode.l10n.t('Invoke {0}', qualifiedName(target)),
    placeHolder: vscode.l10n.t('Choose the payload'),
    matchOnDescription: true,
  });
  if (!picked?.choice) {
    throw new Cancelled();
  }
  return picked.choice;
}

interface TypeItem extends vscode.QuickPickItem {
  type?: InvocationType;
  /** InvokeWithResponseStream (true) or Invoke (false). */
  stream?: boolean;
  /** An item that sets a parameter, then comes back to the list. */
  set?: 'tenantId' | 'durableExecutionName';
}

/**
 * "Invoke with options…": the invocation type and, for RequestResponse, an optional client
 * context. The list also sets a tenant id and a durable execution name, for any function (each
 * item asks, then the list comes back with the value shown).
 */
export async function pickInvokeOptions(lastType?: InvocationType, defaults: { tenantId?: string } = {}): Promise<InvokeOptions> {
  const types: TypeItem[] = [
    { type: 'RequestResponse', label: 'RequestResponse', description: vscode.l10n.t('synchronous: wait for the response and the log (default)') },
    { type: 'Event', label: 'Event', description: vscode.l10n.t('asynchronous: queue the event; answers 202') },
    { type: 'DryRun', label: 'DryRun', description: vscode.l10n.t('check parameters and permissions only; answers 204') },
    ...streamTypeItems(),
  ];
  if (lastType && lastType !== 'RequestResponse') {
    types.sort((a, b) => (a.type === lastType ? -1 : b.type === lastType ? 1 : 0));
  }
  const extra: Pick<InvokeOptions, 'tenantId' | 'durableExecutionName'> = { tenantId: defaults.tenantId };
  let picked: TypeItem | undefined;
  for (;;) {
    const items: TypeItem[] = [
      ...types,
      { label: '', kind: vscode.QuickPickItemKind.Separator },
      { set: 'tenantId', label: `$(person) ${vscode.l10n.t('Tenant ID…')}`, description: extra.tenantId ?? vscode.l10n.t('none (functions with tenant isolation need one)') },
      { set: 'durableExecutionName', label: `$(history) ${vscode.l10n.t('Durable execution name…')}`, description: extra.durableExecutionName ?? vscode.l10n.t('none (durable functions)') },
    ];
    picked = await ui().showQuickPick(items, { title: vscode.l10n.t('Invocation type'), placeHolder: vscode.l10n.t('How to invoke') });
    if (!picked) {
      throw new Cancelled();
    }
    if (picked.set === 'tenantId') {
      extra.tenantId = await askOptionalParam('TenantId', extra.tenantId);
    } else if (picked.set === 'durableExecutionName') {
      extra.durableExecutionName = await askOptionalParam('DurableExecutionName', extra.durableExecutionName);
    } else {
      break;
    }
  }
  const type = picked.type ?? 'RequestResponse';
  const stream = picked.stream ?? false;
  const withExtra = (o: InvokeOptions): InvokeOptions => ({
    ...o,
    stream,
    ...(extra.tenantId !== undefined ? { tenantId: extra.tenantId } : {}),
    ...(extra.durableExecutionName !== undefined ? { durableExecutionName: extra.durableExecutionName } : {}),
  });
  if (type !== 'RequestResponse') {
    return withExtra({ invocationType: type });
  }
  const text = await ui().showInputBox({
    title: vscode.l10n.t('Client context (optional)'),
    prompt: vscode.l10n.t('A JSON object the function receives as context.clientContext. Leave empty for none.'),
    placeHolder: '{"custom": {"key": "value"}}',
    validateInput: (v) => {
      const r = loadInvokeModel().encodeClientContext(v);
      return r.ok ? undefined : r.message;
    },
  });
  if (text === undefined) {
    throw new Cancelled();
  }
  const r = loadInvokeModel().encodeClientContext(text);
  if (!r.ok) {
    throw new Error(r.message);
  }
  return withExtra({ invocationType: 'RequestResponse', clientContext: r.base64 });
}

/** A tenant id or durable execution name of "Invoke with options…": checked as typed; empty for none. */
async function askOptionalParam(field: 'TenantId' | 'DurableExecutionName', current: string | undefined): Promise<string | undefined> {
  const model = loadInvokeModel();
  const rule = field === 'TenantId' ? model.TENANT_ID_RULE : model.DURABLE_EXECUTION_NAME_RULE;
  const value = await ui().showInputBox({
    title: field === 'TenantId' ? vscode.l10n.t('Tenant ID (optional)') : vscode.l10n.t('Durable execution name (optional)'),
    prompt: vscode.l10n.t('{0}: {1}. Leave empty for none.', field, model.describeRule(rule)),
    value: current,
    ignoreFocusOut: true,
    validateInput: (v) => (v === '' ? undefined : model.checkParam(rule, v)),
  });
  if (value === undefined) {
    return current;
  }
  return value === '' ? undefined : value;
}

/** The options' response stream items (InvokeWithResponseStream: RequestResponse or DryRun). */
function streamTypeItems(): TypeItem[] {
  return [
    { type: 'RequestResponse', stream: true, label: 'RequestResponse · ResponseStream', description: vscode.l10n.t('response stream: show the response as it arrives (InvokeWithResponseStream)') },
    { type: 'DryRun', stream: true, label: 'DryRun · ResponseStream', description: vscode.l10n.t('response stream: check parameters and permissions only; answers 204') },
  ];
}
