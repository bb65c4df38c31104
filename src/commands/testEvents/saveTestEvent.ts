import * as path from 'node:path';
import * as vscode from 'vscode';
import { AlreadyReported, Cancelled } from '../../core/errors';
import { log } from '../../core/log';
import { actions, showError, showInfo } from '../../core/notify';
import { ui } from '../../core/userInput';
import { loadInvokeModel } from '../../invoke/invokeModel';
import { activePayloadDocument } from '../../invoke/payloadPicker';
import { pickFunction } from '../../pickers/resourcePickers';
import { isConfigFileName } from '../../shared/configFileNames';
import { targetLabel, type LambdaTarget } from '../../shared/lambdaTarget';
import type { TestEventInvocationType } from '../../testEvents/model/document';
import type { WriteResult } from '../../testEvents/model/store';
import { loadTestEventsModel, testEventStore } from '../../testEvents/testEventsModel';
import type { Workbench } from '../workbench';
import { accountOf, failTestEvents, whereText } from './testEventSupport';

export interface SavedTestEvent extends WriteResult {
  functionName: string;
  name: string;
  invocationType: TestEventInvocationType;
}

/** The function to share with: the file's paired function first, or any function of the shown regions. */
async function pickTarget(wb: Workbench, uri: vscode.Uri, title: string): Promise<LambdaTarget> {
  const pairing = wb.pairings.get(uri);
  if (pairing) {
    const paired: LambdaTarget = { region: pairing.target.region, functionName: pairing.target.functionName };
    const items: Array<vscode.QuickPickItem & { paired: boolean }> = [
      { label: `$(symbol-function) ${targetLabel(paired)}`, description: vscode.l10n.t('paired with this file'), paired: true },
      { label: `$(list-selection) ${vscode.l10n.t('Choose another function…')}`, paired: false },
    ];
    const picked = await ui().showQuickPick(items, { title, placeHolder: vscode.l10n.t('Choose the function whose shareable test events get this event') });
    if (!picked) {
      throw new Cancelled();
    }
    if (picked.paired) {
      return paired;
    }
  }
  return pickFunction(wb.connection, { title });
}

/** A name the console takes, from the file's name: `order created.json` → `order-created`. */
function suggestedName(uri: vscode.Uri, max: number): string {
  const base = path.posix.basename(uri.path).replace(/\.jsonc?$/i, '');
  return base.replace(/[^A-Za-z0-9._-]+/g, '-').slice(0, max) || 'event';
}

/**
 * Save as Shareable Test Event… on a payload file (explorer, editor title, CodeLens, palette):
 * the file is checked like any payload, then the function (the paired one first), a name, and
 * a confirmation that names the account; the invocation type of the file's pairing is kept. The
 * event is written as the Lambda console writes it; a concurrent change is not overwritten.
 */
export async function saveTestEvent(wb: Workbench, uriArg?: unknown): Promise<SavedTestEvent> {
  const uri = uriArg instanceof vscode.Uri ? uriArg : activePayloadDocument()?.uri;
  if (!uri) {
    throw new Error(vscode.l10n.t('Open a payload file (JSON) first, or run this command on one in the explorer.'));
  }
  const fileName = vscode.workspace.asRelativePath(uri, false);
  if (isConfigFileName(uri.path)) {
    throw new Error(vscode.l10n.t('{0} is a config file, not an event.', fileName));
  }
  const title = vscode.l10n.t('Save {0} as a Shareable Test Event', fileName);
  const pairing = wb.pairings.get(uri);
  const invocationType: TestEventInvocationType = pairing?.invocationType === 'Event' ? 'Event' : 'RequestResponse';
  let value: unknown;
  try {
    const checked = await wb.invoker.readPayload({ kind: 'file', uri }, 'RequestResponse');
    value = JSON.parse(checked.text);
    loadTestEventsModel().checkTestEventSize(value, fileName);
  } catch (err) {
    if (loadInvokeModel().isPayloadError(err) || (err as { name?: string }).name === 'TestEventInputError') {
      const e = err as Error & { line?: number; column?: number };
      const message = vscode.l10n.t('Not saved: {0}', e.message);
      log().warn(`Save as shareable test event: ${fileName} not sent: ${e.message}`);
      showError(message, actions.openFile(uri, e.line, e.column));
      throw new AlreadyReported();
    }
    throw err;
  }

  const target = await pickTarget(wb, uri, title);
  const store = testEventStore(wb.connection, target.region);
  const model = loadTestEventsModel();
  let list;
  try {
    list = await store.list(target.functionName);
  } catch (err) {
    return failTestEvents(wb, err, vscode.l10n.t('Could not read the shareable test events of {0}', target.functionName), target);
  }
  const answer = await ui().showInputBox({
    title,
    prompt: vscode.l10n.t('Name of the event (letters, digits, dots, hyphens and underscores; at most {0})', model.MAX_TEST_EVENT_NAME_LENGTH),
    value: suggestedName(uri, model.MAX_TEST_EVENT_NAME_LENGTH),
    validateInput: (v) => model.checkTestEventName(v.trim()),
  });
  if (answer === undefined) {
    throw new Cancelled();
  }
  const name = answer.trim();
  const problem = model.checkTestEventName(name);
  if (problem) {
    throw new Error(problem);
  }
  const exists = list.events.some((e) => e.name === name);
  const account = await accountOf(wb, target);
  const where = whereText(account, target.region);
  const button = exists ? vscode.l10n.t('Overwrite') : vscode.l10n.t('Save');
  const question = exists
    ? vscode.l10n.t('{0} already has a shareable test event "{1}" in {2}. Overwrite it with {3} ({4})? Everyone who uses this account sees the change.', target.functionName, name, where, fileName, invocationType)
    : vscode.l10n.t('Save {0} as the shareable test event "{1}" ({2}) of {3} in {4}? Everyone who uses this account can see and use it.', fileName, name, invocationType, target.functionName, where);
  if ((await ui().showWarningMessage(question, { modal: true }, button)) !== button) {
    throw new Cancelled();
  }
  try {
    const result = await store.save(target.functionName, { name, value, invocationType }, list.version, exists);
    log().info(`Saved shareable test event ${name} of ${target.functionName} (${target.region}): schema version ${result.version ?? '?'}${result.pruned.length ? `, deleted old versions ${result.pruned.join(', ')}` : ''}`);
    showInfo(vscode.l10n.t('Saved "{0}" as a shareable test event of {1}: it is in the Lambda console\'s Test tab.', name, target.functionName));
    return { ...result, functionName: target.functionName, name, invocationType };
  } catch (err) {
    return failTestEvents(wb, err, vscode.l10n.t('Could not save the shareable test event "{0}"', name), target);
  } finally {
    wb.views.refreshTestEvents(target.region, target.functionName);
  }
}
