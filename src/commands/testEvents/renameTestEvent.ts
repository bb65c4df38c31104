import * as vscode from 'vscode';
import { Cancelled } from '../../core/errors';
import { showInfo } from '../../core/notify';
import { ui } from '../../core/userInput';
import type { WriteResult } from '../../testEvents/model/store';
import { loadTestEventsModel, testEventStore } from '../../testEvents/testEventsModel';
import type { Workbench } from '../workbench';
import { accountOf, failTestEvents, testEventNodeOf, whereText } from './testEventSupport';

/** Rename…: a new name (checked as the console checks it), confirmed, written as a new schema version. */
export async function renameTestEvent(wb: Workbench, node?: unknown): Promise<WriteResult> {
  const n = testEventNodeOf(node);
  const target = n.functionTarget;
  const model = loadTestEventsModel();
  const to = await ui().showInputBox({
    title: vscode.l10n.t('Rename the shareable test event "{0}"', n.event.name),
    prompt: vscode.l10n.t('New name (letters, digits, dots, hyphens and underscores; at most {0})', model.MAX_TEST_EVENT_NAME_LENGTH),
    value: n.event.name,
    validateInput: (v) => model.checkTestEventName(v.trim()),
  });
  if (to === undefined || to.trim() === n.event.name) {
    throw new Cancelled();
  }
  const name = to.trim();
  const account = await accountOf(wb, target);
  const rename = vscode.l10n.t('Rename');
  const answer = await ui().showWarningMessage(
    vscode.l10n.t('Rename the shareable test event "{0}" of {1} to "{2}" in {3}? Everyone who uses this account sees the change.', n.event.name, target.functionName, name, whereText(account, target.region)),
    { modal: true },
    rename,
  );
  if (answer !== rename) {
    throw new Cancelled();
  }
  try {
    const result = await testEventStore(wb.connection, target.region).rename(target.functionName, n.event.name, name, n.schemaVersion);
    showInfo(vscode.l10n.t('Renamed the shareable test event "{0}" of {1} to "{2}".', n.event.name, target.functionName, name));
    return result;
  } catch (err) {
    return failTestEvents(wb, err, vscode.l10n.t('Could not rename the shareable test event "{0}"', n.event.name), target);
  } finally {
    wb.views.refreshTestEvents(target.region, target.functionName);
  }
}
